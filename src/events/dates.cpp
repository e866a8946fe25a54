// Date expressions: a small token matcher over ASCII-lowercased words.
#include "events/dates.hpp"

#include <array>
#include <cctype>
#include <optional>

namespace frontline {

namespace {

struct Tok {
    std::size_t start = 0;
    std::size_t end = 0;
    std::string text;  // lowercase
    bool number = false;
};

std::vector<Tok> tokenize(std::string_view s) {
    std::vector<Tok> out;
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (!std::isalnum(c)) {
            ++i;
            continue;
        }
        Tok t;
        t.start = i;
        bool digits = std::isdigit(c) != 0;
        while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i])) &&
               (std::isdigit(static_cast<unsigned char>(s[i])) != 0) == digits) {
            t.text += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
            ++i;
        }
        t.end = i;
        t.number = digits;
        out.push_back(std::move(t));
    }
    return out;
}

constexpr std::array<std::string_view, 7> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                       "thursday", "friday", "saturday"};

std::optional<unsigned> weekday_of(const std::string& w) {
    for (unsigned i = 0; i < kWeekdays.size(); ++i) {
        if (w == kWeekdays[i]) return i;
    }
    return std::nullopt;
}

std::optional<int> small_number(const Tok& t) {
    if (t.number) {
        if (t.text.size() > 2) return std::nullopt;
        return std::stoi(t.text);
    }
    static constexpr std::array<std::string_view, 11> kWords = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    for (int i = 0; i < 11; ++i) {
        if (t.text == kWords[static_cast<std::size_t>(i)]) return i;
    }
    return std::nullopt;
}

// The gap between two tokens is a range dash ("27-28", "27–28") or " to ".
bool range_gap(std::string_view s, const Tok& a, const Tok& b) {
    std::string gap;
    for (std::size_t i = a.end; i < b.start; ++i) {
        if (s[i] != ' ') gap += s[i];
    }
    return gap == "-" || gap == "\xE2\x80\x93" || gap == "\xE2\x80\x94";
}

Date weekday_on_or_before(const Date& pub, unsigned wd) {
    std::chrono::weekday pw{std::chrono::sys_days{pub}};
    int back = (static_cast<int>(pw.c_encoding()) - static_cast<int>(wd) + 7) % 7;
    return add_days(pub, -back);
}

std::optional<Date> make_day(int year, unsigned month, int day) {
    if (day < 1 || day > 31) return std::nullopt;
    Date d{std::chrono::year{year}, std::chrono::month{month},
           std::chrono::day{static_cast<unsigned>(day)}};
    if (!d.ok()) return std::nullopt;
    return d;
}

}  // namespace

std::optional<unsigned> month_of(const std::string& w) {
    static constexpr std::array<std::string_view, 12> kFull = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    static constexpr std::array<std::string_view, 12> kShort = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (unsigned i = 0; i < 12; ++i) {
        if (w == kFull[i] || w == kShort[i]) return i + 1;
    }
    if (w == "sept") return 9;
    return std::nullopt;
}

