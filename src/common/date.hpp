// Calendar dates as std::chrono::year_month_day, with ISO 8601 parsing and printing.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace frontline {

using Date = std::chrono::year_month_day;

// Parses "YYYY-MM-DD"; nullopt if malformed or not a real calendar day.
std::optional<Date> parse_iso_date(std::string_view s);
std::string to_iso(const Date& d);
Date add_days(const Date& d, int days);
int days_between(const Date& from, const Date& to);  // to - from

}  // namespace frontline
