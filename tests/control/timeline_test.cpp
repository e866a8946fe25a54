// The control timeline: baseline plus events, claims never overwrite confirmations.
#include "control/timeline.hpp"

#include <gtest/gtest.h>

#include "common/atomic_file.hpp"
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
         ev("2024-11-28", "p:c", fl::Controller::sna, "confirmed")},
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
        "t:far\tFar Quarter\t\t36.60\t37.60\tP\tPPLX\tSY\t09\t0\t1000\t\ttest\n");
    return fl::Gazetteer::load_dir(dir);
}
}  // namespace

TEST(Timeline, NeighbourhoodsFollowTheirCityUnlessHeldByAnotherSide) {
    const auto gaz = city_with_quarters();
    auto b = baseline({{"t:city", fl::Controller::government, "b"},
                       {"t:old", fl::Controller::government, "b"},
                       {"t:kurd", fl::Controller::sdf, "b"},
                       {"t:far", fl::Controller::government, "b"}});
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
}
