// The control timeline: baseline plus events, claims never overwrite confirmations.
#include "control/timeline.hpp"

#include <gtest/gtest.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {
fl::Event ev(const char* date, const char* place, fl::Controller c, const char* status,
             const char* action = "capture") {
    fl::Event e;
    e.id = std::string(date) + "/" + place + "/" + action + "/" + status;
    e.date = *fl::parse_iso_date(date);
    e.date_end = e.date;
    e.action = action;
    e.controller = c;
    e.place_id = place;
    e.status = status;
    return e;
}

fl::Baseline baseline(std::vector<fl::BaselineEntry> entries = {}) {
    fl::Baseline b;
    b.date = *fl::parse_iso_date("2024-11-26");
    b.entries = std::move(entries);
    return b;
}

fl::Date day(const char* s) {
    return *fl::parse_iso_date(s);
}
}  // namespace

TEST(Timeline, BaselineThenEventsDayByDay) {
    auto b = baseline({{"p:aleppo", fl::Controller::government, "baseline source"}});
    auto days = fl::build_timeline(
        b, {ev("2024-11-29", "p:aleppo", fl::Controller::opposition, "confirmed")},
        day("2024-11-30"));
    ASSERT_EQ(days.size(), 5u);
    EXPECT_EQ(days[2].places.at("p:aleppo").controller, fl::Controller::government);
    EXPECT_EQ(days[3].places.at("p:aleppo").controller, fl::Controller::opposition);
    EXPECT_EQ(days[3].places.at("p:aleppo").event_ids.size(), 1u);
    EXPECT_EQ(fl::to_iso(days[3].places.at("p:aleppo").since), "2024-11-29");
    EXPECT_EQ(days[0].places.at("p:aleppo").basis, "baseline source");
    EXPECT_EQ(days[0].places.at("p:aleppo").status, "baseline");
}

TEST(Timeline, ClaimDoesNotOverwriteConfirmation) {
    auto days =
        fl::build_timeline(baseline(),
                           {ev("2024-11-27", "p:x", fl::Controller::opposition, "confirmed"),
                            ev("2024-11-28", "p:x", fl::Controller::government, "claimed")},
                           day("2024-11-28"));
    const auto& s = days.back().places.at("p:x");
    EXPECT_EQ(s.controller, fl::Controller::opposition);
    EXPECT_EQ(s.status, "confirmed");
    ASSERT_EQ(s.overruled_claims.size(), 1u);
    EXPECT_EQ(s.overruled_claims[0], "2024-11-28/p:x/capture/claimed");
}

TEST(Timeline, ClaimOverwritesTheBaseline) {
    auto b = baseline({{"p:x", fl::Controller::government, "src"}});
    auto days = fl::build_timeline(
        b, {ev("2024-11-30", "p:x", fl::Controller::opposition, "claimed")}, day("2024-11-30"));
    EXPECT_EQ(days.back().places.at("p:x").controller, fl::Controller::opposition);
    EXPECT_EQ(days.back().places.at("p:x").status, "claimed");
}

TEST(Timeline, SameDayConfirmationBeatsClaimAndCaptureBeatsWithdrawal) {
    auto b = baseline({{"p:x", fl::Controller::government, "src"}});
    auto days = fl::build_timeline(
        b,
        {ev("2024-11-30", "p:x", fl::Controller::sdf, "claimed", "handover"),
         ev("2024-11-30", "p:x", fl::Controller::unknown, "confirmed", "withdrawal"),
         ev("2024-11-30", "p:x", fl::Controller::opposition, "confirmed", "entry")},
        day("2024-11-30"));
    const auto& s = days.back().places.at("p:x");
    EXPECT_EQ(s.controller, fl::Controller::opposition);
    EXPECT_EQ(s.extent, "partial");
    EXPECT_EQ(s.event_ids, std::vector<std::string>{"2024-11-30/p:x/entry/confirmed"});
}

