// Relative and absolute date expressions in news sentences, resolved against the article's
// publication date ("on Saturday", "since Wednesday", "November 27-28", "earlier this week").
// Kept apart from event extraction so it can be unit-tested and fuzzed on its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"

namespace frontline {

// How exactly an event's date is known (in the spirit of ACLED's time_precision):
// "day" (a stated day), "range" (a span of days, e.g. "November 27-28", "since Wednesday"),
// "week" ("earlier this week"), "publication" (no date in the sentence: the publication date
// is an upper bound).
struct DateExpr {
    std::size_t start = 0;  // byte offsets into the text given to find_dates, [start, end)
    std::size_t end = 0;
    Date first{};  // earliest day the expression allows
    Date last{};   // latest day the expression allows (== first for "day")
    std::string precision;
};

// Every date expression in `text`, in text order. Weekday names resolve to the last such
// weekday on or before `published` ("on Saturday" in a Saturday article is that day); dates
// without a year take the publication year, or the year before if that would be after
// publication. Never throws; any byte string is valid input.
std::vector<DateExpr> find_dates(std::string_view text, const Date& published);

// The month a lowercase English month name or abbreviation names ("march", "nov"), 1-12.
std::optional<unsigned> month_of(const std::string& word);

}  // namespace frontline
