// The OCHA extracts and what they bring: consonant skeletons shared by Arabic names and
// their romanisations, newsroom display names, merging with GeoNames/curated places, bad rows
// refused with file and line, skeleton matches resolved by context, homonyms decided by the
// places named beside them, and names in place slots the gazetteer lacks (unlocated).
// Sentences and names written for these tests.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"
#include "gazetteer/mention_io.hpp"
#include "gazetteer/normalize.hpp"
#include "geoparse_fixture.hpp"
#include "test_util.hpp"

namespace fl = frontline;
using fl::test::geoparse_text;
using fl::test::mention_of;
using fl::test::project_gazetteer;

namespace {

const char* kCurated =
    "id\tname\talternatenames\tlat\tlon\tfeature_class\tfeature_code\tcountry_code\tadmin1\t"
    "population\tprecision_m\tgeometry_wkt\tsource\n"
    "fl:kafr-naha\tKafr Naha\t\t36.1000\t36.9000\tP\tPPL\tSY\t09\t0\t1000\t\ttest\n";
const char* kOchaHeader = "id\tname\tname_ar\talternatenames\tlat\tlon\tadmin1\tkind\tsource\n";

}  // namespace

TEST(Skeleton, ArabicNamesAndTheirRomanisationsMeet) {
    // Article, joined article, ta marbuta, vowels, doubled letters.
    EXPECT_EQ(fl::skeleton("قبتان الجبل"), fl::skeleton("Qubtan al-Jabal"));
    EXPECT_EQ(fl::skeleton("Qabtan Eljabal"), fl::skeleton("Qubtan al-Jabal"));
    EXPECT_EQ(fl::skeleton("معردس"), fl::skeleton("Maar Dis"));
    EXPECT_EQ(fl::skeleton("Maardis"), fl::skeleton("Maar Dis"));
    // Little/Big = al-Sughra/al-Kubra, wherever the qualifier stands.
    EXPECT_EQ(fl::skeleton("Little Orm"), fl::skeleton("Urum al-Sughra"));
    EXPECT_EQ(fl::skeleton("أورم الصغرى"), fl::skeleton("Urum al-Sughra"));
    EXPECT_EQ(fl::skeleton("Big Orm"), fl::skeleton("Orum al-Kubra"));
    // Kafr/Kfar, Tal/Tell, Deir/Dayr, Sheikh/Shaykh/Cheikh, Turkish letters.
    EXPECT_EQ(fl::skeleton("كفرباسين"), fl::skeleton("Kfar Bassin"));
    EXPECT_EQ(fl::skeleton("Kafr Basin"), fl::skeleton("Kfar Bassin"));
    EXPECT_EQ(fl::skeleton("تل رفعت"), fl::skeleton("Tell Rifaat"));
    EXPECT_EQ(fl::skeleton("Tel Rıfat"), fl::skeleton("Tal Rifat"));
    EXPECT_EQ(fl::skeleton("دير حافر"), fl::skeleton("Dayr Hafir"));
    EXPECT_EQ(fl::skeleton("Deir Hafer"), fl::skeleton("Dayr Hafir"));
    EXPECT_EQ(fl::skeleton("Cheikh Maqsoud"), fl::skeleton("Shaykh Maqsud"));
    EXPECT_EQ(fl::skeleton("الشيخ مقصود"), fl::skeleton("Sheikh Maqsoud"));
    EXPECT_EQ(fl::skeleton("Kasun Ec-Cebel"), fl::skeleton("Kasun al-Jabal"));  // c read as j
    // Different places stay apart.
    EXPECT_NE(fl::skeleton("Aleppo"), fl::skeleton("Idlib"));
    EXPECT_NE(fl::skeleton("Khan Tuman"), fl::skeleton("Han Tuman"));  // kh is not h
}

TEST(NewsroomName, ScholarlyAndOchaFormsBecomeNewsForms) {
    EXPECT_EQ(fl::newsroom_name("Ḩamāh"), "Hama");
    EXPECT_EQ(fl::newsroom_name("Tall Rif‘at"), "Tal Rifat");
    EXPECT_EQ(fl::newsroom_name("Ma‘arrat an Nu‘mān"), "Maarrat al-Numan");
    EXPECT_EQ(fl::newsroom_name("Al Bab"), "al-Bab");
    EXPECT_EQ(fl::newsroom_name("Ar Raqqah"), "al-Raqqa");
    EXPECT_EQ(fl::newsroom_name("Little Orm"), "Orm al-Sughra");
    EXPECT_EQ(fl::newsroom_name("Qabtan Eljabal"), "Qabtan al-Jabal");
    EXPECT_EQ(fl::newsroom_name("Kafr Aleppo"), "Kafr Aleppo");  // not an article
    EXPECT_EQ(fl::newsroom_name("Manbij"), "Manbij");
    // Loaded places display in that form; the original names stay matchable.
    const fl::Place* hama = project_gazetteer().find_id("gn:170017");
    ASSERT_NE(hama, nullptr);
    EXPECT_EQ(hama->name, "Hama");
}

