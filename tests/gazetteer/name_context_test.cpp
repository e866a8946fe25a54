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

TEST(AreaAfterList, ItChoosesTheItemsHomonym) {
    // Umm Hosh is known only near Tartus: not in northern Aleppo.
    const std::string t =
        "Rebels captured Umm Hosh, Tal Qarah, Fafin, and Hasia in northern Aleppo on Monday.";
    auto ms = parse(t);
    EXPECT_TRUE(unplaced(t, ms, "Umm Hosh"));
    const fl::Mention* u = mention_of(ms, "Umm Hosh");
    ASSERT_NE(u, nullptr);
    EXPECT_FALSE(u->located);
    ASSERT_NE(mention_of(ms, "Fafin"), nullptr);
    // Kafr Basin is the Idlib village by its exact name; the Aleppo one is spelt Kafr Bssin.
    auto ms2 = parse(
        "Fighters seized Anjara, Kafr Basin and Urum al-Kubra in the western "
        "Aleppo countryside.");
    const fl::Mention* kb = mention_of(ms2, "Kafr Basin");
    ASSERT_NE(kb, nullptr);
    const fl::Place* aleppo = project_gazetteer().find_id("gn:170063");
    EXPECT_LT(fl::distance_km(kb->lat, kb->lon, aleppo->lat, aleppo->lon), 25) << kb->why;
    // "located west of Aleppo": the al-Houta west of the city, not the namesake east of it.
    auto ms3 = parse(
        "The groups took Urum al-Sughra, Anjara, and Al-Houta, located west of "
        "Aleppo.");
    const fl::Mention* houta = mention_of(ms3, "Al-Houta");
    ASSERT_NE(houta, nullptr);
    EXPECT_TRUE(houta->located) << houta->why;
    EXPECT_LT(houta->lon, aleppo->lon) << houta->why;
    // A town in another governorate "south-west of Aleppo" is still relative to the city.
    auto ms4 = parse("They reached the town of Maarat al-Numan, south-west of Aleppo.");
    ASSERT_NE(mention_of(ms4, "Maarat al-Numan"), nullptr);
}

TEST(AreaAfterList, ACompassWordBeforeACommaNamesNoArea) {
    // "in the north, Hama in the centre": Hama is the next item, not an area "in northern Hama".
    auto ms = parse(
        "Besides capturing Aleppo in the north, Hama in the centre and Deir ez-Zor in the east, "
        "rebels took Homs.");
    const fl::Mention* aleppo = mention_of(ms, "Aleppo");
    ASSERT_NE(aleppo, nullptr);
    EXPECT_TRUE(aleppo->located);
    EXPECT_EQ(aleppo->kind, "city") << aleppo->why;
}

TEST(AreaAfterList, NeighbourhoodsAreInTheCityDiscussed) {
    const std::string t =
        "Opposition fighters entered the city of Hama on Thursday. They took the Zibdi, "
        "Qusour, and Arbain neighborhoods after clashes with the army.";
    auto ms = parse(t);
    EXPECT_TRUE(unplaced(t, ms, "Arbain"));
    // Neighbourhoods of another city stay what they are.
    auto ms2 = parse(
        "Troops left Raqqa on Monday. Kurdish residents of the Ashrafieh and "
        "Sheikh Maqsoud neighborhoods may stay.");
    const fl::Mention* sm = mention_of(ms2, "Sheikh Maqsoud");
    ASSERT_NE(sm, nullptr);
    EXPECT_TRUE(sm->located);
}

TEST(SpellingVariants, EndingsAndDiphthongsFoldTogether) {
    // -ah/-eh/-a are one ending; ay/ey before a consonant are ai/ei; a word-initial Ay stays.
    EXPECT_EQ(fl::fold_word("Quriyah"), fl::fold_word("Quriyeh"));
    EXPECT_EQ(fl::fold_word("Wahshiyah"), fl::fold_word("Wahshiyeh"));
    EXPECT_EQ(fl::fold_word("Kweyris"), fl::fold_word("Kweiris"));
    EXPECT_EQ(fl::fold_word("Uwayjel"), fl::fold_word("Oweijel"));
    EXPECT_EQ(fl::fold_word("Shaykh"), fl::fold_word("Sheikh"));
    EXPECT_NE(fl::fold_word("Ayn"), fl::fold_word("In"));
}

