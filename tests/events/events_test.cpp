// Event extraction on sentences written for the tests.
#include "events/event.hpp"

#include <gtest/gtest.h>

#include "common/atomic_file.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {
fl::Gazetteer gaz() {
    auto dir = fl::test::scratch("events_gaz");
    fl::write_file_atomic(
        dir / "curated.tsv",
        "id\tname\talternatenames\tlat\tlon\tfeature_class\tfeature_code\tcountry_code\tadmin1\tpopulation\t"
        "precision_m\tgeometry_wkt\tsource\n"
        "fl:saraqib\tSaraqib\t\t35.86447\t36.80591\tP\tPPLA3\tSY\t12\t34231\t1000\t\ttest\n"
        "fl:atarib\tAtarib\t\t36.13907\t36.82504\tP\tPPLA3\tSY\t09\t10000\t1000\t\ttest\n");
    return fl::Gazetteer::load_dir(dir);
}

std::vector<fl::Event> extract(const std::string& text) {
    static const fl::Gazetteer g = gaz();
    fl::Article a;
    a.doc = "t.txt";
    a.text = text;
    a.published = fl::parse_iso_date("2024-11-30");
    return fl::extract_events(a, fl::geoparse(g, a));
}
}  // namespace

TEST(Events, CaptureByRebelsIsConfirmedWhenStatedByOutlet) {
    auto e = extract("Rebel fighters captured Saraqib after heavy fighting.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].place_id, "fl:saraqib");
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
    EXPECT_EQ(e[0].status, "confirmed");
    EXPECT_EQ(e[0].sources[0].sentence, "Rebel fighters captured Saraqib after heavy fighting.");
}

TEST(Events, AttributedCaptureIsClaimed) {
    auto e = extract("The insurgents said they had seized Atarib.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].status, "claimed");
}

TEST(Events, NoActorOrNoVerbNoEvent) {
    EXPECT_TRUE(extract("Saraqib was quiet on Friday.").empty());
    EXPECT_TRUE(extract("Nobody captured anything near Saraqib.").empty());
}

TEST(Events, MergeKeepsEverySource) {
    auto a = extract("Rebels captured Saraqib.");
    auto b = extract("Opposition fighters seized Saraqib, witnesses said.");
    a.insert(a.end(), b.begin(), b.end());
    auto m = fl::merge_events(a);
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].sources.size(), 2u);
    EXPECT_EQ(m[0].status, "confirmed");
}