std::vector<DateExpr> find_dates(std::string_view s, const Date& pub) {
    std::vector<DateExpr> out;
    const auto toks = tokenize(s);
    const int pub_year = static_cast<int>(pub.year());
    auto word = [&](std::size_t i) -> const std::string& {
        static const std::string kEmpty;
        return i < toks.size() ? toks[i].text : kEmpty;
    };
    auto add = [&](std::size_t from, std::size_t to, Date first, Date last, const char* prec) {
        out.push_back(DateExpr{toks[from].start, toks[to].end, first, last, prec});
    };
    // A month-day date: a year given explicitly, else the publication year unless that would
    // be after publication (an article of 2 January speaking of "December 30").
    auto resolve_year = [&](unsigned month, int day,
                            std::optional<int> year) -> std::optional<Date> {
        if (year) return make_day(*year, month, day);
        auto d = make_day(pub_year, month, day);
        if (d && std::chrono::sys_days{*d} > std::chrono::sys_days{pub}) {
            d = make_day(pub_year - 1, month, day);
        }
        return d;
    };
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const std::string& w = toks[i].text;
        if (auto wd = weekday_of(w)) {
            std::size_t from = i, to = i;
            const std::string& prev = i > 0 ? word(i - 1) : word(toks.size());
            Date d = weekday_on_or_before(pub, *wd);
            const char* prec = "day";
            Date last = d;
            if (prev == "since") {
                from = i - 1;
                last = pub;
                prec = "range";
            } else if (prev == "last") {
                from = i - 1;
                if (d == pub) d = last = add_days(pub, -7);
            } else if (i > 0 && prev == "on") {
                from = i - 1;
            } else if (i > 0 && prev == "by") {
                // "By Thursday, the rebels had seized X": at the latest that day.
                from = i - 1;
                d = add_days(d, -6);
                prec = "range";
            }
            const std::string& next = word(i + 1);
            if (next == "morning" || next == "afternoon" || next == "evening" || next == "night") {
                to = i + 1;
            }
            add(from, to, d, last, prec);
            i = to;
            continue;
        }
        if (auto mo = month_of(w); mo && i + 1 < toks.size() && toks[i + 1].number) {
            // "November 27", "November 27-28", "Nov 27, 2024"
            if (w == "may" && toks[i + 1].text.size() > 2) continue;
            int d1 = small_number(toks[i + 1]).value_or(0);
            std::size_t to = i + 1;
            std::optional<int> d2;
            if (i + 2 < toks.size() && toks[i + 2].number &&
                range_gap(s, toks[i + 1], toks[i + 2])) {
                d2 = small_number(toks[i + 2]);
                to = i + 2;
            }
            std::optional<int> year;
            if (to + 1 < toks.size() && toks[to + 1].number && toks[to + 1].text.size() == 4) {
                year = std::stoi(toks[to + 1].text);
                to = to + 1;
            }
            auto first = resolve_year(*mo, d1, year);
            if (!first) continue;
            Date last = *first;
            if (d2) {
                auto l = make_day(static_cast<int>(first->year()), *mo, *d2);
                if (l && std::chrono::sys_days{*l} >= std::chrono::sys_days{*first}) last = *l;
            }
            // "by November 30": at the latest that day.
            const bool by = i > 0 && word(i - 1) == "by";
            add(by ? i - 1 : i, to, by ? add_days(*first, -6) : *first, last,
                d2 || by ? "range" : "day");
            i = to;
            continue;
        }
        if (toks[i].number && toks[i].text.size() <= 2) {
            // "27 November", "27-28 November 2024"
            std::size_t m = i + 1;
            std::optional<int> d2;
            if (m < toks.size() && toks[m].number && range_gap(s, toks[i], toks[m])) {
                d2 = small_number(toks[m]);
                ++m;
            }
            auto mo = m < toks.size() ? month_of(toks[m].text) : std::nullopt;
            if (!mo) continue;
            std::size_t to = m;
            std::optional<int> year;
            if (m + 1 < toks.size() && toks[m + 1].number && toks[m + 1].text.size() == 4) {
                year = std::stoi(toks[m + 1].text);
                to = m + 1;
            }
            auto first = resolve_year(*mo, std::stoi(toks[i].text), year);
            if (!first) continue;
            Date last = *first;
            if (d2) {
                auto l = make_day(static_cast<int>(first->year()), *mo, *d2);
                if (l && std::chrono::sys_days{*l} >= std::chrono::sys_days{*first}) last = *l;
            }
            add(i, to, *first, last, d2 ? "range" : "day");
            i = to;
            continue;
        }
        if (w == "yesterday") {
            add(i, i, add_days(pub, -1), add_days(pub, -1), "day");
        } else if (w == "previous" && word(i + 1) == "day") {
            // "the previous day's capture": the day before publication.
            add(i, i + 1, add_days(pub, -1), add_days(pub, -1), "day");
            ++i;
        } else if (w == "today" || w == "tonight") {
            add(i, i, pub, pub, "day");
        } else if (w == "overnight") {
            // The night before publication spans two calendar days.
            add(i, i, add_days(pub, -1), pub, "range");
        } else if (w == "last" && word(i + 1) == "night") {
            add(i, i + 1, add_days(pub, -1), add_days(pub, -1), "day");
            ++i;
        } else if (w == "this" && (word(i + 1) == "morning" || word(i + 1) == "afternoon")) {
            add(i, i + 1, pub, pub, "day");
            ++i;
        } else if ((w == "this" || w == "last") && word(i + 1) == "week") {
            // Weeks start on Monday (ISO 8601).
            std::chrono::weekday pw{std::chrono::sys_days{pub}};
            int since_monday = static_cast<int>((pw.c_encoding() + 6) % 7);
            Date monday = add_days(pub, -since_monday);
            std::size_t from = (i > 0 && word(i - 1) == "earlier") ? i - 1 : i;
            if (w == "this") {
                add(from, i + 1, monday, pub, "week");
            } else {
                add(from, i + 1, add_days(monday, -7), add_days(monday, -1), "week");
            }
            ++i;
        } else if ((w == "past" || w == "previous" || w == "last" || w == "recent") &&
                   ((word(i + 1) == "few" && word(i + 2) == "days") || word(i + 1) == "days")) {
            std::size_t to = word(i + 1) == "few" ? i + 2 : i + 1;
            add(i, to, add_days(pub, -3), pub, "range");
            i = to;
        } else if (auto n = small_number(toks[i]);
                   n && word(i + 1) == "days" && word(i + 2) == "ago" && *n <= 31) {
            add(i, i + 2, add_days(pub, -*n), add_days(pub, -*n), "day");
            i += 2;
        }
    }
    return out;
}

}  // namespace frontline