TEST(Timeline, ContestedUnknownAndConflictingConfirmations) {
    auto b = baseline({{"p:a", fl::Controller::government, "src"},
                       {"p:b", fl::Controller::government, "src"},
                       {"p:c", fl::Controller::government, "src"}});
    auto days = fl::build_timeline(
        b,
        {ev("2024-11-28", "p:a", fl::Controller::contested, "confirmed", "contested"),
         ev("2024-11-28", "p:b", fl::Controller::unknown, "confirmed", "withdrawal"),
         ev("2024-11-28", "p:c", fl::Controller::opposition, "confirmed"),
         [] {
             auto e = ev("2024-11-28", "p:c", fl::Controller::sdf, "confirmed");
             e.id += "/sdf";
             return e;
         }()},
        day("2024-11-28"));
    EXPECT_EQ(days.back().places.at("p:a").controller, fl::Controller::contested);
    EXPECT_EQ(days.back().places.at("p:b").controller, fl::Controller::unknown);
    EXPECT_EQ(days.back().places.at("p:c").controller, fl::Controller::contested);
    EXPECT_EQ(days.back().places.at("p:c").event_ids.size(), 2u);
}

TEST(Timeline, AdvancesAndDenialsChangeNothing) {
    auto b = baseline({{"p:x", fl::Controller::government, "src"}});
    auto days = fl::build_timeline(
        b,
        {ev("2024-11-28", "p:x", fl::Controller::opposition, "confirmed", "advance"),
         ev("2024-11-28", "p:x", fl::Controller::opposition, "denied")},
        day("2024-11-28"));
    EXPECT_EQ(days.back().places.at("p:x").controller, fl::Controller::government);
    EXPECT_EQ(days.back().places.at("p:x").status, "baseline");
}

TEST(Timeline, RangesCountFromTheirLastDay) {
    auto e = ev("2024-11-27", "p:x", fl::Controller::opposition, "confirmed");
    e.date_end = day("2024-11-29");
    auto b = baseline({{"p:x", fl::Controller::government, "src"}});
    auto days = fl::build_timeline(b, {e}, day("2024-11-30"));
    EXPECT_EQ(days[2].places.at("p:x").controller, fl::Controller::government);  // 11-28
    EXPECT_EQ(days[3].places.at("p:x").controller, fl::Controller::opposition);  // 11-29
}

TEST(Timeline, ControllerBeforeComesFromThePreviousDay) {
    auto b = baseline({{"p:x", fl::Controller::government, "src"}});
    std::vector<fl::Event> events = {
        ev("2024-11-29", "p:x", fl::Controller::opposition, "confirmed"),
        ev("2024-11-29", "p:new", fl::Controller::opposition, "confirmed")};
    auto days = fl::build_timeline(b, events, day("2024-11-30"));
    fl::fill_controller_before(events, days);
    EXPECT_EQ(events[0].controller_before, fl::Controller::government);
    EXPECT_EQ(events[1].controller_before, fl::Controller::unknown);
}

namespace {
fl::Gazetteer city_with_quarters() {
    auto dir = fl::test::scratch("timeline_quarters");
    fl::write_file_atomic(
        dir / "curated.tsv",
        "id\tname\talternatenames\tlat\tlon\tfeature_class\tfeature_code\tcountry_code\tadmin1\t"
        "population\tprecision_m\tgeometry_wkt\tsource\n"
        "t:city\tTestcity\t\t36.20\t37.16\tP\tPPLA\tSY\t09\t1000000\t1000\t\ttest\n"
        "t:old\tOld Quarter\t\t36.19\t37.15\tP\tPPLX\tSY\t09\t0\t1000\t\ttest\n"
        "t:kurd\tKurdish Quarter\t\t36.23\t37.15\tP\tPPLX\tSY\t09\t0\t1000\t\ttest\n"
        "t:far\tFar Quarter\t\t36.60\t37.60\tP\tPPLX\tSY\t09\t0\t1000\t\ttest\n"
        "t:castle\tTest Citadel\t\t36.20\t37.17\tS\tCSTL\tSY\t09\t0\t1000\t\ttest\n"
        "t:base\tTest airbase\t\t36.21\t37.18\tS\tAIRB\tSY\t09\t0\t1000\t\ttest\n");
    return fl::Gazetteer::load_dir(dir);
}
}  // namespace

