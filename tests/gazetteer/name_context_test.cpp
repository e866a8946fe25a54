// Names in their sentence: a generic first word ("Kafr", "Tal") does not stand for a longer
// name; the area named after a list chooses its items' homonyms; outlets, persons and
// facilities named like places are not those places. Sentences written for these tests.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"
#include "geoparse_fixture.hpp"
#include "test_util.hpp"

namespace fl = frontline;
using fl::test::geoparse_text;
using fl::test::mention_of;
using fl::test::project_gazetteer;

namespace {

std::vector<fl::Mention> parse(const std::string& text) {
    return geoparse_text(text, /*unlocated=*/true);
}

// No mention overlaps the text `surface` (its first occurrence in `text`) with a located
// place.
bool unplaced(const std::string& text, const std::vector<fl::Mention>& ms,
              const std::string& surface) {
    const std::size_t at = text.find(surface);
    EXPECT_NE(at, std::string::npos) << surface;
    for (const auto& m : ms) {
        if (m.start < at + surface.size() && at < m.end && m.located) return false;
    }
    return true;
}

}  // namespace

TEST(GenericWord, AloneItDoesNotStandForTheLongerName) {
    const std::string t =
        "Rebels captured the villages of Anjara, Kafr Zibda, Bala and Urum al-Sughra on Sunday.";
    auto ms = parse(t);
    EXPECT_TRUE(unplaced(t, ms, "Kafr Zibda"));
    const fl::Mention* u = mention_of(ms, "Kafr Zibda");
    ASSERT_NE(u, nullptr);
    EXPECT_FALSE(u->located);
    ASSERT_NE(mention_of(ms, "Anjara"), nullptr);
    // Nor outside a list: "Tal" of an unknown "Tal Zibda" is no place.
    const std::string t2 = "Shells fell on Tal Zibda overnight.";
    EXPECT_TRUE(unplaced(t2, parse(t2), "Tal Zibda"));
    // The full name still matches.
    ASSERT_NE(mention_of(parse("Fighters entered Tal Rifaat."), "Tal Rifaat"), nullptr);
}
