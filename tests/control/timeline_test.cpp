// The control timeline: baseline plus events, claims never overwrite confirmations.
#include "control/timeline.hpp"

#include <gtest/gtest.h>

namespace fl = frontline;

namespace {
fl::Event ev(const char* date, const char* place, fl::Controller c, const char* status) {
    fl::Event e;
    e.id = std::string(date) + place + status;
    e.date = *fl::parse_iso_date(date);
    e.action = "capture";
    e.controller = c;
    e.place_id = place;
    e.status = status;
    return e;
}
}  // namespace

TEST(Timeline, BaselineThenEventsDayByDay) {
    fl::Baseline b;
    b.date = *fl::parse_iso_date("2024-11-26");
    b.entries = {{"p:aleppo", fl::Controller::government, "baseline source"}};
    auto days = fl::build_timeline(b, {ev("2024-11-29", "p:aleppo", fl::Controller::opposition, "confirmed")},
                                   *fl::parse_iso_date("2024-11-30"));
    ASSERT_EQ(days.size(), 5u);
    EXPECT_EQ(days[2].places.at("p:aleppo").controller, fl::Controller::government);
    EXPECT_EQ(days[3].places.at("p:aleppo").controller, fl::Controller::opposition);
    EXPECT_EQ(days[3].places.at("p:aleppo").event_ids.size(), 1u);
    EXPECT_EQ(days[0].places.at("p:aleppo").basis, "baseline source");
}

TEST(Timeline, ClaimDoesNotOverwriteConfirmation) {
    fl::Baseline b;
    b.date = *fl::parse_iso_date("2024-11-26");
    auto days = fl::build_timeline(b,
                                   {ev("2024-11-27", "p:x", fl::Controller::opposition, "confirmed"),
                                    ev("2024-11-28", "p:x", fl::Controller::government, "claimed")},
                                   *fl::parse_iso_date("2024-11-28"));
    EXPECT_EQ(days.back().places.at("p:x").controller, fl::Controller::opposition);
    EXPECT_EQ(days.back().places.at("p:x").status, "confirmed");
}
