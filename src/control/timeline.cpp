// Baseline reading and the day-by-day control timeline.
#include "control/timeline.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "text/tsv.hpp"

namespace frontline {

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
    std::vector<const Event*> sorted;
    for (const auto& e : events) sorted.push_back(&e);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Event* a, const Event* b) {
        return std::chrono::sys_days{a->date} < std::chrono::sys_days{b->date};
    });
    std::map<std::string, PlaceState> state;
    for (const auto& e : baseline.entries) {
        state[e.place_id] = PlaceState{e.place_id, e.controller, "baseline", {}, e.source};
    }
    std::vector<ControlDay> days;
    std::size_t next = 0;
    for (Date d = baseline.date; std::chrono::sys_days{d} <= std::chrono::sys_days{last};
         d = add_days(d, 1)) {
        while (next < sorted.size() &&
               std::chrono::sys_days{sorted[next]->date} <= std::chrono::sys_days{d}) {
            const Event& e = *sorted[next++];
            if (e.action == "advance" || e.status == "denied") continue;
            auto& s = state[e.place_id];
            s.place_id = e.place_id;
            if (e.status == "claimed" && s.status == "confirmed" && s.controller != e.controller) {
                continue;  // a claim does not overwrite a confirmation
            }
            if (s.controller == e.controller && s.status == e.status) {
                s.event_ids.push_back(e.id);
                continue;
            }
            s.controller = e.action == "contested" ? Controller::contested : e.controller;
            s.status = e.status;
            s.event_ids = {e.id};
            s.basis.clear();
        }
        days.push_back(ControlDay{d, state});
    }
    return days;
}

}  // namespace frontline