TEST(Timeline, NeighbourhoodsFollowTheirCityUnlessHeldByAnotherSide) {
    const auto gaz = city_with_quarters();
    auto b = baseline({{"t:city", fl::Controller::government, "b"},
                       {"t:old", fl::Controller::government, "b"},
                       {"t:kurd", fl::Controller::sdf, "b"},
                       {"t:far", fl::Controller::government, "b"},
                       {"t:castle", fl::Controller::government, "b"},
                       {"t:base", fl::Controller::government, "b"}});
    auto partial = ev("2024-11-29", "t:city", fl::Controller::opposition, "confirmed", "entry");
    partial.extent = "partial";
    auto days = fl::build_timeline(b, {partial}, day("2024-11-30"));
    fl::propagate_to_neighbourhoods(days, gaz);
    // Before the event: untouched.
    EXPECT_EQ(days[2].places.at("t:old").controller, fl::Controller::government);
    EXPECT_EQ(days[2].places.at("t:old").status, "baseline");
    // After a partial entry: the government-held quarter is contested, traced to the event.
    const auto& old = days[3].places.at("t:old");
    EXPECT_EQ(days[3].places.at("t:city").extent, "partial");
    EXPECT_EQ(old.controller, fl::Controller::contested);
    EXPECT_EQ(old.event_ids, days[3].places.at("t:city").event_ids);
    EXPECT_NE(old.basis.find("part of Testcity"), std::string::npos) << old.basis;
    // Held by another side at the baseline, or too far away: unchanged.
    EXPECT_EQ(days[3].places.at("t:kurd").controller, fl::Controller::sdf);
    EXPECT_EQ(days[3].places.at("t:far").controller, fl::Controller::government);
    // A landmark inside the city follows it; an airbase beside it is fought over on its own.
    EXPECT_EQ(days[3].places.at("t:castle").controller, fl::Controller::contested);
    EXPECT_NE(days[3].places.at("t:castle").basis.find("landmark"), std::string::npos);
    EXPECT_EQ(days[3].places.at("t:base").controller, fl::Controller::government);
}

// The evidence model (issue 15): reports with sources from several outlets.
namespace {
fl::Event sourced(const char* date, const char* place, fl::Controller c,
                  std::vector<std::pair<std::string, std::string>> docs_and_sentences,
                  const char* status = "confirmed", double lat = 36.0, double lon = 37.0) {
    auto e = ev(date, place, c, status);
    e.id = std::string(date) + "/" + place + "/capture/" + std::string(fl::to_string(c));
    e.lat = lat;
    e.lon = lon;
    for (auto& [doc, sentence] : docs_and_sentences) {
        fl::EventSource s;
        s.doc = doc;
        s.sentence = sentence;
        s.status = status;
        e.sources.push_back(s);
    }
    return e;
}
}  // namespace

TEST(Evidence, OneBadConfirmedReportDoesNotFlipAgainstThreeGoodOnes) {
    auto b = baseline({{"p:x", fl::Controller::government, "src"}});
    auto good = sourced("2024-11-29", "p:x", fl::Controller::opposition,
                        {{"a", "Rebels captured the town of X on Friday after heavy clashes."},
                         {"b", "Opposition fighters took full control of X, a monitor said."},
                         {"c", "X fell to the insurgents at dawn, residents reported."}});
    auto bad = sourced("2024-11-30", "p:x", fl::Controller::government,
                       {{"d", "Government forces seized X in a counterattack."}});
    auto days = fl::build_timeline(b, {good, bad}, day("2024-11-30"));
    const auto& s = days.back().places.at("p:x");
    EXPECT_EQ(s.controller, fl::Controller::opposition);
    EXPECT_EQ(s.event_ids, std::vector<std::string>{good.id});
    EXPECT_EQ(s.overruled_claims, std::vector<std::string>{bad.id});
    EXPECT_GT(s.confidence, 0.6);
    EXPECT_LT(s.confidence, 1.0);
}