TEST(Ocha, SamePlaceNearbyIsMergedKeepingBothIds) {
    auto dir = fl::test::scratch("gaz_ocha_merge");
    fl::write_file_atomic(dir / "curated.tsv", kCurated);
    fl::write_file_atomic(dir / "ocha_communities.tsv",
                          std::string(kOchaHeader) +
                              // 1.1 km away, other spelling with the same skeleton
                              "oc:C9001\tKfar Nahha\tكفر ناها\t\t36.1100\t36.9000\t09\tvillage\t"
                              "UN OCHA\n"
                              // same name, 30 km away: another village
                              "oc:C9002\tKafr Naha\tكفر ناها\t\t36.3700\t36.9000\t09\tvillage\t"
                              "UN OCHA\n");
    auto g = fl::Gazetteer::load_dir(dir);
    EXPECT_EQ(g.size(), 2u);
    const fl::Place* p = g.find_id("oc:C9001");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->id, "fl:kafr-naha");  // the curated id stays primary
    EXPECT_EQ(p->also_ids, std::vector<std::string>{"oc:C9001"});
    EXPECT_EQ(p->name_ar, "كفر ناها");
    ASSERT_NE(g.find_key(fl::name_key("Kfar Nahha")), nullptr);
    const fl::Place* q = g.find_id("oc:C9002");
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->id, "oc:C9002");
    EXPECT_EQ(q->kind(), "village");
}

TEST(Ocha, RowWithoutNameIsRefusedWithFileAndLine) {
    auto dir = fl::test::scratch("gaz_ocha_noname");
    fl::write_file_atomic(dir / "ocha_communities.tsv",
                          std::string(kOchaHeader) +
                              "oc:C9001\tTal Abyad Saghir\t\t\t36.1\t37.1\t09\tvillage\tUN OCHA\n"
                              "oc:C9002\t\tكفر\t\t36.1\t37.1\t09\tvillage\tUN OCHA\n");
    try {
        fl::Gazetteer::load_dir(dir);
        FAIL() << "row without a name accepted";
    } catch (const fl::Error& e) {
        const std::string w = e.what();
        EXPECT_NE(w.find("ocha_communities.tsv line 3"), std::string::npos) << w;
        EXPECT_NE(w.find("empty `name`"), std::string::npos) << w;
    }
}

TEST(Ocha, CoordinatesOutsideSyriaAreRefusedWithFileAndLine) {
    auto dir = fl::test::scratch("gaz_ocha_outside");
    fl::write_file_atomic(dir / "ocha_neighbourhoods.tsv",
                          std::string(kOchaHeader) +
                              "oc:N9001\tBab Test\t\t\t48.85\t2.35\t09\tneighbourhood\tUN OCHA\n");
    try {
        fl::Gazetteer::load_dir(dir);
        FAIL() << "a Syrian p-code in Paris accepted";
    } catch (const fl::Error& e) {
        const std::string w = e.what();
        EXPECT_NE(w.find("ocha_neighbourhoods.tsv line 2"), std::string::npos) << w;
        EXPECT_NE(w.find("outside Syria"), std::string::npos) << w;
    }
}

TEST(Ocha, ProjectExtractsAreLoadedAndMerged) {
    // Every OCHA community is there, by its own id or merged into a GeoNames place.
    EXPECT_NE(project_gazetteer().find_id("oc:C1007"), nullptr);  // Aleppo, merged
    EXPECT_EQ(project_gazetteer().find_id("oc:C1007")->id, "gn:170063");
    EXPECT_GT(project_gazetteer().size(), 7000u);
}

TEST(FuzzyNames, SpellingVariantInAVillageListIsResolved) {
    // OCHA writes "Maaret Elartiq" (معرة الأرتيق); news may write "Maarat al-Artiq".
    auto ms =
        geoparse_text("The factions took the villages of Maarat al-Artiq and Anadan on Friday.");
    const fl::Mention* m = mention_of(ms, "Maarat al-Artiq");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->place_id, "oc:C1136");
    EXPECT_NE(m->why.find("skeleton"), std::string::npos) << m->why;
}

