// The rule system that turns sentences into control-change events. Per sentence:
//   1. triggers (action phrases) and actors are found in the folded text;
//   2. each trigger takes its objects (place mentions in its clause, minus locators such as
//      "villages in Aleppo" or "the highway linking Aleppo to Damascus") and its actor (the
//      subject before it, or the agent after a passive "fell to" / "under the control of");
//   3. negated, modal ("promised to", "will", questions) and historical ("previously",
//      "eight years ago", a year before the article's) triggers yield nothing;
//   4. the status comes from who says it: the outlet (confirmed), the side that lost
//      (confirmed: a concession), the side that gained or a third party (claimed), a denial;
//   5. the date is the nearest date expression in the sentence, else the publication date.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "events/actors.hpp"
#include "events/dates.hpp"
#include "events/event.hpp"
#include "events/lexicon.hpp"
#include "gazetteer/normalize.hpp"
#include "geo/geodesy.hpp"
#include "text/sentences.hpp"

namespace frontline {

namespace {

// "<a place> of <a town>" names where the place lies when the place is this close to the town.
constexpr double kInsideTownKm = 20.0;

bool contains_word_list(std::string_view w, const std::vector<std::string>& list) {
    for (const auto& x : list) {
        if (w == x) return true;
    }
    return false;
}

bool contains_any_substring(std::string_view s, const std::vector<std::string>& parts) {
    return std::any_of(parts.begin(), parts.end(),
                       [&](const std::string& p) { return s.find(p) != std::string_view::npos; });
}

bool contains_word(std::string_view s, std::string_view w) {
    return find_word(s, w) != std::string_view::npos;
}

bool contains_any(std::string_view s, const std::vector<std::string>& words) {
    for (const auto& w : words) {
        if (contains_word(s, w)) return true;
    }
    return false;
}

// A failure cue ("but were repelled") in the text after a trigger, unless a place preposition
// follows it ("but were repelled from Y": the failure is Y's, not the trigger's objects').
bool failed_after(std::string_view after) {
    for (const auto& f : lexicon().failure) {
        for (auto at = find_word(after, f); at != std::string_view::npos;
             at = find_word(after, f, at + 1)) {
            std::string_view rest = after.substr(at + f.size());
            while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
            const auto next = rest.substr(0, rest.find_first_of(" ,.;"));
            if (next != "from" && next != "at" && next != "in" && next != "near" &&
                next != "outside" && next != "on")
                return true;
        }
    }
    return false;
}

struct TriggerHit {
    std::size_t start = 0;
    std::size_t end = 0;
    const TriggerDef* def = nullptr;
    std::optional<std::size_t> actor_inside;  // index into actors: "under rebel control"
    bool of_agent = false;                    // "under the control of <actor>"
};

const TriggerDef kUnderControl{"under ... control", "capture", Shape::under_control};

// The side right after an expulsion verb ending at `end`, followed by "from" or "out of"
// ("drove government troops from"): its actor index (the last of adjacent phrases,
// "government troops") and the length of " from " / " out of "; {0, 0} when none.
std::pair<std::size_t, std::size_t> expelled_side(std::string_view s,
                                                  const std::vector<ActorHit>& actors,
                                                  std::size_t end) {
    auto h = std::partition_point(actors.begin(), actors.end(),
                                  [&](const ActorHit& a) { return a.start < end; });
    if (h == actors.end() || h->start > end + 12 || h->info->role != ActorRole::controller)
        return {0, 0};
    while (std::next(h) != actors.end() && std::next(h)->start == h->end + 1) ++h;
    const std::string_view rest = s.substr(h->end);
    const std::size_t skip = rest.starts_with(" from ") ? 6 : rest.starts_with(" out of ") ? 8 : 0;
    return {static_cast<std::size_t>(h - actors.begin()), skip};
}

// Whether `gap` is a list of participles and nothing else (", looted and torched").
bool participles_only(std::string_view gap) {
    bool any = false;
    std::size_t i = 0;
    while (i < gap.size()) {
        if (gap[i] == ' ' || gap[i] == ',') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < gap.size() && std::isalpha(static_cast<unsigned char>(gap[j]))) ++j;
        const std::string_view w = gap.substr(i, j - i);
        if (w.empty()) return false;
        if (w != "and" && w != "or") {
            // ("then shelled by": not "then", "when", "seven".)
            if (!(w.ends_with("ed") && w.size() >= 5) &&
                !one_of(w, {"taken", "retaken", "overrun", "driven", "beaten"}))
                return false;
            any = true;
        }
        i = j;
    }
    return any;
}

// Whether an actor follows a " to " within the clause that goes on from `from`.
bool side_after_to(std::string_view s, const std::vector<ActorHit>& actors, std::size_t from) {
    const std::size_t end = std::min(s.find_first_of(".;", from), from + 120);
    for (auto to = s.find(" to ", from); to < end; to = s.find(" to ", to + 1)) {
        auto h = std::partition_point(actors.begin(), actors.end(),
                                      [&](const ActorHit& a) { return a.start < to + 4; });
        if (h != actors.end() && h->start < to + 16) return true;
    }
    return false;
}

std::vector<TriggerHit> find_triggers(std::string_view s, const std::vector<ActorHit>& actors) {
    std::vector<TriggerHit> all;
    for (const auto& t : lexicon().triggers) {
        for (auto at = find_word(s, t.phrase); at != std::string_view::npos;
             at = find_word(s, t.phrase, at + 1)) {
            // "the fall of X" is a change only with its winner, "to <actor>", in the clause;
            // else it is no trigger ("key cities were captured, culminating in the fall of
            // Damascus": the capture's object).
            if (t.to_agent && !side_after_to(s, actors, at + t.phrase.size())) continue;
            // "drove government troops from": else no trigger ("after expelling the
            // terrorists, most notably A and B" leaves A and B to the verb before).
            if (t.expel && !expelled_side(s, actors, at + t.phrase.size()).second) continue;
            all.push_back({at, at + t.phrase.size(), &t, std::nullopt, false});
        }
    }
    // "under (the) (full) <actor>? control (of <actor>)?"
    for (auto at = find_word(s, "under"); at != std::string_view::npos;
         at = find_word(s, "under", at + 1)) {
        // Only a "control" within 40 characters counts: look no further (one character past
        // it, which tells a whole word).
        auto c = find_word(s.substr(0, std::min(s.size(), at + 48)), "control", at);
        if (c == std::string_view::npos || c - at > 40) continue;
        std::string_view between = s.substr(at + 5, c - at - 5);
        if (between.find_first_of(",.;") != std::string_view::npos) continue;
        TriggerHit h{at, c + 7, &kUnderControl, std::nullopt, false};
        // The last actor inside (actors are in text order and do not overlap).
        auto in = std::partition_point(actors.begin(), actors.end(),
                                       [&](const ActorHit& a) { return a.end <= c; });
        if (in != actors.begin() && (in - 1)->start >= at)
            h.actor_inside = static_cast<std::size_t>(in - actors.begin()) - 1;
        if (s.substr(h.end).starts_with(" of ")) {
            h.of_agent = true;
            h.end += 3;
        }
        all.push_back(h);
    }
    std::sort(all.begin(), all.end(), [](const TriggerHit& a, const TriggerHit& b) {
        if (a.start != b.start) return a.start < b.start;
        return a.end > b.end;
    });
    std::vector<TriggerHit> out;
    for (const auto& h : all) {
        if (!out.empty() && h.start < out.back().end) continue;
        out.push_back(h);
    }
    return out;
}

// Every occurrence of `w` in `s` (overlapping ones too), in order.
std::vector<std::size_t> occurrences(std::string_view s, std::string_view w) {
    std::vector<std::size_t> out;
    if (w.empty()) return out;
    for (auto at = s.find(w); at != std::string_view::npos; at = s.find(w, at + 1))
        out.push_back(at);
    return out;
}

// The first occurrence in `at` (sorted) at or after `from`, or npos.
std::size_t first_from(const std::vector<std::size_t>& at, std::size_t from) {
    auto it = std::lower_bound(at.begin(), at.end(), from);
    return it == at.end() ? std::string_view::npos : *it;
}

// Whether one of the occurrences `at` (sorted) of a `len`-byte phrase lies within [a, b).
bool occurs_in(const std::vector<std::size_t>& at, std::size_t len, std::size_t a, std::size_t b) {
    auto it = std::lower_bound(at.begin(), at.end(), a);
    return it != at.end() && *it + len <= b;
}

bool word_char(char c) {  // as find_word's
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80;
}

// Whether `w` occurs at `p` as find_word would find it in s[a, b) (the window's edges count as
// word edges).
bool word_at(std::string_view s, std::string_view w, std::size_t p, std::size_t a, std::size_t b) {
    if (p < a || p + w.size() > b || s.compare(p, w.size(), w) != 0) return false;
    const bool left = p == a || !word_char(s[p - 1]) || !word_char(w.front());
    const bool right = p + w.size() == b || !word_char(s[p + w.size()]) || !word_char(w.back());
    return left && right;
}

// The occurrences of `w` in `s` that are whole words in all of `s`: those count in any window
// around them; any other can count only at a window's edge (word_in()).
std::vector<std::size_t> whole_words(std::string_view s, std::string_view w) {
    std::vector<std::size_t> out;
    for (auto at : occurrences(s, w)) {
        if (word_at(s, w, at, 0, s.size())) out.push_back(at);
    }
    return out;
}

// Where the cue phrases a trigger's clause is measured by occur in one folded sentence, found
// once per sentence: each trigger then binary-searches them instead of scanning the rest of
// the sentence, which made one long sentence with thousands of triggers quadratic (a 160 KB
// list of places took 22 s).
struct SentenceIndex {
    static constexpr std::array<std::string_view, 4> kRelative = {" which ", " who ", ";",
                                                                  " that "};
    std::vector<std::vector<std::size_t>> boundary;       // per lexicon().boundary entry
    std::vector<std::vector<std::size_t>> back_boundary;  // per lexicon().back_boundary entry
    std::vector<std::vector<std::size_t>> relative;       // kRelative
    std::vector<std::vector<std::size_t>> historic;       // whole words, per lexicon().historic
    std::vector<std::vector<std::size_t>> list_intro, line_noun, container_noun,
        locator_span;                             // whole words
    std::vector<std::size_t> by, stop, stop_tag;  // " by ", ". ", ".<"
    std::vector<std::size_t> past_years;  // a year before the article's, no digit either side
    SentenceIndex(std::string_view s, int pub_year) {
        for (const auto& b : lexicon().boundary) boundary.push_back(occurrences(s, b));
        for (const auto& b : lexicon().back_boundary) {
            auto occ = occurrences(s, b);
            // "Rastan is said to have fallen": a passive report is a hedge inside the clause,
            // not the start of a reported one.
            std::erase_if(occ, [&](std::size_t at) {
                const std::string_view before = s.substr(0, at);
                return s.substr(at + b.size()).starts_with("to ") &&
                       (before.ends_with(" is") || before.ends_with(" are") ||
                        before.ends_with(" was") || before.ends_with(" were") ||
                        before.ends_with(" been"));
            });
            back_boundary.push_back(std::move(occ));
        }
        for (std::string_view b : kRelative) relative.push_back(occurrences(s, b));
        for (const auto& h : lexicon().historic) historic.push_back(whole_words(s, h));
        for (const auto& w : lexicon().list_intro) list_intro.push_back(whole_words(s, w));
        for (const auto& w : lexicon().line_noun) line_noun.push_back(whole_words(s, w));
        for (const auto& w : lexicon().container_noun) container_noun.push_back(whole_words(s, w));
        for (const auto& w : lexicon().locator_span) locator_span.push_back(whole_words(s, w));
        by = occurrences(s, " by ");
        stop = occurrences(s, ". ");
        stop_tag = occurrences(s, ".<");
        for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
            if ((i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))) &&
                past_year_at(s, i, 0, s.size(), pub_year) && !attributive_year(s, i))
                past_years.push_back(i);
        }
    }
    // "the 2011 uprising", "the March 2020 ceasefire": a year that names a thing, not when
    // the report's change happened.
    static bool attributive_year(std::string_view s, std::size_t i) {
        if (i + 6 > s.size() || s[i + 4] != ' ' ||
            !std::isalpha(static_cast<unsigned char>(s[i + 5])))
            return false;
        std::string_view before = s.substr(0, i);
        while (before.ends_with(' ')) before.remove_suffix(1);
        auto last_word = [](std::string_view t) {
            std::size_t b = t.size();
            while (b > 0 && std::isalpha(static_cast<unsigned char>(t[b - 1]))) --b;
            return t.substr(b);
        };
        std::string_view w = last_word(before);
        if (w == "the") return true;
        if (!month_of(std::string(w))) return false;
        before.remove_suffix(w.size());
        while (before.ends_with(' ')) before.remove_suffix(1);
        return last_word(before) == "the";
    }
    // A year before `pub_year` at `i`, four digits with no digit beside them in s[a, b).
    static bool past_year_at(std::string_view s, std::size_t i, std::size_t a, std::size_t b,
                             int pub_year) {
        auto digit = [&](std::size_t k) { return std::isdigit(static_cast<unsigned char>(s[k])); };
        if (i < a || i + 4 > b) return false;
        if (i > a && digit(i - 1)) return false;
        if (i + 4 < b && digit(i + 4)) return false;
        if (!(digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3))) return false;
        const int y =
            (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
        if (y < 1900 || y >= pub_year) return false;
        // "retook Saraqib for the first time since 2020": the year measures the change.
        std::string_view before = s.substr(0, i);
        while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
        for (const auto& r : lexicon().year_not_history) {
            if (before.ends_with(r) &&
                (before.size() == r.size() || before[before.size() - r.size() - 1] == ' '))
                return false;
        }
        return true;
    }
};

// A year before the publication year in s[a, b) ("since 2016", "in 2020": the clause is
// history): a run of four digits no digit touches inside the window, from the index (a year
// standing alone in s) or at the window's edges (cut there from its neighbouring digits).
bool past_year_in(std::string_view s, const SentenceIndex& ix, std::size_t a, std::size_t b,
                  int pub_year) {
    if (b < a + 4) return false;
    auto it = std::lower_bound(ix.past_years.begin(), ix.past_years.end(), a);
    if (it != ix.past_years.end() && *it + 4 <= b) return true;
    return SentenceIndex::past_year_at(s, a, a, b, pub_year) ||
           SentenceIndex::past_year_at(s, b - 4, a, b, pub_year);
}