TEST(Evidence, AContestedPlaceStaysContestedWhileNothingNewIsReported) {
    // Fighters entered a government-held city and no later report says more: the reports age
    // against each other, not against the calendar, so the city is still contested a week
    // later instead of drifting back to its holder.
    auto b = baseline({{"p:x", fl::Controller::government, "src"}});
    auto entry = sourced("2024-11-29", "p:x", fl::Controller::contested,
                         {{"a", "Rebels entered the city of X on Friday."}});
    entry.action = "entry";
    auto near = sourced("2024-11-29", "p:y", fl::Controller::opposition,
                        {{"b", "Rebels captured Y, west of X."}}, "confirmed", 36.0, 36.9);
    auto days = fl::build_timeline(b, {entry, near}, day("2024-12-08"));
    EXPECT_EQ(days[3].places.at("p:x").controller, fl::Controller::contested);
    const auto& last = days.back().places.at("p:x");
    EXPECT_EQ(last.controller, fl::Controller::contested);
    EXPECT_EQ(last.event_ids, std::vector<std::string>{entry.id});
}

TEST(Evidence, EntriesThatACaptureFollowsUpAreItsStages) {
    // Two outlets report fighters entering the city, one the next day reports it taken: the
    // entries were the capture under way, not a contest against it.
    auto b = baseline({{"p:x", fl::Controller::government, "src"}});
    auto entry = sourced("2024-11-29", "p:x", fl::Controller::contested,
                         {{"a", "Rebels entered the city of X on Friday."},
                          {"b", "Insurgents stormed parts of X, residents said."}});
    entry.action = "entry";
    auto taken = sourced("2024-11-30", "p:x", fl::Controller::opposition,
                         {{"c", "Rebels took full control of X on Saturday."}});
    auto days = fl::build_timeline(b, {entry, taken}, day("2024-11-30"));
    EXPECT_EQ(days.back().places.at("p:x").controller, fl::Controller::opposition);
    // A contest reported after the capture still counts.
    auto again = sourced("2024-12-01", "p:x", fl::Controller::contested,
                         {{"d", "Government troops re-entered X."}, {"e", "Troops broke into X."}});
    again.action = "entry";
    auto later = fl::build_timeline(b, {entry, taken, again}, day("2024-12-01"));
    EXPECT_EQ(later.back().places.at("p:x").controller, fl::Controller::contested);
}

TEST(Evidence, WireCopyRewrittenByThreeOutletsCountsOnce) {
    // Three outlets printing the same wire sentence weigh as one against two independent ones.
    auto b = baseline();
    const std::string wire = "Rebels seized the town of X on Friday, the Observatory said.";
    auto copied = sourced("2024-11-29", "p:x", fl::Controller::opposition,
                          {{"a", wire},
                           {"b", wire},
                           {"c",
                            "Rebels seized the town of X on "
                            "Friday, the Observatory said"}});
    auto other = sourced("2024-11-29", "p:x", fl::Controller::sdf,
                         {{"d", "Kurdish-led forces hold X, their spokesman told reporters."},
                          {"e", "The SDF remained in control of X on Friday night."}});
    auto days = fl::build_timeline(b, {copied, other}, day("2024-11-29"));
    const auto& s = days.back().places.at("p:x");
    // 1.0 (one copy) against 2.0: the SDF, not the three rewrites.
    EXPECT_EQ(s.controller, fl::Controller::sdf);
}

TEST(Evidence, CaptureByTheHolderIsNoChangeAndFlagged) {
    auto b = baseline({{"p:x", fl::Controller::opposition, "src"}});
    auto e = sourced("2024-11-30", "p:x", fl::Controller::opposition,
                     {{"a", "Rebels captured X on Saturday."}});
    auto days = fl::build_timeline(b, {e}, day("2024-11-30"));
    const auto& s = days.back().places.at("p:x");
    EXPECT_EQ(s.controller, fl::Controller::opposition);
    EXPECT_EQ(fl::to_iso(s.since), "2024-11-26");  // no change
    ASSERT_EQ(s.flags.size(), 1u);
    EXPECT_NE(s.flags[0].find("already held"), std::string::npos) << s.flags[0];
}