TEST(SpellingVariants, ResolveInTheirSentence) {
    auto ms = parse("Rebels captured Anjara, Hoor, Sheikh Aqil and Kafr Naha on Monday.");
    const fl::Mention* hoor = mention_of(ms, "Hoor");
    ASSERT_NE(hoor, nullptr);  // OCHA "Hur": a three-letter key, read in the list's area
    EXPECT_EQ(hoor->place_id, "oc:C1140") << hoor->why;
    // "Jabal X" where only the village X is known.
    auto ms2 = parse("Rebels took Qabtan al-Jabal, Anjara, Jabal Sheikh Aqil and Kafr Naha.");
    const fl::Mention* jabal = mention_of(ms2, "Jabal Sheikh Aqil");
    ASSERT_NE(jabal, nullptr);
    EXPECT_EQ(jabal->place_id, "oc:C8121");
    // Unit words of a base are interchangeable; "X mountain" and "Jabal X" with ai/ei/ay.
    auto ms3 = parse("They seized the 46th Brigade Base and then Zein Al-Abideen mountain.");
    ASSERT_NE(mention_of(ms3, "46th Brigade Base"), nullptr);
    EXPECT_EQ(mention_of(ms3, "46th Brigade Base")->place_id, "fl:46th-regiment-base");
    ASSERT_NE(mention_of(ms3, "Zein Al-Abideen mountain"), nullptr);
    EXPECT_EQ(mention_of(ms3, "Zein Al-Abideen mountain")->place_id, "fl:jabal-zayn-al-abidin");
    // Aleppo quarters: Bab al-Nairab (curated) and al-Maysar (CSR's Arabic name of Karm
    // al-Myassar, by skeleton).
    auto ms4 = parse("Clashes hit al-Shaar, al-Fardous, Bab al-Nairab, and al-Maysar in Aleppo.");
    ASSERT_NE(mention_of(ms4, "Bab al-Nairab"), nullptr);
    EXPECT_EQ(mention_of(ms4, "Bab al-Nairab")->place_id, "fl:aleppo-bab-al-nairab");
    ASSERT_NE(mention_of(ms4, "al-Maysar"), nullptr);
    EXPECT_EQ(mention_of(ms4, "al-Maysar")->place_id, "oc:N0194");
    // A district list item matched elsewhere is read in the city by skeleton.
    auto ms5 = parse(
        "Fighters entered Aleppo. They hold ten districts, including Sukkari, "
        "Mashhad and Hamdaniyah.");
    ASSERT_NE(mention_of(ms5, "Mashhad"), nullptr);
    EXPECT_EQ(mention_of(ms5, "Mashhad")->place_id, "oc:N0218");
}

TEST(SpellingVariants, AnOchaHamletFarFromItsSentenceIsNotTaken) {
    // Wahshiyeh (OCHA) lies north of Aleppo, 140 km from Hama.
    const std::string t =
        "Rebels advanced west of Hama city and took the villages of Zibda, "
        "Wahshiyah, Tibla and Kafr Zibda.";
    EXPECT_TRUE(unplaced(t, parse(t), "Wahshiyah"));
}

TEST(CityCue, TheCityOfXIsNotAnOchaHamletOfTheName) {
    // An OCHA village named Afrin lies 15 km from Aleppo; "the city of Afrin" is the town.
    for (const char* t : {"They hail from the city of Afrin.\nRebels took control of Aleppo.\n",
                          "They hail from the town of Afrin.\nRebels took control of Aleppo.\n",
                          "They hail from Afrin.\nRebels took control of Aleppo.\n"}) {
        auto ms = parse(t);
        const fl::Mention* a = mention_of(ms, "Afrin");
        ASSERT_NE(a, nullptr) << t;
        EXPECT_EQ(a->place_id, "gn:174186") << t << a->why;
    }
}

TEST(CityCue, NeighboursDecideATieOfSaturatedScores) {
    // Zahra: the Aleppo quarter beside Hamdaniyah and New Aleppo, not the town by Nubl.
    auto ms = parse(
        "Fighters broke through the defence lines in the Hamdaniyya, New Aleppo, "
        "and Zahra axes on Friday.");
    const fl::Mention* z = mention_of(ms, "Zahra");
    ASSERT_NE(z, nullptr);
    EXPECT_EQ(z->place_id, "oc:N0135") << z->why;
}

