// Context rules of the geoparser on the project gazetteer: cue words choose the feature
// type, governorate cues spread over coordinated names, a place inside a longer name that
// is not a place is not taken, titles mark persons, and abstentions keep their reasons.
// GCC 12 reports a false -Wrestrict in std::string's copy inlined here (GCC bug 105329).
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

namespace {

const fl::Gazetteer& gaz() {
    return fl::test::project_gazetteer();
}

fl::Article article(const std::string& text) {
    fl::Article a;
    a.doc = "t";
    a.text = text;
    return a;
}

// "surface=place_id" for each resolved mention.
std::vector<std::string> parse(const std::string& text, bool governorate_cues = true) {
    const fl::Article a = article(text);
    fl::GeoparseOptions o;
    o.governorate_cues = governorate_cues;
    std::vector<std::string> out;
    for (const auto& m : fl::geoparse(gaz(), a, o)) {
        EXPECT_EQ(text.substr(m.start, m.end - m.start), m.surface);
        out.push_back(m.surface + "=" + m.place_id);
    }
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST(Context, CueWordsChooseGovernorateOrCity) {
    EXPECT_EQ(parse("Rebels advanced in Idlib province."),
              V{"Idlib province=fl:idlib-governorate"});
    EXPECT_EQ(parse("Troops were sent to the province of Hama."), V{"Hama=fl:hama-governorate"});
    EXPECT_EQ(parse("They pressed on towards the city of Hama."), V{"Hama=gn:170017"});
    EXPECT_EQ(parse("Shelling hit rural Idlib."), V{"Idlib=fl:idlib-governorate"});
    EXPECT_EQ(parse("They advanced from Aleppo's western countryside."),
              V{"Aleppo=fl:aleppo-governorate"});
    // Without cues the capital is meant.
    EXPECT_EQ(parse("Rebels entered Aleppo."), V{"Aleppo=gn:170063"});
    // Off by default (see GeoparseOptions::governorate_cues).
    EXPECT_EQ(parse("Troops were sent to the province of Hama.", false), V{"Hama=gn:170017"});
}

TEST(Context, GovernorateCuesSpreadOverCoordinatedNames) {
    EXPECT_EQ(parse("Battles raged in the governorates of Aleppo and Idlib."),
              (V{"Aleppo=fl:aleppo-governorate", "Idlib=fl:idlib-governorate"}));
    EXPECT_EQ(parse("They seized towns and villages in Aleppo and Idlib."),
              (V{"Aleppo=fl:aleppo-governorate", "Idlib=fl:idlib-governorate"}));
    EXPECT_EQ(parse("They advanced in the rural areas of Idlib and Aleppo province."),
              (V{"Idlib=fl:idlib-governorate", "Aleppo province=fl:aleppo-governorate"}));
    // A plural cue before a list covers every item; "villages across A and B" too.
    EXPECT_EQ(parse("They hold land across the provinces of Hama, Idlib and Aleppo."),
              (V{"Hama=fl:hama-governorate", "Idlib=fl:idlib-governorate",
                 "Aleppo=fl:aleppo-governorate"}));
    EXPECT_EQ(parse("They seized 70 villages across Aleppo and Idlib."),
              (V{"Aleppo=fl:aleppo-governorate", "Idlib=fl:idlib-governorate"}));
    // "the cities of" is a cue for cities.
    EXPECT_EQ(parse("They entered the cities of Hama and Idlib."),
              (V{"Hama=gn:170017", "Idlib=gn:169389"}));
    // "a city in Idlib province" is no cue for the city named before it.
    EXPECT_EQ(parse("They took Maraat al-Numan, a city in Idlib province."),
              (V{"Maraat al-Numan=gn:167611", "Idlib province=fl:idlib-governorate"}));
}

TEST(Context, PlaceContainingAnotherMeansTheGovernorate) {
    EXPECT_EQ(parse("They captured the Abu al-Duhur airbase in Idlib."),
              (V{"Abu al-Duhur airbase=fl:abu-al-duhur-airbase", "Idlib=fl:idlib-governorate"}));
}

TEST(Context, PartOfALongerNameIsNotAPlace) {
    EXPECT_TRUE(parse("Hayat Tahrir al-Sham led the attack.").empty());
    EXPECT_TRUE(parse("Jabhat Fateh al-Sham merged into it.").empty());
    EXPECT_TRUE(parse("The Syria Civil Defence said four civilians died.").empty());
    EXPECT_TRUE(parse("Agence France-Presse reported it.").empty());
    EXPECT_TRUE(parse("Al Jazeera's Resul Serdar said so.").empty());
    // Function words and headline prepositions do not make a longer name.
    EXPECT_EQ(parse("In Aleppo, shops closed."), V{"Aleppo=gn:170063"});
    EXPECT_EQ(parse("Rebels Advance into Central Aleppo Amid Withdrawal"), V{"Aleppo=gn:170063"});
}

TEST(Context, PersonsAcronymsAndMonthsAreNotPlaces) {
    EXPECT_TRUE(parse("said correspondent Serdar.").empty());
    EXPECT_TRUE(parse("SANA and TASS reported it, as did SNA.").empty());
    EXPECT_TRUE(parse("It happened in June.").empty());
    EXPECT_EQ(parse("The U.S. and the UK condemned it."),
              (V{"U.S.=fl:united-states", "UK=fl:united-kingdom"}));
}

TEST(Context, AbstentionsKeepCandidatesAndReasons) {
    const fl::Article a = article("On Saturday, TASS reported clashes.");
    fl::GeoparseOptions o;
    o.keep_abstentions = true;
    auto ms = fl::geoparse(gaz(), a, o);
    ASSERT_EQ(ms.size(), 1u);
    EXPECT_TRUE(ms[0].abstained);
    EXPECT_LT(ms[0].score, o.min_score);
    EXPECT_NE(ms[0].why.find("acronym"), std::string::npos) << ms[0].why;
    EXPECT_EQ(ms[0].surface, "TASS");
}

TEST(Context, RunnersUpAreKept) {
    // "Ras al-Ain" also names Ceylanpinar across the border (eval/variants.tsv note).
    const fl::Article a = article("Fighting reached Ras al-Ain.");
    auto ms = fl::geoparse(gaz(), a);
    ASSERT_EQ(ms.size(), 1u);
    EXPECT_EQ(ms[0].place_id, "gn:165509");
    ASSERT_FALSE(ms[0].runners_up.empty());
    EXPECT_LT(ms[0].runners_up.front().score, ms[0].score);
}

TEST(Context, NameQualifyingAHighwayIsTheRoadNotThePlace) {
    // "Aleppo international" is also a short name of the airport: beside "M5 highway" it
    // describes the road.
    EXPECT_EQ(parse("Fighters cut the Damascus-Aleppo international M5 highway at dawn."),
              V{"M5 highway=fl:m5-highway"});
    EXPECT_EQ(parse("Fighters cut the Aleppo international highway near Saraqib."),
              V{"Saraqib=gn:164816"});
    // A road named as a whole still resolves, and a place beside it still counts.
    EXPECT_EQ(parse("They reached the Aleppo-Damascus highway near Saraqib."),
              (V{"Aleppo-Damascus highway=fl:m5-highway", "Saraqib=gn:164816"}));
}