TEST(Evidence, GenuineConflictIsContestedWithBothSidesListed) {
    auto b = baseline({{"p:x", fl::Controller::government, "src"}});
    auto opp = sourced("2024-11-30", "p:x", fl::Controller::opposition,
                       {{"a", "Rebels captured X on Saturday."},
                        {"b", "Insurgents now control X, witnesses said."}});
    auto gov = sourced("2024-11-30", "p:x", fl::Controller::government,
                       {{"c", "The army repelled the attack and holds X."},
                        {"d", "Troops recaptured X late on Saturday."}});
    auto days = fl::build_timeline(b, {opp, gov}, day("2024-12-03"));
    const auto& s = days[4].places.at("p:x");  // 11-30
    EXPECT_EQ(s.controller, fl::Controller::contested);
    EXPECT_EQ(s.event_ids.size(), 2u);
    // No new report: it stays contested, not back to the holder.
    EXPECT_EQ(days.back().places.at("p:x").controller, fl::Controller::contested);
}

TEST(Evidence, CaptureFarBehindTheFrontNeedsCorroboration) {
    auto b = baseline({{"p:far", fl::Controller::opposition, "src"},
                       {"p:front", fl::Controller::government, "src"}});
    // Fighting at p:front (36.0, 37.0); p:far is ~120 km away.
    auto front = sourced("2024-11-29", "p:front", fl::Controller::opposition,
                         {{"a", "Rebels captured the front town."}});
    auto lone = sourced("2024-11-29", "p:far", fl::Controller::government,
                        {{"b", "The army took the far town."}}, "confirmed", 37.0, 37.5);
    auto nearby = sourced("2024-11-28", "p:front2", fl::Controller::opposition,
                          {{"a", "Rebels captured a village nearby."}}, "claimed", 36.1, 37.1);
    auto days = fl::build_timeline(b, {front, lone, nearby}, day("2024-11-29"));
    EXPECT_EQ(days.back().places.at("p:far").controller, fl::Controller::opposition);
    EXPECT_EQ(days.back().places.at("p:front").controller, fl::Controller::opposition);
    // A second independent outlet corroborates it: now it changes.
    lone.sources.push_back(
        {"c", 0, "Government troops entered the far town, a monitor said.", "", "confirmed"});
    days = fl::build_timeline(b, {front, lone, nearby}, day("2024-11-29"));
    EXPECT_EQ(days.back().places.at("p:far").controller, fl::Controller::government);
}

TEST(Evidence, UnlocatedPlacesKeepAStateUnderTheirReportedName) {
    // "took the villages of Pasif and Yadgun": the gazetteer lacks Pasif, but the analyst
    // still sees its state, under the name the report gives, and its report.
    auto unplaced = ev("2024-11-29", "unlocated:pasif", fl::Controller::opposition, "confirmed");
    unplaced.located = false;
    unplaced.place_name = "Pasif";
    auto days = fl::build_timeline(baseline(), {unplaced}, day("2024-11-30"));
    EXPECT_EQ(days[2].places.count("unlocated:pasif"), 0u);  // nothing reported yet
    const auto& s = days.back().places.at("unlocated:pasif");
    EXPECT_EQ(s.name, "Pasif");
    EXPECT_EQ(s.controller, fl::Controller::opposition);
    EXPECT_EQ(s.status, "confirmed");
    EXPECT_EQ(s.event_ids, std::vector<std::string>{unplaced.id});
}

