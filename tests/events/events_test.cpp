// Event extraction on sentences written for the tests, one test per pattern of the rules.
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
        "id\tname\talternatenames\tlat\tlon\tfeature_class\tfeature_code\tcountry_"
        "code\tadmin1\tpopulation\t"
        "precision_m\tgeometry_wkt\tsource\n"
        "fl:saraqib\tSaraqib\t\t35.86447\t36.80591\tP\tPPLA3\tSY\t12\t34231\t1000\t\ttest\n"
        "fl:atarib\tAtarib\t\t36.13907\t36.82504\tP\tPPLA3\tSY\t09\t10000\t1000\t\ttest\n"
        "fl:kafr-halab\tKafr Halab\t\t36.1200\t36.8700\tP\tPPL\tSY\t09\t3000\t1000\t\ttest\n"
        "fl:tal-hasil\tTal Hasil\t\t36.1500\t37.3300\tP\tPPL\tSY\t09\t0\t1000\t\ttest\n"
        "fl:aleppo\tAleppo\t\t36.20124\t37.16117\tP\tPPLA\tSY\t09\t2000000\t1000\t\ttest\n"
        "fl:idlib\tIdlib\t\t35.93062\t36.63393\tP\tPPLA\tSY\t12\t160000\t1000\t\ttest\n"
        "fl:gaziantep\tGaziantep\t\t37.05944\t37.3825\tP\tPPLA\tTR\t83\t1000000\t1000\t\ttest\n");
    return fl::Gazetteer::load_dir(dir);
}

const fl::Gazetteer& the_gaz() {
    static const fl::Gazetteer g = gaz();
    return g;
}

std::vector<fl::Event> extract(const std::string& text, const char* published = "2024-11-30",
                               const char* doc = "t.txt") {
    fl::Article a;
    a.doc = doc;
    a.text = text;
    a.published = fl::parse_iso_date(published);
    return fl::extract_events(a, fl::geoparse(the_gaz(), a));
}

const fl::Event* find(const std::vector<fl::Event>& events, const std::string& place,
                      const std::string& action = "") {
    for (const auto& e : events) {
        if (e.place_id == place && (action.empty() || e.action == action)) return &e;
    }
    return nullptr;
}
}  // namespace

