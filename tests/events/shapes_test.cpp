// Event extraction on sentences written for these tests (never devset text), one test per
// shape of issue 14 with its negative cases: enumerations, who acts, passive and nominal
// shapes, claims and denials, non-events, partial control, provinces, unlocated places.
#include <gtest/gtest.h>

#include <set>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "events/event.hpp"
#include "events/event_io.hpp"
#include "events/lexicon.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {

const fl::Gazetteer& gaz() {
    static const fl::Gazetteer g = [] {
        auto dir = fl::test::scratch("shapes_gaz");
        std::string rows =
            "id\tname\talternatenames\tlat\tlon\tfeature_class\tfeature_code\tcountry_code\t"
            "admin1\tpopulation\tprecision_m\tgeometry_wkt\tsource\n";
        const char* places[][4] = {
            {"fl:deir-sunbul", "Deir Sunbul", "35.70", "36.55"},
            {"fl:kafr-nuran", "Kafr Nuran", "36.10", "36.85"},
            {"fl:tal-mardikh", "Tal Mardikh", "35.83", "36.81"},
            {"fl:abu-qanaya", "Abu Qanaya", "35.90", "36.90"},
            {"fl:umm-jurn", "Umm Jurn", "35.95", "36.95"},
            {"fl:saraqib", "Saraqib", "35.86", "36.80"},
            {"fl:atarib", "Atarib", "36.13", "36.82"},
            {"fl:morek", "Morek", "35.38", "36.68"},
        };
        for (auto& p : places) {
            rows += std::string(p[0]) + "\t" + p[1] + "\t\t" + p[2] + "\t" + p[3] +
                    "\tP\tPPL\tSY\t12\t5000\t1000\t\ttest\n";
        }
        rows +=
            "fl:taftanaz-airbase\tTaftanaz airbase\t\t35.97\t36.78\tS\tAIRB\tSY\t12\t0\t"
            "1000\t\ttest\n";
        rows += "fl:hama\tHama\t\t35.13\t36.75\tP\tPPLA\tSY\t05\t800000\t1000\t\ttest\n";
        rows += "fl:idlib\tIdlib\t\t35.93\t36.63\tP\tPPLA\tSY\t12\t160000\t1000\t\ttest\n";
        rows +=
            "fl:idlib-governorate\tIdlib Governorate\t\t35.80\t36.60\tA\tADM1\tSY\t12\t0\t"
            "50000\t\ttest\n";
        fl::write_file_atomic(dir / "curated.tsv", rows);
        return fl::Gazetteer::load_dir(dir);
    }();
    return g;
}

std::vector<fl::Event> extract(const std::string& text, const char* published = "2024-11-30") {
    fl::Article a;
    a.doc = "s.txt";
    a.text = text;
    a.published = fl::parse_iso_date(published);
    fl::GeoparseOptions opt;
    opt.governorate_cues = true;
    return fl::extract_events(a, fl::geoparse(gaz(), a, opt));
}

const fl::Event* find(const std::vector<fl::Event>& ev, const std::string& place) {
    for (const auto& e : ev) {
        if (e.place_id == place) return &e;
    }
    return nullptr;
}

fl::Controller ctl(const std::vector<fl::Event>& ev, const std::string& place) {
    const auto* e = find(ev, place);
    return e ? e->controller : fl::Controller::unknown;
}

}  // namespace

TEST(Shapes, EnumerationsMakeOneEventPerItem) {
    for (const char* s : {
             "The factions captured the following villages: Deir Sunbul, Kafr Nuran, Tal "
             "Mardikh, Abu Qanaya and Umm Jurn.",
             "Rebels seized several villages, including Deir Sunbul, Kafr Nuran, Tal Mardikh, "
             "Abu Qanaya and Umm Jurn.",
             "The opposition took control of key sites such as the town of Deir Sunbul, Kafr "
             "Nuran, Tal Mardikh, Abu Qanaya and Umm Jurn.",
             "The opposition took control of key towns such as Deir Sunbul, Kafr Nuran, Tal "
             "Mardikh, Abu Qanaya as well as Umm Jurn.",
             "The villages captured by the rebels include Deir Sunbul, Kafr Nuran, Tal Mardikh, "
             "Abu Qanaya and Umm Jurn.",
         }) {
        auto e = extract(s);
        for (const char* id : {"fl:deir-sunbul", "fl:kafr-nuran", "fl:tal-mardikh", "fl:abu-qanaya",
                               "fl:umm-jurn"}) {
            EXPECT_EQ(ctl(e, id), fl::Controller::opposition) << id << " in: " << s;
        }
    }
}

TEST(Shapes, AlongWithGoesOnWithTheList) {
    auto e =
        extract("The rebels captured Saraqib, along with nearby towns such as Atarib and Morek.");
    for (const char* id : {"fl:saraqib", "fl:atarib", "fl:morek"})
        EXPECT_EQ(ctl(e, id), fl::Controller::opposition) << id;
}

TEST(Shapes, ListsEndWhereANewClauseStarts) {
    auto e = extract(
        "Rebels captured Deir Sunbul, government forces then shelled Kafr Nuran and Tal Mardikh.");
    EXPECT_EQ(ctl(e, "fl:deir-sunbul"), fl::Controller::opposition);
    EXPECT_EQ(find(e, "fl:kafr-nuran"), nullptr);
    EXPECT_EQ(find(e, "fl:tal-mardikh"), nullptr);
}

TEST(Shapes, TheSubjectActsNotTheNearestActorWord) {
    EXPECT_EQ(ctl(extract("The surprise attack, which opposition factions say answers "
                          "government shelling, has captured Deir Sunbul."),
                  "fl:deir-sunbul"),
              fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("Opposition groups fighting President Assad's regime seized Kafr "
                          "Nuran."),
                  "fl:kafr-nuran"),
              fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("After rebels entered Saraqib, the army handed over Atarib to the "
                          "SDF."),
                  "fl:atarib"),
              fl::Controller::sdf);
    EXPECT_EQ(ctl(extract("Having wrested Tal Mardikh from regime forces, the insurgents "
                          "pushed on."),
                  "fl:tal-mardikh"),
              fl::Controller::opposition);
}

TEST(Shapes, FirstPersonIsTheSpeaker) {
    auto e = extract("\"Our forces recaptured Saraqib,\" the defence ministry said.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::government);
    EXPECT_TRUE(extract("We captured Saraqib.").empty());
}

TEST(Shapes, ListsRunPastLinesAndOpeners) {
    auto e = extract(
        "The army recaptured villages along the Saraqib road, including Deir Sunbul and Kafr "
        "Nuran.");
    EXPECT_EQ(ctl(e, "fl:deir-sunbul"), fl::Controller::government);
    EXPECT_EQ(ctl(e, "fl:kafr-nuran"), fl::Controller::government);
    auto n = extract(
        "Rebels took 14 villages in Idlib province, with the most notable being Tal Mardikh and "
        "Abu Qanaya.");
    EXPECT_EQ(ctl(n, "fl:tal-mardikh"), fl::Controller::opposition);
    EXPECT_EQ(ctl(n, "fl:abu-qanaya"), fl::Controller::opposition);
}

TEST(Shapes, AnAliasIsTheSamePlaceAndTheListGoesOnAfterIt) {
    // "known as the" holds "as the", a clause boundary elsewhere; the alias is no object.
    auto e = extract(
        "Rebels seized Atarib, also known as the Morek gate, west of the city, Tal Mardikh and "
        "Saraqib.");
    EXPECT_EQ(ctl(e, "fl:atarib"), fl::Controller::opposition);
    EXPECT_EQ(ctl(e, "fl:tal-mardikh"), fl::Controller::opposition);
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_EQ(find(e, "fl:morek"), nullptr);
}

TEST(Shapes, GroupNounsAndPronounsResolveFromContext) {
    auto e = extract(
        "Hayat Tahrir al-Sham launched a new offensive on Wednesday.\n\nThe army said its "
        "units held their lines.\n\nThe factions later captured Deir Sunbul.\n\nThey also "
        "seized Kafr Nuran.");
    EXPECT_EQ(ctl(e, "fl:deir-sunbul"), fl::Controller::opposition);
    EXPECT_EQ(ctl(e, "fl:kafr-nuran"), fl::Controller::opposition);
}

TEST(Shapes, FellToCameUnderCaptureOfHandedOverRestoredLiberated) {
    EXPECT_EQ(ctl(extract("Deir Sunbul fell to the rebels on Friday."), "fl:deir-sunbul"),
              fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("Kafr Nuran came under the control of the SDF."), "fl:kafr-nuran"),
              fl::Controller::sdf);
    EXPECT_EQ(
        ctl(extract("Rebels celebrated after their capture of Tal Mardikh."), "fl:tal-mardikh"),
        fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("The army handed over Abu Qanaya to Kurdish forces."), "fl:abu-qanaya"),
              fl::Controller::sdf);
    EXPECT_EQ(
        ctl(extract("Abu Qanaya was handed over to Kurdish forces by the army."), "fl:abu-qanaya"),
        fl::Controller::sdf);
    EXPECT_EQ(ctl(extract("Units restored control over Umm Jurn."), "fl:umm-jurn"),
              fl::Controller::government);
    EXPECT_EQ(ctl(extract("Syrian army troops liberated Morek."), "fl:morek"),
              fl::Controller::government);
    EXPECT_EQ(ctl(extract("Opposition fighters liberated Morek."), "fl:morek"),
              fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("Morek fell into the hands of the Syrian army."), "fl:morek"),
              fl::Controller::government);
    EXPECT_EQ(ctl(extract("Turkish-backed factions clawed back Atarib."), "fl:atarib"),
              fl::Controller::sna);
    EXPECT_EQ(ctl(extract("Insurgents swept into Hama at dawn."), "fl:hama"),
              fl::Controller::contested);
    EXPECT_EQ(ctl(extract("Kurdish fighters moved into Hama at dawn."), "fl:hama"),
              fl::Controller::contested);
    EXPECT_EQ(ctl(extract("Morek is now controlled by the Tiger Forces."), "fl:morek"),
              fl::Controller::government);
    // "cleared X of ...", the Turkish press's word; "the X district of Idlib" names X only.
    auto cleared = extract("The SNA cleared the Saraqib district of Idlib of YPG terrorists.");
    EXPECT_EQ(ctl(cleared, "fl:saraqib"), fl::Controller::sna);
    EXPECT_EQ(find(cleared, "fl:idlib"), nullptr);
}

