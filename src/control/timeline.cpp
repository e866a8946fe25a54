// Baseline reading and the day-by-day control timeline.
#include "control/timeline.hpp"

#include <algorithm>
#include <cmath>

#include "common/error.hpp"
#include "text/tsv.hpp"

namespace frontline {

namespace {

using Days = std::chrono::sys_days;

int status_rank(const std::string& s) {
    return s == "confirmed" ? 2 : s == "claimed" ? 1 : 0;
}

int action_rank(const Event& e) {
    if (e.action == "capture" || e.action == "recapture" || e.action == "handover") {
        return e.extent == "partial" ? 3 : 4;
    }
    if (e.action == "entry") return 3;
    if (e.action == "contested") return 2;
    if (e.action == "withdrawal") return 1;
    return 0;  // advance: not a control change
}

Controller state_controller(const Event& e) {
    if (e.action == "contested") return Controller::contested;
    if (e.action == "withdrawal") return Controller::unknown;
    return e.controller;
}

// An entry is partial control by definition.
std::string extent_of(const Event& e) {
    return e.action == "entry" ? "partial" : e.extent;
}

bool better(const Event& a, const Event& b) {
    if (status_rank(a.status) != status_rank(b.status)) {
        return status_rank(a.status) > status_rank(b.status);
    }
    if (action_rank(a) != action_rank(b)) return action_rank(a) > action_rank(b);
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    return a.id < b.id;
}

}  // namespace

Baseline read_baseline(const std::filesystem::path& file, const Gazetteer& gaz) {
    Baseline b;
    auto d = parse_iso_date(file.stem().string());
    if (!d) throw Error("control", file.string(), "baseline file name must be YYYY-MM-DD.tsv");
    b.date = *d;
    TsvReader tsv(file, "control");
    const auto c_id = tsv.require_column("place_id"), c_ctl = tsv.require_column("controller"),
               c_src = tsv.require_column("source");
    while (auto row = tsv.next()) {
        BaselineEntry e;
        e.place_id = std::string((*row)[c_id]);
        if (!gaz.find_id(e.place_id)) tsv.fail("unknown place id " + e.place_id);
        auto c = parse_controller((*row)[c_ctl]);
        if (!c) tsv.fail("unknown controller \"" + std::string((*row)[c_ctl]) + "\"");
        e.controller = *c;
        e.source = std::string((*row)[c_src]);
        b.entries.push_back(std::move(e));
    }
    return b;
}

std::vector<ControlDay> build_timeline(const Baseline& baseline, const std::vector<Event>& events,
                                       const Date& last) {
    // Events by place and by the day they count from.
    std::map<std::string, std::map<Days, std::vector<const Event*>>> by_place;
    for (const auto& e : events) {
        if (e.status == "denied" || action_rank(e) == 0) continue;
        Days d = Days{e.date_end.ok() ? e.date_end : e.date};
        if (d < Days{baseline.date}) d = Days{baseline.date};
        by_place[e.place_id][d].push_back(&e);
    }
    std::map<std::string, PlaceState> state;
    for (const auto& e : baseline.entries) {
        PlaceState s;
        s.place_id = e.place_id;
        s.controller = e.controller;
        s.status = "baseline";
        s.basis = e.source;
        s.since = baseline.date;
        state[e.place_id] = std::move(s);
    }
    std::vector<ControlDay> days;
    for (Date d = baseline.date; Days{d} <= Days{last}; d = add_days(d, 1)) {
        for (auto& [place, per_day] : by_place) {
            auto it = per_day.find(Days{d});
            if (it == per_day.end()) continue;
            std::vector<const Event*> today = it->second;
            std::sort(today.begin(), today.end(),
                      [](const Event* a, const Event* b) { return better(*a, *b); });
            const Event& best = *today.front();
            auto [si, fresh] = state.try_emplace(place);
            PlaceState& s = si->second;
            if (fresh) {
                s.place_id = place;
                s.status.clear();
            }
            Controller next = state_controller(best);
            std::vector<std::string> ids;
            // Two confirmed events giving the place to different sides: contested.
            for (const Event* e : today) {
                if (e->status != "confirmed" || action_rank(*e) < 3) continue;
                if (best.status == "confirmed" && action_rank(best) >= 3 &&
                    e->controller != best.controller) {
                    next = Controller::contested;
                }
            }
            for (const Event* e : today) {
                if (e->status == best.status && state_controller(*e) == state_controller(best)) {
                    ids.push_back(e->id);
                } else if (next == Controller::contested && e->status == "confirmed") {
                    ids.push_back(e->id);
                }
            }
            if (best.status == "claimed" && s.status == "confirmed" && s.controller != next) {
                s.overruled_claims.insert(s.overruled_claims.begin(), ids.begin(), ids.end());
                continue;  // a claim does not overwrite a confirmation
            }
            if (s.controller == next && s.status == best.status) {
                for (auto& id : ids) {
                    if (std::find(s.event_ids.begin(), s.event_ids.end(), id) ==
                        s.event_ids.end()) {
                        s.event_ids.push_back(id);
                    }
                }
                if (extent_of(best) == "full") s.extent = "full";
                continue;
            }
            s.controller = next;
            s.status = best.status;
            s.extent = next == Controller::contested || next == Controller::unknown
                           ? "full"
                           : extent_of(best);
            s.event_ids = std::move(ids);
            s.basis.clear();
            s.since = d;
        }
        days.push_back(ControlDay{d, state});
    }
    return days;
}

namespace {
double km_between(const Place& a, const Place& b) {
    const double d2r = 3.14159265358979323846 / 180, r = 6371.0;
    const double dlat = (b.lat - a.lat) * d2r, dlon = (b.lon - a.lon) * d2r;
    const double h =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(a.lat * d2r) * std::cos(b.lat * d2r) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * r * std::asin(std::sqrt(h));
}
}  // namespace

void propagate_to_neighbourhoods(std::vector<ControlDay>& days, const Gazetteer& gaz,
                                 double radius_km) {
    if (days.empty()) return;
    const ControlDay& base = days.front();
    // City -> its neighbourhoods that shared its baseline controller.
    std::map<std::string, std::vector<std::string>> quarters;
    for (const auto& [cid, cstate] : base.places) {
        const Place* city = gaz.find_id(cid);
        if (!city || city->kind() != "city") continue;
        for (const auto& [qid, qstate] : base.places) {
            const Place* q = gaz.find_id(qid);
            if (!q || q->kind() != "neighbourhood" || qstate.controller != cstate.controller)
                continue;
            if (km_between(*city, *q) <= radius_km) quarters[cid].push_back(qid);
        }
    }
    for (auto& day : days) {
        for (const auto& [cid, qids] : quarters) {
            const PlaceState& c = day.places.at(cid);
            if (c.status == "baseline") continue;
            for (const auto& qid : qids) {
                PlaceState& q = day.places[qid];
                if (q.status != "baseline" && q.basis.rfind("part of ", 0) != 0)
                    continue;  // own events
                q.controller = c.extent == "full" ? c.controller : Controller::contested;
                q.status = c.status;
                q.extent = c.extent;
                q.event_ids = c.event_ids;
                q.since = c.since;
                q.basis = "part of " + gaz.find_id(cid)->name + " (" + cid +
                          "), which changed hands (" + c.extent +
                          "); no report names this neighbourhood";
            }
        }
    }
}

void fill_controller_before(std::vector<Event>& events, const std::vector<ControlDay>& days) {
    if (days.empty()) return;
    for (auto& e : events) {
        if (e.controller_before != Controller::unknown) continue;
        Days when = Days{e.date_end.ok() ? e.date_end : e.date} - std::chrono::days{1};
        const ControlDay* day = nullptr;
        for (const auto& d : days) {
            if (Days{d.date} <= when) day = &d;
        }
        if (!day) day = &days.front();
        auto it = day->places.find(e.place_id);
        if (it != day->places.end()) e.controller_before = it->second.controller;
    }
}

}  // namespace frontline
