// Date expressions resolved against the publication date (2024-11-30 was a Saturday).
#include "events/dates.hpp"

#include <gtest/gtest.h>

namespace fl = frontline;

namespace {
struct Want {
    const char* text;
    const char* published;
    const char* first;
    const char* last;
    const char* precision;
};

void check(const Want& w) {
    auto found = fl::find_dates(w.text, *fl::parse_iso_date(w.published));
    ASSERT_EQ(found.size(), 1u) << w.text;
    EXPECT_EQ(fl::to_iso(found[0].first), w.first) << w.text;
    EXPECT_EQ(fl::to_iso(found[0].last), w.last) << w.text;
    EXPECT_EQ(found[0].precision, w.precision) << w.text;
}
}  // namespace

TEST(Dates, WeekdaysAreTheLastOnOrBeforePublication) {
    check({"On Saturday, the army said", "2024-11-30", "2024-11-30", "2024-11-30", "day"});
    check({"on Friday the groups entered", "2024-11-30", "2024-11-29", "2024-11-29", "day"});
    check({"Later on Sunday, the military", "2024-12-01", "2024-12-01", "2024-12-01", "day"});
    check({"as of Saturday morning", "2024-12-01", "2024-11-30", "2024-11-30", "day"});
    check({"last Saturday", "2024-11-30", "2024-11-23", "2024-11-23", "day"});
}

TEST(Dates, RangesWeeksAndRelativeDays) {
    check({"Since Wednesday, rebels", "2024-11-30", "2024-11-27", "2024-11-30", "range"});
    check({"On November 27-28, groups", "2024-11-30", "2024-11-27", "2024-11-28", "range"});
    check({"on 27–28 November 2024", "2024-12-04", "2024-11-27", "2024-11-28", "range"});
    check({"on Nov 29", "2024-11-30", "2024-11-29", "2024-11-29", "day"});
    check({"overnight", "2024-11-30", "2024-11-29", "2024-11-30", "range"});
    check({"Last night, they had", "2024-12-01", "2024-11-30", "2024-11-30", "day"});
    check({"the attack began earlier this week", "2024-11-30", "2024-11-25", "2024-11-30", "week"});
    check({"two days ago", "2024-11-30", "2024-11-28", "2024-11-28", "day"});
    check({"yesterday", "2024-11-30", "2024-11-29", "2024-11-29", "day"});
    check({"the previous day's attack", "2024-11-30", "2024-11-29", "2024-11-29", "day"});
}

TEST(Dates, ByADayIsAtTheLatestThatDay) {
    check({"By Thursday, rebels had seized", "2024-12-07", "2024-11-29", "2024-12-05", "range"});
    check({"by November 30 they held", "2024-12-04", "2024-11-24", "2024-11-30", "range"});
}

TEST(Dates, YearRollsBackWhenTheDayWouldBeAfterPublication) {
    check({"on December 30", "2025-01-02", "2024-12-30", "2024-12-30", "day"});
}

TEST(Dates, NoDatesAndJunk) {
    auto pub = *fl::parse_iso_date("2024-11-30");
    EXPECT_TRUE(fl::find_dates("Rebels captured the town.", pub).empty());
    EXPECT_TRUE(fl::find_dates("", pub).empty());
    EXPECT_TRUE(fl::find_dates("May the rebels", pub).empty());
    EXPECT_TRUE(fl::find_dates("November 99 and 45 December", pub).empty());
    std::string junk = "\xff\xfe 1 2 3 - november -- 31-";
    junk += std::string(1, '\0');
    EXPECT_NO_THROW(fl::find_dates(junk, pub));
}