TEST(Events, CaptureByRebelsIsConfirmedWhenStatedByOutlet) {
    auto e = extract("Rebel fighters captured Saraqib after heavy fighting.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].place_id, "fl:saraqib");
    EXPECT_EQ(e[0].action, "capture");
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
    EXPECT_EQ(e[0].status, "confirmed");
    EXPECT_EQ(e[0].date_precision, "publication");
    EXPECT_EQ(e[0].sources[0].sentence, "Rebel fighters captured Saraqib after heavy fighting.");
}

TEST(Events, AttributedCaptureIsClaimed) {
    auto e = extract("The insurgents said they had seized Atarib.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].status, "claimed");
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
}

TEST(Events, AttributionCues) {
    for (const char* s :
         {"Rebels reportedly captured Saraqib.", "Opposition sources said rebels captured Saraqib.",
          "Rebels captured Saraqib, according to a war monitor.",
          "Insurgents claimed control of Saraqib."}) {
        auto e = extract(s);
        ASSERT_EQ(e.size(), 1u) << s;
        EXPECT_EQ(e[0].status, "claimed") << s;
    }
}

TEST(Events, ConcessionByTheLosingSideIsConfirmed) {
    auto e = extract("The army acknowledged that insurgents had entered large parts of Saraqib.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].action, "entry");
    EXPECT_EQ(e[0].extent, "partial");
    // Partial control is contested (the annotation guide's rule).
    EXPECT_EQ(e[0].controller, fl::Controller::contested);
    EXPECT_EQ(e[0].status, "confirmed");
    // The winning side saying the same thing only claims it.
    auto c = extract("HTS said its fighters had entered large parts of Saraqib.");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].status, "claimed");
}

TEST(Events, DenialIsKeptAsDenied) {
    auto e = extract("The army denied that rebels had captured Saraqib.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].status, "denied");
}

TEST(Events, NegationGivesNoEvent) {
    EXPECT_TRUE(extract("Rebels have not captured Saraqib.").empty());
    EXPECT_TRUE(extract("The rebels never entered Atarib.").empty());
    EXPECT_TRUE(extract("Atarib, a town never before captured by rebels, is quiet.").empty());
}

TEST(Events, NoActorOrNoVerbNoEvent) {
    EXPECT_TRUE(extract("Saraqib was quiet on Friday.").empty());
    EXPECT_TRUE(extract("Nobody captured anything near Saraqib.").empty());
}

TEST(Events, ActorSpellingsFoldToControllers) {
    struct Case {
        const char* text;
        fl::Controller want;
        const char* actor;
    };
    for (Case c :
         {Case{"Hay’et Tahrir al-Shams captured Saraqib.", fl::Controller::opposition,
               "Hayat Tahrir al-Sham"},
          Case{"Hay'at Tahrir al-Sham captured Saraqib.", fl::Controller::opposition,
               "Hayat Tahrir al-Sham"},
          Case{"Anti-regime groups captured Saraqib.", fl::Controller::opposition, ""},
          Case{"Assad’s forces recaptured Saraqib.", fl::Controller::government, ""},
          Case{"Regime forces recaptured Saraqib.", fl::Controller::government, ""},
          Case{"Kurdish-led forces captured Saraqib.", fl::Controller::sdf, ""},
          Case{"The PKK/YPG captured Saraqib.", fl::Controller::sdf, "PKK/YPG"},
          Case{"Turkish-backed SNA factions captured Saraqib.", fl::Controller::sna, ""},
          Case{"Hezbollah fighters captured Saraqib.", fl::Controller::government, "Hezbollah"}}) {
        auto e = extract(c.text);
        ASSERT_EQ(e.size(), 1u) << c.text;
        EXPECT_EQ(e[0].controller, c.want) << c.text;
        if (*c.actor) {
            EXPECT_EQ(e[0].actor, c.actor) << c.text;
        }
    }
}

TEST(Events, ListsGiveOneEventPerPlace) {
    auto e = extract("Opposition fighters captured Saraqib, Atarib and Kafr Halab on Friday.");
    ASSERT_EQ(e.size(), 3u);
    for (const auto& ev : e) {
        EXPECT_EQ(ev.controller, fl::Controller::opposition);
        EXPECT_EQ(fl::to_iso(ev.date), "2024-11-29");
        EXPECT_EQ(ev.date_precision, "day");
    }
}

TEST(Events, ContainersAreNotObjects) {
    EXPECT_TRUE(
        extract("The rebels seized control of several towns and villages in Aleppo and Idlib.")
            .empty());
    EXPECT_TRUE(extract("Rebels captured 50 villages in the eastern parts of Idlib.").empty());
    // A locator after the object is not an object either.
    auto e = extract("Rebels captured Atarib in Aleppo.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].place_id, "fl:atarib");
    // Nor are the ends of a road.
    EXPECT_TRUE(extract("Rebels took control of a highway that links Aleppo to Idlib.").empty());
}

TEST(Events, ForeignPlacesAreNeverObjects) {
    EXPECT_TRUE(extract("Rebels captured Gaziantep.").empty());
}

TEST(Events, HandOverGoesToTheRecipient) {
    auto e = extract(
        "Government forces handed over Tal Hasil, Kafr Halab as well as Atarib to the SDF on "
        "Saturday, sources said.");
    ASSERT_EQ(e.size(), 3u);
    for (const auto& ev : e) {
        EXPECT_EQ(ev.action, "handover");
        EXPECT_EQ(ev.controller, fl::Controller::sdf);
        EXPECT_EQ(ev.controller_before, fl::Controller::government);
        EXPECT_EQ(ev.status, "claimed");
        EXPECT_EQ(fl::to_iso(ev.date), "2024-11-30");
    }
}

TEST(Events, PassiveVoice) {
    auto e = extract("Saraqib fell to the rebels on Friday.");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].controller, fl::Controller::opposition);
    EXPECT_EQ(fl::to_iso(e[0].date), "2024-11-29");
    auto p = extract("Atarib was captured by government forces.");
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].controller, fl::Controller::government);
    auto u = extract("Kafr Halab is now under rebel control.");
    ASSERT_EQ(u.size(), 1u);
    EXPECT_EQ(u[0].controller, fl::Controller::opposition);
    auto c = extract("Large parts of Atarib are now controlled by HTS.");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].extent, "partial");
}

