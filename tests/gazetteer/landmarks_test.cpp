// Landmarks written by description ("Aleppo's military academy", "the field artillery
// college", "Hama prison") resolve to their curated sites; a short or alternate-only name in
// a list of villages does not jump to a town far from the list; list neighbours choose
// between homonyms. Sentences written for these tests.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"
#include "gazetteer/normalize.hpp"
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

// The mention `surface` is placed within `km` of the place `id`.
void expect_near(const std::vector<fl::Mention>& ms, const std::string& surface,
                 const std::string& id, double km) {
    const fl::Mention* m = mention_of(ms, surface);
    ASSERT_NE(m, nullptr) << surface;
    const fl::Place* p = project_gazetteer().find_id(id);
    ASSERT_NE(p, nullptr) << id;
    EXPECT_EQ(m->place_id, id) << surface << ": " << m->why;
    EXPECT_LT(fl::distance_km(m->lat, m->lon, p->lat, p->lon), km) << surface;
}

}  // namespace

TEST(Landmarks, DescriptionsResolveToTheSite) {
    auto ms = parse(
        "Fighters stormed Aleppo's military academy and the field artillery college on Friday, "
        "then pushed into the 3000 apartment project.");
    expect_near(ms, "Aleppo's military academy", "fl:aleppo-military-academy", 1);
    expect_near(ms, "field artillery college", "fl:aleppo-artillery-school", 1);
    expect_near(ms, "3000 apartment project", "fl:aleppo-3000-apartments", 1);
    // All three are on Aleppo's south-western edge, a few km from the centre.
    const fl::Place* aleppo = project_gazetteer().find_id("gn:170063");
    ASSERT_NE(aleppo, nullptr);
    for (const auto& m : ms) {
        EXPECT_LT(fl::distance_km(m.lat, m.lon, aleppo->lat, aleppo->lon), 10) << m.surface;
    }
}

TEST(Landmarks, PrisonsArmouriesAndDams) {
    auto ms = parse(
        "Opposition fighters freed inmates from Hama prison and seized the Rahbat Khattab "
        "armoury. Turkish-backed factions attacked the Tishreen Dam.");
    expect_near(ms, "Hama prison", "fl:hama-central-prison", 1);
    expect_near(ms, "Rahbat Khattab armoury", "fl:rahbat-khattab", 1);
    expect_near(ms, "Tishreen Dam", "fl:tishrin-dam", 1);
    // Hama prison is in Hama, the armoury a few km north-west of it.
    const fl::Place* hama = project_gazetteer().find_id("gn:170017");
    ASSERT_NE(hama, nullptr);
    const fl::Mention* r = mention_of(ms, "Rahbat Khattab armoury");
    ASSERT_NE(r, nullptr);
    EXPECT_LT(fl::distance_km(r->lat, r->lon, hama->lat, hama->lon), 15);
}

TEST(Landmarks, SheikhNajjarIsTheIndustrialCity) {
    auto ms = parse("The Sheikh Najjar industrial city fell to the rebels on Saturday.");
    const fl::Mention* m = mention_of(ms, "Sheikh Najjar industrial city");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->place_name, "Sheikh Najjar Industrial City");
    EXPECT_EQ(m->kind, "industrial");
    // The OCHA community Sheikh Najjar is the same place (merged), a couple of km away.
    const fl::Place* p = project_gazetteer().find_id("oc:C6427");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->id, "fl:aleppo-industrial-zone");
}

TEST(Landmarks, TheCitadelAndTheSquaresOfTheCityTalkedAbout) {
    // "the historic citadel" of an Aleppo report is Aleppo's; of a Damascus one, not Aleppo's.
    auto aleppo = parse(
        "Fighters posed outside the medieval citadel and the Great Mosque of Aleppo, then "
        "reached Saadallah al-Jabri Square.");
    expect_near(aleppo, "medieval citadel", "fl:aleppo-citadel", 1);
    expect_near(aleppo, "Great Mosque of Aleppo", "fl:aleppo-great-mosque", 1);
    expect_near(aleppo, "Saadallah al-Jabri Square", "fl:aleppo-saadallah-al-jabiri-square", 1);
    auto damascus = parse("Crowds gathered by the old citadel of Damascus.");
    EXPECT_EQ(mention_of(damascus, "old citadel"), nullptr);
    // Airfields and crossings the news of the south and east names.
    auto south = parse(
        "Rebels took the Al-Tala airbase, the Nasib-Jaber border crossing and the T4 airbase.");
    expect_near(south, "Al-Tala airbase", "fl:thala-airbase", 1);
    expect_near(south, "Nasib-Jaber border crossing", "fl:nasib-crossing", 1);
    expect_near(south, "T4 airbase", "fl:tiyas-airbase", 1);
    // A highway's own name before "highway" is the road, not a qualifier of it.
    auto road = parse("Rebels cut the M-5 highway north of Saraqib.");
    expect_near(road, "M-5", "fl:m5-highway", 1);
}