// The appositive right after a place that ends at `end`, as [start, stop): "Daraa, the
// birthplace of the 2011 uprising," or "Daraa – the cradle of a 2011 revolt –", up to the
// comma or dash that closes it (else the sentence's end); {0, 0} when none follows.
std::pair<std::size_t, std::size_t> appositive_after(std::string_view s, std::size_t end) {
    std::string_view rest = s.substr(end);
    std::size_t open = 0;
    for (std::string_view p : {", ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
        if (rest.starts_with(p)) open = p.size();
    }
    if (!open) return {0, 0};
    rest.remove_prefix(open);
    // (Also a relative clause on the place: "Qusayr, where Hezbollah used to keep bases,".)
    const bool relative = open == 2 && (rest.starts_with("where ") || rest.starts_with("which ") ||
                                        rest.starts_with("whose "));
    // (Or a possessive: "Aleppo, Syria's largest city,".)
    const std::string_view first = rest.substr(0, rest.find(' '));
    if (!(rest.starts_with("the ") || rest.starts_with("a ") || rest.starts_with("an ") ||
          relative || (first.size() > 2 && first.ends_with("'s"))))
        return {0, 0};
    // (Read at most 200 bytes on: a long list of places costs nothing.)
    const std::string_view window = s.substr(0, std::min(s.size(), end + open + 200));
    std::size_t stop = window.size();
    for (std::string_view p : {",", " - ", " \xE2\x80\x93", " \xE2\x80\x94", ";"}) {
        if (auto at = window.find(p, end + open); at != std::string_view::npos)
            stop = std::min(stop, at);
    }
    return {end, stop};
}

// Spans [start, stop) of a sentence: the appositives that describe a place.
using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

// Whether [at, at + len) lies inside one of `spans`.
bool in_any(const Spans& spans, std::size_t at, std::size_t len) {
    return std::any_of(spans.begin(), spans.end(),
                       [&](const auto& sp) { return at >= sp.first && at + len <= sp.second; });
}

// past_year_in() without the years inside the given spans (appositives that describe a
// place: "seized Daraa, the birthplace of the 2011 uprising" is no history).
bool past_year_outside(std::string_view s, const SentenceIndex& ix, std::size_t a, std::size_t b,
                       int pub_year, const Spans& spans) {
    if (spans.empty()) return past_year_in(s, ix, a, b, pub_year);
    auto inside = [&](std::size_t i) { return in_any(spans, i, 4); };
    for (auto it = std::lower_bound(ix.past_years.begin(), ix.past_years.end(), a);
         it != ix.past_years.end() && *it + 4 <= b; ++it) {
        if (!inside(*it)) return true;
    }
    if (b < a + 4) return false;
    return (!inside(a) && SentenceIndex::past_year_at(s, a, a, b, pub_year)) ||
           (!inside(b - 4) && SentenceIndex::past_year_at(s, b - 4, a, b, pub_year));
}

// contains_word(s.substr(a, b - a), w), where `whole` = whole_words(s, w).
bool word_in(std::string_view s, const std::vector<std::size_t>& whole, std::string_view w,
             std::size_t a, std::size_t b) {
    if (b < a + w.size()) return false;
    auto it = std::lower_bound(whole.begin(), whole.end(), a);
    if (it != whole.end() && *it + w.size() <= b) return true;
    return word_at(s, w, a, a, b) || word_at(s, w, b - w.size(), a, b);
}

// word_in() without the occurrences that start inside the given spans ("Qusayr, where
// Hezbollah used to keep bases, was seized": the cue is the place's); with spans, only the
// occurrences whole in s count.
bool word_in_outside(std::string_view s, const std::vector<std::size_t>& whole, std::string_view w,
                     std::size_t a, std::size_t b, const Spans& spans) {
    if (spans.empty()) return word_in(s, whole, w, a, b);
    for (auto it = std::lower_bound(whole.begin(), whole.end(), a);
         it != whole.end() && *it + w.size() <= b; ++it) {
        if (!in_any(spans, *it, 1)) return true;
    }
    return false;
}

// The last place find_word(s.substr(a, b - a), w) finds (at any start), as an offset in s;
// npos if none. Occurrences whole in s count anywhere in the window, others only at its edges.
std::size_t last_word_in(std::string_view s, const std::vector<std::size_t>& whole,
                         std::string_view w, std::size_t a, std::size_t b) {
    if (b < a + w.size()) return std::string_view::npos;
    if (word_at(s, w, b - w.size(), a, b)) return b - w.size();
    auto it = std::upper_bound(whole.begin(), whole.end(), b - w.size());
    if (it != whole.begin() && *(it - 1) >= a) return *(it - 1);
    return word_at(s, w, a, a, b) ? a : std::string_view::npos;
}

// find_word(s.substr(a, b - a), w, from - a) as an offset in s (npos if none).
std::size_t first_word_in(std::string_view s, const std::vector<std::size_t>& whole,
                          std::string_view w, std::size_t a, std::size_t b, std::size_t from) {
    if (b < a + w.size() || from + w.size() > b) return std::string_view::npos;
    if (from == a && word_at(s, w, a, a, b)) return a;
    auto it = std::lower_bound(whole.begin(), whole.end(), from);
    if (it != whole.end() && *it + w.size() <= b) return *it;
    return word_at(s, w, b - w.size(), a, b) ? b - w.size() : std::string_view::npos;
}

std::size_t clause_end(std::string_view s, const SentenceIndex& ix, std::size_t from,
                       std::size_t limit) {
    std::size_t end = std::min(limit, s.size());
    // A boundary inside a list opener ("such as the" holds "as the") opens no clause.
    // Nor does one inside an alias ("also known as the").
    auto in_list_intro = [&](std::size_t at, std::size_t len) {
        for (const auto* phrases : {&lexicon().list_intro, &lexicon().alias_intro}) {
            for (const auto& l : *phrases) {
                std::size_t lo = at + len > l.size() + 8 ? at + len - l.size() - 8 : 0;
                // Only openers starting by at + len matter: the search stops one character
                // past the last of them (the character that tells a whole word).
                std::string_view near = s.substr(0, std::min(s.size(), at + len + l.size() + 1));
                for (auto i = find_word(near, l, lo); i != std::string_view::npos && i <= at + len;
                     i = find_word(near, l, i + 1)) {
                    if (i < at + len && i + l.size() > at) return true;
                }
            }
        }
        return false;
    };
    for (std::size_t k = 0; k < lexicon().boundary.size(); ++k) {
        const auto& b = lexicon().boundary[k];
        const auto& occ = ix.boundary[k];
        // "after expelling the army, most notably X": a participle adjunct, not a clause.
        auto adjunct = [&](std::size_t at_) {
            if (b != " after ") return false;
            std::size_t w = at_ + b.size(), e = w;
            while (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e]))) ++e;
            return s.substr(w, e - w).ends_with("ing");
        };
        auto it = std::lower_bound(occ.begin(), occ.end(), from);
        while (it != occ.end() && *it < end && (in_list_intro(*it, b.size()) || adjunct(*it))) ++it;
        if (it != occ.end() && *it < end) end = *it;
    }
    return end;
}

std::size_t clause_start(const SentenceIndex& ix, std::size_t before) {
    std::size_t start = 0;
    for (std::size_t k = 0; k < lexicon().back_boundary.size(); ++k) {
        const auto& occ = ix.back_boundary[k];
        // The last occurrence starting at or before `before` (as rfind), if it ends by then.
        auto it = std::upper_bound(occ.begin(), occ.end(), before);
        if (it == occ.begin()) continue;
        const std::size_t at = *(it - 1), len = lexicon().back_boundary[k].size();
        if (at + len <= before) start = std::max(start, at + len);
    }
    return start;
}

// The end of "the city" at `at` (" the city", " the eastern Syrian city": at most two words
// between), else npos.
std::size_t the_city_end(std::string_view s, std::size_t at, std::string_view* head = nullptr) {
    // (Also a demonstrative: "they've taken that city back".)
    std::size_t p;
    if (s.substr(at).starts_with(" the "))
        p = at + 4;
    else if (s.substr(at).starts_with(" that ") || s.substr(at).starts_with(" this "))
        p = at + 5;
    else
        return std::string_view::npos;
    std::string_view prev;
    for (int k = 0; k < 3; ++k) {
        std::size_t b = p + 1, e = b;
        while (e < s.size() && (std::isalpha(static_cast<unsigned char>(s[e])) || s[e] == '-')) ++e;
        if (e == b || (e < s.size() && s[e] != ' ' && s[e] != ',' && s[e] != '.' && s[e] != '\''))
            return std::string_view::npos;
        std::string_view w = s.substr(b, e - b);
        // "the capital", "the provincial capital", "the provincial centre".
        if (w == "city" || w == "capital" ||
            (prev == "provincial" && (w == "center" || w == "centre"))) {
            if (head) *head = prev == "provincial" ? "provincial" : w;
            return e;
        }
        prev = w;
        if (w == "of" || w == "and" || w == "cities" || (e < s.size() && s[e] != ' '))
            return std::string_view::npos;
        p = e;
    }
    return std::string_view::npos;
}

// The article's mention of the city whose name, folded, is `key` ("damascus"), else null.
std::string city_key(std::string_view name) {
    std::string k;
    for (char c : name) k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (k.ends_with(" governorate")) k.resize(k.size() - 12);
    for (std::string_view a : {"al-", "as-", "ar-", "ad-", "ash-", "el-"}) {
        if (k.starts_with(a)) k.erase(0, a.size());
    }
    return k;
}
const Mention* named_city(const std::vector<Mention>& mentions, std::string_view key) {
    for (const auto& m : mentions) {
        if (m.kind == "city" && !m.foreign && city_key(m.place_name) == key) return &m;
    }
    return nullptr;
}
// The article's mention of the capital of governorate `g` (named after it: "Homs
// Governorate", "Homs"), else null: a province named last means its capital.
const Mention* capital_named(const std::vector<Mention>& mentions, const Mention& g) {
    return named_city(mentions, city_key(g.place_name));
}

// The event's place: the mention's, with no coordinates for an unlocated one.
void set_place(Event& e, const Mention& m) {
    e.place_id = m.place_id;
    e.place_name = m.place_name;
    e.place_kind = m.kind;
    e.lat = m.lat;
    e.lon = m.lon;
    e.geo_precision = m.kind == "road" ? 2 : 1;
    e.located = m.located;
    if (!e.located) e.geo_precision = 0, e.lat = 0, e.lon = 0;
    e.time_precision = time_precision_of(e);
}

// A sentence, not a heading: it ends with a full stop, a question or exclamation mark, or a
// closing quote after one.
bool sentence_ends(std::string_view raw) {
    while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.back())))
        raw.remove_suffix(1);
    while (!raw.empty() && (raw.back() == '"' || raw.back() == '\'' || raw.back() == ')' ||
                            static_cast<unsigned char>(raw.back()) >= 0x80)) {
        // Closing quotes (ASCII or a UTF-8 sequence) and brackets.
        raw.remove_suffix(1);
    }
    return !raw.empty() && (raw.back() == '.' || raw.back() == '!' || raw.back() == '?');
}

// The word at or after `pos` (skipping spaces and punctuation).
std::string_view word_after(std::string_view s, std::size_t pos) {
    auto alnum = [&](std::size_t i) {
        return std::isalnum(static_cast<unsigned char>(s[i])) ||
               static_cast<unsigned char>(s[i]) >= 0x80;
    };
    std::size_t b = pos;
    while (b < s.size() && !alnum(b)) ++b;
    std::size_t e = b;
    while (e < s.size() && alnum(e)) ++e;
    return s.substr(b, e - b);
}

// The last word before `pos` (skipping "the", "a", punctuation).
std::string_view word_before(std::string_view s, std::size_t pos) {
    while (true) {
        std::size_t e = pos;
        while (e > 0 && !std::isalnum(static_cast<unsigned char>(s[e - 1])) &&
               static_cast<unsigned char>(s[e - 1]) < 0x80) {
            --e;
        }
        std::size_t b = e;
        while (b > 0 && (std::isalnum(static_cast<unsigned char>(s[b - 1])) ||
                         static_cast<unsigned char>(s[b - 1]) >= 0x80)) {
            --b;
        }
        std::string_view w = s.substr(b, e - b);
        if ((w == "the" || w == "a" || w == "an") && b > 0) {
            pos = b;
            continue;
        }
        return w;
    }
}

// Only list glue between two mentions: ", ", " and ", " or ", " as well as ", "the".
bool list_glue(std::string_view gap) {
    std::string rest;
    for (char c : gap) {
        if (c != ',' && c != ' ') rest += c;
    }
    for (std::string_view w : {"aswellas", "and", "or", "the"}) {
        if (rest == w) return true;
    }
    return rest.empty();
}

// A passive auxiliary right before the participle at `at` ("was seized", "has been quickly
// handed over"), not one of an earlier clause (the clause begins at `back`).
bool passive_aux_before(std::string_view s, std::size_t back, std::size_t at) {
    const std::size_t from = std::max(back, at > 20 ? at - 20 : 0);
    return contains_any(s.substr(from, at - from), lexicon().passive_aux);
}

// `name` ends with the lower-case word(s) `w`, after a space, whatever the case of `name`.
bool ends_with_word(std::string_view name, std::string_view w) {
    if (name.size() <= w.size() || name[name.size() - w.size() - 1] != ' ') return false;
    const std::string_view tail = name.substr(name.size() - w.size());
    return std::equal(tail.begin(), tail.end(), w.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == b;
    });
}

// A possessive at `end` whose object is a part of the place ("Aleppo's eastern
// neighbourhoods", "the city's western suburbs"): cue kind possessed_part.
bool possessed_part_after(std::string_view s, std::size_t end) {
    std::size_t at;
    if (s.substr(end).starts_with("'s "))
        at = end + 3;
    else if (s.substr(end).starts_with("\xE2\x80\x99s "))
        at = end + 5;
    else
        return false;
    std::string_view owned = s.substr(at, std::min<std::size_t>(30, s.size() - at));
    owned = owned.substr(0, owned.find_first_of(",;.("));
    return contains_any_substring(owned, lexicon().possessed_part);
}

// The text after a name opens a passive ("Qusayr was seized"): the name is its subject.
bool passive_subject(std::string_view after) {
    for (std::string_view aux : {" was ", " were ", " has been ", " had been "}) {
        if (after.starts_with(aux)) return true;
    }
    return false;
}

// `s` ends with one of `phrases` (lower-case words) as whole words, whatever the case of `s`:
// "coming closer to" ends with "closer to".
bool ends_with_any_phrase(std::string_view s, const std::vector<std::string>& phrases) {
    // (Built by append: GCC 12's -Wrestrict misfires on " " + std::string(s) at -O3.)
    std::string padded(1, ' ');
    padded.append(s);
    std::string_view v = padded;
    for (const auto& p : phrases) {
        if (ends_with_word(v, p)) return true;
    }
    // "east of the town of X", "10 km from": a direction or distance before "of".
    if (!ends_with_word(v, "of")) return false;
    v.remove_suffix(3);
    for (const auto& p : phrases) {
        if (ends_with_word(v, p) && contains_word_list(p, lexicon().locator)) return true;
    }
    return false;
}

// The days a lead before "after" counts back ("..., a day", "two days"), else 0.
int days_count_before(std::string_view lead) {
    while (!lead.empty() && (lead.back() == ' ' || lead.back() == ',')) lead.remove_suffix(1);
    auto last = [&]() {
        const std::size_t sp = lead.rfind(' ');
        std::string_view w = sp == std::string_view::npos ? lead : lead.substr(sp + 1);
        lead = sp == std::string_view::npos ? std::string_view() : lead.substr(0, sp);
        return w;
    };
    const std::string_view unit = last();
    if (unit != "day" && unit != "days") return 0;
    const std::string_view n = last();
    static const std::vector<std::string> kCounts = {"a",    "two", "three", "four",
                                                     "five", "six", "seven"};
    for (std::size_t i = 0; i < kCounts.size(); ++i) {
        if (n == kCounts[i]) return static_cast<int>(i) + 1;
    }
    if (n == "one") return 1;
    if (n.size() == 1 && std::isdigit(static_cast<unsigned char>(n[0]))) return n[0] - '0';
    return 0;
}

// A place named as where something goes or lies ("evacuated toward Tabqa", "a town near
// Hama", "north of Hama"): not what "the town" in the next sentence stands for.
bool destination(std::string_view s, std::size_t at) {
    std::string_view w = word_before(s, at);
    if (w == "of" && w.data() > s.data())
        w = word_before(s, static_cast<std::size_t>(w.data() - s.data()));
    return contains_word_list(w, lexicon().destination);
}

// "since ..." right after a statement of who holds a place, in its clause (the holder may come
// between: "under the control of the SDF since 2016"), and not "for the first time since".
bool held_since(std::string_view s, std::size_t from) {
    std::size_t to = std::min(s.size(), from + 48);
    if (auto stop = s.find_first_of(",.;", from); stop != std::string_view::npos)
        to = std::min(to, stop);
    std::string_view after = s.substr(from, to - from);
    for (const auto& h : lexicon().held_since) {
        if (contains_word(after, h) && !contains_any(after, lexicon().year_not_history))
            return true;
    }
    return false;
}

struct Obj {
    const Mention* m = nullptr;
    std::size_t start = 0;  // folded offsets
    std::size_t end = 0;
};