TEST(NonPlaces, OutletsPersonsNavigationAndFacilities) {
    const std::string t =
        "Home > News > World News\n"
        "Rebels captured Saraqib on Friday, the Al Mayadeen television channel said.\n"
        "An opposition fighter, Abu Al-Huda Al-Sourani, said the town of Saraqib had fallen.\n"
        "Sheikhmous Ahmed, head of the regional office for displaced persons, said families "
        "fled Tal Rifaat and Fafin, Hasia and Tal Shair.\n"
        "Rebels completed the capture of Hama, Syria's fourth-largest city.\n"
        "Opposition forces captured Fafin, Tal Shair and the al-Shahbaa dam in northern Aleppo.\n";
    auto ms = parse(t);
    for (const char* s : {"Home", "Al Mayadeen", "Al-Sourani", "Sheikhmous Ahmed", "al-Shahbaa"})
        EXPECT_EQ(mention_of(ms, s), nullptr) << s << ": " << mention_of(ms, s)->why;
    ASSERT_NE(mention_of(ms, "Saraqib"), nullptr);
    ASSERT_NE(mention_of(ms, "Tal Rifaat"), nullptr);
    // "Syria" in apposition to a list item is the country, never an unlocated list item.
    for (const auto& m : ms) EXPECT_NE(m.place_id, "unlocated:syria");
}

TEST(DirectionCue, ADirectionBeforeAGovernorateCapitalIsTheGovernorate) {
    auto ms = parse("Airstrikes hit civilian areas in southern Idlib on Sunday.");
    ASSERT_NE(mention_of(ms, "Idlib"), nullptr);
    EXPECT_EQ(mention_of(ms, "Idlib")->place_id, "fl:idlib-governorate");
    auto ms2 = parse("Rebels advanced in northwestern Hama.");
    ASSERT_NE(mention_of(ms2, "Hama"), nullptr);
    EXPECT_EQ(mention_of(ms2, "Hama")->place_id, "fl:hama-governorate");
    // Without a direction the city is meant.
    auto ms3 = parse("Rebels entered Idlib on Sunday.");
    ASSERT_NE(mention_of(ms3, "Idlib"), nullptr);
    EXPECT_EQ(mention_of(ms3, "Idlib")->place_id, "gn:169389");
}

TEST(NonPlaces, PronounsOutletsGroupsOperationsAndRule) {
    const std::string t =
        "Her family fled Saraqib on Friday.\n"
        "Rebels entered Homs, Al-Mayadeen, a pro-Iran satellite TV station, said.\n"
        "The activists' network Daraa 24 said rebels entered Daraa.\n"
        "The Non-State Armed Group, Hayat Tahrir Al Sham (HTS), launched an attack near "
        "Atarib.\n"
        "SNA factions announced the \"Dawn of Freedom\" (Fajr al-Hurriyah) operation near "
        "Tal Rifaat.\n"
        "The end of decades of oppression under Baath rule came in Hama.\n";
    auto ms = parse(t);
    for (const char* s : {"Her", "Al-Mayadeen", "Hayat", "al-Hurriyah", "Baath"})
        EXPECT_EQ(mention_of(ms, s), nullptr) << s << ": " << mention_of(ms, s)->why;
    // "Daraa 24" is the network; the Daraa rebels entered is the city.
    std::size_t daraa = 0;
    for (const auto& m : ms) daraa += m.surface == "Daraa";
    EXPECT_EQ(daraa, 1u);
    for (const char* s : {"Saraqib", "Homs", "Atarib", "Tal Rifaat", "Hama"})
        EXPECT_NE(mention_of(ms, s), nullptr) << s;
}

TEST(NonPlaces, TranscriptLabelsAndGreetings) {
    const std::string t =
        "Hello, I'm the host of this podcast.\n"
        "MARTIN: The Assad family came to power in 1970.\n"
        "RUTH SHERLOCK, BYLINE: Armed rebels cheer outside the citadel in Aleppo.\n"
        "DAMASCUS: Rebels entered Homs on Saturday.\n";
    auto ms = parse(t);
    for (const char* s : {"Hello", "MARTIN", "Armed"})
        EXPECT_EQ(mention_of(ms, s), nullptr) << s << ": " << mention_of(ms, s)->why;
    // A dateline in capitals is a place.
    for (const char* s : {"Aleppo", "DAMASCUS", "Homs"}) EXPECT_NE(mention_of(ms, s), nullptr) << s;
}

