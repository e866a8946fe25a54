// gazetteer/words.tsv: errors with file and line, and the shipped file's words.
#include "gazetteer/words.hpp"

#include <gtest/gtest.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {
std::string load_error(const char* name, const std::string& text) {
    auto dir = fl::test::scratch(name);
    fl::write_file_atomic(dir / "words.tsv", text);
    try {
        fl::GeoWords::load(dir / "words.tsv");
    } catch (const fl::Error& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST(Words, UnknownKindNamesFileAndLine) {
    const std::string w =
        load_error("words_kind", "# comment\nkind\tword\ntitle\tspokesman\ntitel\tminister\n");
    EXPECT_NE(w.find("gazetteer error: "), std::string::npos) << w;
    EXPECT_NE(w.find("words.tsv line 4"), std::string::npos) << w;
    EXPECT_NE(w.find("titel"), std::string::npos) << w;
}

TEST(Words, BadWordNamesFileAndLine) {
    std::string w = load_error("words_caps", "kind\tword\ntitle\tspokesman\ntitle\tMinister\n");
    EXPECT_NE(w.find("words.tsv line 3"), std::string::npos) << w;
    EXPECT_NE(w.find("lower case"), std::string::npos) << w;
    w = load_error("words_empty", "kind\tword\ntitle\t\n");
    EXPECT_NE(w.find("words.tsv line 2"), std::string::npos) << w;
    w = load_error("words_column", "kind\tphrase\ntitle\tspokesman\n");
    EXPECT_NE(w.find("word"), std::string::npos) << w;
}

TEST(Words, UnderscoreIsASpaceAndOpeningsAreFolded) {
    auto dir = fl::test::scratch("words_ok");
    fl::write_file_atomic(dir / "words.tsv",
                          "kind\tword\nperson_after\t,_head_of\ngeneric_opening\tkhirbet\n");
    const fl::GeoWords g = fl::GeoWords::load(dir / "words.tsv");
    EXPECT_TRUE(g.person_after.has(", head of"));
    EXPECT_FALSE(g.generic_opening.words().empty());
    EXPECT_FALSE(g.title.has("spokesman"));
}

TEST(Words, LargeSetsAndSmallSetsAnswerAlike) {
    fl::WordSet small, large;
    for (int i = 0; i < 40; ++i) {
        // (Appended, not "w" + ...: GCC 12's -Wrestrict misfires on that.)
        std::string w = "w";
        w += std::to_string(i);
        large.add(w);
        if (i < 5) small.add(w);
    }
    EXPECT_TRUE(small.has("w4"));
    EXPECT_FALSE(small.has("w5"));
    EXPECT_TRUE(large.has("w0"));
    EXPECT_TRUE(large.has("w39"));
    EXPECT_FALSE(large.has("w40"));
    EXPECT_EQ(large.words().size(), 40u);
}

TEST(Words, ShippedFileLoads) {
    const fl::GeoWords& g = fl::geo_words();
    EXPECT_TRUE(g.title.has("spokesman"));
    EXPECT_TRUE(g.name_break.has("the"));
    EXPECT_TRUE(g.person_after.has(", the head of"));
    EXPECT_TRUE(g.airfield_suffix.has("military air base"));
    ASSERT_FALSE(g.airfield_suffix.words().empty());
    EXPECT_EQ(g.airfield_suffix.words().front(), "military airbase");  // longest first
    EXPECT_EQ(g.unit_word.words().size(), 4u);
}
