// Display names as the run's articles write them (news_names.hpp): an OCHA romanisation no
// article uses gives way to the spelling most articles use; a name any article uses stays;
// curated newsroom names never change. Mentions written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"
#include "gazetteer/news_names.hpp"
#include "geoparse_fixture.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {

// A copy of the project gazetteer: these tests rename places in it.
fl::Gazetteer load() {
    return fl::test::project_gazetteer();
}

fl::Mention mention(const std::string& doc, const std::string& surface, const std::string& id) {
    fl::Mention m;
    m.doc = doc;
    m.surface = surface;
    m.place_id = id;
    m.place_name = "gazetteer name";
    return m;
}

}  // namespace

TEST(NewsNames, SpellingOfMostArticlesReplacesAnUnusedRomanisation) {
    auto gaz = load();
    ASSERT_EQ(gaz.find_id("oc:C3111")->name, "Hiyalin");  // OCHA's form
    // One outlet repeats "Hayaleen"; two others write "Hayalin": outlets count once each.
    std::vector<fl::Mention> ms = {
        mention("a", "Hayaleen", "oc:C3111"), mention("a", "Hayaleen", "oc:C3111"),
        mention("a", "Hayaleen", "oc:C3111"), mention("b", "Hayalin", "oc:C3111"),
        mention("c", "Hayalin", "oc:C3111")};
    const auto names = fl::news_names(gaz, ms);
    ASSERT_EQ(names.count("oc:C3111"), 1U);
    EXPECT_EQ(names.at("oc:C3111"), "Hayalin");
    fl::apply_news_names(gaz, ms, names);
    EXPECT_EQ(gaz.find_id("oc:C3111")->name, "Hayalin");
    for (const auto& m : ms) EXPECT_EQ(m.place_name, "Hayalin");
}

TEST(NewsNames, GazetteerNameThatAnArticleUsesStays) {
    auto gaz = load();
    std::vector<fl::Mention> ms = {mention("a", "Hayalin", "oc:C3111"),
                                   mention("b", "Hayalin", "oc:C3111"),
                                   mention("c", "Hiyalin", "oc:C3111")};
    EXPECT_EQ(fl::news_names(gaz, ms).count("oc:C3111"), 0U);
}

TEST(NewsNames, LeadingElIsWrittenAlAndHeadlineCapitalsIgnored) {
    auto gaz = load();
    ASSERT_EQ(gaz.find_id("oc:C2958")->name, "Mbarkat");
    std::vector<fl::Mention> ms = {mention("a", "MUBARAKAT", "oc:C2958"),
                                   mention("b", "MUBARAKAT", "oc:C2958"),
                                   mention("c", "El-Mubarakat", "oc:C2958")};
    const auto names = fl::news_names(gaz, ms);
    ASSERT_EQ(names.count("oc:C2958"), 1U);
    EXPECT_EQ(names.at("oc:C2958"), "al-Mubarakat");
}

TEST(NewsNames, CuratedNamesUnlocatedAndAbstainedMentionsUnchanged) {
    auto gaz = load();
    auto unloc = mention("a", "Zor Example", "unlocated:zor example");
    unloc.located = false;
    auto abst = mention("a", "Hayaleen", "oc:C3111");
    abst.abstained = true;
    std::vector<fl::Mention> ms = {mention("a", "Halab airport", "fl:aleppo-international-airport"),
                                   mention("b", "Halab airport", "fl:aleppo-international-airport"),
                                   unloc, abst};
    EXPECT_TRUE(fl::news_names(gaz, ms).empty());
}

TEST(NewsNames, EditorsDisplayNamesFromVariantsAreShownAndKept) {
    auto gaz = load();
    // variants.tsv "display" rows: the newsroom form, not GeoNames' "Ayn al-Arab".
    EXPECT_EQ(gaz.find_id("gn:172256")->name, "Kobani");
    EXPECT_EQ(gaz.find_id("gn:163476")->name, "Tal Rifaat");
    std::vector<fl::Mention> ms = {mention("a", "Kobane", "gn:172256"),
                                   mention("b", "Kobane", "gn:172256")};
    EXPECT_TRUE(fl::news_names(gaz, ms).empty());
}