TEST(DirectionCue, ASecondDirectionAfterAndPlacesNoNameBeforeIt) {
    auto ms = parse("Rebels pushed into the desert south of Aleppo and east of Hama on Saturday.");
    ASSERT_NE(mention_of(ms, "Aleppo"), nullptr);
    EXPECT_EQ(mention_of(ms, "Aleppo")->place_id, "gn:170063");
    // An item before its area still lies in it.
    auto ms2 = parse("Rebels took Kafr Naha and Urum al-Sughra, west of Aleppo.");
    ASSERT_NE(mention_of(ms2, "Kafr Naha"), nullptr);
    EXPECT_NE(mention_of(ms2, "Kafr Naha")->why.find("area named after it"), std::string::npos);
}

TEST(Roads, TwoTownsNamingARoadNameTheRoad) {
    auto ms = parse("Fighters cut the Aleppo-Raqqa highway on Sunday. The Hama-Homs road is shut.");
    ASSERT_NE(mention_of(ms, "Aleppo-Raqqa highway"), nullptr);
    EXPECT_EQ(mention_of(ms, "Aleppo-Raqqa highway")->kind, "road");
    for (const char* s : {"Aleppo", "Raqqa", "Hama", "Homs"})
        EXPECT_EQ(mention_of(ms, s), nullptr) << s << ": " << mention_of(ms, s)->why;
}

TEST(Lists, AForeignHamletAmongSyrianVillagesIsOneOfThem) {
    // Husseiniya: a hamlet in Israel by GeoNames, a village by Deir ez-Zor by OCHA.
    auto ms = parse(
        "The SDF said it would take the villages of Khesham, Marrat, Mazloum and Husseiniya in "
        "the eastern countryside of Deir al-Zor.");
    const auto* h = mention_of(ms, "Husseiniya");
    ASSERT_NE(h, nullptr);
    EXPECT_FALSE(h->foreign) << h->why;
}

TEST(NonPlaces, PersonsNamedLikeOchaCommunities) {
    const std::string t =
        "Abdurrahman Mustafa, head of the coalition, spoke. Mustafa said Tal Rifaat was calm.\n"
        "\"Tartus is key,\" stated Abbas, who studies Syria. Abbas, the researcher, agreed.\n"
        "The president's brother Bassel died long ago.\n"
        "Rebels made a last call on forces loyal to Assad's government in Homs to defect.\n";
    auto ms = parse(t);
    for (const char* s : {"Mustafa", "Abbas", "Bassel", "Assad"})
        EXPECT_EQ(mention_of(ms, s), nullptr) << s << ": " << mention_of(ms, s)->why;
    for (const char* s : {"Tal Rifaat", "Tartus", "Homs"})
        EXPECT_NE(mention_of(ms, s), nullptr) << s;
}

TEST(Landmarks, TheDamascusAirportThePrisonAndMountHermon) {
    auto ms = parse(
        "Planes left Damascus International Airport. Prisoners walked out of Sednaya prison. "
        "Israeli troops took Jabal al-Sheikh, the Syrian side of Mount Hermon, and patrolled "
        "Mezzeh.");
    const std::pair<const char*, const char*> want[] = {
        {"Damascus International Airport", "fl:damascus-airport"},
        {"Sednaya prison", "fl:saydnaya-prison"},
        {"Jabal al-Sheikh", "fl:mount-hermon"},
        {"Mount Hermon", "fl:mount-hermon"},
        {"Mezzeh", "fl:damascus-mezzeh"}};
    for (const auto& [surface, id] : want) {
        const auto* m = mention_of(ms, surface);
        ASSERT_NE(m, nullptr) << surface;
        EXPECT_EQ(m->place_id, id) << surface;
    }
}

TEST(Anchors, APenalisedNameAnchorsNothing) {
    // "al-Baath" of "Madinat al-Baath" (a penalised part) must not make Hadar, Quneitra, look
    // far from its sentence.
    auto ms = parse("Israeli troops seized the towns of Madinat al-Baath and Hader in Quneitra.");
    const auto* h = mention_of(ms, "Hader");
    ASSERT_NE(h, nullptr);
    EXPECT_EQ(h->place_id, "oc:C6278") << h->why;
}