// The singular definite anaphors of the lexicon and the place kinds each can stand for.
struct KindAnaphor {
    const std::vector<std::string>* phrases;
    std::set<std::string> kinds;
};
const std::vector<KindAnaphor>& kind_anaphors() {
    static const std::vector<KindAnaphor> k = {
        {&lexicon().airport_anaphor, {"airport", "airbase"}},
        {&lexicon().town_anaphor, {"town", "village"}},
    };
    return k;
}

bool eligible(const Mention& m) {
    if (m.foreign) return false;
    return m.kind != "country";
}

// The objects of a trigger among the mentions within [from, to) of the folded sentence.
// `own_prep` is the offset of the preposition the trigger itself consumes ("withdrawal ...
// from"), which does not make the mention after it a locator.
bool oblique(std::string_view s, const ActorHit& h);

// The objects of a reduced relative ("Shehba and Tel Rifaat, seized three days ago by"):
// the list of names right before the participle, with nothing but commas and adverbs
// between ("areas recently seized by" names no place).
std::vector<Obj> reduced_relative_objects(std::string_view s, const std::vector<Obj>& mentions,
                                          bool by_start, std::size_t from, std::size_t participle) {
    std::vector<Obj> out;
    std::size_t edge = participle;
    // Mentions in text order: none starting at or after the participle can end before it.
    std::size_t k = mentions.size();
    if (by_start) {
        k = static_cast<std::size_t>(
            std::partition_point(mentions.begin(), mentions.end(),
                                 [&](const Obj& o) { return o.start < participle; }) -
            mentions.begin());
    }
    while (k-- > 0) {
        const Obj& o = mentions[k];
        if (by_start && o.start < from) break;  // and so do all before it
        if (o.end > edge || o.start < from) continue;
        std::string_view gap = s.substr(o.end, edge - o.end);
        bool ok = true;
        if (edge == participle) {
            std::size_t i = 0;
            while (i < gap.size() && ok) {
                if (gap[i] == ' ' || gap[i] == ',') {
                    ++i;
                    continue;
                }
                std::size_t j = i;
                while (j < gap.size() && std::isalpha(static_cast<unsigned char>(gap[j]))) ++j;
                std::string_view w = gap.substr(i, j - i);
                ok = j > i && (w.ends_with("ly") || w == "now" || w == "already" || w == "just");
                i = j;
            }
        } else {
            ok = list_glue(gap);
        }
        if (!ok) break;
        if (eligible(*o.m)) out.insert(out.begin(), o);
        edge = o.start;
    }
    return out;
}

std::vector<Obj> objects_in(std::string_view s, const SentenceIndex& ix,
                            const std::vector<Obj>& mentions, bool by_start, std::size_t from,
                            std::size_t to, std::optional<std::size_t> own_prep,
                            const std::vector<ActorHit>* actors = nullptr) {
    std::vector<Obj> out;
    // Forward lists (`actors` given) end where another clause starts: a side named or an
    // intention between two items ("took X, opposition forces then shelled Y").
    std::size_t gap_from = from;
    auto gap_breaks = [&](std::size_t a, std::size_t b) {
        if (!actors || b <= a) return false;
        // (Actors are in text order: those starting in [a, b).)
        for (auto it = std::partition_point(actors->begin(), actors->end(),
                                            [&](const ActorHit& h) { return h.start < a; });
             it != actors->end() && it->start < b; ++it) {
            const auto& h = *it;
            if (h.end <= b && h.info->role != ActorRole::speaker && !oblique(s, h)) return true;
        }
        std::string_view gap = s.substr(a, b - a);
        return contains_any(gap, lexicon().modal) || contains_any(gap, lexicon().list_break);
    };
    bool prev_locator = false;
    std::size_t prev_end = from;
    const Mention* prev_m = nullptr;  // the mention before o, object or not
    bool line_seen = false;
    bool container_seen = false;
    // Mentions in text order (by_start): only those starting in [from, to] can lie inside.
    auto first = mentions.begin();
    auto last = mentions.end();
    if (by_start) {
        first = std::partition_point(mentions.begin(), mentions.end(),
                                     [&](const Obj& o) { return o.start < from; });
        last = std::partition_point(first, mentions.end(),
                                    [&](const Obj& o) { return o.start <= to; });
    }
    for (auto it = first; it != last; ++it) {
        const Obj& o = *it;
        if (o.start < from || o.end > to) continue;
        if (gap_breaks(gap_from, o.start)) break;
        gap_from = o.end;
        std::string_view before = s.substr(from, o.start - from);
        line_seen = false;  // set below from the text after the last list opener
        // "captured 50 villages in the eastern parts of Idlib": all after " in " is container,
        // until a list opens again ("sites in Aleppo, including X").
        // (The words of `before`, s[from, o.start), from the sentence's index: scanning it for
        // each mention made a long clause quadratic.)
        std::size_t intro = 0;  // offset in `before`
        for (std::size_t k = 0; k < lexicon().list_intro.size(); ++k) {
            const auto& l = lexicon().list_intro[k];
            auto at = last_word_in(s, ix.list_intro[k], l, from, o.start);
            if (at != std::string_view::npos) intro = std::max(intro, at + l.size() - from);
        }
        container_seen = false;
        // "villages along the M5 road, including X": X is listed, not a locator of the road.
        for (std::size_t k = 0; k < lexicon().line_noun.size() && !line_seen; ++k) {
            line_seen = word_in(s, ix.line_noun[k], lexicon().line_noun[k], from + intro, o.start);
        }
        // "Rastan, a town located along the M5", "the city, located between Aleppo and
        // Damascus": every place after such a word is where it lies, roads too.
        bool span_seen = false;
        for (std::size_t k = 0; k < lexicon().locator_span.size() && !span_seen; ++k) {
            span_seen =
                word_in(s, ix.locator_span[k], lexicon().locator_span[k], from + intro, o.start);
        }
        for (std::size_t k = 0; k < lexicon().container_noun.size(); ++k) {
            const auto& c = lexicon().container_noun[k];
            auto at = first_word_in(s, ix.container_noun[k], c, from, o.start, from + intro);
            if (at == std::string_view::npos) continue;
            // ("20 settlements on Wednesday in Hama province": a date between them.)
            std::string_view rest = before.substr(at - from + c.size());
            for (int k = 0; k < 3; ++k) {
                std::size_t skip = 0;
                for (std::string_view d : {" on ", " last ", " this ", " early ", " late "}) {
                    if (rest.starts_with(d)) skip = d.size() - 1;
                }
                for (std::string_view d : {" yesterday", " overnight", " today"}) {
                    if (rest.starts_with(d)) skip = d.size();
                }
                if (!skip) break;
                rest.remove_prefix(skip);
                if (!rest.starts_with(" ")) continue;
                // The word after "on"/"last": a weekday, a month, a day's number.
                std::size_t e = 1;
                while (e < rest.size() && std::isalnum(static_cast<unsigned char>(rest[e]))) ++e;
                rest.remove_prefix(e);
            }
            if (rest.starts_with(" in ")) container_seen = true;
        }
        if (container_seen) {
            prev_end = o.end;
            prev_locator = true;
            continue;
        }
        // "Sheikh Najjar, also known as the Aleppo Industrial City": the same place again.
        {
            std::string_view gap = s.substr(prev_end, o.start - prev_end);
            while (!gap.empty() && (gap.back() == ' ' || gap.back() == ',')) gap.remove_suffix(1);
            if (gap.ends_with(" the")) gap.remove_suffix(4);
            // Only right after the name: "a military base, known as Base 46" after a list item
            // names a new place.
            bool alias = false;
            for (const auto& a : lexicon().alias_intro) {
                if (!gap.ends_with(a) ||
                    (gap.size() > a.size() && gap[gap.size() - a.size() - 1] != ' '))
                    continue;
                std::string_view lead = gap.substr(0, gap.size() - a.size());
                while (!lead.empty() && (lead.front() == ' ' || lead.front() == ',' ||
                                         lead.front() == '(' || lead.back() == ' '))
                    lead = lead.front() == ' ' || lead.front() == ',' || lead.front() == '('
                               ? lead.substr(1)
                               : lead.substr(0, lead.size() - 1);
                alias = alias || lead.empty();
            }
            if (alias && prev_end > from) {
                prev_end = o.end;
                continue;
            }
        }
        bool locator = false;
        std::string_view w = word_before(s, o.start);
        std::size_t w_at = w.empty() ? 0 : static_cast<std::size_t>(w.data() - s.data());
        // "in southeastern Idlib", "in rural Hama": modifiers between locator and name.
        for (int k = 0; k < 2 && w_at > from && contains_word_list(w, lexicon().modifier); ++k) {
            w = word_before(s, w_at);
            w_at = w.empty() ? 0 : static_cast<std::size_t>(w.data() - s.data());
        }
        // "the Hama countryside", "Aleppo province" after a locator: a region, not an object.
        {
            std::string_view after = s.substr(o.end, std::min<std::size_t>(16, s.size() - o.end));
            for (const auto& r : lexicon().region_after) {
                bool whole = after.size() == r.size() ||
                             (after.size() > r.size() &&
                              !std::isalnum(static_cast<unsigned char>(after[r.size()])));
                if (after.starts_with(r) && whole && o.m->kind != "governorate") locator = true;
            }
        }
        // "a captured tank in X": X is where the thing is, not what was taken.
        bool is_own = own_prep && w_at == *own_prep;
        // ("and, further south, Hama": a comma after the word parts it from the name; a
        // locator governs its name directly.)
        // (After "further"/"farther" or "in (the)": not "villages to the north, Hama officials
        // said".)
        const std::string_view w_prev = w.empty() ? w : word_before(s, w_at);
        const bool comma_after_w = one_of(w, {"north", "south", "east", "west", "northeast",
                                              "northwest", "southeast", "southwest"}) &&
                                   one_of(w_prev, {"further", "farther", "in"}) &&
                                   s.substr(w_at + w.size(), o.start - w_at - w.size()).find(',') !=
                                       std::string_view::npos;
        if (!is_own && w_at >= from) {
            for (const auto& l : lexicon().locator) {
                if (w == l && !comma_after_w) locator = true;
            }
            // "broke through the defence lines in A and B": the places the lines defend.
            if (locator && w_at > from &&
                contains_word_list(word_before(s, w_at), lexicon().defence_noun))
                locator = false;
            // "towns of Aleppo": a city or larger after a container noun is a container;
            // "the western countryside of Hama": a region around the place.
            if (w == "of") {
                std::string_view w2 = word_before(s, w_at);
                // "a town on the outskirts of Aleppo": where the town lies; "entered the
                // outskirts of Aleppo" is partial control of Aleppo.
                if (contains_word_list(w2, lexicon().destination) && w2.data() > s.data() + from) {
                    const std::string_view w3 =
                        word_before(s, static_cast<std::size_t>(w2.data() - s.data()));
                    if (contains_word_list(w3, lexicon().locator) && w3 != "into" &&
                        w3.data() >= s.data() + from &&
                        !(own_prep && *own_prep == static_cast<std::size_t>(w3.data() - s.data())))
                        locator = true;
                }
                // "the historic citadel of Aleppo", "the Nayrab airbase of Aleppo": the town
                // the place just named lies in.
                if (prev_m && prev_m->located && o.m->located &&
                    prev_m->place_id != o.m->place_id &&
                    (o.m->kind == "city" || o.m->kind == "town") &&
                    s.substr(prev_end, o.start - prev_end) == " of " &&
                    distance_km(prev_m->lat, prev_m->lon, o.m->lat, o.m->lon) <= kInsideTownKm)
                    locator = true;
                if (o.m->kind == "city" && contains_word_list(w2, lexicon().counted_noun))
                    locator = true;
                if (contains_word_list(w2, lexicon().region_noun)) locator = true;
                // "south of Idlib", "80 km south-east of Aleppo".
                if (contains_word_list(w2, lexicon().locator)) locator = true;
                // "near the central city of Hama": a place word of `destination` before the
                // noun phrase that names the place ("captured the town of X" names X itself;
                // "in addition to the town of X" too).
                const std::size_t noun = static_cast<std::size_t>(w2.data() - s.data());
                std::size_t art = std::string_view::npos;
                for (std::string_view a : {" the ", " a "}) {
                    auto at = s.rfind(a, noun);
                    if (at != std::string_view::npos && at >= from && noun - at <= 30 &&
                        (art == std::string_view::npos || at > art))
                        art = at;
                }
                if (art != std::string_view::npos && art > from &&
                    ends_with_any_phrase(s.substr(from, art - from), lexicon().destination))
                    locator = true;
            }
        }
        // "took Aleppo's historic landmarks, including the citadel": the landmarks are taken,
        // Aleppo owns them; "Aleppo's eastern neighbourhoods" is part of Aleppo (partial).
        if (!locator &&
            (s.substr(o.end).starts_with("'s ") || s.substr(o.end).starts_with("\xE2\x80\x99s ")) &&
            !possessed_part_after(s, o.end))
            locator = true;
        // (Not the subject of a passive after "and": "retreated to Lebanon and Qusayr was
        // seized".)
        if (prev_locator && list_glue(s.substr(prev_end, o.start - prev_end)) &&
            !passive_subject(s.substr(o.end)))
            locator = true;
        if (line_seen && o.m->kind != "road") locator = true;
        if (span_seen) locator = true;
        prev_locator = locator;
        prev_end = o.end;
        prev_m = o.m;
        if (!locator && eligible(*o.m)) out.push_back(o);
    }
    return out;
}

bool is_partial(std::string_view s, const Obj& o, std::size_t scope_start) {
    // (60 characters: "much of the country's second-largest city Aleppo".)
    std::size_t b = std::max(scope_start, o.start > 60 ? o.start - 60 : 0);
    if (b < o.start) {
        std::string_view pre = s.substr(b, o.start - b);
        // "control the areas of New Aleppo, the 3000 apartment project": the cue is the
        // first item's, not the next ones'.
        if (auto comma = pre.rfind(", "); comma != std::string_view::npos)
            pre = pre.substr(comma + 2);
        // "the 'majority' of Aleppo": quotation marks do not part the cue.
        // (Copied only when there is a mark to drop.)
        std::string bare;
        std::string_view text = pre;
        if (pre.find_first_of("'\"\xE2") != std::string_view::npos) {
            for (std::size_t i = 0; i < pre.size(); ++i) {
                if (pre[i] == '\'' || pre[i] == '"') continue;
                if (pre.substr(i, 3) == "\xE2\x80\x98" || pre.substr(i, 3) == "\xE2\x80\x99" ||
                    pre.substr(i, 3) == "\xE2\x80\x9C" || pre.substr(i, 3) == "\xE2\x80\x9D") {
                    i += 2;
                    continue;
                }
                bare.push_back(pre[i]);
            }
            text = bare;
        }
        for (const auto& p : lexicon().partial_before) {
            if (text.find(p) == std::string_view::npos) continue;
            // "the districts of Rastan and Talbiseh" (Turkish wires) are the towns; only a
            // city has districts that are parts of it.
            if ((p == "districts of" || p == "district of") && o.m->kind != "city") continue;
            return true;
        }
    }
    // "Aleppo neighbourhoods" is part of a city; "the Hamdaniyah neighbourhood" is the place.
    if (o.m->kind != "city" && o.m->kind != "town") return false;
    {
        std::string_view w = word_before(s, o.start);
        if (w == "and" || (o.start >= 2 && s.substr(o.start - 2, 2) == ", ")) return false;
    }
    // ("Aleppo city centre": the name may end with the "city" of "city centre".)
    std::size_t from = o.end;
    if (from >= o.start + 5 && s.substr(from - 5, 5) == " city") from -= 4;
    std::string_view post = s.substr(from, std::min<std::size_t>(24, s.size() - from));
    for (const auto& p : lexicon().partial_after) {
        if (post.find(p) != std::string_view::npos) return true;
    }
    return false;
}