TEST(Evidence, GovernorateEventsColourNoPointAndUnlocatedOnesMarkNoFront) {
    auto province = ev("2024-11-29", "p:province", fl::Controller::contested, "confirmed");
    province.place_kind = "governorate";  // "much of Idlib province"
    // An unlocated report (coordinates 0, 0) is no fighting near anything: a lone report on
    // a place far behind the front still needs corroboration.
    auto unplaced = ev("2024-11-29", "unlocated:village", fl::Controller::government, "confirmed");
    unplaced.located = false;
    unplaced.place_name = "Some Village";
    unplaced.lat = 36.9, unplaced.lon = 37.01;  // stale coordinates must not count
    auto lone = ev("2024-11-29", "p:far", fl::Controller::government, "confirmed");
    lone.lat = 36.9, lone.lon = 37.0;
    auto b = baseline({{"p:province", fl::Controller::opposition, "src"},
                       {"p:far", fl::Controller::opposition, "src"}});
    auto days = fl::build_timeline(b, {province, unplaced, lone}, day("2024-11-29"));
    EXPECT_EQ(days.back().places.at("p:province").controller, fl::Controller::opposition);
    EXPECT_EQ(days.back().places.at("p:province").status, "baseline");
    EXPECT_EQ(days.back().places.at("unlocated:village").controller, fl::Controller::government);
    EXPECT_EQ(days.back().places.at("p:far").controller, fl::Controller::opposition);
}

TEST(Evidence, PlaceOutsideTheBaselineHasNoHolderToDefend) {
    // One claim about a place the baseline does not name: nothing speaks against it.
    auto days = fl::build_timeline(
        baseline(), {ev("2024-11-29", "p:new", fl::Controller::opposition, "claimed")},
        day("2024-11-30"));
    EXPECT_EQ(days.back().places.at("p:new").controller, fl::Controller::opposition);
    for (const auto& d : days) {
        for (const auto& [id, st] : d.places) {
            if (st.status == "baseline") {
                EXPECT_FALSE(st.basis.empty()) << id;
            }
        }
    }
}

TEST(Corrections, RejectConfirmAndSet) {
    auto b = baseline({{"p:x", fl::Controller::government, "src"},
                       {"p:y", fl::Controller::government, "src"},
                       {"p:z", fl::Controller::government, "src"}});
    auto bad = sourced("2024-11-29", "p:x", fl::Controller::opposition,
                       {{"a", "Rebels captured X."}, {"b", "X fell to the rebels."}});
    auto weak = sourced("2024-11-29", "p:y", fl::Controller::opposition,
                        {{"a", "Rebels say they captured Y."}}, "claimed");
    auto strong = sourced("2024-11-29", "p:y", fl::Controller::government,
                          {{"c", "The army holds Y."}, {"d", "Y remains in army hands."}});
    auto dir = fl::test::scratch("corrections");
    fl::write_file_atomic(dir / "c.tsv",
                          "action\ttarget\tcontroller\tdate\tnote\n"
                          "reject\t" +
                              bad.id +
                              "\t\t\tmisread: the sentence is about X district\n"
                              "confirm\t" +
                              weak.id +
                              "\t\t\tour reporter saw it\n"
                              "set\tp:z\tsdf\t2024-11-28\thanded over, per our correspondent\n");
    auto rows = fl::read_corrections(dir / "c.tsv");
    ASSERT_EQ(rows.size(), 3u);
    auto days = fl::build_timeline(b, {bad, weak, strong}, day("2024-11-29"), rows);
    const auto& x = days.back().places.at("p:x");
    EXPECT_EQ(x.controller, fl::Controller::government);
    EXPECT_NE(x.note.find("misread"), std::string::npos);
    const auto& y = days.back().places.at("p:y");
    EXPECT_EQ(y.controller, fl::Controller::opposition);
    EXPECT_EQ(y.status, "corrected");
    EXPECT_NE(y.note.find("our reporter"), std::string::npos);
    EXPECT_EQ(days[1].places.at("p:z").controller, fl::Controller::government);  // 11-27
    EXPECT_EQ(days[2].places.at("p:z").controller, fl::Controller::sdf);         // 11-28
    EXPECT_EQ(days[2].places.at("p:z").status, "corrected");
    EXPECT_NE(days[2].places.at("p:z").basis.find("correspondent"), std::string::npos);
}

