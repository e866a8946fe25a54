// Merging events reported by several sentences and articles, and scoring them.
#include <algorithm>
#include <map>
#include <set>

#include "events/event.hpp"

namespace frontline {

namespace {

int precision_rank(const std::string& p) {
    if (p == "day") return 0;
    if (p == "range") return 1;
    if (p == "week") return 2;
    return 3;
}

int status_rank(const std::string& s) {
    if (s == "confirmed") return 2;
    if (s == "claimed") return 1;
    return 0;
}

double status_weight(const std::string& s) {
    if (s == "confirmed") return 0.6;
    if (s == "claimed") return 0.3;
    return 0.05;
}

using Days = std::chrono::sys_days;

// The days an event may have happened on. A stated date is trusted to within a day; a
// publication date only bounds it: news reports an event of the past week at the latest.
std::pair<Days, Days> window(const Event& e) {
    if (e.date_precision == "publication") {
        return {Days{e.date_end} - std::chrono::days{7}, Days{e.date_end}};
    }
    return {Days{e.date} - std::chrono::days{1}, Days{e.date_end} + std::chrono::days{1}};
}

struct Cluster {
    Event e;
    Days lo, hi;
};

}  // namespace

std::string event_date_interval(const Event& e) {
    if (e.date_precision == "publication") {
        return to_iso(Date{Days{e.date_end} - std::chrono::days{7}}) + "/" + to_iso(e.date_end);
    }
    if (e.date == e.date_end) return to_iso(e.date);
    return to_iso(e.date) + "/" + to_iso(e.date_end);
}

int time_precision_of(const Event& e) {
    if (e.date_precision == "publication") return 2;
    auto span = (Days{e.date_end} - Days{e.date}).count();
    if (span <= 0) return 1;
    return span <= 7 ? 2 : 3;
}

double event_confidence(const Event& e) {
    std::map<std::string, double> best;
    for (const auto& s : e.sources) {
        double w = status_weight(s.status.empty() ? e.status : s.status);
        auto& b = best[s.doc];
        b = std::max(b, w);
    }
    double miss = 1;
    for (const auto& [doc, w] : best) miss *= 1 - w;
    return 1 - miss;
}

std::vector<Event> merge_events(std::vector<Event> events) {
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        int pa = precision_rank(a.date_precision), pb = precision_rank(b.date_precision);
        if (pa != pb) return pa < pb;
        if (a.date != b.date) return Days{a.date} < Days{b.date};
        return status_rank(a.status) > status_rank(b.status);
    });
    std::map<std::string, std::vector<Cluster>> by_key;
    for (auto& e : events) {
        // Reports of the same place and new controller join whatever verb they use
        // ("captured", "took control of", "recaptured"); opposite controllers never do.
        std::string key = e.place_id + "|" + std::string(to_string(e.controller)) +
                          (e.status == "denied" ? "|denied" : "");
        auto [lo, hi] = window(e);
        auto& list = by_key[key];
        Cluster* into = nullptr;
        for (auto& c : list) {
            if (lo <= c.hi && c.lo <= hi) {
                into = &c;
                break;
            }
        }
        if (!into) {
            list.push_back(Cluster{std::move(e), lo, hi});
            continue;
        }
        // Narrow the window to what both reports allow.
        into->lo = std::max(into->lo, lo);
        into->hi = std::min(into->hi, hi);
        if (status_rank(e.status) > status_rank(into->e.status)) into->e.status = e.status;
        if (into->e.controller_before == Controller::unknown) {
            into->e.controller_before = e.controller_before;
        }
        if (into->e.actor2.empty()) into->e.actor2 = e.actor2;
        for (auto& s : e.sources) into->e.sources.push_back(std::move(s));
    }
    std::vector<Event> out;
    for (auto& [key, list] : by_key) {
        for (auto& c : list) out.push_back(std::move(c.e));
    }
    std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) {
        if (a.date != b.date) return Days{a.date} < Days{b.date};
        if (a.place_id != b.place_id) return a.place_id < b.place_id;
        if (a.action != b.action) return a.action < b.action;
        return a.controller < b.controller;
    });
    std::set<std::string> ids;
    for (auto& e : out) {
        std::string id = to_iso(e.date) + "/" + e.place_id + "/" + e.action + "/" +
                         std::string(to_string(e.controller));
        if (e.status == "denied") id += "/denied";
        std::string unique = id;
        for (int n = 2; ids.count(unique); ++n) unique = id + "#" + std::to_string(n);
        ids.insert(unique);
        e.id = unique;
        std::set<std::string> docs;
        for (const auto& s : e.sources) docs.insert(s.doc);
        e.corroboration = docs.size();
        e.confidence = event_confidence(e);
        e.time_precision = time_precision_of(e);
    }
    return out;
}

void annotate_places(std::vector<Event>& events, const Gazetteer& gaz) {
    for (auto& e : events) {
        if (!e.located) {
            e.geo_precision = 0;
            continue;
        }
        const Place* p = gaz.find_id(e.place_id);
        if (!p) continue;
        e.admin1 = p->country == "SY" ? syria_admin1_name(p->admin1) : "";
        const std::string kind = p->kind();
        if (kind == "road") {
            e.geo_precision = 2;
        } else if (kind == "region" || kind == "governorate") {
            e.geo_precision = 3;
        } else {
            // ACLED: 2 when the coordinates are only near the site.
            e.geo_precision = p->precision_m > 5000 ? 2 : 1;
        }
    }
}

std::vector<Event> events_of(const std::vector<Article>& articles,
                             const std::vector<std::vector<Mention>>& mentions_of,
                             const Gazetteer& gaz) {
    std::vector<Event> raw;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        auto e = extract_events(articles[i], mentions_of[i]);
        raw.insert(raw.end(), e.begin(), e.end());
    }
    auto events = merge_events(std::move(raw));
    annotate_places(events, gaz);
    return events;
}

}  // namespace frontline