TEST(Events, HistoryIsNotAnEvent) {
    EXPECT_TRUE(extract("Saraqib was previously under the control of the regime.").empty());
    EXPECT_TRUE(extract("Government forces captured Saraqib in 2020.").empty());
    EXPECT_TRUE(
        extract("Government forces drove rebels out and captured Atarib eight years ago.").empty());
}

TEST(Events, PromisesQuestionsAndConditionalsAreNotEvents) {
    for (const char* s : {"The army promised to expel them and recapture Saraqib.",
                          "The military vowed to restore control and retake Atarib.",
                          "Will the regime recapture Saraqib?",
                          "It is unclear whether the rebels will capture Saraqib.",
                          "If the rebels captured Saraqib, the road would be cut.",
                          "The army will hit back and recapture Saraqib.",
                          "Rebels are trying to capture Saraqib."}) {
        EXPECT_TRUE(extract(s).empty()) << s;
    }
}

TEST(Events, AirstrikesAreNotControlEvents) {
    EXPECT_TRUE(extract("Russian warplanes struck rebel positions in Saraqib.").empty());
    EXPECT_TRUE(extract("Airstrikes hit residential neighbourhoods in rebel-held Atarib.").empty());
}

TEST(Events, AdvanceWithdrawalAndContest) {
    // Advances and withdrawals that name no successor are not control changes.
    EXPECT_TRUE(extract("Rebels advanced towards Saraqib.").empty());
    EXPECT_TRUE(extract("The army withdrew from Atarib on Thursday.").empty());
    // Clashes in a place say no one entered it (the devset guide: contested is entry or
    // broken lines); fighters fighting in it did.
    EXPECT_TRUE(extract("Fierce clashes in Kafr Halab continued overnight.").empty());
    auto c = extract("Rebels continued fighting in Kafr Halab overnight.");
    const fl::Event* ce = find(c, "fl:kafr-halab", "contested");
    ASSERT_NE(ce, nullptr);
    EXPECT_EQ(ce->controller, fl::Controller::contested);
    EXPECT_EQ(ce->date_precision, "range");
    auto f = extract(
        "The army said the rebels had entered Saraqib but shelling had prevented them from "
        "establishing fixed positions.");
    ASSERT_NE(find(f, "fl:saraqib", "entry"), nullptr);
    ASSERT_NE(find(f, "fl:saraqib", "contested"), nullptr);
    EXPECT_EQ(find(f, "fl:saraqib", "entry")->status, "confirmed");
    EXPECT_EQ(find(f, "fl:saraqib", "contested")->status, "claimed");
}

TEST(Events, MergeKeepsEverySource) {
    auto a = extract("Rebels captured Saraqib.");
    auto b = extract("Opposition fighters seized Saraqib, witnesses said.");
    a.insert(a.end(), b.begin(), b.end());
    auto m = fl::merge_events(a);
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].sources.size(), 2u);
    EXPECT_EQ(m[0].status, "confirmed");
    EXPECT_EQ(m[0].corroboration, 1u);
}

TEST(Events, MergeAcrossArticlesWithinTheWeekOfPublication) {
    std::vector<fl::Event> all;
    int n = 0;
    for (const char* pub : {"2024-11-30", "2024-12-01", "2024-12-04"}) {
        auto e = extract("Rebels said they captured Saraqib.", pub,
                         ("doc" + std::to_string(n++)).c_str());
        all.insert(all.end(), e.begin(), e.end());
    }
    auto m = fl::merge_events(all);
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].corroboration, 3u);
    EXPECT_EQ(fl::to_iso(m[0].date), "2024-11-30");
    EXPECT_NEAR(m[0].confidence, 1 - 0.7 * 0.7 * 0.7, 1e-9);
    // Stable ids: the same input gives the same ids, in any order.
    std::reverse(all.begin(), all.end());
    EXPECT_EQ(fl::merge_events(all)[0].id, m[0].id);
    EXPECT_EQ(m[0].id, "2024-11-30/fl:saraqib/capture/opposition");
}