struct Resolved {
    const ActorInfo* info = nullptr;
};

// An actor in an oblique slot ("opposing the regime", "backed by Turkey", "against the
// army") is not a clause's subject.
bool oblique(std::string_view s, const ActorHit& h) {
    // "taking government-held parts of Idlib": a compound adjective, no actor's slot.
    for (std::string_view a : {"-held", "-controlled", "-run"}) {
        if (s.substr(h.end).starts_with(a)) return true;
    }
    std::string_view w = word_before(s, h.start);
    // "a setback to President Bashar al-Assad's regime": the slot of the possessor's phrase.
    if (w == "s" && w.data() > s.data() + 1 && w.data()[-1] == '\'') {
        std::size_t at = static_cast<std::size_t>(w.data() - s.data()) - 1;
        for (int k = 0; k < 6; ++k) {  // (title, names, particles)
            const std::string_view v = word_before(s, at);
            if (v.empty() || s.substr(static_cast<std::size_t>(v.data() - s.data()),
                                      at - static_cast<std::size_t>(v.data() - s.data()))
                                     .find_first_of(",;:.") != std::string_view::npos)
                break;
            if (contains_word_list(v, lexicon().oblique)) {
                w = v;
                break;
            }
            at = static_cast<std::size_t>(v.data() - s.data());
        }
    }
    // "killed 50 government forces": a count between the verb and the actor.
    static const std::vector<std::string> kCounts = {"two", "three",  "four",    "five",
                                                     "six", "seven",  "eight",   "nine",
                                                     "ten", "dozens", "hundreds"};
    if (!w.empty() &&
        (std::isdigit(static_cast<unsigned char>(w.front())) || contains_word_list(w, kCounts)))
        w = word_before(s, static_cast<std::size_t>(w.data() - s.data()));
    // In the same clause: "After soldiers were killed, rebels ..." does not reach back.
    if (w.empty() || s.substr(0, h.start)
                             .substr(static_cast<std::size_t>(w.data() - s.data()))
                             .find_first_of(",;:.") != std::string_view::npos)
        return false;
    // "backed by local fighters": one adjective between the oblique word and the actor.
    if (!w.empty() && !contains_word_list(w, lexicon().oblique) &&
        std::all_of(w.begin(), w.end(),
                    [](char c) { return std::islower(static_cast<unsigned char>(c)); }) &&
        !w.ends_with("ed") && !w.ends_with("ing") && !w.ends_with("s") &&
        !one_of(w, {"some", "many", "several", "other", "most", "all", "both", "few", "its",
                    "their", "his", "her", "our"})) {
        const std::string_view w2 = word_before(s, static_cast<std::size_t>(w.data() - s.data()));
        if ((w2 == "by" || w2 == "against" || w2 == "with") &&
            s.substr(static_cast<std::size_t>(w2.data() - s.data()),
                     h.start - static_cast<std::size_t>(w2.data() - s.data()))
                    .find_first_of(",;:.") == std::string_view::npos)
            return true;
    }
    // "a coalition of rebels": a collective noun's members act.
    if (w == "of" &&
        contains_word_list(word_before(s, static_cast<std::size_t>(w.data() - s.data())),
                           lexicon().collective_noun))
        return false;
    // "with the SNA quickly seizing Tadef": the subject of an absolute clause acts.
    if (w == "with") {
        std::size_t at = h.end;
        for (int k = 0; k < 2; ++k) {
            while (at < s.size() && s[at] == ' ') ++at;
            std::size_t e = at;
            while (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e]))) ++e;
            const std::string_view next = s.substr(at, e - at);
            if (next.size() > 4 && next.ends_with("ing")) return false;
            if (!next.ends_with("ly")) break;
            at = e;
        }
    }
    return contains_word_list(w, lexicon().oblique);
}

// Pronouns and group nouns ("they", "the factions") resolve to the nearest side before them
// that is not in an oblique slot, else to the discourse subject (the side the previous
// sentences were about, else the side the article names most).
const ActorInfo* resolve(std::string_view s, const std::vector<ActorHit>& actors, std::size_t i,
                         const ActorInfo* discourse) {
    const ActorInfo* a = actors[i].info;
    // A one-word actor that ends the name of the side the article talks about is its short
    // form: "the army" after "the Syrian National Army" is the SNA, not the government.
    if (a->role == ActorRole::controller && discourse && discourse->side != a->side &&
        a->phrase.find(' ') == std::string::npos) {
        const std::string_view name = discourse->name;
        if (ends_with_word(name, a->phrase)) return discourse;
        // An army's troops: "troops cleared Tal Rifaat" after the Syrian National Army.
        if (ends_with_word(name, "army") && contains_word_list(a->phrase, lexicon().army_troops))
            return discourse;
    }
    if (a->role != ActorRole::pronoun && a->role != ActorRole::group) return a;
    // A group noun with a side ("the factions": opposition) never names a side other than
    // its own or one allied to it (the SNA with the opposition).
    auto fits = [&](const ActorInfo* x) {
        if (!x || a->side == Controller::unknown) return x != nullptr;
        if (x->side == a->side) return true;
        return a->side == Controller::opposition && x->side == Controller::sna;
    };
    const ActorInfo* any = nullptr;
    for (std::size_t k = i; k-- > 0;) {
        auto r = actors[k].info->role;
        if (r != ActorRole::controller && r != ActorRole::backer) continue;
        if (!fits(actors[k].info)) continue;
        if (!oblique(s, actors[k])) return actors[k].info;
        if (!any) any = actors[k].info;
    }
    if (fits(discourse)) return discourse;
    if (any) return any;
    return a->side == Controller::unknown ? nullptr : a;
}

bool can_act(const ActorInfo* a) {
    return a && (a->role == ActorRole::controller || a->role == ActorRole::backer ||
                 a->role == ActorRole::pronoun || a->role == ActorRole::group ||
                 a->role == ActorRole::self);
}

struct SentenceContext {
    std::string_view s;  // folded sentence
    const std::vector<ActorHit>& actors;
    const ActorInfo* discourse;

    SentenceContext(std::string_view s_, const std::vector<ActorHit>& actors_,
                    const ActorInfo* discourse_)
        : s(s_), actors(actors_), discourse(discourse_) {}

    // Built once per sentence (index()), so that finding a trigger's subject is a binary search
    // rather than a walk over every comma and actor before it. Actors are in text order and do
    // not overlap. Of the actors that can act and hold no comma: all (`acting`) and those not in
    // an oblique slot (`subjects`); `segment`: the commas (and clause-opening "and"s) before
    // each actor.
    std::vector<std::size_t> acting, subjects, segment;
    mutable std::vector<const ActorInfo*> resolved;  // resolve() of each actor, once
    mutable std::vector<char> is_resolved;

    void index() {
        segment.assign(actors.size(), 0);
        std::size_t commas = 0, pos = 0;
        for (std::size_t i = 0; i < actors.size(); ++i) {
            const auto& h = actors[i];
            for (; pos < h.start && pos < s.size(); ++pos) commas += s[pos] == ',';
            // "The army withdrew from X and the SDF controlled the city": "and" before an
            // actor opens a clause of its own, unless it joins two actors ("rebels and SNA
            // factions").
            std::string_view before = s.substr(0, h.start);
            if (before.ends_with(" the ")) before.remove_suffix(4);
            if (i > 0 && before.ends_with(" and ")) {
                const std::size_t prev_end = actors[i - 1].end;
                const std::size_t and_at = before.size() - 5;
                if (and_at > prev_end &&
                    s.substr(prev_end, and_at - prev_end).find_first_not_of(" ,") !=
                        std::string_view::npos)
                    ++commas;
            }
            segment[i] = commas;
            if (!can_act(h.info) ||
                s.substr(h.start, h.end - h.start).find(',') != std::string_view::npos)
                continue;
            acting.push_back(i);
            if (!oblique(s, h)) subjects.push_back(i);
        }
        resolved.assign(actors.size(), nullptr);
        is_resolved.assign(actors.size(), 0);
    }
    const ActorInfo* resolve_at(std::size_t i) const {
        if (!is_resolved[i]) resolved[i] = resolve(s, actors, i, discourse), is_resolved[i] = 1;
        return resolved[i];
    }
    // The first actor (in text order) starting at or after `from`.
    std::vector<ActorHit>::const_iterator first_from(std::size_t from) const {
        return std::partition_point(actors.begin(), actors.end(),
                                    [&](const ActorHit& h) { return h.start < from; });
    }
    // The side (a controller phrase, resolved) named last before `at`, whatever its slot
    // ("a blow to Assad's forces days after they lost"), or null.
    const ActorInfo* controller_before(std::size_t at) const {
        for (auto h = first_from(at); h != actors.begin();) {
            --h;
            if (h->info->role == ActorRole::controller)
                return resolve_at(static_cast<std::size_t>(h - actors.begin()));
        }
        return nullptr;
    }
    // The first side (a controller phrase, resolved) named at or after `at`, or null.
    const ActorInfo* controller_from(std::size_t at) const {
        for (auto h = first_from(at); h != actors.end(); ++h) {
            if (h->info->role == ActorRole::controller)
                return resolve_at(static_cast<std::size_t>(h - actors.begin()));
        }
        return nullptr;
    }
};

// The subject among the acting actors in [from, to): the first one not in an oblique slot
// in the last comma-separated segment that has one ("After rebels entered the city, the army
// handed over ..." -> the army; "The attack, which the factions say ..., has captured" -> the
// factions), else the first acting one of the last segment that has any.
const ActorInfo* actor_between(const SentenceContext& c, std::size_t from, std::size_t to,
                               bool subjects_only = false) {
    auto pick = [&](const std::vector<std::size_t>& list) -> const ActorInfo* {
        auto lo = std::partition_point(list.begin(), list.end(),
                                       [&](std::size_t i) { return c.actors[i].start < from; });
        auto hi = std::partition_point(lo, list.end(),
                                       [&](std::size_t i) { return c.actors[i].end <= to; });
        if (lo == hi) return nullptr;
        const std::size_t last_segment = c.segment[*(hi - 1)];
        auto first = std::partition_point(
            lo, hi, [&](std::size_t i) { return c.segment[i] < last_segment; });
        return c.resolve_at(*first);
    };
    if (auto* a = pick(c.subjects)) return a;
    return subjects_only ? nullptr : pick(c.acting);
}

// The first acting actor starting in [from, to).
const ActorInfo* actor_after(const SentenceContext& c, std::size_t from, std::size_t to) {
    for (auto it = c.first_from(from); it != c.actors.end() && it->start < to; ++it) {
        if (can_act(it->info)) return c.resolve_at(static_cast<std::size_t>(it - c.actors.begin()));
    }
    return nullptr;
}

struct Speech {
    std::size_t start = 0;
    std::size_t end = 0;
    bool claim = false;
    const ActorInfo* speaker = nullptr;  // nullptr: an unnamed or unaligned speaker
};

std::vector<Speech> find_speech(const SentenceContext& c) {
    std::vector<Speech> out;
    auto add = [&](std::string_view cue, bool forward, bool claim) {
        for (auto at = find_word(c.s, cue); at != std::string_view::npos;
             at = find_word(c.s, cue, at + 1)) {
            Speech sp{at, at + cue.size(), claim, nullptr};
            if (forward) {  // the first actor within 40 characters after the cue
                auto it = c.first_from(sp.end);
                if (it != c.actors.end() && it->start < sp.end + 40)
                    sp.speaker = c.resolve_at(static_cast<std::size_t>(it - c.actors.begin()));
            } else {  // the last actor before it
                auto it = std::partition_point(c.actors.begin(), c.actors.end(),
                                               [&](const ActorHit& h) { return h.end <= at; });
                // ", it added", ", he said": a speaker named earlier, not the last side named.
                const std::string_view w = word_before(c.s, at);
                const bool pronoun = w == "it" || w == "he" || w == "she";
                // "Rebels backed by Turkey, who ousted Assad, said": not a side in an oblique
                // slot when a side before it is none.
                // ("a source close to HTS said": a source of HTS, so only the object of a
                // verb or of "by" is skipped.)
                auto skipped = [&](const ActorHit& h) {
                    const std::string_view ow = word_before(c.s, h.start);
                    return oblique(c.s, h) && contains_word_list(ow, lexicon().oblique) &&
                           !one_of(ow, {"to", "of", "with", "for", "from", "on", "at", "against",
                                        "between"});
                };
                std::size_t k = static_cast<std::size_t>(it - c.actors.begin());
                for (std::size_t j = k; j-- > 0;) {
                    if (!skipped(c.actors[j])) {
                        if (j + 1 < k) k = j + 1;
                        break;
                    }
                }
                // "HTS, an offshoot with support from the Turkish government, announced":
                // a side inside an appositive closed before the cue; the speaker is the
                // side the appositive describes.
                if (k > 1) {
                    const ActorHit& h = c.actors[k - 1];
                    const std::size_t open = c.s.rfind(", ", h.start);
                    const std::string_view gap = c.s.substr(h.end, at - h.end);
                    if (open != std::string_view::npos && gap.find(',') != std::string_view::npos) {
                        const std::string_view app = c.s.substr(open + 2);
                        for (std::size_t j = k - 1; j-- > 0;) {
                            if (c.actors[j].end + 1 < open) break;
                            // ("Hay'at Tahrir al-Sham (HTS), an offshoot ...")
                            const bool closes =
                                c.actors[j].end == open ||
                                (c.actors[j].end + 1 == open && c.s[c.actors[j].end] == ')');
                            if (closes && (app.starts_with("a ") || app.starts_with("an ") ||
                                           app.starts_with("the "))) {
                                k = j + 1;
                                break;
                            }
                        }
                    }
                }
                if (it != c.actors.begin() && !pronoun) sp.speaker = c.resolve_at(k - 1);
            }
            out.push_back(sp);
        }
    };
    for (const auto& cue : lexicon().speech_forward) add(cue, true, false);
    for (const auto& cue : lexicon().claim) add(cue, false, true);
    for (const auto& cue : lexicon().speech) add(cue, false, false);
    // A forward cue ("recognition by") shadows the plain cue inside it ("recognition").
    std::sort(out.begin(), out.end(), [](const Speech& a, const Speech& b) {
        if (a.start != b.start) return a.start < b.start;
        return a.end > b.end;
    });
    std::vector<Speech> dedup;
    for (const auto& sp : out) {
        if (!dedup.empty() && sp.start < dedup.back().end) continue;
        dedup.push_back(sp);
    }
    return dedup;
}

Controller side_of(const ActorInfo* a) {
    return a ? a->side : Controller::unknown;
}

// The rules look back and forward through a clause, and a passive or "fell to" takes every
// place since the clause began, so a 2 MB "sentence" (a list the splitter could not cut) would
// cost the square of its length however the searches are indexed. A sentence longer than this
// is therefore read in pieces of at most this many bytes, each cut after the last "; ", else
// ", ", else space in its second half (else at a character). Real sentences are far shorter:
// the longest of the development set has 660 bytes.
constexpr std::size_t kMaxSentenceBytes = 4096;

// A timeline heading: a line that opens with a day before publication and says nothing else,
// or goes on after a dash or colon ("December 5", "5 December – Hama captured", "• Nov 30:
// ..."). Its date, with no place in the sentence (start = end = 0), else nullopt.
std::optional<DateExpr> timeline_heading(std::string_view s, const Date& pub) {
    std::size_t open = s.find_first_not_of(" -*\xE2\x80\xA2");
    if (open == std::string_view::npos || open > 4) return std::nullopt;
    const std::size_t word_end = s.find_first_of(" ,.:", open);
    std::string first(s.substr(
        open, word_end == std::string_view::npos ? std::string_view::npos : word_end - open));
    for (char& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!std::isdigit(static_cast<unsigned char>(s[open])) && !month_of(first)) return std::nullopt;
    auto dates = find_dates(s, pub);
    if (dates.empty() || dates.front().start != open) return std::nullopt;
    std::string_view after = s.substr(dates.front().end);
    while (!after.empty() && (after.front() == ' ' || after.front() == ',')) after.remove_prefix(1);
    if (!(after.empty() || after.front() == '.' || after.front() == ':' || after.front() == '-' ||
          after.starts_with("\xE2\x80\x93") || after.starts_with("\xE2\x80\x94")))
        return std::nullopt;
    // A dateline or a page's date line ("• 04 Dec, 2024") is the publication's, not a day of
    // the story: only an earlier day heads a timeline.
    if (std::chrono::sys_days{dates.front().last} >= std::chrono::sys_days{pub})
        return std::nullopt;
    DateExpr h = dates.front();
    h.start = h.end = 0;
    return h;
}