TEST(Landmarks, PeopleAndPageFurnitureAreNotPlaces) {
    auto ms = parse(
        "Read more. Photographers Samer Al-Halabi and Alaa Al-Abrash were hurt in strikes on "
        "districts such as Jamiliyah, Azamiyah, and Saadallah al-Jabri Square.");
    EXPECT_EQ(mention_of(ms, "Read"), nullptr);
    EXPECT_EQ(mention_of(ms, "Alaa Al-Abrash"), nullptr);
    EXPECT_NE(mention_of(ms, "Azamiyah"), nullptr);
}

TEST(Landmarks, GenericLowerCaseWordsAreNotLandmarks) {
    // One-word descriptions never start a match in lower case.
    auto ms = parse("Residents said the village school was closed and the prison was shelled.");
    EXPECT_TRUE(ms.empty()) << ms.front().surface;
}

TEST(ListNeighbours, AShortNameDoesNotJumpToADistantTown) {
    // "Balu" folds like an alternate name of al-Bab (Al Balo) and "Al-Maari" like Mari, both
    // 35-55 km from the villages west of Aleppo listed with them. Read by their consonant
    // skeleton in the list's own area instead, they are the village of Bala (بالا) and the
    // Jamiyat al-Maari (جمعية المعري) among those villages.
    auto ms = parse(
        "Rebels said they had taken the villages of Anjara, Urum al-Kubra, Balu, Kafr Naha, "
        "Al-Maari and Sheikh Aqil west of Aleppo.");
    expect_near(ms, "Balu", "oc:C6756", 1);
    expect_near(ms, "Al-Maari", "oc:C7430", 1);
    expect_near(ms, "Anjara", "oc:C1144", 1);
    // Without the list, the names keep their gazetteer places.
    auto alone = parse("Turkish-backed forces held al-Bab and Mari.");
    EXPECT_NE(mention_of(alone, "al-Bab"), nullptr);
    EXPECT_NE(mention_of(alone, "Mari"), nullptr);
}

TEST(ListNeighbours, ALargeTownIsItselfHoweverFarTheList) {
    // Aleppo and Hama are short names (two consonants) and lie far from the rest of their
    // list, which is around Homs and Damascus; Palmyra is an alternate name of Tadmur, 65 km
    // from al-Sukhnah. All are large towns named as such, not unknown villages.
    auto road = parse("The M5 highway links Aleppo, Hama, Homs, Rastan and Talbiseh to Damascus.");
    for (const char* name : {"Aleppo", "Hama"}) {
        const fl::Mention* m = mention_of(road, name);
        ASSERT_NE(m, nullptr) << name;
        EXPECT_TRUE(m->located) << name << ": " << m->why;
        EXPECT_EQ(m->kind, "city") << name << ": " << m->why;
    }
    auto desert = parse("Fighters moved towards Palmyra, Arak and As-Sukhnah from the desert.");
    const fl::Mention* m = mention_of(desert, "Palmyra");
    ASSERT_NE(m, nullptr);
    EXPECT_LT(fl::distance_km(m->lat, m->lon, 34.56, 38.28), 5) << m->place_id << ": " << m->why;
}

TEST(ListNeighbours, ALongListIsReadInTheAreaMostOfItsItemsShare) {
    // A list named right after Aleppo city: "Al-Jalamah" folds like an Aleppo quarter and
    // "Al-Mughayr" is a village south of Aleppo, but the list's other names (Jubbayn, Tal
    // Meleh, Kirkat) are spellings of villages north-west of Hama only, where a Jalma and a
    // Maghir lie too. Read together, all five are the Hama villages.
    auto ms = parse(
        "Fighters who hold most of the Aleppo city centre have since taken Al-Jalamah, "
        "Jubbayn, Tal Meleh, Kirkat and Al-Mughayr.");
    expect_near(ms, "Al-Jalamah", "oc:C3468", 1);
    expect_near(ms, "Jubbayn", "oc:C3466", 1);
    expect_near(ms, "Tal Meleh", "oc:C3445", 1);
    expect_near(ms, "Kirkat", "oc:C7880", 1);
    expect_near(ms, "Al-Mughayr", "oc:C3465", 1);
    // The article glued to a name: "Alzeqa" is al-Zaka (الزكاة) among them.
    auto glued =
        parse("Fighters have since taken Jubbayn, Alzeqa, Tal Meleh, Kirkat and Al-Mughayr.");
    expect_near(glued, "Alzeqa", "oc:C3461", 1);
    // Three items are no list to read an area from: Al-Mughayr keeps its own village.
    auto short_list = parse("Fighters have since taken Al-Mughayr, Jubbayn and Kirkat.");
    const fl::Mention* m = mention_of(short_list, "Al-Mughayr");
    ASSERT_NE(m, nullptr);
    EXPECT_NE(m->place_id, "oc:C3465") << m->why;
}