TEST(Events, StatedDaysFarApartDoNotMerge) {
    auto a = extract("Rebels captured Saraqib on November 27.", "2024-12-04", "a");
    auto b = extract("Rebels captured Saraqib on December 2.", "2024-12-04", "b");
    a.insert(a.end(), b.begin(), b.end());
    EXPECT_EQ(fl::merge_events(a).size(), 2u);
    auto c = extract("Rebels captured Saraqib on November 27.", "2024-12-04", "a");
    auto d = extract("Rebels captured Saraqib on November 28.", "2024-12-04", "b");
    c.insert(c.end(), d.begin(), d.end());
    EXPECT_EQ(fl::merge_events(c).size(), 1u);
}

TEST(Events, ArticleWithoutPublicationDateGivesNoEvents) {
    fl::Article a;
    a.doc = "x";
    a.text = "Rebels captured Saraqib.";
    EXPECT_TRUE(fl::extract_events(a, fl::geoparse(the_gaz(), a)).empty());
}

namespace {
std::string repeated(const std::string& head, const std::string& unit, std::size_t bytes,
                     const std::string& tail) {
    std::string s = head;
    while (s.size() + unit.size() + tail.size() < bytes) s += unit;
    return s + tail;
}
}  // namespace

// One 2 MB "sentence" naming thousands of places (a list the splitter cannot cut) is read, in
// linear time: each trigger's clause is found from an index of the sentence, and a sentence
// longer than 4096 bytes is read in pieces cut at a comma. (No timing here: the figures are in
// bench/events_bench.cpp and docs/RELIABILITY.md.)
TEST(EventsLimits, TwoMegabyteSentenceWithThousandsOfPlaces) {
    const std::string text =
        repeated("Rebels captured ", "Aleppo, Idlib and Saraqib, captured ", 2u << 20, "Atarib.");
    ASSERT_GT(text.size(), 2000000u);
    fl::Article a;
    a.doc = "huge.txt";
    a.text = text;
    a.published = fl::parse_iso_date("2024-11-30");
    const auto mentions = fl::geoparse(the_gaz(), a);
    EXPECT_GT(mentions.size(), 100000u);  // the names of the list (Aleppo so far from the
                                          // others abstains with this small gazetteer)
    const auto e = fl::extract_events(a, mentions);
    for (const char* place : {"fl:idlib", "fl:saraqib", "fl:atarib"}) {
        const auto* ev = find(e, place, "capture");
        ASSERT_TRUE(ev) << place;
        EXPECT_EQ(ev->controller, fl::Controller::opposition) << place;
    }
    // The evidence quoted with an event is its piece of the sentence, not 2 MB.
    for (const auto& ev : e) {
        ASSERT_EQ(ev.sources.size(), 1u);
        EXPECT_LE(ev.sources[0].sentence.size(), 4096u);
        EXPECT_NE(ev.sources[0].sentence.find("captured"), std::string::npos);
    }
}

// The passive and "fell to" shapes take every place since the clause began: in one long
// sentence that was the square of its length for each trigger.
TEST(EventsLimits, LongPassiveAndFellToSentences) {
    for (const std::string unit : {"Aleppo, Idlib and Saraqib were captured by the rebels, ",
                                   "Aleppo, Idlib and Saraqib fell to the rebels, "}) {
        const auto e = extract(repeated("The monitor said ", unit, 512u << 10, "and Atarib."));
        for (const char* place : {"fl:idlib", "fl:saraqib"}) {
            const auto* ev = find(e, place, "capture");
            ASSERT_TRUE(ev) << place << " in " << unit;
            EXPECT_EQ(ev->controller, fl::Controller::opposition) << place;
        }
    }
}

// Sentences of ordinary length are read whole, as before: the list, the clause boundary and
// the speech cue at the far end of a 3,000-byte sentence still count.
TEST(EventsLimits, SentenceUnderTheLimitIsReadWhole) {
    const std::string text =
        repeated("Rebels captured Atarib, ", "and after a long day of fighting around the town, ",
                 3000, "the army said.");
    ASSERT_LT(text.size(), 4096u);
    const auto e = extract(text);
    const auto* ev = find(e, "fl:atarib", "capture");
    ASSERT_TRUE(ev);
    EXPECT_EQ(ev->status, "confirmed");  // the losing side says so: a concession
    EXPECT_EQ(ev->sources[0].sentence, text);
}