TEST(FuzzyNames, OutsideAPlaceSlotTheyAbstain) {
    EXPECT_EQ(
        mention_of(geoparse_text("Maarat al-Artiq said the talks had failed."), "Maarat al-Artiq"),
        nullptr);
    // Demonyms never match by skeleton ("Syrian" / Suran).
    EXPECT_EQ(
        mention_of(geoparse_text("Syrian troops withdrew from Anadan and Hraytan."), "Syrian"),
        nullptr);
}

TEST(Homonyms, ThePlacesNamedBesideThemDecide) {
    // Suran: a town north of Aleppo (gn:163913) and one north of Hama (gn:163915).
    auto hama = geoparse_text("Government forces shelled Morek and Suran on Tuesday.");
    const fl::Mention* a = mention_of(hama, "Suran");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->place_id, "gn:163915");
    EXPECT_FALSE(a->runners_up.empty());
    EXPECT_NE(a->why.find("beside"), std::string::npos) << a->why;
    auto aleppo = geoparse_text("Rebels entered Azaz and Suran after a short battle.");
    const fl::Mention* b = mention_of(aleppo, "Suran");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->place_id, "gn:163913");
}

TEST(Unlocated, NamesInPlaceSlotsTheGazetteerLacks) {
    const std::string text =
        "Opposition fighters seized the villages of Qarqur, Zemlinka and Tal "
        "Bazo. Zemlinka said the talks would resume.";
    auto ms = geoparse_text(text, /*unlocated=*/true);
    std::vector<std::string> got;
    for (const auto& m : ms) {
        if (!m.located) got.push_back(m.surface + "=" + m.place_id);
    }
    EXPECT_EQ(got, (std::vector<std::string>{"Zemlinka=unlocated:zimlinka",
                                             "Tal Bazo=unlocated:tal bazu"}));
    const fl::Mention* z = mention_of(ms, "Zemlinka");
    ASSERT_NE(z, nullptr);
    EXPECT_EQ(z->kind, "unlocated");
    EXPECT_EQ(z->place_name, "Zemlinka");
    // Off by default.
    for (const auto& m : geoparse_text(text)) EXPECT_TRUE(m.located) << m.surface;
    // Writers give them no coordinates.
    std::vector<fl::Mention> one{*z};
    EXPECT_NE(fl::mentions_geojson(one).find("\"geometry\": null"), std::string::npos);
    EXPECT_NE(fl::mentions_tsv(one).find("unlocated\t\t\tfalse"), std::string::npos);
}

TEST(NonPlaces, MonthAbbreviationsAreNotPlaces) {
    EXPECT_EQ(mention_of(geoparse_text("The town of Anadan fell on Nov 29."), "Nov"), nullptr);
    EXPECT_EQ(mention_of(geoparse_text("Reported on Dec. 1 from Hama."), "Dec"), nullptr);
}

TEST(Translated, MountainsAndHillsAreJabalAndTal) {
    auto ms = geoparse_text("Shelling hit the Zawiya Mountains, then Mount Zawiya again.");
    const fl::Mention* a = mention_of(ms, "Zawiya Mountains");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->place_id, "fl:jabal-al-zawiya");
    const fl::Mention* b = mention_of(ms, "Mount Zawiya");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->place_id, "fl:jabal-al-zawiya");
}

TEST(FuzzyNames, TalOfAKnownVillageIsItsHill) {
    // OCHA knows the village Qarqur (Hama) only; "Tal Qarqur" is its hill.
    auto ms = geoparse_text("Government forces retook Jisr al-Shughur and Tal Qarqur.");
    const fl::Mention* m = mention_of(ms, "Tal Qarqur");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->place_id, "oc:C3168");
}

TEST(NonPlaces, TheWordOpeningASentenceBeforeAListIsNotAPlace) {
    // "Skirmishes" opens the sentence and goes on into the list's first item: its capital is
    // the sentence's. The same name inside the list is a list item.
    auto ms = geoparse_text("Skirmishes were reported in Saraqib, Zemlinka, Atarib and Sarmin.",
                            /*unlocated=*/true);
    EXPECT_EQ(mention_of(ms, "Skirmishes"), nullptr);
    EXPECT_NE(mention_of(ms, "Zemlinka"), nullptr);
    auto in_list = geoparse_text("Rebels took Saraqib, Atarib, Zemlinka and Sarmin.",
                                 /*unlocated=*/true);
    EXPECT_NE(mention_of(in_list, "Zemlinka"), nullptr);
}

TEST(Homonyms, AForeignCityByAnAlternateNameIsNotOneOfAListOfSyrianVillages) {
    // GeoNames gives Amman the alternate name "Maan"; here it is a village of the list.
    auto ms = geoparse_text("The army retook the villages of Maan, Kawkab and Tal Malah.",
                            /*unlocated=*/true);
    const fl::Mention* m = mention_of(ms, "Maan");
    ASSERT_NE(m, nullptr);
    EXPECT_FALSE(m->foreign) << m->place_id;
    // Alone it is still Amman's (no list of Syrian places says otherwise).
    auto alone = geoparse_text("Talks were held in Maan on Friday.");
    const fl::Mention* a = mention_of(alone, "Maan");
    ASSERT_NE(a, nullptr);
    EXPECT_TRUE(a->foreign);
}