TEST(ListNeighbours, ACitysPossessiveDistrictsAreNotTheListsNoun) {
    // "Tal Rifaat, Shahba and Aleppo's Kurdish districts": Tal Rifaat is no Aleppo quarter.
    auto ms = parse("Convoys left Tal Rifaat, Shahba and Aleppo's Kurdish districts for Tabqa.");
    const fl::Mention* m = mention_of(ms, "Tal Rifaat");
    ASSERT_NE(m, nullptr);
    EXPECT_TRUE(m->located) << m->why;
    EXPECT_EQ(m->kind, "town") << m->why;
}

TEST(ListNeighbours, ANameTheGazetteerLacksIsReadInTheListsArea) {
    // "Hawar" is no gazetteer name; among the villages west of Aleppo the one place of its
    // skeleton (h-r) is Hur (حور). In a list north-west of Hama no such place lies near the
    // list, and neither name is placed: nothing far away is guessed.
    auto aleppo =
        parse("The fighters entered Anjara, Kafr Naha, Hawar, Urum al-Kubra and Sheikh Aqil.");
    expect_near(aleppo, "Hawar", "oc:C1140", 1);
    auto hama = parse("Rebels took Karnaz, Tal Melh, Hawar, Balu and Hayalin north-west of Hama.");
    for (const char* name : {"Hawar", "Balu"}) {
        const fl::Mention* m = mention_of(hama, name);
        ASSERT_NE(m, nullptr) << name;
        EXPECT_FALSE(m->located) << name << " -> " << m->place_name << ": " << m->why;
    }
}

TEST(ListNeighbours, AFarOchaHamletGivesWayToANamesakeNearTheReport) {
    // OCHA's "Orayma" is a hamlet in Tartus, 250 km away; the report is about the country
    // east of al-Bab, where GeoNames has the town of the same Arabic name (العريمة).
    auto ms = parse(
        "Turkish-backed factions advanced from al-Bab towards Manbij and captured the town of "
        "Orayma and the village of Qabasin.");
    const fl::Mention* m = mention_of(ms, "Orayma");
    ASSERT_NE(m, nullptr);
    EXPECT_LT(fl::distance_km(m->lat, m->lon, 36.47, 37.72), 5) << m->place_id << ": " << m->why;
}

TEST(ListNeighbours, TheyChooseTheHomonym) {
    // Sheikh Hadid: a town in Afrin (gn:164354) and a village in northern Hama (oc:C3467).
    auto hama = parse(
        "Government forces retook Karnaz, Tal Melh, Al-Jalmeh, Hayalin and Sheikh Hadid "
        "north-west of Hama.");
    expect_near(hama, "Sheikh Hadid", "oc:C3467", 1);
    auto afrin = parse("Turkish-backed factions control Jindires, Rajo and Sheikh Hadid.");
    expect_near(afrin, "Sheikh Hadid", "gn:164354", 1);
    // A short name within a district's usual spread keeps its place.
    expect_near(afrin, "Rajo", "gn:165571", 1);
}

TEST(ListNeighbours, TheLastItemsNameEndsBeforeAConnective) {
    // "... and Zubarin in addition to the town of Khattab": the item's name is "Zubarin",
    // a name the gazetteer lacks, reported unlocated; the list around it still counts.
    for (const char* tail : {" in addition to the strategic town of Khattab.", " on Thursday."}) {
        auto ms = parse(std::string("The fighters captured the towns of al-Majdal, Karnaz, "
                                    "al-Shir and Zubarin") +
                        tail);
        const fl::Mention* m = mention_of(ms, "Zubarin");
        ASSERT_NE(m, nullptr) << tail;
        EXPECT_FALSE(m->located) << tail;
    }
}