std::vector<Sentence> bounded_sentences(std::string_view text) {
    std::vector<Sentence> out;
    for (const Sentence& sent : split_sentences(text)) {
        std::size_t start = sent.start;
        while (sent.end - start > kMaxSentenceBytes) {
            const std::string_view piece = text.substr(start, kMaxSentenceBytes);
            std::size_t cut = 0;
            for (std::string_view sep : {"; ", ", ", " "}) {
                auto at = piece.rfind(sep);
                if (at != std::string_view::npos && at >= kMaxSentenceBytes / 2) {
                    cut = at + sep.size();
                    break;
                }
            }
            if (cut == 0) {  // no space: at the start of a UTF-8 character
                cut = kMaxSentenceBytes;
                while (cut > 1 && (static_cast<unsigned char>(text[start + cut]) & 0xC0) == 0x80)
                    --cut;
            }
            out.push_back({start, start + cut, sent.index});
            start += cut;
        }
        out.push_back({start, sent.end, sent.index});
    }
    return out;
}

}  // namespace

std::vector<Event> extract_events(const Article& article, const std::vector<Mention>& mentions) {
    std::vector<Event> out;
    std::vector<Controller> sides;  // per event of `out`: the side that gained
    if (!article.published) return out;
    const Date pub = *article.published;
    const int pub_year = static_cast<int>(pub.year());
    const ActorInfo* discourse = nullptr;
    // The subject of the last sentences' last clause that names one (two sentences back at
    // most: "X regained Khanaser, but the rebels are advancing": the rebels), for a passive
    // that names no agent.
    const ActorInfo* recent = nullptr;
    const ActorInfo* recent_here = nullptr;
    std::size_t recent_age = 0;
    std::size_t discourse_age = 0;
    // How often the article has named each side so far (by controller), for group nouns
    // with no side in the last sentences and for the other side of an evacuation.
    std::map<Controller, std::pair<int, const ActorInfo*>> named;
    auto main_side = [&](Controller not_this) -> const ActorInfo* {
        const ActorInfo* best = nullptr;
        int n = 0;
        for (const auto& [side, v] : named) {
            if (side == not_this || side == Controller::unknown) continue;
            if (v.first > n) n = v.first, best = v.second;
        }
        return best;
    };
    // The mentions by start offset, so each sentence finds its own by binary search: a scan of
    // every mention per sentence made a long article (tens of MB) quadratic.
    std::vector<std::size_t> by_start(mentions.size());
    for (std::size_t i = 0; i < by_start.size(); ++i) by_start[i] = i;
    std::stable_sort(by_start.begin(), by_start.end(), [&](std::size_t a, std::size_t b) {
        return mentions[a].start < mentions[b].start;
    });
    std::vector<std::size_t> inside;
    const Mention* last_city = nullptr;
    // The places of the last sentence with events, for "the towns", "both villages".
    std::vector<const Mention*> last_objects;
    std::size_t last_objects_age = 0;
    std::map<std::string, int> city_count;
    std::size_t last_city_age = 0;
    // "handed the airport to", "captured the town": the last airport or town named, in the
    // last three sentences (kind_anaphors(): the lexicon's phrases and the kinds they mean).
    struct KindMemory {
        const Mention* m = nullptr;
        std::size_t age = 0;
    };
    std::vector<KindMemory> kind_memory(kind_anaphors().size());
    // Attribution carries over continuation sentences of the same paragraph ("Rebels took X,
    // the monitor said. They also seized Y.").
    bool prev_attributed = false;
    std::size_t prev_end = 0;
    // The last sentence with events and where its events start in `out` (for denial_back).
    std::optional<std::size_t> claims_sentence;
    std::size_t claims_from = 0;
    // A capture of counted places named in the next sentence (an event without its place).
    struct PendingCount {
        Event e;
        std::size_t sentence = 0;
    };
    std::optional<PendingCount> counted;
    // The day of a timeline heading ("December 5", "5 December – Hama captured", "• Nov 30:"):
    // the date of the sentences under it that name none.
    std::optional<DateExpr> heading;
    for (const Sentence& sent : bounded_sentences(article.text)) {
        std::string_view raw(article.text.data() + sent.start, sent.end - sent.start);
        FoldedText f = fold_for_matching(raw);
        std::string_view s = f.text;
        auto actors = find_actors(s);
        // "the Syrian national army confirmed": written in lower case, the country's national
        // army (the government's), not the Syrian National Army.
        for (auto& h : actors) {
            if (h.info->phrase != "syrian national army") continue;
            const std::size_t at = f.orig[h.start + 7];  // "national"
            if (at < raw.size() && raw[at] == 'n') {
                static const auto army = fold_actor("syrian army");
                h.info = &*army;
            }
        }
        // A short heading between ("Details:") does not part the counted places from them.
        if (counted && counted->sentence + 1 == sent.index && !sentence_ends(raw) &&
            raw.size() < 40)
            counted->sentence = sent.index;
        const bool same_paragraph =
            article.text.find('\n', prev_end) >= sent.start || prev_end == 0;
        bool continued = false;
        if (prev_attributed && same_paragraph) {
            std::size_t words_end = 0;
            for (int w = 0; w < 5 && words_end != std::string_view::npos; ++w) {
                words_end = s.find(' ', words_end + 1);
            }
            std::string_view opening = s.substr(0, std::min(words_end, s.size()));
            for (const auto& c : lexicon().continuation) {
                if (s.starts_with(c) || (c == "also" && contains_word(opening, c)))
                    continued = true;
            }
        }
        // "However, the government dismissed these assertions": the side said to have lost
        // denies the claims of the sentence just before, in the same paragraph.
        if (same_paragraph && claims_sentence && *claims_sentence + 1 == sent.index &&
            contains_any(s, lexicon().denial_back)) {
            for (std::size_t i = claims_from; i < out.size(); ++i) {
                bool loser = false;
                for (const auto& a : actors) {
                    loser = loser || (a.info->role == ActorRole::controller &&
                                      a.info->side != Controller::unknown &&
                                      a.info->side != sides[i] && a.info->side != ally(sides[i]));
                }
                if (out[i].status != "claimed" || !loser) continue;
                out[i].status = "denied";
                for (auto& src : out[i].sources) src.status = "denied";
            }
        }
        const bool attributed_here =
            contains_any(s, lexicon().speech) || contains_any(s, lexicon().speech_forward) ||
            contains_any(s, lexicon().claim) || contains_any(s, lexicon().hedge);
        prev_attributed = attributed_here || continued;
        prev_end = sent.end;
        if (discourse_age++ > 2) discourse = nullptr;
        const ActorInfo* last_side = nullptr;
        if (recent_here) recent = recent_here, recent_age = 0;
        if (recent_age++ > 1) recent = nullptr;  // two sentences back at most
        recent_here = nullptr;
        for (std::size_t ai = 0; ai < actors.size(); ++ai) {
            const auto& a = actors[ai];
            // The discourse subject: the first side not in an oblique slot ("The factions
            // captured ..." makes "they" in the next sentence the factions).
            if (a.info->role == ActorRole::group && !last_side && !oblique(s, a)) {
                last_side =
                    resolve(s, actors, ai, discourse ? discourse : main_side(Controller::unknown));
            }
            if (a.info->role == ActorRole::controller || a.info->role == ActorRole::backer) {
                // (A short form stands for the side it shortens: "the army" after the SNA.)
                if (!last_side && !oblique(s, a)) last_side = resolve(s, actors, ai, discourse);
                if (a.info->role == ActorRole::controller) {
                    auto& v = named[a.info->side];
                    ++v.first;
                    v.second = a.info;
                }
            }
        }
        SentenceContext ctx{s, actors, discourse ? discourse : main_side(Controller::unknown)};
        ctx.index();
        // (The subject of its last clause that names one: "Assad's forces regained Khanaser,
        // but the rebels are advancing" -> the rebels; not an object, "attacked government
        // troops".)
        recent_here = actor_between(ctx, 0, s.size(), true);
        // Questions are not events ("will the regime ... hit back?").
        std::size_t last = s.find_last_not_of(" \"'");
        bool question = last != std::string_view::npos && s[last] == '?';

        inside.clear();
        for (auto it = std::lower_bound(
                 by_start.begin(), by_start.end(), sent.start,
                 [&](std::size_t i, std::size_t at) { return mentions[i].start < at; });
             it != by_start.end() && mentions[*it].start <= sent.end; ++it) {
            if (mentions[*it].end <= sent.end) inside.push_back(*it);
        }
        std::sort(inside.begin(), inside.end());  // the mentions' own order, as given
        std::vector<Obj> objs;
        for (std::size_t i : inside) {
            const Mention& m = mentions[i];
            objs.push_back(
                {&m, f.to_folded(m.start - sent.start), f.to_folded(m.end - sent.start)});
        }
        // In text order (as the geoparser gives them), the objects of a trigger are found by
        // binary search rather than a pass over every place of the sentence.
        const bool objs_by_start = std::is_sorted(
            objs.begin(), objs.end(), [](const Obj& a, const Obj& b) { return a.start < b.start; });
        // "the city": the city the article is about (named most often so far, the first on a
        // tie) when the last sentences named it ("Rebels reached Hama. They entered the city
        // on Thursday.").
        for (const auto& o : objs) {
            if (o.m->kind != "city" || o.m->foreign) continue;
            // "a Damascus ally", "Damascus said": the government, not a city talked about.
            if (contains_word_list(word_after(s, o.end), lexicon().metonym_after)) continue;
            int n = ++city_count[o.m->place_id];
            if (!last_city || last_city->place_id == o.m->place_id ||
                n > city_count[last_city->place_id]) {
                last_city = o.m, last_city_age = 0;
            }
        }
        if (last_city && ++last_city_age > 4) last_city = nullptr;
        const bool the_city =
            last_city && (contains_word(s, "city") || contains_word(s, "capital") ||
                          contains_word(s, "provincial"));
        // The memory before this sentence (for its anaphors), then this sentence's places.
        const std::vector<KindMemory> kind_before = kind_memory;
        bool kind_anaphor_here = false;
        for (std::size_t k = 0; k < kind_memory.size(); ++k) {
            auto& km = kind_memory[k];
            if (km.m && ++km.age > 3) km = {};
            for (const auto& o : objs) {
                if (!o.m->foreign && o.m->located && kind_anaphors()[k].kinds.count(o.m->kind) &&
                    !destination(s, o.start))
                    km = {o.m, 0};
            }
            if (kind_before[k].m) {
                for (const auto& a : *kind_anaphors()[k].phrases)
                    kind_anaphor_here = kind_anaphor_here || s.find(a) != std::string_view::npos ||
                                        (a.starts_with(' ') && s.starts_with(a.substr(1)));
            }
        }
        if (auto h = timeline_heading(s, pub)) heading = h;
        if (++last_objects_age > 2) last_objects.clear();
        // (A sentence with no place may still count some: "captured four new towns.")
        if (question || (objs.empty() && !the_city && last_objects.empty() && !kind_anaphor_here &&
                         !contains_any(s, lexicon().container_noun))) {
            if (last_side) discourse = last_side, discourse_age = 0;
            continue;
        }
        auto triggers = find_triggers(s, actors);
        const SentenceIndex ix(s, pub_year);
        // "... captured four new towns." then "The towns, A, B and C, are in Hama province.":
        // the sentence right after, opening with the counted noun, names them.
        if (counted && counted->sentence + 1 == sent.index) {
            std::size_t open = 0;
            while (open < s.size() && !std::isalpha(static_cast<unsigned char>(s[open]))) ++open;
            std::string_view head = s.substr(open);
            for (const auto& noun : lexicon().container_noun) {
                const std::string the = "the " + noun;
                if (!head.starts_with(the)) continue;
                std::string_view rest = head.substr(the.size());
                if (!(rest.starts_with(",") || rest.starts_with(":") || rest.starts_with(" are ") ||
                      rest.starts_with(" include")))
                    break;
                const std::size_t from = open + the.size();
                for (const auto& o : objects_in(s, ix, objs, objs_by_start, from, s.size(),
                                                std::nullopt, &actors)) {
                    Event e = counted->e;
                    set_place(e, *o.m);
                    // Both sentences: the one that says what happened, the one that names where.
                    e.sources.push_back({article.doc, sent.index, std::string(raw), article.url,
                                         e.sources.front().status});
                    out.push_back(std::move(e));
                    sides.push_back(counted->e.controller);
                }
                break;
            }
        }
        if (counted && counted->sentence + 1 < sent.index) counted.reset();
        auto speech = find_speech(ctx);
        // "X, which the rebels say ..., has fallen": a relative clause's attribution is not
        // the main clause's.
        std::erase_if(speech, [&](const Speech& sp) {
            std::size_t c1 = s.rfind(',', sp.start);
            if (c1 == std::string_view::npos || s.find(',', sp.end) == std::string_view::npos)
                return false;
            std::string_view seg = s.substr(c1 + 1, sp.start - c1 - 1);
            while (!seg.empty() && seg.front() == ' ') seg.remove_prefix(1);
            return seg.starts_with("which ") || seg.starts_with("who ");
        });
        auto dates = find_dates(s, pub);
        const bool hedged = contains_any(s, lexicon().hedge);
        const bool denied = contains_any(s, lexicon().denial);

        std::vector<Event> here;
        std::vector<Controller> here_sides;  // the side that gained, also for contested ones
        std::vector<const Mention*> here_objects;
        std::set<std::tuple<std::string, std::string, int>> here_keys;  // no duplicates in `here`
        for (std::size_t ti = 0; ti < triggers.size(); ++ti) {
            const TriggerHit& t = triggers[ti];
            const TriggerDef& def = *t.def;
            if (def.action == "none") continue;  // "taking place": blocks "taking"
            // "neighbourhoods controlled by the YPG": who holds them, not a change, unless
            // marked as one ("now controlled by").
            if (def.state) {
                const std::size_t b = t.start > 24 ? t.start - 24 : 0;
                if (!contains_any(s.substr(b, t.start - b), lexicon().change_marker)) continue;
            }
            // "under government control since the war began", "held by the SDF since 2016":
            // who has held it all along, not a change, whatever marks it.
            if ((def.state || def.shape == Shape::under_control) && held_since(s, t.end)) continue;
            const std::size_t next_trigger =
                ti + 1 < triggers.size() ? triggers[ti + 1].start : s.size();
            const std::size_t back = clause_start(ix, t.start);
            std::string_view pre = s.substr(back, t.start - back);
            std::string_view near_pre =
                s.substr(t.start > 25 ? t.start - 25 : 0, std::min<std::size_t>(25, t.start));
            if (contains_any(near_pre, lexicon().negation)) continue;
            // "to capture" is an intention, "managed to penetrate" a fact.
            std::string_view w1 = word_before(s, t.start);
            // "enabled opposition fighters to enter": the actors between the verb and "to".
            std::size_t agent_from = 0, agent_to = 0;
            // "regime-controlled Palmyra", "rebel-held Idlib": a compound adjective.
            if (def.phrase.find(' ') == std::string::npos && t.start > 0 && s[t.start - 1] == '-')
                continue;
            // "a captured tank", "in liberated areas": a participle used as an adjective.
            if (def.phrase.find(' ') == std::string::npos && def.phrase.ends_with("ed")) {
                std::size_t e = t.start;
                while (e > 0 && s[e - 1] == ' ') --e;
                std::size_t b = e;
                while (b > 0 && std::isalpha(static_cast<unsigned char>(s[b - 1]))) --b;
                if (contains_word_list(s.substr(b, e - b), lexicon().adjective_before)) continue;
            }
            // ("in addition to capturing", "led to the capture of": no infinitive.)
            if (w1 == "to" && !s.substr(t.start, t.end - t.start).ends_with("ing") &&
                std::none_of(w1.data() + 2, s.data() + t.start,
                             [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
                // ... unless a verb of success or enabling governs it, right before or a
                // few words back ("managed to", "enabled the groups to seize").
                bool fact = false;
                std::string_view w = w1;
                for (int k = 0; k < 4 && !fact; ++k) {
                    w = word_before(s, static_cast<std::size_t>(w.data() - s.data()));
                    if (w.empty() || w.data() < s.data() + back) break;
                    fact = contains_word_list(w, lexicon().infinitive_fact);
                    if (fact && k > 0) {
                        agent_from = static_cast<std::size_t>(w.data() - s.data()) + w.size();
                        agent_to = static_cast<std::size_t>(w1.data() - s.data());
                    }
                }
                if (!fact) continue;
            }
            std::string_view modal_window =
                s.substr(std::max(back, t.start > 50 ? t.start - 50 : 0));
            modal_window =
                modal_window.substr(0, t.start - std::max(back, t.start > 50 ? t.start - 50 : 0));
            if (contains_any(modal_window, lexicon().modal)) continue;
            // "to help prevent rebels from seizing X": kept from happening. ("prevented them
            // from establishing positions" is the establish shape's own.)
            if (def.shape != Shape::establish && w1 == "from" &&
                contains_any(modal_window, lexicon().prevention))
                continue;
            // "stormed X but were repelled": a failed attack. Not "... but were repelled
            // from Y", where the failure is Y's alone.
            if (failed_after(s.substr(t.end, next_trigger - t.end))) continue;

            std::vector<Obj> targets;
            // The places listed after the trigger in its clause, from its first list opener
            // ("including", "include", "such as") that lists any.
            auto listed_after = [&](std::size_t from) {
                std::vector<Obj> listed;
                const std::size_t end = clause_end(s, ix, from, next_trigger);
                for (const auto& l : lexicon().list_intro) {
                    auto at = find_word(s, l, from);
                    if (at == std::string_view::npos || at >= end) continue;
                    listed = objects_in(s, ix, objs, objs_by_start, at + l.size(), end,
                                        std::nullopt, &actors);
                    if (!listed.empty()) break;
                }
                return listed;
            };
            const ActorInfo* actor = nullptr;
            const ActorInfo* receiver = nullptr;
            std::size_t scope_start = t.end, scope_end = t.end;
            bool passive = false;
            bool reduced = false;  // a reduced relative: "X, recently seized by Y"
            switch (def.shape) {
                case Shape::object_after: {
                    {
                        // "seized by", "seized three days ago by": no clause break between;
                        // "stormed, looted and torched by": participles only.
                        auto by = first_from(ix.by, t.end);
                        if (by != std::string_view::npos && by - t.end <= 64 &&
                            participles_only(s.substr(t.end, by - t.end)))
                            passive = true;
                        else
                            passive = by != std::string_view::npos && by - t.end <= 24 &&
                                      s.substr(t.end, by - t.end).find_first_of(",;") ==
                                          std::string_view::npos &&
                                      !std::any_of(objs.begin(), objs.end(), [&](const Obj& o) {
                                          return o.start >= t.end && o.start < by;
                                      });
                        // "Tal Rifaat was captured from the SDF": a passive with its loser.
                        if (!passive && def.phrase.ends_with("ed") &&
                            s.substr(t.end).starts_with(" from ") &&
                            passive_aux_before(s, back, t.start))
                            passive = true;
                    }
                    // "Four towns - A, B, C and D - have been captured", "Suran was seized on
                    // Tuesday": a passive with no agent and no place after it in its clause;
                    // the side the article is talking about took the places.
                    bool agentless = false;
                    const ActorInfo* agentless_side = nullptr;
                    if (!passive && !def.speaker && def.phrase.find(' ') == std::string::npos &&
                        (def.phrase.ends_with("ed") || def.phrase.ends_with("en") ||
                         def.phrase.ends_with("un"))) {
                        std::string_view w = word_before(s, t.start);
                        if (w.ends_with("ly") || w == "also" || w == "now" || w == "already")
                            w = word_before(s, static_cast<std::size_t>(w.data() - s.data()));
                        // (Not "is expected to be captured", "at risk of being captured".)
                        if (contains_word_list(w, lexicon().passive_aux) && w != "be" &&
                            w != "being") {
                            const std::size_t end = clause_end(s, ix, t.end, next_trigger);
                            // (Mentions are in text order when objs_by_start.)
                            const bool place_after =
                                objs_by_start
                                    ? [&] {
                                          auto it = std::partition_point(
                                              objs.begin(), objs.end(),
                                              [&](const Obj& o) { return o.start < t.end; });
                                          return it != objs.end() && it->start < end;
                                      }()
                                    : std::any_of(objs.begin(), objs.end(), [&](const Obj& o) {
                                          return o.start >= t.end && o.start < end;
                                      });
                            // The subject before it in this sentence, else of the last two.
                            const ActorInfo* before = nullptr;
                            if (!place_after) {
                                before = actor_between(ctx, 0, t.start, true);
                                if (!before) before = recent;
                            }
                            if (before && before->role == ActorRole::controller &&
                                before->side != Controller::unknown) {
                                agentless = true;
                                agentless_side = before;
                            }
                        }
                        passive = agentless;
                    }
                    if (passive) {
                        scope_start = back;
                        scope_end = t.start;
                        // A reduced relative ("areas recently seized by HTS") takes only the
                        // name right before it; "X was seized by HTS" the whole subject.
                        reduced = !passive_aux_before(s, back, t.start);
                        if (reduced)
                            targets =
                                reduced_relative_objects(s, objs, objs_by_start, back, t.start);
                        actor = agentless ? agentless_side : actor_after(ctx, t.end, t.end + 64);
                        // "was liberated from terrorist control (by the SNA)": the side after
                        // "from" lost it; the agent is after "by", else the other side.
                        if (auto h = ctx.first_from(t.end);
                            h != actors.end() && h->start < t.end + 64 &&
                            word_before(s, h->start) == "from" &&
                            h->info->role == ActorRole::controller) {
                            const std::size_t by = s.find(" by ", h->end);
                            const ActorInfo* agent =
                                by != std::string_view::npos && by < h->end + 40
                                    ? actor_after(ctx, by + 4, by + 12)
                                    : nullptr;
                            actor = agent ? agent : main_side(h->info->side);
                        }
                    } else {
                        scope_end = clause_end(s, ix, t.end, next_trigger);
                        // The subject of the trigger's own clause ("the army said ... after
                        // they seized X": they), else of the sentence.
                        // (An actor of the clause in an oblique slot is no subject when the
                        // sentence has one before: "The rebels, after clashing with regime
                        // forces, entered X".)
                        actor = actor_between(ctx, back, t.start, true);
                        // "Rebel factions, who launched an offensive against the government,
                        // on Thursday seized Hama": a relative clause closed by a comma before
                        // the trigger; the main clause's subject stands before it.
                        for (std::string_view r : {", who ", ", which "}) {
                            if (!s.substr(0, back).ends_with(r)) continue;
                            if (s.substr(back, t.start - back).find(", ") == std::string_view::npos)
                                break;
                            if (auto* a = actor_between(ctx, 0, back - r.size())) actor = a;
                            break;
                        }
                        // "factions that recently seized the city": a relative clause with no
                        // subject of its own acts through the actor right before "that/which/
                        // who", not the sentence's subject.
                        if (!actor) {
                            std::string_view head = s.substr(0, back);
                            // (The antecedent may be oblique in its own clause: "a deal with
                            // the rebels, who captured X".)
                            for (std::string_view r :
                                 {", which ", ", who ", " that ", " which ", " who "}) {
                                if (!head.ends_with(r)) continue;
                                const std::size_t rel = back - r.size();
                                // (Actors are in text order and do not overlap: their ends
                                // are sorted too.)
                                auto it = std::partition_point(
                                    actors.begin(), actors.end(),
                                    [&](const ActorHit& h) { return h.end < rel; });
                                if (it != actors.end() && it->end == rel && can_act(it->info))
                                    actor = ctx.resolve_at(
                                        static_cast<std::size_t>(it - actors.begin()));
                                break;
                            }
                        }
                        // "the capture of Hama, the fourth city, by opposition fighters": a
                        // clause with no subject of its own takes the agent after "by".
                        const ActorInfo* by_agent = nullptr;
                        if (!actor) {
                            auto by = first_from(ix.by, t.end);
                            if (by != std::string_view::npos && by < scope_end) {
                                const ActorInfo* a = actor_after(ctx, by + 4, by + 12);
                                if (a && a->role != ActorRole::backer) by_agent = a;
                            }
                        }
                        if (!actor) actor = actor_between(ctx, 0, t.start);
                        // After a speech cue, prefer the subject named after it.
                        // (The last cue ending before the trigger that gives one.)
                        for (auto sp = std::partition_point(
                                 speech.begin(), speech.end(),
                                 [&](const Speech& x) { return x.end <= t.start; });
                             sp != speech.begin();) {
                            --sp;
                            if (auto* a = actor_between(ctx, sp->end, t.start)) {
                                actor = a;
                                // "Fighters who toppled Assad say they have taken X": the
                                // pronoun right after the speech verb is its speaker.
                                const auto h = ctx.first_from(sp->end);
                                if (h != actors.end() && h->start < t.start &&
                                    h->info->role == ActorRole::pronoun && sp->speaker &&
                                    sp->speaker->role != ActorRole::pronoun &&
                                    sp->speaker->side != Controller::unknown &&
                                    can_act(sp->speaker))
                                    actor = sp->speaker;
                                break;
                            }
                            if (sp->speaker && can_act(sp->speaker)) {
                                actor = sp->speaker;
                                break;
                            }
                        }
                        // "Having regained X from the regime, the groups ...": the subject of
                        // the main clause after the opening phrase.
                        if (!actor) {
                            auto comma = s.find(", ", t.end);
                            if (comma != std::string_view::npos) {
                                for (std::size_t i = 0; i < actors.size(); ++i) {
                                    const auto& h = actors[i];
                                    if (h.start > comma && can_act(h.info) && !oblique(s, h)) {
                                        actor = resolve(s, actors, i, ctx.discourse);
                                        break;
                                    }
                                }
                            }
                        }
                        if (!actor) actor = ctx.discourse;
                        if (by_agent) actor = by_agent;
                    }
                    std::optional<std::size_t> own;
                    if (def.action == "withdrawal" && !def.phrase.ends_with("from") &&
                        !def.phrase.ends_with("of")) {
                        std::size_t best = std::string_view::npos;
                        for (std::string_view p : {" from ", " in "}) {
                            auto at = s.find(p, t.end);
                            if (at != std::string_view::npos && at < scope_end)
                                best = std::min(best, at + 1);
                        }
                        if (best == std::string_view::npos) continue;
                        own = best;
                        scope_start = best;
                    }
                    // "drove government troops from Hama", "expelled the SDF out of Manbij":
                    // only the places after the side driven out (another side than the
                    // subject's) and "from"/"out of".
                    if (def.expel) {
                        if (passive || !actor || actor->role != ActorRole::controller) continue;
                        const auto [k, skip] = expelled_side(s, actors, t.end);
                        const ActorInfo* loser = ctx.resolve_at(k);
                        if (!loser || loser->side == Controller::unknown ||
                            loser->side == actor->side)
                            continue;
                        own = actors[k].end + skip - 3 - (skip == 6 ? 2 : 0);  // "from" / "of"
                        scope_start = actors[k].end + skip;
                    }
                    if (!reduced) {
                        targets = objects_in(s, ix, objs, objs_by_start, scope_start, scope_end,
                                             own, passive ? nullptr : &actors);
                    }
                    // "The villages captured by the rebels include A, B and C".
                    if (passive && targets.empty()) targets = listed_after(t.end);
                    // "Among the villages seized by the factions were A, B and C".
                    if (passive && targets.empty() &&
                        (s.starts_with("among ") || s.starts_with("Among "))) {
                        const std::size_t end = clause_end(s, ix, t.end, next_trigger);
                        for (std::string_view v : {" were ", " are "}) {
                            const auto at = s.find(v, t.end);
                            if (at == std::string_view::npos || at >= end) continue;
                            targets = objects_in(s, ix, objs, objs_by_start, at + v.size(), end,
                                                 std::nullopt, &actors);
                            break;
                        }
                    }
                    break;
                }
                case Shape::object_before:
                case Shape::under_control: {
                    // "Idlib, which is under army control": a statement of who holds it.
                    if (def.shape == Shape::under_control) {
                        std::size_t b = t.start > 16 ? t.start - 16 : 0;
                        std::string_view w = s.substr(b, t.start - b);
                        if (contains_any(w, lexicon().stative) &&
                            !contains_any(w, lexicon().change_marker))
                            continue;
                    }
                    scope_start = back;
                    scope_end = t.start;
                    if (def.shape == Shape::under_control && t.actor_inside) {
                        actor = resolve(s, actors, *t.actor_inside, discourse);
                    } else if (def.shape == Shape::under_control && !t.of_agent) {
                        std::string_view inside = s.substr(t.start, t.end - t.start);
                        if (contains_word(inside, "state")) {
                            static const auto gov = fold_actor("government forces");
                            actor = &*gov;
                        }
                    } else {
                        actor = actor_after(ctx, t.end, t.end + 40);
                    }
                    // "houses weapons depots under regime control": a noun right before the
                    // phrase is what it describes; only a verb of change or state ("fell
                    // under", "now under"), an adverb or a place makes the places before its
                    // subject.
                    bool describes_noun = false;
                    if (def.shape == Shape::under_control) {
                        const std::string_view w = word_before(s, t.start);
                        const std::size_t w_end =
                            w.empty() ? 0
                                      : static_cast<std::size_t>(w.data() - s.data()) + w.size();
                        const bool place_before = std::any_of(
                            objs.begin(), objs.end(), [&](const Obj& o) { return o.end == w_end; });
                        describes_noun = !w.empty() && !place_before &&
                                         s.substr(w_end, t.start - w_end).find_first_not_of(' ') ==
                                             std::string_view::npos &&
                                         !w.ends_with("ly") &&
                                         !contains_word_list(w, lexicon().under_verb) &&
                                         !contains_word_list(w, lexicon().stative) &&
                                         !contains_word_list(w, lexicon().change_marker);
                    }
                    if (!describes_noun)
                        targets = objects_in(s, ix, objs, objs_by_start, scope_start, scope_end,
                                             std::nullopt);
                    // "the airport, which has come under the control of the opposition": the
                    // name the relative clause hangs on.
                    if (targets.empty()) {
                        std::string_view head = s.substr(0, back);
                        while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
                        for (std::string_view r : {"which", "that"}) {
                            if (!head.ends_with(r)) continue;
                            head.remove_suffix(r.size());
                            while (!head.empty() && (head.back() == ' ' || head.back() == ','))
                                head.remove_suffix(1);
                            for (const auto& o : objs) {
                                if (o.end == head.size() && eligible(*o.m)) targets.push_back(o);
                            }
                            break;
                        }
                    }
                    // "Several villages fell under rebel control, including A and B", "Areas
                    // now under opposition control include A and B": the places listed after.
                    if (targets.empty() && def.shape == Shape::under_control)
                        targets = listed_after(t.end);
                    break;
                }
                case Shape::handover: {
                    actor = actor_between(ctx, 0, t.start);
                    // The recipient: the first side after a " to " in the clause.
                    std::size_t to = s.find(" to ", t.end);
                    while (to != std::string_view::npos) {
                        receiver = actor_after(ctx, to, to + 30);
                        if (receiver) break;
                        to = s.find(" to ", to + 1);
                    }
                    if (!receiver) continue;
                    scope_end = to;
                    targets = objects_in(s, ix, objs, objs_by_start, t.end, to, std::nullopt);
                    // "X was handed over to the army by the SDF": the places before, the giver
                    // after "by".
                    if (targets.empty() && passive_aux_before(s, back, t.start)) {
                        passive = true;
                        scope_start = back;
                        scope_end = t.start;
                        targets =
                            objects_in(s, ix, objs, objs_by_start, back, t.start, std::nullopt);
                        actor = nullptr;
                        auto by = first_from(ix.by, to);
                        if (by != std::string_view::npos && by < to + 60)
                            actor = actor_after(ctx, by, by + 40);
                    }
                    break;
                }
                case Shape::advance: {
                    std::size_t b = std::max(back, t.start > 60 ? t.start - 60 : 0);
                    std::string_view before = s.substr(b, t.start - b);
                    bool verb = def.phrase != "towards" && def.phrase != "toward";
                    for (const auto& v : lexicon().advance_stem)
                        verb = verb || before.find(v) != std::string_view::npos;
                    if (!verb) continue;
                    actor = actor_between(ctx, 0, t.start);
                    if (!actor) actor = ctx.discourse;
                    scope_end = clause_end(s, ix, t.end, next_trigger);
                    targets = objects_in(s, ix, objs, objs_by_start, t.end, scope_end, t.start);
                    break;
                }
                case Shape::evacuate: {
                    // The side that leaves is the subject; the winner is the other side the
                    // article names (none: no event).
                    actor = actor_between(ctx, 0, t.start);
                    // "a new blow to Assad's forces days after they lost Aleppo": a pronoun
                    // right before the verb of loss is the side last named, whatever its slot;
                    // a side right before it is the loser ("an attack had led to the
                    // government losing control of Aleppo").
                    if (auto at = ctx.first_from(t.start); at != actors.begin()) {
                        const auto prev = std::prev(at);
                        const std::string_view gap = s.substr(prev->end, t.start - prev->end);
                        if (gap.size() < 16 && gap.find_first_of(",;") == std::string_view::npos) {
                            if (prev->info->role == ActorRole::pronoun) {
                                if (const ActorInfo* a = ctx.controller_before(prev->start))
                                    actor = a;
                            } else if (prev->info->role == ActorRole::controller) {
                                actor =
                                    ctx.resolve_at(static_cast<std::size_t>(prev - actors.begin()));
                            }
                        }
                    }
                    if (!actor) actor = ctx.discourse;
                    if (!actor) continue;
                    receiver = main_side(actor->side);
                    if (!receiver) continue;
                    scope_end = clause_end(s, ix, t.end, next_trigger);
                    targets = objects_in(s, ix, objs, objs_by_start, t.end, scope_end, std::nullopt,
                                         &actors);
                    break;
                }
                case Shape::establish: {
                    // "army bombardment had stopped them from establishing fixed positions":
                    // the places this sentence says were entered are contested.
                    std::size_t verb_at = t.start;
                    for (std::string_view v : {"prevented", "stopped", "preventing", "stopping"}) {
                        auto at = s.rfind(v, t.start);
                        if (at != std::string_view::npos && t.start - at < 60) verb_at = at;
                    }
                    if (verb_at == t.start) continue;
                    // The actor is the side that held the entrants off: the speaker when it
                    // is not the entrants' side ("the army said ... had stopped them").
                    actor = actor_between(ctx, 0, verb_at);
                    Controller entrants = Controller::unknown;
                    for (const auto& e : here) {
                        if (e.action == "entry" || e.action == "capture") entrants = e.controller;
                    }
                    for (const auto& sp : speech) {
                        if (sp.end <= t.start && sp.speaker &&
                            sp.speaker->side != Controller::unknown &&
                            sp.speaker->side != entrants) {
                            actor = sp.speaker;
                        }
                    }
                    if (actor && actor->side == entrants) actor = nullptr;
                    for (const auto& e : here) {
                        if (e.action != "entry" && e.action != "capture") continue;
                        for (const auto& o : objs) {
                            if (o.m->place_id == e.place_id) {
                                targets.push_back(o);
                                break;
                            }
                        }
                    }
                    scope_end = t.end;
                    break;
                }
            }
            if (agent_to > agent_from) {
                if (const ActorInfo* a = actor_after(ctx, agent_from, agent_to)) actor = a;
            }
            // "before the capture of Damascus", "The capture of Tartus marks ...": a noun of
            // capture that no verb governs has only its own agent, a possessive ("the rebels'
            // capture of") or "by X" after it; the sentence's subject is not it.
            // "the fall of Aleppo, Syria's largest city, to HTS": a noun of loss names its
            // winner after "to", and no one else does ("the army confirmed the fall of Hama").
            // (Right after the place, or after its appositive: "the fall of X was a blow to
            // the government" names no winner.)
            if (def.to_agent) {
                actor = nullptr;
                if (targets.empty()) continue;
                std::size_t to = targets.back().end;
                if (!s.substr(to).starts_with(" to ")) {
                    const auto app = appositive_after(s, to);
                    to = app.second > app.first && s.substr(app.second).starts_with(", to ")
                             ? app.second + 1
                             : std::string_view::npos;
                }
                if (to != std::string_view::npos) actor = actor_after(ctx, to + 4, to + 16);
                if (!actor || actor->role != ActorRole::controller) continue;
            }
            if (actor && def.nominal && !def.to_agent) {
                std::string_view lead = s.substr(0, t.start);
                while (lead.ends_with(' ')) lead.remove_suffix(1);
                // ("their capture of": the pronoun is its agent, found as the subject is.)
                const bool pronoun = lead.ends_with(" their") || lead.ends_with(" its") ||
                                     lead == "their" || lead == "its";
                // ("The full control of Homs was preceded by ...": an adjective of extent.)
                for (std::string_view adj : {" full", " complete", " total"}) {
                    if (lead.ends_with(adj)) lead.remove_suffix(adj.size());
                }
                if (lead.ends_with(" the")) lead.remove_suffix(4);
                if (lead == "the") lead = {};
                const std::string_view w = word_before(s, lead.size());
                const bool governed =
                    pronoun || (!lead.empty() && !contains_word_list(w, lexicon().nominal_free));
                // "a rapid advance by rebels following their takeover of": the side the
                // possessive pronoun stands for is the one last named, whatever its slot.
                if (pronoun) {
                    if (const ActorInfo* a = ctx.controller_before(t.start)) actor = a;
                }
                if (!governed) {
                    const ActorInfo* own = nullptr;
                    // "the rebels' capture", "HTS's capture".
                    if (lead.ends_with("'s") || lead.ends_with("'")) {
                        const std::size_t cut = lead.size() - (lead.ends_with("'s") ? 2 : 1);
                        for (const auto& h : actors) {
                            if (h.end == cut && can_act(h.info))
                                own = ctx.resolve_at(static_cast<std::size_t>(&h - actors.data()));
                        }
                    }
                    if (!own) {
                        const std::size_t by = s.find(" by ", t.end);
                        if (by != std::string_view::npos && by < scope_end)
                            own = actor_after(ctx, by + 4, by + 12);
                    }
                    // Else, for a sentence that opens with it, the first side the sentence
                    // names after it (a backer is none: "home to a Russian naval facility"),
                    // else the side read so far; after a preposition, no one said.
                    // (Not a side that names a holder: "The capture of Hama undermines
                    // government control": the loser.)
                    if (!own && lead.empty()) {
                        for (auto h = ctx.first_from(t.end); h != actors.end() && !own; ++h) {
                            if (h->info->role == ActorRole::controller &&
                                !s.substr(h->end).starts_with(" control") && !oblique(s, *h))
                                own = ctx.resolve_at(static_cast<std::size_t>(h - actors.begin()));
                        }
                        if (!own) own = actor;
                        if (own && own->role == ActorRole::backer) own = nullptr;
                    }
                    if (!own) continue;
                    actor = own;
                }
            }
            // "the capture of Aleppo from the regime": the side after "from" lost the place, so
            // the winner is the other side the article names.
            if (actor && (def.action == "capture" || def.action == "recapture")) {
                const std::size_t from = s.find(" from ", t.end);
                if (from != std::string_view::npos && from < scope_end &&
                    s.substr(t.end, from - t.end).find(" and ") == std::string_view::npos) {
                    // (A side named there, not a pronoun: "from their control" may be anyone's.)
                    const auto hit = ctx.first_from(from + 6);
                    if (hit != actors.end() && hit->start < from + 12 &&
                        hit->info->role == ActorRole::controller &&
                        hit->info->side != Controller::unknown && hit->info->side == actor->side)
                        actor = main_side(hit->info->side);
                }
            }
            // Only a contest needs no actor ("clashes in Saraqib").
            // "entered the city": the city last named, when the sentence names no object.
            // Not "the city of X" (X is named), nor "the city's airport" (something of it).
            // Also after a part: "entered several parts of the city" (then partial).
            std::size_t city_at = t.end;
            for (std::string_view head : {" the city", " the capital"}) {
                if (auto c = s.substr(0, std::min(s.size(), t.end + 40)).find(head, t.end);
                    c != std::string_view::npos && c > t.end && c - t.end <= 30 &&
                    s.substr(t.end, c - t.end).ends_with(" of") &&
                    contains_any(s.substr(t.end, c - t.end + 1), lexicon().partial_before)) {
                    city_at = c;
                    break;
                }
            }
            // Up to two words between: "seizing the eastern Syrian city".
            std::string_view city_head;
            const std::size_t city_end = the_city_end(s, city_at, &city_head);
            if (targets.empty() && last_city &&
                ((def.shape == Shape::object_after && !passive) || def.shape == Shape::evacuate) &&
                city_end != std::string_view::npos && !s.substr(city_end).starts_with(" of") &&
                (!s.substr(city_end).starts_with("'s") || possessed_part_after(s, city_end))) {
                // The place this sentence named last before the trigger decides: a city is the
                // one meant ("advanced on Hama, capturing the city"), a province means its
                // capital, which is no place of ours here: no event rather than the article's
                // main city.
                // A city the clause names after it is the one: "seized the city centre in
                // Hama".
                // "the capital" is Damascus, "the provincial capital" the capital of the
                // province named last: when the article names the city itself.
                const Mention* city =
                    city_head == "capital" || city_head == "provincial" ? nullptr : last_city;
                if (city_head == "capital") city = named_city(mentions, "damascus");
                const Mention* named_after = nullptr;
                for (const auto& o : objs) {
                    if (o.start >= t.start) {
                        if (o.start < scope_end && o.m->kind == "city" && !o.m->foreign &&
                            !named_after && city_head != "capital")
                            named_after = o.m;
                        continue;
                    }
                    if (o.m->foreign || destination(s, o.start) || city_head == "capital") continue;
                    if (o.m->kind == "city") city = o.m;
                    if (o.m->kind == "governorate") city = capital_named(mentions, *o.m);
                }
                if (named_after) city = named_after;
                if (city) targets.push_back({city, city_at + 1, city_end});
            }
            // "handed the airport to the SDF", "captured the town": the place of that kind
            // named last (earlier in this sentence, else in the last three).
            if (targets.empty() && ((def.shape == Shape::object_after && !passive) ||
                                    def.shape == Shape::handover || def.shape == Shape::evacuate)) {
                std::string_view rest = s.substr(t.end);
                for (std::size_t k = 0; k < kind_anaphors().size() && targets.empty(); ++k) {
                    for (const auto& a : *kind_anaphors()[k].phrases) {
                        if (!rest.starts_with(a)) continue;
                        const std::size_t after = a.size();
                        if (after < rest.size() &&
                            std::isalpha(static_cast<unsigned char>(rest[after])))
                            continue;
                        if (rest.substr(after).starts_with(" of ")) continue;  // names it itself
                        const Mention* m = nullptr;
                        for (const auto& o : objs) {
                            if (o.end <= t.start && !o.m->foreign && o.m->located &&
                                kind_anaphors()[k].kinds.count(o.m->kind))
                                m = o.m;
                        }
                        if (!m) m = kind_before[k].m;
                        if (m) targets.push_back({m, t.end + 1, t.end + after});
                        break;
                    }
                }
            }
            // "The town is now under the control of X", "The city fell to X", "The village was
            // captured by X": a subject anaphor, resolved as after a trigger.
            if (targets.empty() && (def.shape == Shape::object_before ||
                                    def.shape == Shape::under_control || passive)) {
                std::size_t b = back;
                while (b < t.start && (s[b] == ' ' || s[b] == ',')) ++b;
                const std::string subj = " " + std::string(s.substr(b, t.start - b));
                auto heads = [&](std::string_view a) {
                    return subj.starts_with(a) &&
                           (subj.size() == a.size() ||
                            !std::isalpha(static_cast<unsigned char>(subj[a.size()]))) &&
                           !std::string_view(subj).substr(a.size()).starts_with(" of ") &&
                           !std::string_view(subj).substr(a.size()).starts_with("'s");
                };
                if (last_city && heads(" the city")) targets.push_back({last_city, b, b + 8});
                for (std::size_t k = 0; k < kind_anaphors().size() && targets.empty(); ++k) {
                    for (const auto& a : *kind_anaphors()[k].phrases) {
                        if (!heads(a)) continue;
                        if (const Mention* m = kind_before[k].m)
                            targets.push_back({m, b, b + a.size() - 1});
                        break;
                    }
                }
            }
            // "re-entered the towns": the places the last events were about.
            if (targets.empty() && !last_objects.empty() && def.shape == Shape::object_after &&
                !passive) {
                std::string_view rest = s.substr(t.end);
                for (const auto& a : lexicon().plural_anaphor) {
                    if (!rest.starts_with(a)) continue;
                    std::size_t after = a.size();
                    if (after < rest.size() &&
                        std::isalpha(static_cast<unsigned char>(rest[after])))
                        continue;
                    // "the towns of A and B" names them itself.
                    if (rest.substr(after).starts_with(" of ")) continue;
                    for (const auto* m : last_objects) targets.push_back({m, t.end + 1, t.end + 1});
                    break;
                }
            }
            // "entered the towns of A and B and captured them": this sentence's places.
            if (targets.empty() && def.shape == Shape::object_after && !passive &&
                (s.substr(t.end).starts_with(" them ") || s.substr(t.end).starts_with(" them,") ||
                 s.substr(t.end).starts_with(" them.") || s.substr(t.end) == " them")) {
                for (const auto& o : objs) {
                    const bool named = std::any_of(here.begin(), here.end(), [&](const Event& e) {
                        return e.place_id == o.m->place_id;
                    });
                    const bool taken =
                        std::any_of(targets.begin(), targets.end(),
                                    [&](const Obj& x) { return x.m->place_id == o.m->place_id; });
                    if (named && !taken) targets.push_back(o);
                }
            }
            // "after the rebels seized it": the place this sentence is about.
            if (targets.empty() && def.shape == Shape::object_after && !passive &&
                !def.phrase.ends_with(" of") && !def.phrase.ends_with(" over") &&
                !def.phrase.ends_with(" in") && !def.phrase.ends_with(" into") &&
                (s.substr(t.end).starts_with(" it ") || s.substr(t.end).starts_with(" it,") ||
                 s.substr(t.end).starts_with(" it.") || s.substr(t.end) == " it")) {
                for (const auto& e : here) {
                    for (const auto& o : objs) {
                        if (o.m->place_id == e.place_id && targets.empty()) targets.push_back(o);
                    }
                }
                // "broke into the city and entered it": the city last named.
                if (targets.empty() && last_city) {
                    const auto c = find_word(s, "the city");
                    if (c != std::string_view::npos && c < t.start &&
                        !s.substr(c).starts_with("the city of"))
                        targets.push_back({last_city, t.end + 1, t.end + 3});
                }
                if (targets.empty()) {
                    for (const auto& o : objs) {
                        if (o.end > t.start) break;
                        std::string_view w = word_before(s, o.start);
                        if (eligible(*o.m) && !contains_word_list(w, lexicon().locator) &&
                            !contains_word_list(w, lexicon().modifier)) {
                            targets.assign(1, o);
                        }
                    }
                }
            }
            // "western Aleppo countryside": a part of the province around the city, not the
            // province, and not a place whose holder changes as a whole.
            // The noun ends the mention ("Aleppo countryside") or follows it ("Idlib").
            std::erase_if(targets, [&](const Obj& o) {
                if (o.m->kind != "governorate" || o.end > s.size()) return false;
                const std::string_view mention = s.substr(o.start, o.end - o.start);
                const std::string_view last = mention.substr(mention.rfind(' ') + 1);
                std::string_view next = s.substr(o.end);
                if (next.starts_with(' ')) next.remove_prefix(1);
                next = next.substr(0, std::min(next.find_first_of(" ,.;"), next.size()));
                return contains_word_list(last, lexicon().region_noun) ||
                       contains_word_list(next, lexicon().region_noun);
            });
            // Contests are about towns and sites, never whole provinces ("fighting in Idlib
            // province").
            if (def.action == "contested") {
                std::erase_if(targets, [](const Obj& o) {
                    return o.m->kind == "governorate" || o.m->kind == "region";
                });
            }
            // "restored": the government whoever is named.
            if (def.government) {
                static const auto gov = fold_actor("government forces");
                actor = &*gov;
            }
            // "captured four new towns in Syria." with the towns named in the next sentence
            // ("The towns, A, B and C, lie in Hama province."): kept as a template.
            bool counted_only = false;
            if (targets.empty() && actor && def.shape == Shape::object_after && !passive &&
                (def.action == "capture" || def.action == "recapture")) {
                const std::size_t end = clause_end(s, ix, t.end, next_trigger);
                for (std::size_t k = 0; k < lexicon().container_noun.size() && !counted_only; ++k)
                    counted_only =
                        word_in(s, ix.container_noun[k], lexicon().container_noun[k], t.end, end);
            }
            if ((!actor && def.action != "contested") || (targets.empty() && !counted_only))
                continue;
            // A subheading that names no one ("Control of Saraqib secured"): who took the place
            // is not said, and the last side talked about is a guess.
            if (actors.empty() && def.action != "contested" && !sentence_ends(raw)) continue;
            // "control of Homs could decide the war": a bare noun that is the subject of a
            // modal verb is a prospect, not a change.
            // "The fall of Homs to the rebels would cut ...", "the capture of Hama by HTS could
            // open ...": a noun of change that is a modal verb's subject is a prospect. (Up to
            // the clause's comma: "after their capture of Hama, they could ...".)
            if (def.nominal && !targets.empty()) {
                std::size_t at = targets.back().end;
                bool prospect = false;
                // (Its own verb only: four words at most, not past "that": "the capture of X
                // shows that the army could ..." is a fact.)
                for (int k = 0; k < 4 && !prospect; ++k) {
                    const std::string_view w = word_after(s, at);
                    if (w.empty() || w == "that") break;
                    const std::size_t w_at = static_cast<std::size_t>(w.data() - s.data());
                    if (s.substr(at, w_at - at).find_first_of(",;") != std::string_view::npos)
                        break;
                    prospect = contains_word_list(w, lexicon().modal);
                    at = w_at + w.size();
                }
                if (prospect) continue;
            }
            if (def.phrase.starts_with("control ") && !targets.empty()) {
                std::string_view next = word_after(s, targets.back().end);
                if (contains_word_list(next, lexicon().modal)) continue;
                // "..., control of Deir e-Zor province was split between the SDF and the
                // regime": the subject of a clause of its own says who held it, not a change.
                const std::string_view before = word_before(s, t.start);
                const bool subject = before.empty() || s.substr(0, t.start).ends_with(", ");
                if (subject && contains_word_list(next, lexicon().stative)) continue;
            }
            // A past year later in the sentence dates the whole report ("seized X ... between
            // May and August 2016").
            // (Not a year that another trigger after it takes: "entered Aleppo, the first time
            // since government forces recaptured the city in 2016".)
            Spans appositives;
            for (const auto& o : targets) {
                if (auto sp = appositive_after(s, o.end);
                    sp.second > sp.first && !(sp.first <= t.start && t.start < sp.second))
                    appositives.push_back(sp);
            }
            {
                std::size_t end = std::min(s.size(), next_trigger);
                for (const auto& occ : ix.relative) end = std::min(end, first_from(occ, t.end));
                if (past_year_outside(s, ix, t.start, end, pub_year, appositives)) continue;
            }
            // History: "which were previously under the control of", "since 2016".
            {
                const std::size_t hs = std::min(scope_start, t.start > 40 ? t.start - 40 : 0);
                std::size_t he = std::min(s.size(), std::max(scope_end, t.end));
                // Not the history of what follows the places: "took Tal Rifaat, a town that
                // had been ruled by the Kurds", "seized X, previously under SDF control".
                for (const auto& occ : ix.relative) he = std::min(he, first_from(occ, t.end));
                if (next_trigger < s.size()) {
                    auto comma = s.rfind(", ", next_trigger);
                    if (comma != std::string_view::npos && comma > t.end) he = std::min(he, comma);
                }
                he = std::max(he, t.end);
                bool history = past_year_outside(s, ix, hs, he, pub_year, appositives);
                // "In February 2016, YPG fighters captured Tel Rifaat": an opening phrase
                // with a past year dates the sentence ("since 2016," only says how long).
                if (!history) {
                    const std::size_t comma = s.find(", ");
                    if (comma != std::string_view::npos && comma < t.start && comma < 40 &&
                        (s.starts_with("in ") || s.starts_with("on ") ||
                         s.starts_with("back in ") || s.starts_with("during ")))
                        history = past_year_in(s, ix, 0, comma, pub_year);
                }
                for (std::size_t k = 0; k < ix.historic.size() && !history; ++k)
                    history = word_in_outside(s, ix.historic[k], lexicon().historic[k], hs, he,
                                              appositives);
                if (history) continue;
            }

            // Who says it.
            // (The cues are in text order and do not overlap: the last one ending before the
            // trigger, else the first one after its clause, by binary search.)
            const Speech* cue = nullptr;
            {
                auto before =
                    std::partition_point(speech.begin(), speech.end(),
                                         [&](const Speech& sp) { return sp.end <= t.start; });
                if (before != speech.begin()) cue = &*(before - 1);
            }
            if (!cue) {
                // The first cue after the trigger, also inside its clause: "captured X, the
                // monitor reported" has no clause boundary before "reported".
                const std::size_t after = std::max(t.end, scope_start);
                auto sp = std::partition_point(speech.begin(), speech.end(),
                                               [&](const Speech& x) { return x.start < after; });
                if (sp != speech.end()) {
                    // Not past a full stop the splitter missed ("centre.</a> While ...").
                    bool stop = occurs_in(ix.stop, 2, scope_end, sp->start) ||
                                occurs_in(ix.stop_tag, 2, scope_end, sp->start);
                    if (!stop) cue = &*sp;
                }
            }
            // "restored": the government whoever is named; "liberated": whoever says it.
            if (def.government) {
                static const auto gov = fold_actor("government forces");
                actor = &*gov;
            } else if (def.speaker && cue && cue->speaker &&
                       cue->speaker->role == ActorRole::controller) {
                actor = cue->speaker;
            }
            // "we", "our forces" in a quote: the side that speaks ("..., the ministry said").
            if (actor && actor->role == ActorRole::self) {
                actor = cue && cue->speaker && cue->speaker->side != Controller::unknown
                            ? cue->speaker
                            : nullptr;
                if (!actor) continue;
            }
            const Controller actor_side = side_of(actor);
            Controller after = actor_side, before = Controller::unknown;
            if (def.action == "handover") {
                after = side_of(receiver);
                before = actor_side;
            } else if (def.shape == Shape::evacuate) {
                after = side_of(receiver);
                before = actor_side;
            } else if (def.action == "withdrawal") {
                after = Controller::unknown;
                before = actor_side;
            } else if (def.action == "contested") {
                after = Controller::contested;
            }
            // The side a statement favours: a concession is a statement by the other side.
            Controller gains = def.action == "handover" ? after : actor_side;
            std::string status = "confirmed";
            if (cue) {
                Controller speaker = side_of(cue->speaker);
                // The SNA and the HTS-led opposition are one camp here: Turkish media on a
                // rebel gain is no concession.
                auto camp = [](Controller c) {
                    return c == Controller::sna ? Controller::opposition : c;
                };
                bool concession = speaker != Controller::unknown && gains != Controller::unknown &&
                                  camp(speaker) != camp(gains);
                if (def.action == "withdrawal") concession = speaker == actor_side;
                status = (cue->claim || !concession) ? "claimed" : "confirmed";
            }
            if (def.claim || hedged || (continued && !cue)) status = "claimed";
            if (denied) status = "denied";
            (void)pre;

            // "entered Deir ez-Zor after the withdrawal of regime forces": entering ground the
            // holder has left takes it whole.
            bool entered_vacated = false;
            if (def.action == "entry") {
                // (In the entry's own stretch: not "the incursion into X followed the capture
                // of Y after the army retreated".)
                for (auto a = find_word(s, "after", back);
                     a != std::string_view::npos && a < next_trigger && !entered_vacated;
                     a = find_word(s, "after", a + 1)) {
                    std::string_view w = s.substr(a, std::min<std::size_t>(56, s.size() - a));
                    entered_vacated = contains_any(w, lexicon().vacated);
                }
            }
            // The nearest date expression.
            const DateExpr* when = nullptr;
            std::size_t best = std::string_view::npos;
            // After the trigger, only dates in its own clause ("as of Saturday" after a
            // hand-over's recipient), not "the attack that began earlier this week".
            std::size_t limit = std::max(scope_end, t.end);
            if (def.shape == Shape::handover) limit += 50;
            if (def.shape == Shape::object_before || def.shape == Shape::under_control || passive)
                limit = clause_end(s, ix, t.end, next_trigger);  // "fell to X on Friday"
            for (const auto& d : dates) {
                if (d.start >= limit) continue;
                // "the previous day's capture of X": a possessive date is its noun's alone.
                if (s.substr(d.end).starts_with("'s ") && t.start != d.end + 3) continue;
                // "seized Hama in the offensive that began on November 27": the relative
                // clause's date, not the capture's.
                if (d.start >= t.end) {
                    std::string_view between = s.substr(t.end, d.start - t.end);
                    if (between.find(" that ") != std::string_view::npos ||
                        between.find(" which ") != std::string_view::npos)
                        continue;
                }
                std::size_t dist =
                    d.end <= t.start ? t.start - d.end : (d.start >= t.end ? d.start - t.end : 0);
                if (dist < best) best = dist, when = &d;
            }
            const bool from_heading = !when && heading;
            if (from_heading) when = &*heading;
            // "Troops arrived on Sunday after the rebels seized X": the date is the main
            // clause's; the capture in the "after" clause only happened by then ("On Sunday,
            // after heavy clashes, rebels seized X" dates the capture itself).
            // "on Saturday, a day after the group stormed X": exactly that many days before.
            bool by_then = false;
            int days_before = 0;
            if (when && when->end <= t.start && !from_heading) {
                auto a = s.rfind(" after ", t.start);
                by_then = a != std::string_view::npos && a >= when->end &&
                          s.substr(a, t.start - a).find(',') == std::string_view::npos;
                if (by_then) days_before = days_count_before(s.substr(when->end, a - when->end));
            }
            // What every event of this trigger shares: when, who, what it says.
            Event base;
            base.date = when ? (days_before > 0 ? add_days(when->first, -days_before)
                                : by_then       ? add_days(when->last, -6)
                                                : when->first)
                             : pub;
            base.date_end =
                when ? (days_before > 0 ? add_days(when->last, -days_before) : when->last) : pub;
            base.date_precision = when ? (days_before > 0 ? when->precision
                                          : by_then       ? "range"
                                                          : when->precision)
                                       : "publication";
            base.action = std::string(def.action);
            base.extent = "full";
            if (actor) base.actor = std::string(actor->name);
            if (receiver) base.actor2 = std::string(receiver->name);
            base.controller = after;
            base.controller_before = before;
            base.status = status;
            base.sources.push_back(
                {article.doc, sent.index, std::string(raw), article.url, status});
            if (counted_only) {
                counted = PendingCount{std::move(base), sent.index};
                continue;
            }
            // "seizing Aleppo and, on Sunday, the capital Damascus": a date between the items
            // dates those after it; those before it were taken by then.
            // (Right after an item and its "and" or comma.)
            const bool date_inside_list =
                when && !from_heading && when->start >= t.end &&
                std::any_of(targets.begin(), targets.end(),
                            [&](const Obj& o) { return o.start >= when->end; }) &&
                std::any_of(targets.begin(), targets.end(), [&](const Obj& o) {
                    return o.end <= when->start &&
                           list_glue(s.substr(o.end, when->start - o.end)) &&
                           s.substr(o.end, when->start - o.end).find_first_not_of(' ') !=
                               std::string_view::npos;
                });
            for (const auto& o : targets) {
                Event e = base;
                if (date_inside_list && o.end <= when->start) {
                    e.date = add_days(when->last, -6);
                    e.date_end = when->last;
                    e.date_precision = "range";
                }
                if ((def.action == "entry" && !entered_vacated) || is_partial(s, o, scope_start))
                    e.extent = "partial";
                if (def.action == "entry" && entered_vacated) e.action = "capture";
                // Partial control is contested: "entered", "much of", "parts of".
                if (e.extent == "partial" && after != Controller::unknown)
                    e.controller = Controller::contested;
                // Advances and withdrawals that name no successor are not control changes.
                if (e.controller == Controller::unknown || def.action == "advance") continue;
                set_place(e, *o.m);
                if (here_keys.insert({e.place_id, e.action, static_cast<int>(e.controller)})
                        .second) {
                    here.push_back(std::move(e));
                    here_sides.push_back(after);
                    here_objects.push_back(o.m);
                }
            }
        }
        if (last_side) discourse = last_side, discourse_age = 0;
        if (!here_objects.empty()) last_objects = here_objects, last_objects_age = 0;
        if (!here.empty()) claims_sentence = sent.index, claims_from = out.size();
        for (auto& e : here) out.push_back(std::move(e));
        sides.insert(sides.end(), here_sides.begin(), here_sides.end());
    }
    // "Rebels seized Aleppo" and "they took over most of Aleppo" in one article report one
    // change: a side's partial hold ("most of", "much of"; not an entry, which is a stage of
    // its own) is dropped when the article also has that side taking the place in full,
    // unless the partial hold is dated before the capture could have happened ("parts of X
    // on Monday", then "seized X on Thursday": two stages).
    auto earliest = [](const Event& f) {
        const auto d = std::chrono::sys_days{f.date};
        return f.date_precision == "publication" ? d - std::chrono::days{7} : d;
    };
    std::vector<Event> kept;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const Event& e = out[i];
        bool subsumed = false;
        if (e.controller == Controller::contested && e.extent == "partial" && e.action != "entry" &&
            sides[i] != Controller::unknown) {
            for (const auto& f : out) {
                subsumed = subsumed || (f.place_id == e.place_id && f.extent == "full" &&
                                        f.controller == sides[i] && f.status != "denied" &&
                                        std::chrono::sys_days{e.date_end} >= earliest(f));
            }
        }
        if (!subsumed) kept.push_back(out[i]);
    }
    return kept;
}

}  // namespace frontline