TEST(Corrections, BadRowsAreRefusedWithFileAndLine) {
    auto dir = fl::test::scratch("corrections_bad");
    auto refused = [&](const std::string& row, const std::string& what) {
        fl::write_file_atomic(dir / "c.tsv",
                              "action\ttarget\tcontroller\tdate\tnote\n" + row + "\n");
        try {
            fl::read_corrections(dir / "c.tsv");
            ADD_FAILURE() << "accepted: " << row;
        } catch (const fl::Error& e) {
            EXPECT_NE(std::string(e.what()).find("c.tsv line 2"), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
            EXPECT_EQ(e.exit_code(), fl::kExitInputError);
        }
    };
    refused("set\tp:z\tsdf\t2024-13-01\tnote", "bad date");
    refused("set\tp:z\trebels\t2024-12-01\tnote", "unknown controller");
    refused("delete\tp:z\t\t\tnote", "unknown action");
    // Unknown event ids and places are refused once the run's events are known.
    const auto gaz = city_with_quarters();
    fl::write_file_atomic(dir / "c.tsv",
                          "action\ttarget\tcontroller\tdate\tnote\n"
                          "set\tt:city\topposition\t2024-12-01\tok\n"
                          "reject\t2024-11-29/t:city/capture/sna\t\t\tno such event\n");
    auto rows = fl::read_corrections(dir / "c.tsv");
    try {
        fl::check_corrections(rows, {}, gaz);
        ADD_FAILURE() << "unknown event accepted";
    } catch (const fl::Error& e) {
        EXPECT_NE(std::string(e.what()).find("c.tsv line 3: unknown event id"), std::string::npos)
            << e.what();
    }
    rows[0].target = "t:nowhere";
    EXPECT_THROW(fl::check_corrections(rows, {}, gaz), fl::Error);
}

namespace {
// Three villages on a line west to east (about 11 km apart), and one 80 km to the south.
fl::Gazetteer axis_villages() {
    auto dir = fl::test::scratch("timeline_axis");
    fl::write_file_atomic(
        dir / "curated.tsv",
        "id\tname\talternatenames\tlat\tlon\tfeature_class\tfeature_code\tcountry_code\tadmin1\t"
        "population\tprecision_m\tgeometry_wkt\tsource\n"
        "t:west\tWestvillage\t\t35.50\t36.60\tP\tPPL\tSY\t09\t1000\t1000\t\ttest\n"
        "t:mid\tMidvillage\t\t35.51\t36.72\tP\tPPL\tSY\t09\t1000\t1000\t\ttest\n"
        "t:east\tEastvillage\t\t35.50\t36.84\tP\tPPL\tSY\t09\t1000\t1000\t\ttest\n"
        "t:south\tSouthvillage\t\t34.80\t36.72\tP\tPPL\tSY\t09\t1000\t1000\t\ttest\n");
    return fl::Gazetteer::load_dir(dir);
}
}  // namespace

TEST(Inference, ACommunityBetweenTwoCapturedNeighboursFollowsThem) {
    const auto gaz = axis_villages();
    auto b = baseline({{"t:west", fl::Controller::government, "b"},
                       {"t:mid", fl::Controller::government, "b"},
                       {"t:east", fl::Controller::government, "b"},
                       {"t:south", fl::Controller::government, "b"}});
    auto w = sourced("2024-11-29", "t:west", fl::Controller::opposition,
                     {{"a", "Rebels captured Westvillage."}}, "confirmed", 35.50, 36.60);
    auto e = sourced("2024-11-30", "t:east", fl::Controller::opposition,
                     {{"b", "Rebels captured Eastvillage."}}, "confirmed", 35.50, 36.84);
    auto days = fl::build_timeline(b, {w, e}, day("2024-11-30"));
    fl::infer_between(days, gaz);
    // One side taken on 11-29: the middle village waits for the other.
    EXPECT_EQ(days[3].places.at("t:mid").controller, fl::Controller::government);
    const auto& mid = days[4].places.at("t:mid");
    EXPECT_EQ(mid.controller, fl::Controller::opposition);
    EXPECT_EQ(mid.status, "inferred");
    EXPECT_EQ(mid.event_ids.size(), 2u);
    EXPECT_NE(mid.basis.find("between"), std::string::npos) << mid.basis;
    EXPECT_LT(mid.confidence, days[4].places.at("t:west").confidence);
    // Far from any report: the baseline holder stays.
    EXPECT_EQ(days[4].places.at("t:south").controller, fl::Controller::government);
    EXPECT_EQ(days[4].places.at("t:south").status, "baseline");
}

TEST(Inference, CommunityLayerGivesHoldersWithoutOverridingThePoints) {
    const auto gaz = axis_villages();
    auto dir = fl::test::scratch("baseline_layer");
    fl::write_file_atomic(dir / "layer.tsv",
                          "place_id\tcontroller\tsource\n"
                          "t:west\topposition\tlayer\n"
                          "t:mid\tgovernment\tlayer: sub-district rule\n"
                          "oc:C9999\tsdf\tnot in this gazetteer\n");
    auto b = baseline({{"t:west", fl::Controller::government, "point"}});
    EXPECT_EQ(fl::add_baseline_layer(b, dir / "layer.tsv", gaz, {}, true), 1u);
    ASSERT_EQ(b.entries.size(), 2u);
    EXPECT_EQ(b.entries[0].controller, fl::Controller::government);  // the point row wins
    EXPECT_EQ(b.entries[1].place_id, "t:mid");
    EXPECT_EQ(b.entries[1].source, "layer: sub-district rule");
    auto c = baseline();
    EXPECT_EQ(fl::add_baseline_layer(c, dir / "layer.tsv", gaz, {"t:west"}), 1u);
    EXPECT_EQ(c.entries[0].place_id, "t:west");
    // A place the layer does not name takes its nearest community's holder (within 3 km).
    fl::write_file_atomic(dir / "layer2.tsv",
                          "place_id\tcontroller\tsource\tname\tlat\tlon\n"
                          "oc:C1\tsdf\trule 7\tNear\t35.505\t36.72\n"
                          "oc:C2\tgovernment\trule 8\tFar\t35.60\t36.72\n");
    auto d = baseline();
    EXPECT_EQ(fl::add_baseline_layer(d, dir / "layer2.tsv", gaz, {"t:mid", "t:south"}), 1u);
    ASSERT_EQ(d.entries.size(), 1u);
    EXPECT_EQ(d.entries[0].place_id, "t:mid");
    EXPECT_EQ(d.entries[0].controller, fl::Controller::sdf);
    EXPECT_NE(d.entries[0].source.find("as the community Near (oc:C1"), std::string::npos)
        << d.entries[0].source;
}

TEST(Evidence, AnAllysCaptureIsNoChange) {
    // Reports often call the SNA's factions "the opposition": not a change of hands.
    auto b = baseline({{"p:x", fl::Controller::sna, "src"}});
    auto e = sourced("2024-11-30", "p:x", fl::Controller::opposition,
                     {{"a", "Opposition factions captured X."}}, "claimed");
    auto days = fl::build_timeline(b, {e}, day("2024-11-30"));
    const auto& s = days.back().places.at("p:x");
    EXPECT_EQ(s.controller, fl::Controller::sna);
    ASSERT_EQ(s.flags.size(), 1u);
    EXPECT_NE(s.flags[0].find("ally"), std::string::npos) << s.flags[0];
}

TEST(Evidence, ALaterCorroboratedRecaptureTurnsThePlaceBack) {
    auto b = baseline({{"p:x", fl::Controller::government, "src"}});
    auto taken = sourced("2024-11-28", "p:x", fl::Controller::opposition,
                         {{"a", "Rebels captured X on Thursday."},
                          {"b", "X fell to the insurgents, residents said."}});
    auto back = sourced("2024-12-03", "p:x", fl::Controller::government,
                        {{"c", "The army recaptured X on Tuesday."},
                         {"d", "Government troops retook X after a counterattack."}});
    auto days = fl::build_timeline(b, {taken, back}, day("2024-12-03"));
    EXPECT_EQ(days[2].places.at("p:x").controller, fl::Controller::opposition);  // 11-28
    const auto& s = days.back().places.at("p:x");
    EXPECT_EQ(s.controller, fl::Controller::government);
    EXPECT_EQ(fl::to_iso(s.since), "2024-12-03");
    EXPECT_EQ(s.overruled_claims, std::vector<std::string>{taken.id});
}