TEST(Shapes, EvacuationNeedsTheOtherSideInContext) {
    auto e = extract("Rebels pressed on.\n\nThe army evacuated Saraqib overnight.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_TRUE(extract("The army evacuated Saraqib overnight.").empty());
    // Losing a place is the same: the winner is the other side the article names.
    auto lost = extract("Rebels pressed on.\n\nGovernment forces lost control of Saraqib.");
    EXPECT_EQ(ctl(lost, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_TRUE(extract("Government forces lost control of Saraqib.").empty());
}

TEST(Shapes, ClaimedConfirmedDenied) {
    EXPECT_EQ(find(extract("Rebels captured Saraqib."), "fl:saraqib")->status, "confirmed");
    for (const char* s :
         {"Rebels captured Saraqib, the Observatory said.",
          "According to opposition sources, rebels captured Saraqib.",
          "Rebels reportedly captured Saraqib.", "The insurgents claimed control of Saraqib.",
          "Rebels captured Saraqib, state media reported.",
          "Turkish-backed fighters captured Saraqib, the Turkish defence ministry said.",
          "Rebels likely captured Saraqib.", "Rebels appear to have captured Saraqib."}) {
        auto e = extract(s);
        ASSERT_NE(find(e, "fl:saraqib"), nullptr) << s;
        EXPECT_EQ(find(e, "fl:saraqib")->status, "claimed") << s;
    }
    // Attribution carries over a continuation sentence of the same paragraph only.
    auto c = extract("Rebels captured Saraqib, the Observatory said. They also seized Atarib.");
    ASSERT_NE(find(c, "fl:atarib"), nullptr);
    EXPECT_EQ(find(c, "fl:atarib")->status, "claimed");
    auto p = extract("Rebels captured Saraqib, the Observatory said.\nRebels also seized Atarib.");
    ASSERT_NE(find(p, "fl:atarib"), nullptr);
    EXPECT_EQ(find(p, "fl:atarib")->status, "confirmed");
    // A relative clause's attribution is not the main clause's.
    auto r = extract("The attack, which the rebels say answers shelling, has captured Saraqib.");
    ASSERT_NE(find(r, "fl:saraqib"), nullptr);
    EXPECT_EQ(find(r, "fl:saraqib")->status, "confirmed");
    auto d = extract("The army denied that rebels had captured Saraqib.");
    ASSERT_NE(find(d, "fl:saraqib"), nullptr);
    EXPECT_EQ(find(d, "fl:saraqib")->status, "denied");
    // The side said to have lost dismisses the sentence before: its claims are denied.
    auto back = extract(
        "Rebels claimed gains in Idlib province, including Saraqib and Atarib. However, the "
        "army dismissed these assertions as propaganda.");
    ASSERT_NE(find(back, "fl:saraqib"), nullptr);
    EXPECT_EQ(find(back, "fl:saraqib")->status, "denied");
    EXPECT_EQ(find(back, "fl:atarib")->status, "denied");
    EXPECT_EQ(find(back, "fl:saraqib")->controller, fl::Controller::opposition);
    // Not across a paragraph, and not by the side that gained.
    auto para =
        extract("Rebels claimed gains including Saraqib.\n\nThe army dismissed these claims.");
    ASSERT_NE(find(para, "fl:saraqib"), nullptr);
    EXPECT_EQ(find(para, "fl:saraqib")->status, "claimed");
    auto own =
        extract("Rebels claimed gains including Saraqib. The rebels dismissed these reports.");
    ASSERT_NE(find(own, "fl:saraqib"), nullptr);
    EXPECT_EQ(find(own, "fl:saraqib")->status, "claimed");
}

TEST(Shapes, NotEvents) {
    for (const char* s : {
             "In February 2016 the YPG captured Atarib.",
             "Rebels captured Atarib eight years ago.",
             "Rebels failed to take control of Atarib.",
             "Rebels advanced towards Atarib.",
             "Rebels are besieging Atarib.",
             "Warplanes shelled Atarib.",
             "Government troops remain stationed in Atarib.",
             "The army remains in control of Atarib.",
             "The army retained control of Atarib.",
             "Fighting is taking place south of Atarib.",
             "Atarib, which is under army control, was shelled.",
             "Rebels vowed to capture Atarib.",
             "Will the rebels capture Atarib?",
             "Rebels tried to storm Atarib.",
             "Clashes were reported near Atarib, controlled by the Kurdish People's Protection "
             "Units.",
             "Rebels stormed Atarib but were repelled.",
             "Rebels stormed Atarib, but their attack was repelled.",
         }) {
        EXPECT_EQ(find(extract(s), "fl:atarib"), nullptr) << s;
    }
    // The failure of a later attack elsewhere leaves the capture standing.
    EXPECT_EQ(ctl(extract("Rebels captured Atarib but were repelled from Saraqib."), "fl:atarib"),
              fl::Controller::opposition);
    // So does the other side's failed attack.
    EXPECT_EQ(ctl(extract("Rebels captured Atarib; an army attack was repelled near Saraqib."),
                  "fl:atarib"),
              fl::Controller::opposition);
}

TEST(Shapes, PartialControlIsContested) {
    for (const char* s : {"Rebels entered Hama.", "Rebels broke through the defence lines of Hama.",
                          "Rebels seized much of Hama.", "Rebels now control most of Hama.",
                          "Rebels took parts of Hama.", "Rebels now control 70% of Hama."}) {
        EXPECT_EQ(ctl(extract(s), "fl:hama"), fl::Controller::contested) << s;
    }
    EXPECT_EQ(ctl(extract("Rebels took full control of Hama."), "fl:hama"),
              fl::Controller::opposition);
    EXPECT_EQ(
        ctl(extract("Rebels took control of four neighborhoods in the city of Hama."), "fl:hama"),
        fl::Controller::contested);
    // The cue is its own item's: the next items of the list are taken in full.
    auto list = extract("Rebels took much of Morek, Saraqib and Atarib.");
    EXPECT_EQ(ctl(list, "fl:morek"), fl::Controller::contested);
    EXPECT_EQ(ctl(list, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_EQ(ctl(list, "fl:atarib"), fl::Controller::opposition);
}

TEST(Shapes, ACaptureInAnAfterClauseHappenedByTheMainClausesDate) {
    // Published Saturday 2024-11-30.
    auto e = extract("Troops were sent north on Friday after rebels seized Saraqib.");
    const auto* by_then = find(e, "fl:saraqib");
    ASSERT_NE(by_then, nullptr);
    EXPECT_EQ(fl::to_iso(by_then->date_end), "2024-11-29");
    EXPECT_EQ(fl::to_iso(by_then->date), "2024-11-23");
    auto f = extract("On Friday, after heavy clashes, rebels seized Saraqib.");
    const auto* that_day = find(f, "fl:saraqib");
    ASSERT_NE(that_day, nullptr);
    EXPECT_EQ(fl::to_iso(that_day->date), "2024-11-29");
    EXPECT_EQ(fl::to_iso(that_day->date_end), "2024-11-29");
}

TEST(Shapes, APartialHoldBesideAFullCaptureIsTheSameChange) {
    auto kinds = [](const std::vector<fl::Event>& ev) {
        std::multiset<fl::Controller> k;
        for (const auto& e : ev) {
            if (e.place_id == "fl:hama") k.insert(e.controller);
        }
        return k;
    };
    // One change told twice: the capture, not also "contested".
    EXPECT_EQ(kinds(extract("Rebels seized Hama on Thursday.\n\nThe rebels now control most of "
                            "Hama, a monitor said.")),
              std::multiset<fl::Controller>{fl::Controller::opposition});
    // An entry is a stage of its own; the other side's partial hold is no duplicate.
    EXPECT_EQ(
        kinds(extract("Rebels entered Hama on Wednesday.\n\nRebels seized Hama on "
                      "Thursday.")),
        (std::multiset<fl::Controller>{fl::Controller::opposition, fl::Controller::contested}));
    EXPECT_EQ(
        kinds(extract("Rebels took parts of Hama on Monday.\n\nRebels seized Hama on "
                      "Thursday.")),
        (std::multiset<fl::Controller>{fl::Controller::opposition, fl::Controller::contested}));
    EXPECT_EQ(
        kinds(extract("Rebels seized Hama on Thursday.\n\nOn Friday the army retook "
                      "much of Hama.")),
        (std::multiset<fl::Controller>{fl::Controller::opposition, fl::Controller::contested}));
}

TEST(Shapes, TheCityIsTheCityTheArticleIsAbout) {
    auto e = extract(
        "Rebels reached the outskirts of Hama on Tuesday.\n\nOn Thursday they entered "
        "the city.");
    EXPECT_EQ(ctl(e, "fl:hama"), fl::Controller::contested);
    // "it" after "the city": the same city.
    auto it = extract(
        "Rebels reached the outskirts of Hama on Tuesday.\n\nOn Thursday they breached "
        "the defences of the city and entered it.");
    EXPECT_EQ(ctl(it, "fl:hama"), fl::Controller::contested);
    // No city named before: nothing to refer to.
    EXPECT_TRUE(extract("On Thursday rebels entered the city.").empty());
    EXPECT_TRUE(extract("On Thursday rebels broke into the city and entered it.").empty());
}

TEST(Shapes, TheAirportAndTheTownAreTheLastNamed) {
    auto e = extract(
        "Rebels captured Taftanaz airbase on Friday. A day later, sources said the rebels had "
        "handed the airbase to the SDF.");
    int sdf = 0, opposition = 0;
    for (const auto& ev : e) {
        if (ev.place_id != "fl:taftanaz-airbase") continue;
        sdf += ev.controller == fl::Controller::sdf;
        opposition += ev.controller == fl::Controller::opposition;
    }
    EXPECT_EQ(opposition, 1);
    EXPECT_EQ(sdf, 1);
    auto t = extract(
        "Army artillery pounded Saraqib overnight.\n\nBy noon the rebels had captured the "
        "town.");
    EXPECT_EQ(ctl(t, "fl:saraqib"), fl::Controller::opposition);
    // "the town of X" names its own town; no town named before: nothing to refer to.
    auto m = extract("Army artillery pounded Saraqib. Then rebels captured the town of Morek.");
    EXPECT_EQ(ctl(m, "fl:morek"), fl::Controller::opposition);
    EXPECT_EQ(find(m, "fl:saraqib"), nullptr);
    EXPECT_TRUE(extract("By noon the rebels had captured the town.").empty());
}

TEST(Shapes, ExtendedControlLostAndReached) {
    EXPECT_EQ(
        ctl(extract("The factions extended their control to Atarib and Saraqib."), "fl:saraqib"),
        fl::Controller::opposition);
    // Losing the village named before: the other side named takes it.
    auto lost = extract(
        "The army counterattacked at Tal Mardikh, and the rebels lost the village after hours of "
        "fighting.");
    EXPECT_EQ(ctl(lost, "fl:tal-mardikh"), fl::Controller::government);
    // Reaching a place's outskirts ends the clause of the capture before it.
    auto reached = extract("Rebels took Atarib and reached the outskirts of Hama.");
    EXPECT_EQ(ctl(reached, "fl:atarib"), fl::Controller::opposition);
    EXPECT_EQ(find(reached, "fl:hama"), nullptr);
}

TEST(Shapes, ACountrysideIsNotTheProvince) {
    auto e = extract("Rebels imposed control over the western Idlib countryside.");
    EXPECT_EQ(find(e, "fl:idlib-governorate"), nullptr);
    EXPECT_EQ(find(e, "fl:idlib"), nullptr);
}

TEST(Shapes, TheCitysAirportIsNotTheCity) {
    auto e = extract(
        "Rebels entered Hama on Friday. By Sunday they had taken control of the city's "
        "airport.");
    EXPECT_EQ(ctl(e, "fl:hama"), fl::Controller::contested);
}

TEST(Shapes, AYearThatMeasuresTheChangeIsNotHistory) {
    EXPECT_EQ(ctl(extract("Rebels retook Saraqib for the first time since 2020."), "fl:saraqib"),
              fl::Controller::opposition);
    EXPECT_EQ(find(extract("Rebels retook Saraqib in 2020."), "fl:saraqib"), nullptr);
}

TEST(Shapes, TheTownIsNotWhereTheLastSentenceWasHeading) {
    auto e = extract(
        "The army left Saraqib, sending its troops toward Atarib.\nRebels took over the town "
        "hours later.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_EQ(find(e, "fl:atarib"), nullptr);
    auto north = extract("The army left Saraqib, north of Morek.\nRebels took the town at dawn.");
    EXPECT_EQ(ctl(north, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_EQ(find(north, "fl:morek"), nullptr);
}

TEST(Shapes, TheTownsAreTheLastEventsPlaces) {
    auto e = extract(
        "The army recaptured Deir Sunbul and Kafr Nuran on Wednesday. However, the rebels "
        "re-entered the towns within hours.");
    int contested = 0;
    for (const auto& ev : e) contested += ev.controller == fl::Controller::contested;
    EXPECT_EQ(contested, 2);
    EXPECT_TRUE(extract("The rebels re-entered the towns within hours.").empty());
    // The subject with an aside: "The SAA, backed by local fighters, launched ...".
    auto s = extract(
        "The SAA, backed by local fighters, launched a counter-attack, recapturing both Deir "
        "Sunbul and Kafr Nuran.");
    EXPECT_EQ(ctl(s, "fl:deir-sunbul"), fl::Controller::government);
    EXPECT_EQ(ctl(s, "fl:kafr-nuran"), fl::Controller::government);
}

TEST(Shapes, TheCityIsTheOneThisSentenceNamedLast) {
    // The article's main city is Idlib, but this sentence named Hama before "the city".
    auto e = extract(
        "Rebels hold Idlib. Idlib is calm.\nThey reached Hama on Monday, capturing the city "
        "on Thursday.");
    EXPECT_EQ(ctl(e, "fl:hama"), fl::Controller::opposition);
    EXPECT_EQ(find(e, "fl:idlib"), nullptr);
    // A province named last means its capital, which is not a place here: no event rather
    // than the main city.
    auto p = extract(
        "Rebels hold Hama. Hama is calm.\nThey advanced into Idlib province, capturing the city "
        "on Thursday.");
    EXPECT_EQ(find(p, "fl:hama"), nullptr);
    // "Losing control of the city": the loser's words; the winner is the other side.
    auto l = extract(
        "Rebels entered Hama.\nBy the afternoon, the army admitted losing control "
        "of the city.");
    bool lost = false;
    for (const auto& ev : l)
        lost = lost || (ev.place_id == "fl:hama" && ev.action == "handover" &&
                        ev.controller == fl::Controller::opposition);
    EXPECT_TRUE(lost);
}

TEST(Shapes, WhereAPlaceLiesIsNoObject) {
    auto e = extract("Rebels took Saraqib, a town located between Atarib and Morek.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_EQ(find(e, "fl:atarib"), nullptr);
    EXPECT_EQ(find(e, "fl:morek"), nullptr);
}

TEST(Shapes, WhoHeldAPlaceAllAlongIsNoChange) {
    EXPECT_EQ(find(extract("Hama has been a city completely under government control since the "
                           "war began."),
                   "fl:hama"),
              nullptr);
    EXPECT_EQ(
        find(extract("Saraqib has been under the control of the rebels since 2020."), "fl:saraqib"),
        nullptr);
    // A first since is a change.
    EXPECT_EQ(ctl(extract("Saraqib came under rebel control for the first time since 2020."),
                  "fl:saraqib"),
              fl::Controller::opposition);
    // Clashes in a place are no entry.
    EXPECT_EQ(find(extract("Clashes in Saraqib continued on Friday."), "fl:saraqib"), nullptr);
}

TEST(Shapes, ANominalCaptureTakesItsAgentAfterBy) {
    auto e = extract(
        "The push on Morek followed the capture of Saraqib, a key town, by opposition fighters "
        "after the army withdrew.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
}

TEST(Shapes, AnActorWordBeforeAThingNamesTheThing) {
    // "the military academy" is a place in the list, not the government acting; with no
    // side to speak for "we", no event rather than the government's.
    auto e = extract(
        "\"We secured control over Deir Sunbul, Kafr Nuran and the military academy,\" the "
        "commander said.");
    EXPECT_EQ(find(e, "fl:deir-sunbul"), nullptr);
    EXPECT_EQ(ctl(extract("The army captured Kafr Nuran near an army base."), "fl:kafr-nuran"),
              fl::Controller::government);
}

TEST(Shapes, ThePlaceNearWhichItHappenedIsNoObject) {
    auto e = extract("Anti government fighters captured Saraqib, near the central city of Hama.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_EQ(find(e, "fl:hama"), nullptr);
    EXPECT_EQ(ctl(extract("Rebels took Morek in addition to the strategic town of Saraqib."),
                  "fl:saraqib"),
              fl::Controller::opposition);
}

TEST(Shapes, TheArmyAfterTheNationalArmyIsTheNationalArmy) {
    auto e = extract(
        "The Syrian National Army entered Atarib on Sunday.\nThe army also captured Kafr "
        "Nuran.");
    EXPECT_EQ(ctl(e, "fl:kafr-nuran"), fl::Controller::sna);
    EXPECT_EQ(ctl(extract("The Syrian army entered Atarib.\nThe army also captured Kafr Nuran."),
                  "fl:kafr-nuran"),
              fl::Controller::government);
    // Its troops, and the army after them.
    auto t = extract(
        "The Syrian National Army took full control of Atarib.\nTroops cleared Morek of "
        "terrorists.\nThe army also liberated Kafr Nuran.");
    EXPECT_EQ(ctl(t, "fl:morek"), fl::Controller::sna);
    EXPECT_EQ(ctl(t, "fl:kafr-nuran"), fl::Controller::sna);
}

TEST(Shapes, APossessiveDateIsItsNounsAlone) {
    auto e = extract(
        "This incursion into Morek followed the previous day's capture of Saraqib by rebels.",
        "2024-12-06");
    const auto* c = find(e, "fl:saraqib");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(fl::to_iso(c->date), "2024-12-05");
    const auto* m = find(e, "fl:morek");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(fl::to_iso(m->date), "2024-12-06");
}

TEST(Shapes, ARelativeClauseActsThroughItsAntecedent) {
    EXPECT_EQ(ctl(extract("The SDF began leaving Morek under a deal with opposition factions "
                          "that recently seized control of Saraqib."),
                  "fl:saraqib"),
              fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("The army pulled back under a deal with the rebels, who captured "
                          "Saraqib last week."),
                  "fl:saraqib"),
              fl::Controller::opposition);
    // The object of "targeting" is not who acts.
    EXPECT_EQ(ctl(extract("The SNA launched an operation targeting the SDF and liberating the "
                          "town of Atarib."),
                  "fl:atarib"),
              fl::Controller::sna);
}

TEST(Shapes, TheCitiesOfAAndBAreBothTaken) {
    auto e = extract("Rebels have since seized the cities of Hama and Idlib.");
    EXPECT_EQ(ctl(e, "fl:hama"), fl::Controller::opposition);
    EXPECT_EQ(ctl(e, "fl:idlib"), fl::Controller::opposition);
    // "... entered the towns of A and B and captured them": captured, not only entered.
    auto t = extract("Rebels entered the towns of Saraqib and Morek and captured them.");
    for (const char* id : {"fl:saraqib", "fl:morek"}) {
        bool captured = false;
        for (const auto& ev : t)
            captured = captured || (ev.place_id == id && ev.action == "capture" &&
                                    ev.controller == fl::Controller::opposition);
        EXPECT_TRUE(captured) << id;
    }
}

TEST(Shapes, ClosingInIsNoCaptureAndUntrueIsADenial) {
    auto e = extract("Rebels seize Saraqib, close in on Hama");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_EQ(find(e, "fl:hama"), nullptr);
    auto d = extract("The army said reports of the rebels' entry into Morek are not true.");
    ASSERT_NE(find(d, "fl:morek"), nullptr);
    EXPECT_EQ(find(d, "fl:morek")->status, "denied");
}

TEST(Shapes, ProspectsAreNoChanges) {
    EXPECT_TRUE(
        extract("Should the rebels establish control over Hama, the road would be cut.").empty());
    EXPECT_TRUE(extract("Analysts said control of Hama could decide the war.").empty());
    EXPECT_EQ(ctl(extract("Rebels gained control of Hama on Thursday."), "fl:hama"),
              fl::Controller::opposition);
}

TEST(Shapes, TheSidesOfAClashAreNotItsSubject) {
    auto e = extract(
        "Clashes between regime forces and rebels erupted west of Atarib, where the rebels "
        "advanced swiftly.\nBy Saturday, they had secured control of Saraqib.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
}

TEST(Shapes, TheTownAsSubjectIsTheTownNamedLast) {
    EXPECT_EQ(ctl(extract("Regime forces withdrew from Morek.\nThe town is now under the control "
                          "of anti-regime armed groups."),
                  "fl:morek"),
              fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("Rebels attacked Morek.\nThe town was captured by the rebels on "
                          "Thursday."),
                  "fl:morek"),
              fl::Controller::opposition);
    EXPECT_EQ(
        ctl(extract("Rebels reached Hama.\nThe city fell to the rebels on Thursday."), "fl:hama"),
        fl::Controller::opposition);
    // The town named by its own "of" is that town.
    EXPECT_EQ(find(extract("Rebels attacked Morek.\nThe town of Saraqib is under army control."),
                   "fl:morek"),
              nullptr);
}

TEST(Shapes, ACityCentreIsPartOfTheCity) {
    auto c = extract("Rebels take control of Hama city centre");
    ASSERT_NE(find(c, "fl:hama"), nullptr);
    EXPECT_EQ(find(c, "fl:hama")->controller, fl::Controller::contested);
    auto m = extract("Hama is now mostly under rebel control.");
    ASSERT_NE(find(m, "fl:hama"), nullptr);
    EXPECT_EQ(find(m, "fl:hama")->controller, fl::Controller::contested);
    // "the city centre in Hama" names its city, whatever city the article is about.
    auto n = extract(
        "Rebels hold Idlib. Idlib is calm.\nAfter seizing control of the city centre in Hama, "
        "rebels pushed south.");
    EXPECT_EQ(find(n, "fl:idlib"), nullptr);
    ASSERT_NE(find(n, "fl:hama"), nullptr);
}

TEST(Shapes, EnteringGroundTheHolderLeftTakesIt) {
    auto e = extract("Rebels entered Saraqib after the withdrawal of regime forces.");
    ASSERT_NE(find(e, "fl:saraqib"), nullptr);
    EXPECT_EQ(find(e, "fl:saraqib")->controller, fl::Controller::opposition);
    EXPECT_EQ(find(e, "fl:saraqib")->action, "capture");
    // Another clause's withdrawal is not this entry's.
    auto o = extract(
        "The incursion into Morek followed the capture of Saraqib by rebels after the army "
        "retreated.");
    ASSERT_NE(find(o, "fl:morek"), nullptr);
    EXPECT_EQ(find(o, "fl:morek")->controller, fl::Controller::contested);
}

TEST(Shapes, ANameAfterKnownAsIsAnAliasOnlyRightAfterAName) {
    auto e = extract(
        "Rebels captured Deir Sunbul, Kafr Nuran, as well as a regime military base, known as "
        "Taftanaz airbase.");
    EXPECT_EQ(ctl(e, "fl:taftanaz-airbase"), fl::Controller::opposition);
    auto a = extract("Rebels captured Saraqib, also known as Tal Mardikh.");
    EXPECT_EQ(ctl(a, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_EQ(find(a, "fl:tal-mardikh"), nullptr);
}

TEST(Shapes, ASubheadingThatNamesNoOneIsNoEvent) {
    auto e = extract("The army shelled Atarib.\nControl of Saraqib secured\nMore text follows.");
    EXPECT_EQ(find(e, "fl:saraqib"), nullptr);
    // A headline that names who took it is one.
    EXPECT_EQ(ctl(extract("Rebels seize Saraqib\nMore text follows."), "fl:saraqib"),
              fl::Controller::opposition);
}

TEST(Shapes, PartsOfTheCityAreTheCityLastNamed) {
    auto e = extract(
        "Rebels reached Hama.\nA war monitor said the fighters had entered several parts of the "
        "city.");
    ASSERT_NE(find(e, "fl:hama"), nullptr);
    EXPECT_EQ(find(e, "fl:hama")->controller, fl::Controller::contested);
}

TEST(Shapes, StatementsOfPresenceAndHoldingAreNoChanges) {
    EXPECT_TRUE(extract("HTS has intensified its presence in Saraqib and Atarib.").empty());
    EXPECT_TRUE(
        extract("Hama has largely remained under government control throughout the war.").empty());
    EXPECT_TRUE(extract("HTS controls Saraqib and parts of Atarib.").empty());
    EXPECT_TRUE(extract("The rebels are focusing on taking control of Hama.").empty());
    EXPECT_EQ(find(extract("Rebels announced the liberation of villages on the periphery of Hama."),
                   "fl:hama"),
              nullptr);
    // "now controls" is a change.
    EXPECT_EQ(ctl(extract("HTS now controls Saraqib."), "fl:saraqib"), fl::Controller::opposition);
}

TEST(Shapes, TheHistoryOfWhatFollowsThePlaceIsNotTheCapturesOwn) {
    EXPECT_EQ(ctl(extract("Rebels said they had taken Atarib, a town west of Aleppo that had been "
                          "ruled by the army for years."),
                  "fl:atarib"),
              fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("On Sunday, rebels seized the town of Atarib, previously under the "
                          "control of the army."),
                  "fl:atarib"),
              fl::Controller::opposition);
    EXPECT_TRUE(extract("Atarib was previously under the control of the army.").empty());
}

TEST(Shapes, MoreWordingsOfAChange) {
    EXPECT_EQ(ctl(extract("The army has handed over control of Atarib to the SDF."), "fl:atarib"),
              fl::Controller::sdf);
    EXPECT_EQ(find(extract("The army has handed over control of Atarib to the SDF."), "fl:atarib")
                  ->action,
              "handover");
    EXPECT_EQ(ctl(extract("The rebels had already taken Saraqib last week."), "fl:saraqib"),
              fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("The SDF invaded Morek on Friday."), "fl:morek"), fl::Controller::sdf);
    EXPECT_EQ(ctl(extract("Rebels reached Hama.\nThey seized the central Syrian city on Friday."),
                  "fl:hama"),
              fl::Controller::opposition);
}

TEST(Shapes, AClosedRelativeClauseIsNotTheSubject) {
    EXPECT_EQ(ctl(extract("Rebel factions, who launched an offensive against the government last "
                          "week, on Thursday seized Hama."),
                  "fl:hama"),
              fl::Controller::opposition);
}

TEST(Shapes, AYearThatNamesAThingIsNotHistory) {
    EXPECT_EQ(ctl(extract("Rebels claimed control of Saraqib, the birthplace of the 2011 "
                          "uprising."),
                  "fl:saraqib"),
              fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("Rebels took Saraqib, breaking the March 2020 ceasefire."), "fl:saraqib"),
              fl::Controller::opposition);
    EXPECT_EQ(find(extract("Rebels took Saraqib in March 2020."), "fl:saraqib"), nullptr);
}

TEST(Shapes, TurkishMediaOnARebelGainIsAClaim) {
    auto e = extract("Rebels have taken control of Morek, according to Turkish media.");
    ASSERT_NE(find(e, "fl:morek"), nullptr);
    EXPECT_EQ(find(e, "fl:morek")->status, "claimed");
    // The other camp's words are a concession.
    auto c = extract("Rebels have taken control of Morek, according to the Syrian army.");
    ASSERT_NE(find(c, "fl:morek"), nullptr);
    EXPECT_EQ(find(c, "fl:morek")->status, "confirmed");
}

TEST(Shapes, CountedPlacesNamedInTheNextSentence) {
    auto e = extract(
        "Rebels captured three new villages on Tuesday.\nDetails:\nThe villages, Deir Sunbul, "
        "Kafr Nuran and Umm Jurn, lie west of Atarib.");
    for (const char* id : {"fl:deir-sunbul", "fl:kafr-nuran", "fl:umm-jurn"}) {
        const auto* ev = find(e, id);
        ASSERT_NE(ev, nullptr) << id;
        EXPECT_EQ(ev->controller, fl::Controller::opposition);
        EXPECT_EQ(ev->sources.size(), 2u);  // what happened, and where
    }
    EXPECT_EQ(find(e, "fl:atarib"), nullptr);
    // Two sentences later, or a sentence that does not open with the noun, names no counted
    // places.
    EXPECT_EQ(find(extract("Rebels captured three new villages.\nThe army shelled Atarib.\nThe "
                           "villages, Deir Sunbul and Kafr Nuran, lie west."),
                   "fl:deir-sunbul"),
              nullptr);
}

TEST(Shapes, ARelativeClausesDateIsNotTheCaptures) {
    auto e =
        extract("Rebels seized Saraqib in the offensive that began on November 27.", "2024-12-06");
    const auto* c = find(e, "fl:saraqib");
    ASSERT_NE(c, nullptr);
    EXPECT_NE(fl::to_iso(c->date), "2024-11-27");
}

TEST(Shapes, NamedForcesAndOperations) {
    EXPECT_EQ(
        ctl(extract("Following clashes with Assad forces, the SFA captured Morek."), "fl:morek"),
        fl::Controller::opposition);
    EXPECT_EQ(
        ctl(extract("Operation Deterring Aggression forces seized control of Hama."), "fl:hama"),
        fl::Controller::opposition);
}

TEST(Shapes, ACityStandingForItsGovernmentIsNotTheCityTalkedAbout) {
    // Idlib is named twice, but as the government's; "the city" is Hama.
    auto e = extract(
        "Rebels reached Hama.\nAn Idlib ally, Turkey, watched. Idlib said nothing.\nRebels took "
        "most of the city on Friday.");
    EXPECT_EQ(find(e, "fl:idlib"), nullptr);
    ASSERT_NE(find(e, "fl:hama"), nullptr);
}

TEST(Shapes, ProvinceIsNotTheCity) {
    auto e = extract("Rebels took over Idlib province.");
    EXPECT_EQ(find(e, "fl:idlib"), nullptr);
    EXPECT_EQ(ctl(e, "fl:idlib-governorate"), fl::Controller::opposition);
    // Places in a province are located by it, not taken with it.
    auto v = extract("Rebels captured Deir Sunbul in southern Idlib.");
    EXPECT_EQ(ctl(v, "fl:deir-sunbul"), fl::Controller::opposition);
    EXPECT_EQ(find(v, "fl:idlib"), nullptr);
    EXPECT_EQ(find(v, "fl:idlib-governorate"), nullptr);
}

TEST(Shapes, ConflictingReportsStaySeparate) {
    auto a = extract("Rebels captured Saraqib on Friday.");
    auto b = extract("The army recaptured Saraqib on Saturday.");
    auto c = extract("Opposition fighters seized Saraqib on Friday, witnesses said.");
    a.insert(a.end(), b.begin(), b.end());
    a.insert(a.end(), c.begin(), c.end());
    auto m = fl::merge_events(a);
    int opp = 0, gov = 0;
    for (const auto& e : m) {
        if (e.place_id != "fl:saraqib") continue;
        opp += e.controller == fl::Controller::opposition;
        gov += e.controller == fl::Controller::government;
    }
    EXPECT_EQ(opp, 1);
    EXPECT_EQ(gov, 1);
    // Same place, same new controller, another verb: one event with both sources.
    auto x = extract("Rebels captured Atarib on Friday.");
    auto y = extract("Opposition fighters recaptured Atarib on Friday.");
    x.insert(x.end(), y.begin(), y.end());
    auto j = fl::merge_events(x);
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0].sources.size(), 2u);
}

TEST(Shapes, APlaceTheFightersComeCloserToIsNotTaken) {
    // "coming closer to the central city of X": a reference point, even behind a noun phrase.
    auto e =
        extract("Rebels captured Morek on Tuesday, coming closer to the central city of Hama.");
    EXPECT_EQ(ctl(e, "fl:morek"), fl::Controller::opposition);
    EXPECT_EQ(find(e, "fl:hama"), nullptr);
    // Being close to entering is no entry.
    EXPECT_TRUE(extract("The fighters are now very close to entering the city of Hama.").empty());
    // A verb that starts a new clause ends the list: "attacked" is no capture.
    auto a = extract("Rebels have taken Atarib and attacked regime-controlled Saraqib.");
    EXPECT_EQ(ctl(a, "fl:atarib"), fl::Controller::opposition);
    EXPECT_EQ(find(a, "fl:saraqib"), nullptr);
}

TEST(Shapes, TheyIsNotTheSideJustKilledOrItsLines) {
    // "killed 50 government troops as they captured": "they" are the killers.
    auto e = extract(
        "Insurgents killed 50 government troops as they captured the towns of Morek and Atarib.");
    EXPECT_EQ(ctl(e, "fl:morek"), fl::Controller::opposition);
    EXPECT_EQ(ctl(e, "fl:atarib"), fl::Controller::opposition);
    // "government lines" are a thing, not the side that captured the airbase.
    auto l =
        extract("Rebels broke through government lines in the west and captured Taftanaz airbase.");
    EXPECT_EQ(ctl(l, "fl:taftanaz-airbase"), fl::Controller::opposition);
    // The rebels' own command speaking of their gain: a claim.
    auto c = extract("The military operations administration said rebels captured Morek.");
    ASSERT_NE(find(c, "fl:morek"), nullptr);
    EXPECT_EQ(find(c, "fl:morek")->status, "claimed");
}

TEST(Shapes, GerundsAfterToAndWhatWasManagedAreFacts) {
    // "to" before a gerund is no infinitive of intention; "managed to liberate" is done,
    // "an operation to liberate" is not.
    auto e = extract("Rebels shot down a drone, in addition to capturing the town of Morek.");
    EXPECT_EQ(ctl(e, "fl:morek"), fl::Controller::opposition);
    auto m = extract("The rebels managed to liberate two towns within a day: Morek and Atarib.");
    EXPECT_EQ(ctl(m, "fl:morek"), fl::Controller::opposition);
    EXPECT_EQ(ctl(m, "fl:atarib"), fl::Controller::opposition);
    EXPECT_TRUE(extract("The rebels launched an operation to liberate Hama.").empty());
    auto r = extract("On Monday, opposition forces reclaimed Morek.");
    EXPECT_EQ(ctl(r, "fl:morek"), fl::Controller::opposition);
    auto c = extract("The rebels have consolidated control on the towns of Morek and Atarib.");
    EXPECT_EQ(ctl(c, "fl:atarib"), fl::Controller::opposition);
}

TEST(Shapes, TheCapitalAndTheProvincialCapital) {
    // "the provincial capital": the capital of the province named last, when the article
    // names the city itself; with none named, no event.
    auto e = extract(
        "Rebels reached Hama on Tuesday. In Hama province, the rebels took control of the "
        "provincial capital on Thursday.",
        "2024-12-06");
    EXPECT_EQ(ctl(e, "fl:hama"), fl::Controller::opposition);
    EXPECT_EQ(find(extract("In Idlib province, the rebels took control of the provincial capital."),
                   "fl:idlib"),
              nullptr);
}

TEST(Shapes, ATimelineHeadingDatesTheLinesUnderIt) {
    auto e = extract(
        "November 29\n\nRebels captured Atarib.\n\nNovember 30 \xE2\x80\x93 Rebels seize "
        "Saraqib.\nThey also took Morek.\n",
        "2024-12-08");
    ASSERT_NE(find(e, "fl:atarib"), nullptr);
    EXPECT_EQ(find(e, "fl:atarib")->date, fl::parse_iso_date("2024-11-29"));
    ASSERT_NE(find(e, "fl:morek"), nullptr);
    EXPECT_EQ(find(e, "fl:morek")->date, fl::parse_iso_date("2024-11-30"));
    // A number opening a sentence is no heading.
    auto n = extract("Rebels took Hama.\n27 people died there.\nRebels took Morek.", "2024-12-08");
    ASSERT_NE(find(n, "fl:morek"), nullptr);
    EXPECT_EQ(find(n, "fl:morek")->date_precision, "publication");
}

TEST(Shapes, ADayAfterCountsBackFromTheDateNamed) {
    auto e = extract("Rebels patrolled Saraqib on Saturday, a day after they stormed Atarib.");
    const auto* a = find(e, "fl:atarib");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->date, fl::parse_iso_date("2024-11-29"));
    auto two = extract("Rebels patrolled Saraqib on Saturday, two days after they stormed Atarib.");
    ASSERT_NE(find(two, "fl:atarib"), nullptr);
    EXPECT_EQ(find(two, "fl:atarib")->date, fl::parse_iso_date("2024-11-28"));
}

TEST(Shapes, PlacesListedAfterAStatementOfControl) {
    auto e = extract("Several villages fell under rebel control, including Atarib and Morek.");
    EXPECT_EQ(ctl(e, "fl:atarib"), fl::Controller::opposition);
    EXPECT_EQ(ctl(e, "fl:morek"), fl::Controller::opposition);
    auto n = extract("Areas now under opposition control include Saraqib and Atarib.");
    EXPECT_EQ(ctl(n, "fl:saraqib"), fl::Controller::opposition);
    // Held all along: no change.
    EXPECT_TRUE(
        extract("Idlib has been under opposition control for years, including Atarib.").empty());
}

TEST(Shapes, PortionsAndTrailingAttributions) {
    auto p = extract("Rebel forces have seized control of a substantial portion of Hama.");
    EXPECT_EQ(ctl(p, "fl:hama"), fl::Controller::contested);
    // ", it added": the speaker named before, not the army the clause mentions.
    auto a = extract(
        "Saraqib is now completely controlled by the rebels, after government forces retreated "
        "from outposts there, it added.");
    ASSERT_NE(find(a, "fl:saraqib"), nullptr);
    EXPECT_EQ(find(a, "fl:saraqib")->status, "claimed");
    // A denial of advances names the entry it denies.
    auto d = extract("A security official denied claims of rebel advances into Hama.");
    ASSERT_NE(find(d, "fl:hama"), nullptr);
    EXPECT_EQ(find(d, "fl:hama")->status, "denied");
    EXPECT_TRUE(extract("The militants attempted further advances into Hama.").empty());
}

TEST(Shapes, ThePlaceOfATownIsInTheTown) {
    // "the Taftanaz airbase of Idlib": the airbase is taken, Idlib only locates it.
    auto e = extract("Rebels took the Taftanaz airbase of Idlib on Friday.");
    EXPECT_EQ(ctl(e, "fl:taftanaz-airbase"), fl::Controller::opposition);
    EXPECT_EQ(find(e, "fl:idlib"), nullptr);
}

TEST(Shapes, WordingsFromGovernmentAndLiveBlogReports) {
    // "controlled" in the active voice after a withdrawal is a capture; "regime-controlled"
    // is an adjective.
    EXPECT_EQ(
        ctl(extract("After the army withdrew, the SDF controlled the town of Morek."), "fl:morek"),
        fl::Controller::sdf);
    EXPECT_TRUE(extract("Rebels shelled regime-controlled Morek.").empty());
    EXPECT_EQ(ctl(extract("Rebel groups conquered Morek and Atarib."), "fl:atarib"),
              fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("The insurgents enter the city of Hama."), "fl:hama"),
              fl::Controller::contested);
    EXPECT_EQ(ctl(extract("The SDF swept through Morek."), "fl:morek"), fl::Controller::sdf);
    EXPECT_EQ(ctl(extract("The SDF have fully taken Morek."), "fl:morek"), fl::Controller::sdf);
    // Retaking is an intention after "to".
    EXPECT_TRUE(
        extract("The army said it was preparing a counterattack to retake control of Atarib.")
            .empty());
    // "Among the villages seized by X were A, B".
    auto among = extract("Among the villages seized by the factions were Atarib and Morek.");
    EXPECT_EQ(ctl(among, "fl:atarib"), fl::Controller::opposition);
    EXPECT_EQ(ctl(among, "fl:morek"), fl::Controller::opposition);
    // The defence lines in a place: the place is entered.
    EXPECT_EQ(ctl(extract("Rebels broke through the defence lines in Saraqib."), "fl:saraqib"),
              fl::Controller::contested);
    // A direction before "of the town of X": X is a reference point.
    auto east = extract("Rebels took Atarib, a village east of the town of Saraqib.");
    EXPECT_EQ(ctl(east, "fl:atarib"), fl::Controller::opposition);
    EXPECT_EQ(find(east, "fl:saraqib"), nullptr);
}

TEST(Shapes, AndBeforeASideOpensItsOwnClause) {
    // The army withdrew; the SDF took over: "and" before the SDF starts its clause.
    auto e = extract("Government forces withdrew from Morek and the SDF controlled the town.");
    EXPECT_EQ(ctl(e, "fl:morek"), fl::Controller::sdf);
    // Two sides joined by "and" are one subject.
    EXPECT_EQ(ctl(extract("Rebels and SNA factions captured Atarib."), "fl:atarib"),
              fl::Controller::opposition);
}

TEST(Shapes, WhereATownLiesIsNotTaken) {
    // "on the outskirts of X", "on the strategic M5", "10 kilometers from the city of X":
    // where the place taken lies.
    auto o = extract("Rebels captured the town of Atarib on the outskirts of Saraqib.");
    EXPECT_EQ(ctl(o, "fl:atarib"), fl::Controller::opposition);
    EXPECT_EQ(find(o, "fl:saraqib"), nullptr);
    EXPECT_EQ(ctl(extract("Rebels entered the outskirts of Saraqib."), "fl:saraqib"),
              fl::Controller::contested);
    auto k = extract("Rebels entered the town of Morek, 10 kilometers from the city of Hama.");
    EXPECT_EQ(ctl(k, "fl:morek"), fl::Controller::contested);
    EXPECT_EQ(find(k, "fl:hama"), nullptr);
    // Liberating "in the process" is not done.
    EXPECT_TRUE(
        extract("We are in the process of liberating Morek and Atarib, a rebel said.").empty());
}

TEST(Shapes, TakeoversHandsAndRelativeClausesOfControl) {
    auto t = extract("Following their takeover of Morek and Atarib, the rebels advanced.");
    EXPECT_EQ(ctl(t, "fl:morek"), fl::Controller::opposition);
    auto r = extract(
        "Rebels held Taftanaz airbase, which has come under the control of the "
        "opposition.");
    EXPECT_EQ(ctl(r, "fl:taftanaz-airbase"), fl::Controller::opposition);
    auto a = extract("Rebel forces have taken Morek, as per the Observatory.");
    ASSERT_NE(find(a, "fl:morek"), nullptr);
    EXPECT_EQ(find(a, "fl:morek")->status, "claimed");
    EXPECT_EQ(ctl(extract("Opponents of the regime took control of Saraqib."), "fl:saraqib"),
              fl::Controller::opposition);
}

TEST(Shapes, WhatATownOwnsAndHowMuchOfIt) {
    // "Hama's landmarks" are taken, not Hama; "Hama's eastern neighbourhoods" are part of it.
    auto l = extract(
        "Insurgents took control of Hama's historic landmarks, including the "
        "Taftanaz airbase.");
    EXPECT_EQ(ctl(l, "fl:taftanaz-airbase"), fl::Controller::opposition);
    EXPECT_EQ(find(l, "fl:hama"), nullptr);
    EXPECT_EQ(ctl(extract("Rebels captured Hama's eastern neighbourhoods."), "fl:hama"),
              fl::Controller::contested);
    // "much of" reaches over a description of the city; quotes do not part "the majority of".
    EXPECT_EQ(ctl(extract("Rebels have taken control of much of the country's fourth-largest "
                          "city Hama."),
                  "fl:hama"),
              fl::Controller::contested);
    EXPECT_EQ(
        ctl(extract("Rebels have taken the \xE2\x80\x98majority\xE2\x80\x99 of Hama."), "fl:hama"),
        fl::Controller::contested);
}

TEST(Shapes, TheDistrictsOfTownsAreTheTowns) {
    // Turkish wires write "the districts of A and B" for the towns themselves.
    auto e = extract("Rebels have taken control of the districts of Morek and Atarib.");
    EXPECT_EQ(ctl(e, "fl:morek"), fl::Controller::opposition);
    EXPECT_EQ(ctl(e, "fl:atarib"), fl::Controller::opposition);
    // A city's districts are parts of it.
    EXPECT_EQ(ctl(extract("Rebels seized the districts of Hama."), "fl:hama"),
              fl::Controller::contested);
}

TEST(Shapes, AYearAnotherTriggerTakesIsNotThisOnesHistory) {
    auto e = extract(
        "Rebels on Friday entered Hama, the first time they set foot in the city "
        "since government forces recaptured it in 2016.");
    EXPECT_EQ(ctl(e, "fl:hama"), fl::Controller::contested);
    EXPECT_TRUE(extract("The SDF had seized Morek between May and August 2016.").empty());
}

TEST(Shapes, TheFightingInAPlaceAndStormingThroughItAreNoChanges) {
    EXPECT_TRUE(
        extract("The fighting in Hama involves advances and retreats by both sides.").empty());
    EXPECT_TRUE(
        extract("As the insurgents stormed through Atarib, they advanced on Hama.").empty());
    // Sides fighting in a place contest it.
    EXPECT_EQ(ctl(extract("Opposition groups are fighting in Morek."), "fl:morek"),
              fl::Controller::contested);
}

TEST(Shapes, RefutationsAndReportsThatIndicate) {
    auto r = extract("A military source refuted claims that militants had seized Morek.");
    ASSERT_NE(find(r, "fl:morek"), nullptr);
    EXPECT_EQ(find(r, "fl:morek")->status, "denied");
    auto i = extract("Reports indicate that opposition forces have captured Morek.");
    ASSERT_NE(find(i, "fl:morek"), nullptr);
    EXPECT_EQ(find(i, "fl:morek")->status, "claimed");
}

TEST(Shapes, UnlocatedPlacesStillMakeEvents) {
    fl::Article a;
    a.doc = "u.txt";
    a.text = "Rebels captured the village of Qarqour.";
    a.published = fl::parse_iso_date("2024-11-30");
    fl::Mention m;
    m.doc = a.doc;
    m.start = a.text.find("Qarqour");
    m.end = m.start + 7;
    m.surface = "Qarqour";
    m.place_id = "unlocated:qarqour";
    m.place_name = "Qarqour";
    m.kind = "unlocated";
    m.located = false;
    auto e = fl::merge_events(fl::extract_events(a, {m}));
    ASSERT_EQ(e.size(), 1u);
    EXPECT_FALSE(e[0].located);
    EXPECT_EQ(e[0].geo_precision, 0);
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
    std::string csv = fl::events_csv(e);
    EXPECT_NE(csv.find(",Qarqour,unlocated:qarqour,,,0,"), std::string::npos) << csv;
    std::string gj = fl::events_geojson(e);
    EXPECT_NE(gj.find("\"geometry\": null"), std::string::npos) << gj;
}

TEST(Shapes, AnObliqueActorInTheTriggersClauseIsNoSubject) {
    // The side fought "with" in a clause before the verb is not who took the place; the
    // sentence's subject is.
    auto e =
        extract("The rebels, after clashing with regime forces for three days, captured Atarib.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
    auto n = extract("Rebel fighters, after days of fighting against the army, entered Atarib.");
    ASSERT_EQ(n.size(), 1u);
    EXPECT_EQ(n[0].action, "entry");
    EXPECT_EQ(n[0].actor, "Rebels");
    // With no other subject in the sentence, the oblique actor is still the one that acts.
    auto b = extract("Backed by Turkish drones, SNA factions captured Atarib.");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(b[0].controller, fl::Controller::sna);
}

TEST(Shapes, TheSideThatLosesControlHandsItToTheOther) {
    // A pronoun before a verb of loss is the side last named, even as an object.
    auto e = extract(
        "Rebels captured Atarib on Thursday in a new blow to the army days after they lost "
        "Saraqib.");
    auto it = std::find_if(e.begin(), e.end(),
                           [](const fl::Event& x) { return x.place_name == "Saraqib"; });
    ASSERT_NE(it, e.end());
    EXPECT_EQ(it->controller, fl::Controller::opposition);
    // "lost all control of": the loser's verb, never a capture by the loser.
    auto a = extract("Rebels pressed on. The regime quickly lost all control of Saraqib.");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].controller, fl::Controller::opposition);
    // Losing most of it is no change of the whole.
    EXPECT_TRUE(
        extract("Rebels pressed on. The regime lost most of its control over Saraqib.").empty());
}

TEST(Shapes, AnInfinitiveAfterAVerbOfEnablingIsAFactByItsAgent) {
    auto e = extract("Their retreat enabled opposition fighters to enter Atarib.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].action, "entry");
    EXPECT_EQ(e[0].actor, "Opposition");
    auto c = extract("The attack also allowed the rebels to seize Saraqib.");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].controller, fl::Controller::opposition);
    // Without one it is an intention.
    EXPECT_TRUE(extract("The attack aimed for the rebels to seize Saraqib.").empty());
}

TEST(Shapes, TheSubjectOfAnAbsoluteClauseAfterWithActs) {
    auto e = extract("The SDF moved first, with the SNA quickly seizing Morek.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].controller, fl::Controller::sna);
}

TEST(Shapes, APassiveAfterADestinationIsItsOwnClause) {
    auto e = extract("The fighters retreated to Idlib and Atarib was seized by the opposition.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].place_name, "Atarib");
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
}

TEST(Shapes, HeavyFightingAsANounIsNoContest) {
    EXPECT_TRUE(extract("After weeks of intense fighting in Saraqib, the army regrouped.").empty());
    EXPECT_TRUE(extract("Aid agencies reported heavy fighting in Saraqib.").empty());
}

TEST(Shapes, ReportsThatIndicatedAreAttribution) {
    auto e = extract("Media reports indicated that the SDF have taken control of Saraqib.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].status, "claimed");
}

TEST(Shapes, UnderControlAfterANounDescribesTheNoun) {
    EXPECT_TRUE(extract("Saraqib houses weapons depots under regime control.").empty());
    // After a verb of change, a place or a list, it is the places'.
    EXPECT_EQ(ctl(extract("Saraqib came under rebel control on Friday."), "fl:saraqib"),
              fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("Saraqib is now firmly under rebel control."), "fl:saraqib"),
              fl::Controller::opposition);
    EXPECT_EQ(
        ctl(extract("Areas now under opposition control include Atarib and Saraqib."), "fl:atarib"),
        fl::Controller::opposition);
}

TEST(Shapes, TheSideAfterFromLostThePlace) {
    // A capture "from the regime" told from the regime's side ("they") is the other side's.
    auto e = extract(
        "Rebels advanced on Friday. The army said they had seen the capture of Saraqib from the "
        "regime.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
    // "from their enclave" names no loser.
    auto r = extract("Rebels took Saraqib and pushed south from their enclave.");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].controller, fl::Controller::opposition);
}

TEST(Shapes, APossessorsTitleAndNamesKeepItsSlot) {
    // "a setback to President Bashar al-Assad's regime": the regime is no subject, and "a
    // coalition of rebels" names who acts.
    auto e = extract(
        "A coalition of rebels, including Islamist factions, delivered a setback to President "
        "Bashar al-Assad's regime by seizing Saraqib.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
}

TEST(Shapes, AnOpeningPhraseWithAPastYearDatesTheSentence) {
    EXPECT_TRUE(
        extract("In February 2016, Kurdish-led forces captured Atarib from the rebels.").empty());
    // "Since 2016," says how long, not when.
    EXPECT_EQ(ctl(extract("Since 2016, the army held it; on Friday rebels captured Atarib."),
                  "fl:atarib"),
              fl::Controller::opposition);
}

TEST(Shapes, TroopsExpelledFromAPlaceLostIt) {
    auto e = extract("Rebels advanced on Friday. Army troops were expelled from Saraqib.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
    // Background: "a decade after having been forced out of" it.
    auto b = extract(
        "Rebels reached Saraqib nearly a decade after having been forced out of Saraqib by the "
        "army.");
    EXPECT_NE(ctl(b, "fl:saraqib"), fl::Controller::government);
}

TEST(Shapes, AContainerNounKeepsItsPlaceAcrossADate) {
    // "captured 20 settlements on Wednesday in Idlib province": Idlib is where they lie.
    EXPECT_TRUE(extract("The rebels captured 20 settlements on Wednesday in the province of Idlib.")
                    .empty());
    EXPECT_TRUE(extract("The army evacuated checkpoints in Saraqib as rebels attacked.").empty());
}

TEST(Shapes, TheCitysSuburbsArePartOfTheCity) {
    auto e = extract("Rebels advanced on Hama. Their fighters entered the city's western suburbs.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].place_id, "fl:hama");
    EXPECT_EQ(e[0].controller, fl::Controller::contested);
}

TEST(Shapes, BareFightersAreTheArmedGroups) {
    auto e = extract(
        "The army command confirmed a withdrawal. Fighters entered and took control of "
        "Saraqib.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
    // After "backed by", fighters are no subject.
    auto b = extract("The army, backed by local fighters, recaptured Saraqib.");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(b[0].controller, fl::Controller::government);
}

TEST(Shapes, ForeignTroopsHoldNoGroundOnThisMap) {
    EXPECT_TRUE(extract("Israeli troops seized Saraqib on Sunday.").empty());
    EXPECT_TRUE(extract("A column of American troops entered Saraqib.").empty());
}

TEST(Shapes, WhoHeldAPlaceIsNoChange) {
    EXPECT_TRUE(extract("Until recently, the SDF held control over Saraqib.").empty());
}

TEST(Shapes, AnUngovernedNounOfCaptureHasOnlyItsOwnAgent) {
    // Not the subject that abandoned something "before the capture of".
    auto e =
        extract("Rebels advanced. The army had abandoned Morek before the capture of Saraqib.");
    EXPECT_NE(ctl(e, "fl:saraqib"), fl::Controller::government);
    // A sentence opening with it: the side it names after it, not a backer.
    auto o = extract(
        "The capture of Saraqib, home to a Russian base, marks a milestone for the rebels.");
    EXPECT_EQ(ctl(o, "fl:saraqib"), fl::Controller::opposition);
    // "their capture of": the side last named.
    auto p = extract(
        "Jets bombed an advance by extremist rebels following their takeover of "
        "Saraqib.");
    EXPECT_EQ(ctl(p, "fl:saraqib"), fl::Controller::opposition);
    // Governed by a verb, the subject took it.
    EXPECT_EQ(ctl(extract("Rebels completed the capture of Saraqib."), "fl:saraqib"),
              fl::Controller::opposition);
}

TEST(Shapes, ANounOfChangeSubjectOfAModalIsAProspect) {
    EXPECT_TRUE(extract("The capture of Saraqib by rebel forces would cut the M5.").empty());
    // A side that names the holder is not the taker.
    auto e = extract(
        "Rebels pressed on. The capture of Saraqib undermines government control in the "
        "province.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
}

TEST(Shapes, TheFallOfAPlaceNamesItsWinnerAfterTo) {
    auto e = extract("The fall of Saraqib, a key town, to the rebels stunned the army.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
    // Whoever confirms or announces it did not take it.
    EXPECT_TRUE(extract("The army confirmed the fall of Saraqib on Friday.").empty());
    EXPECT_TRUE(extract("The fall of Saraqib to the rebels could open the M5.").empty());
    // Without a winner it is no trigger: the capture before it keeps its object.
    auto c = extract("Rebels captured several towns, culminating in the fall of Saraqib.");
    EXPECT_EQ(ctl(c, "fl:saraqib"), fl::Controller::opposition);
}

TEST(Shapes, APreventedCaptureIsNone) {
    EXPECT_TRUE(
        extract("Hezbollah sent fighters to help prevent rebels from seizing Saraqib.").empty());
}

TEST(Shapes, TheSideRightBeforeAVerbOfLossIsTheLoser) {
    auto e = extract("A surprise rebel attack led to the government losing control of Saraqib.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
}

TEST(Shapes, AYearInAnAppositiveDescribesThePlaceNotTheReport) {
    auto e = extract("Rebels seized Saraqib, the birthplace of a 2011 uprising.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
    auto d = extract(
        "Rebels seized Saraqib \xE2\x80\x93 the scene of 2012 protests \xE2\x80\x93 on Friday.");
    EXPECT_EQ(ctl(d, "fl:saraqib"), fl::Controller::opposition);
    // A year after the appositive still dates the report.
    EXPECT_TRUE(extract("The army captured Saraqib, the key town, in 2020.").empty());
}

TEST(Shapes, APassiveWithNoAgentIsTheSideTalkedAbout) {
    auto e = extract(
        "The rebels advanced on Monday. Two towns \xE2\x80\x93 Saraqib and Morek \xE2\x80\x93 "
        "have been captured.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_EQ(ctl(e, "fl:morek"), fl::Controller::opposition);
    // Not a speaker after it, and nothing without a side talked about.
    auto a =
        extract("The rebels advanced on Monday. Saraqib was seized on Tuesday, the army said.");
    EXPECT_EQ(ctl(a, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_TRUE(extract("Saraqib was seized on Tuesday.").empty());
    // The last side named as a subject, not the first: "X regained A, but the rebels ...".
    auto l = extract(
        "The army regained Morek, but the rebels are advancing. Saraqib has been captured.");
    EXPECT_EQ(ctl(l, "fl:saraqib"), fl::Controller::opposition);
    // A list of participles before "by" keeps the agent.
    auto p = extract("The army advanced. Saraqib was stormed, looted and torched by rebels.");
    EXPECT_EQ(ctl(p, "fl:saraqib"), fl::Controller::opposition);
}

TEST(Shapes, ASideInTheSpeakersAppositiveIsNotTheSpeaker) {
    auto e = extract(
        "HTS, an Islamist group with support from the Turkish government, announced on Saturday "
        "that they had captured Saraqib.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
    EXPECT_EQ(e[0].status, "claimed");
    auto b = extract(
        "Hay\xCA\xBC"
        "at Tahrir al-Sham (HTS), an offshoot with support from the Turkish "
        "government, announced that they had captured Saraqib.");
    EXPECT_EQ(ctl(b, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("Syrian Kurdish troops captured Saraqib."), "fl:saraqib"),
              fl::Controller::sdf);
}

TEST(Shapes, AnExpulsionTakesThePlacesAfterTheSideDrivenOut) {
    EXPECT_EQ(ctl(extract("Rebels drove government troops from Saraqib."), "fl:saraqib"),
              fl::Controller::opposition);
    EXPECT_EQ(ctl(extract("Rebels expelled the SDF out of Saraqib."), "fl:saraqib"),
              fl::Controller::opposition);
    // Not a drive towards a place, nor the side's own people.
    EXPECT_TRUE(extract("Rebels drove towards Saraqib on Monday.").empty());
    EXPECT_TRUE(extract("Rebels expelled rebels from Saraqib.").empty());
    // Without "from", the verb is no trigger: the list stays the verb's before it.
    auto e = extract(
        "The ministry said troops secured several areas after expelling the terrorists, most "
        "notably Saraqib and Morek.");
    EXPECT_EQ(ctl(e, "fl:morek"), fl::Controller::government);
}

TEST(Shapes, VerbsOfMovingInAreEntries) {
    auto e = extract("Rebel fighters poured into Saraqib on Saturday evening.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].controller, fl::Controller::contested);
    // A side in a compound adjective holds no subject's slot.
    auto h = extract("Rebels pressed on, overrunning government-held towns including Saraqib.");
    EXPECT_EQ(ctl(h, "fl:saraqib"), fl::Controller::opposition);
}

TEST(Shapes, ARelativeClauseOnThePlaceIsNotTheReportsHistory) {
    auto e = extract(
        "The town of Saraqib, where Hezbollah used to keep a large presence, was also seized by "
        "the opposition.");
    EXPECT_EQ(ctl(e, "fl:saraqib"), fl::Controller::opposition);
    EXPECT_TRUE(extract("Rebels previously captured Saraqib, the key town.").empty());
}

TEST(Shapes, ACompassWordBeforeACommaIsNoLocator) {
    auto e = extract("Rebels have already captured Saraqib and, further south, Morek.");
    EXPECT_EQ(ctl(e, "fl:morek"), fl::Controller::opposition);
    auto n =
        extract("Besides capturing Saraqib in the north, Morek in the south, rebels pressed on.");
    EXPECT_EQ(ctl(n, "fl:morek"), fl::Controller::opposition);
    // "south of Morek" still locates.
    EXPECT_EQ(ctl(extract("Rebels captured villages south of Morek."), "fl:morek"),
              fl::Controller::unknown);
}

TEST(Shapes, ContractionsAndDemonstratives) {
    auto e = extract("Rebels entered Hama. They say they've taken that city back from the army.");
    bool taken = false;
    for (const auto& x : e) taken |= x.place_id == "fl:hama" && x.action == "capture";
    EXPECT_TRUE(taken);
}

TEST(Shapes, TheNewRulesDoNotMisfire) {
    // An agentless passive takes the subject, not the object, and no prospect.
    EXPECT_EQ(ctl(extract("Rebels attacked government troops near Morek. Saraqib was captured."),
                  "fl:saraqib"),
              fl::Controller::opposition);
    EXPECT_TRUE(
        extract("The rebels advanced. Saraqib is expected to be captured within days.").empty());
    // "then" is no participle before "by".
    EXPECT_EQ(ctl(extract("The rebels advanced. Saraqib was captured, then shelled by "
                          "government forces."),
                  "fl:saraqib"),
              fl::Controller::opposition);
    // A modal in the noun's complement clause is not its own.
    EXPECT_EQ(ctl(extract("The rebels' capture of Saraqib shows that the army could lose Morek."),
                  "fl:saraqib"),
              fl::Controller::opposition);
    // "to" after the predicate names no winner of a fall; a backer expels no one.
    EXPECT_TRUE(extract("The fall of Saraqib was a heavy blow to the government.").empty());
    EXPECT_TRUE(extract("Russian airstrikes forced rebels from Saraqib.").empty());
    EXPECT_TRUE(extract("Rebels captured villages to the north, Saraqib officials said.").empty());
    // A prevention is only one before "from <trigger>".
    EXPECT_EQ(ctl(extract("After rebels prevented a counterattack, the rebels captured Saraqib."),
                  "fl:saraqib"),
              fl::Controller::opposition);
}

TEST(Shapes, APassiveReportIsAHedgeInsideTheClause) {
    auto e = extract("Rebels advanced. Saraqib is said to have fallen to the rebels.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
    EXPECT_EQ(e[0].status, "claimed");
}

TEST(Shapes, APassiveWithItsLoserAfterFrom) {
    auto e = extract("Rebels advanced. Saraqib was captured from the SDF on Sunday.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
}

TEST(Shapes, APronounRightAfterASpeechVerbIsItsSpeaker) {
    auto e = extract(
        "Fighters who have overthrown Assad say they have taken full control of "
        "Saraqib.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
    // The speaker is not a side in an oblique slot after it.
    auto b = extract(
        "Syrian rebels backed by Turkey, who ousted Assad, said they had taken "
        "Saraqib.");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(b[0].controller, fl::Controller::opposition);
}

TEST(Shapes, CedingControlIsNoCaptureByTheSideThatCedes) {
    EXPECT_NE(ctl(extract("The regime began ceding control of its territory to the SDF, allowing "
                          "reinforcements to be deployed to areas like Saraqib."),
                  "fl:saraqib"),
              fl::Controller::government);
    EXPECT_TRUE(extract("For years, control of Saraqib was split between the army and the rebels.")
                    .empty());
}

TEST(Shapes, TheSyrianNationalArmyInLowerCaseIsTheGovernments) {
    EXPECT_EQ(
        ctl(extract("The Syrian national army said it had recaptured Saraqib."), "fl:saraqib"),
        fl::Controller::government);
    EXPECT_EQ(ctl(extract("The Syrian National Army said it had captured Saraqib."), "fl:saraqib"),
              fl::Controller::sna);
}

TEST(Shapes, ADateInsideAListDatesTheItemsAfterIt) {
    auto d = fl::merge_events(
        extract("Rebels won by first seizing Saraqib and, on Friday, the town of Morek."));
    ASSERT_EQ(d.size(), 2u);
    for (const auto& e : d) {
        const std::string want = e.place_id == "fl:morek" ? "2024-11-29" : "2024-11-23/2024-11-29";
        EXPECT_EQ(fl::event_date_interval(e), want) << e.place_id;
    }
}

TEST(Shapes, TimePrecisionAndInterval) {
    auto d = fl::merge_events(extract("Rebels captured Saraqib on Friday."));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].time_precision, 1);
    EXPECT_EQ(fl::event_date_interval(d[0]), "2024-11-29");
    auto p = fl::merge_events(extract("Rebels captured Saraqib."));
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].time_precision, 2);
    EXPECT_EQ(fl::event_date_interval(p[0]), "2024-11-23/2024-11-30");
}

TEST(Lexicon, ErrorsNameFileAndLine) {
    auto dir = fl::test::scratch("lexicon_bad");
    fl::write_file_atomic(dir / "triggers.tsv",
                          "phrase\taction\tshape\tflags\nseized\tcapture\tobject_after\t\n");
    fl::write_file_atomic(dir / "actors.tsv",
                          "phrase\tname\tside\trole\nrebels\tRebels\topposition\tcontroller\n");
    fl::write_file_atomic(dir / "cues.tsv", "kind\tphrase\nnegation\tnot\nnegaton\tnever\n");
    try {
        fl::Lexicon::load_dir(dir);
        FAIL() << "no error";
    } catch (const fl::Error& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("cues.tsv line 3"), std::string::npos) << what;
        EXPECT_NE(what.find("negaton"), std::string::npos) << what;
    }
    // The shipped lexicon loads.
    EXPECT_FALSE(fl::lexicon().triggers.empty());
    EXPECT_FALSE(fl::lexicon().actors.empty());
}