TEST(NonPlaces, ArmedGroupsInAListBesideTownsAreNotUnlocatedPlaces) {
    auto ms = geoparse_text(
        "The groups HTS, Ahrar al-Sham, Jaish al-Izza and Faylaq al-Sham joined the "
        "operation near Aleppo, Idlib and Hama.",
        /*unlocated=*/true);
    for (const auto& m : ms) EXPECT_TRUE(m.located) << m.surface;
}

TEST(Homonyms, AForeignCapitalIsNotOneOfOchasVillages) {
    // OCHA has a village Doha in Syria; in the news Doha is Qatar's capital.
    auto ms = geoparse_text("Talks were held in Doha on Saturday.");
    const fl::Mention* m = mention_of(ms, "Doha");
    ASSERT_NE(m, nullptr);
    EXPECT_TRUE(m->foreign);
}

TEST(Homonyms, RunnersUpAndReasonsAreKept) {
    // Many places are called Mansoura: the GeoNames town wins on its prior, the OCHA
    // namesakes stay as runners-up, each with its reason.
    auto v = geoparse_text("Many fled from Mansoura on Friday.");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].place_id, "gn:8559276");
    ASSERT_GE(v[0].runners_up.size(), 2u);
    for (const auto& c : v[0].runners_up) EXPECT_FALSE(c.why.empty()) << c.place_id;
}

TEST(Unlocated, TheFirstNameAfterTheSlotCountsToo) {
    auto ms = geoparse_text("Fighters entered the villages of Zemlinka, Qarqur and Tal Bazo.",
                            /*unlocated=*/true);
    std::vector<std::string> got;
    for (const auto& m : ms) got.push_back(m.surface + (m.located ? "" : " (unlocated)"));
    EXPECT_EQ(got,
              (std::vector<std::string>{"Zemlinka (unlocated)", "Qarqur", "Tal Bazo (unlocated)"}));
}

TEST(Airfields, AnAirbaseIsAlsoNamedAsAnAirportAndTheOtherWay) {
    for (const char* name : {"Nairab airport", "Neirab military airbase", "Menagh airport",
                             "Taftanaz military airfield"}) {
        auto c = fl::lookup(project_gazetteer(), name);
        ASSERT_FALSE(c.empty()) << name;
        EXPECT_EQ(project_gazetteer().find_id(c[0].place_id)->feature_class, 'S') << name;
        EXPECT_GE(c[0].score, 0.5) << name;
    }
    auto ms = geoparse_text("Rebels seized the Nairab airport and the Menagh airport.");
    ASSERT_NE(mention_of(ms, "Nairab airport"), nullptr);
    EXPECT_EQ(mention_of(ms, "Nairab airport")->place_id, "fl:nayrab-airbase");
    ASSERT_NE(mention_of(ms, "Menagh airport"), nullptr);
    EXPECT_EQ(mention_of(ms, "Menagh airport")->place_id, "fl:menagh-airbase");
}

TEST(FuzzyNames, ATownIsFoundByItsSkeletonWithLessContext) {
    // French "dj" for the jim: the list's other places are far apart, but Manbij is a town of
    // 100,000 whose four-consonant skeleton no village shares by chance.
    auto ms = geoparse_text("Fighting spread to Idleb, Manbidj, Deir Ezzor and Jarablous.");
    const fl::Mention* m = mention_of(ms, "Manbidj");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->place_id, "gn:167357") << m->why;
}

TEST(FuzzyNames, LookupFallsBackToTheSkeleton) {
    auto c = fl::lookup(project_gazetteer(), "Maarat al-Artiq");
    ASSERT_FALSE(c.empty());
    EXPECT_EQ(c.front().place_id, "oc:C1136");
    EXPECT_LT(c.front().score, fl::GeoparseOptions{}.min_score);  // a hint, not a match
    EXPECT_NE(c.front().why.find("skeleton"), std::string::npos);
}

TEST(FuzzyNames, KhirbetXIsWrittenX) {
    // OCHA's "Kherbet Nafakh" (خربة نفخ, the ruins of Nafakh) is "Nafakh" in the news.
    auto ms = geoparse_text("The factions seized Arima, Manbij and Nafakh on Sunday.");
    const fl::Mention* m = mention_of(ms, "Nafakh");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->place_id, "oc:C1709");
}
