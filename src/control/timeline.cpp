// Baseline reading and the day-by-day control timeline.
#include "control/timeline.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

#include "common/error.hpp"
#include "common/number.hpp"
#include "geo/geodesy.hpp"
#include "text/tsv.hpp"

namespace frontline {

namespace {

using Days = std::chrono::sys_days;

// Weights of the evidence model (docs/CONTROL.md).
constexpr double kHalfLifeDays = 4.0;     // a report's weight halves every 4 days
constexpr double kInertiaFront = 0.3;     // the holder's weight near reported fighting
constexpr double kInertiaRear = 1.2;      // ... far behind the front: one report is not enough
constexpr double kFrontKm = 40.0;         // "near": a located report this close ...
constexpr int kFrontDays = 4;             // ... in the last days
constexpr double kConfirmedLevel = 0.9;   // a side with this much weight is a real claimant
constexpr double kContestedRatio = 0.6;   // runner-up / winner above this: contested
constexpr double kSameCopy = 0.6;         // word overlap of two sentences: the same wire copy
constexpr double kEditorWeight = 1000.0;  // an editor's confirmation
constexpr double kBaselineConfidence = 0.9;
constexpr double kDetour = 1.05;  // a place "between" two: the detour through it at most 5% longer

bool changes_control(const Event& e) {
    return e.action == "capture" || e.action == "recapture" || e.action == "handover" ||
           e.action == "entry" || e.action == "contested" || e.action == "withdrawal";
}

bool is_capture(const Event& e) {
    return e.action == "capture" || e.action == "recapture" || e.action == "handover";
}

double action_factor(const Event& e) {
    if (is_capture(e)) return e.extent == "partial" ? 0.6 : 1.0;
    if (e.action == "entry") return 0.6;
    return 0.5;  // contested, withdrawal
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

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// A confirmation in the words of the side that lost ("the army acknowledged ...").
bool concession(const std::string& sentence) {
    const std::string s = lower(sentence);
    for (const char* cue : {"acknowledg", "conced", "admitted", "admits", "redeploy"}) {
        if (s.find(cue) != std::string::npos) return true;
    }
    return false;
}

double status_weight(const std::string& status, const std::string& sentence) {
    if (status == "confirmed") return concession(sentence) ? 1.5 : 1.0;
    if (status == "claimed") return 0.5;
    return 0;
}

std::set<std::string> words_of(const std::string& sentence) {
    std::set<std::string> w;
    std::string cur;
    for (char ch : sentence) {
        if (std::isalnum(static_cast<unsigned char>(ch))) {
            cur += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        } else if (!cur.empty()) {
            w.insert(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) w.insert(cur);
    return w;
}

double overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) return 0;
    std::size_t both = 0;
    for (const auto& w : a) both += b.count(w);
    return double(both) / double(a.size() + b.size() - both);
}

// One piece of evidence: a source sentence of an event (or the event itself when it has none).
struct Item {
    const Event* event = nullptr;
    Controller side = Controller::unknown;
    std::string doc;
    std::set<std::string> words;
    double weight = 0;  // status x action, before age
    Days day{};
    bool editor = false;
};

bool located(const Event& e) {
    return !(e.lat == 0 && e.lon == 0);
}

Days counts_from(const Event& e, Date base) {
    Days d = Days{e.date_end.ok() ? e.date_end : e.date};
    return d < Days{base} ? Days{base} : d;
}

// The weight of each side on day `d`: per side, each outlet once (its strongest sentence,
// aged), then similar sentences of several outlets (wire copy) once.
std::map<Controller, double> weigh(const std::vector<Item>& items, Days d, bool age = true) {
    std::map<Controller, std::vector<const Item*>> per_side;
    for (const auto& it : items) {
        if (it.day <= d) per_side[it.side].push_back(&it);
    }
    std::map<Controller, double> out;
    for (auto& [side, list] : per_side) {
        std::map<std::string, std::pair<double, const Item*>> by_doc;
        for (const Item* it : list) {
            const double age_days = double((d - it->day).count());
            const double w =
                it->editor || !age ? it->weight : it->weight * std::exp2(-age_days / kHalfLifeDays);
            auto& b = by_doc[it->doc];
            if (w > b.first) b = {w, it};
        }
        // Wire copy: a document whose sentence repeats an earlier group's joins that group.
        std::vector<std::pair<double, const Item*>> groups;
        for (const auto& [doc, wi] : by_doc) {
            bool joined = false;
            for (auto& g : groups) {
                if (overlap(g.second->words, wi.second->words) >= kSameCopy) {
                    if (wi.first > g.first) g.first = wi.first;
                    joined = true;
                    break;
                }
            }
            if (!joined) groups.push_back(wi);
        }
        double sum = 0;
        for (const auto& g : groups) sum += g.first;
        out[side] = sum;
    }
    return out;
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

std::size_t add_baseline_layer(Baseline& baseline, const std::filesystem::path& file,
                               const Gazetteer& gaz, const std::set<std::string>& wanted,
                               bool all) {
    std::set<std::string> named;
    for (const auto& e : baseline.entries) named.insert(e.place_id);
    TsvReader tsv(file, "control");
    const auto c_id = tsv.require_column("place_id"), c_ctl = tsv.require_column("controller"),
               c_src = tsv.require_column("source");
    const auto c_name = tsv.column("name"), c_lat = tsv.column("lat"), c_lon = tsv.column("lon");
    struct Row {
        BaselineEntry entry;
        std::string name;
        double lat = 0, lon = 0;
        std::string layer_id;  // the layer's own id (oc:<p-code>)
    };
    std::vector<Row> rows;
    std::size_t added = 0;
    while (auto row = tsv.next()) {
        const std::string id((*row)[c_id]);
        auto c = parse_controller((*row)[c_ctl]);
        if (!c) tsv.fail("unknown controller \"" + std::string((*row)[c_ctl]) + "\"");
        Row r{{id, *c, std::string((*row)[c_src])},
              c_name ? std::string((*row)[*c_name]) : id,
              0,
              0,
              id};
        if (c_lat && c_lon) {
            if (!to_double((*row)[*c_lat], r.lat) || !to_double((*row)[*c_lon], r.lon))
                tsv.fail("bad lat/lon");
        }
        // A community merged into a GeoNames or curated place stands for that place.
        if (const Place* p = gaz.find_id(id)) {
            r.entry.place_id = p->id;
            if (!named.count(p->id) && (all || wanted.count(p->id))) {
                baseline.entries.push_back(r.entry);
                named.insert(p->id);
                ++added;
            }
        }
        rows.push_back(std::move(r));
    }
    // Wanted places the layer does not name (e.g. a GeoNames town): the holder of the nearest
    // community within 3 km.
    for (const auto& id : wanted) {
        if (named.count(id)) continue;
        const Place* p = gaz.find_id(id);
        if (!p || p->foreign() || !p->line.empty() || (p->lat == 0 && p->lon == 0)) continue;
        const std::string kind = p->kind();
        if (kind == "governorate" || kind == "region" || kind == "country" || kind == "road")
            continue;
        const Row* best = nullptr;
        double best_km = 3.0;
        for (const auto& r : rows) {
            if (r.lat == 0 && r.lon == 0) continue;
            if (std::abs(r.lat - p->lat) > 0.05) continue;
            const double km = distance_km(p->lat, p->lon, r.lat, r.lon);
            if (km <= best_km) {
                best_km = km;
                best = &r;
            }
        }
        if (!best) continue;
        char dist[16];
        std::snprintf(dist, sizeof dist, "%.1f", best_km);
        baseline.entries.push_back({id, best->entry.controller,
                                    "as the community " + best->name + " (" + best->layer_id +
                                        ", " + dist + " km): " + best->entry.source});
        named.insert(id);
        ++added;
    }
    return added;
}

std::vector<Correction> read_corrections(const std::filesystem::path& file) {
    std::vector<Correction> rows;
    TsvReader tsv(file, "control");
    const auto c_act = tsv.require_column("action"), c_tgt = tsv.require_column("target"),
               c_ctl = tsv.require_column("controller"), c_date = tsv.require_column("date"),
               c_note = tsv.require_column("note");
    while (auto row = tsv.next()) {
        Correction c;
        c.file = file.string();
        c.line = tsv.line();
        c.action = std::string((*row)[c_act]);
        c.target = std::string((*row)[c_tgt]);
        c.note = std::string((*row)[c_note]);
        if (c.action != "reject" && c.action != "confirm" && c.action != "set")
            tsv.fail("unknown action \"" + c.action + "\" (reject, confirm or set)");
        if (c.target.empty()) tsv.fail("no target (event id or place id)");
        if (c.note.empty()) tsv.fail("no editor's note");
        if (c.action == "set") {
            auto ctl = parse_controller((*row)[c_ctl]);
            if (!ctl) tsv.fail("unknown controller \"" + std::string((*row)[c_ctl]) + "\"");
            c.controller = *ctl;
            auto d = parse_iso_date((*row)[c_date]);
            if (!d) tsv.fail("bad date \"" + std::string((*row)[c_date]) + "\" (YYYY-MM-DD)");
            c.from = *d;
        } else if (!(*row)[c_date].empty() && !parse_iso_date((*row)[c_date])) {
            tsv.fail("bad date \"" + std::string((*row)[c_date]) + "\" (YYYY-MM-DD)");
        }
        rows.push_back(std::move(c));
    }
    return rows;
}

void check_corrections(const std::vector<Correction>& rows, const std::vector<Event>& events,
                       const Gazetteer& gaz) {
    std::set<std::string> ids;
    for (const auto& e : events) ids.insert(e.id);
    for (const auto& c : rows) {
        if (c.action == "set") {
            if (!gaz.find_id(c.target))
                throw Error("control", at_line(c.file, c.line), "unknown place id " + c.target);
        } else if (!ids.count(c.target)) {
            throw Error("control", at_line(c.file, c.line),
                        "unknown event id " + c.target + " (see events.csv of this run)");
        }
    }
}

std::vector<ControlDay> build_timeline(const Baseline& baseline, const std::vector<Event>& events,
                                       const Date& last,
                                       const std::vector<Correction>& corrections) {
    std::map<std::string, const Correction*> rejected, confirmed;
    std::map<std::string, std::vector<const Correction*>> sets;  // by place, by date
    for (const auto& c : corrections) {
        if (c.action == "reject") rejected[c.target] = &c;
        if (c.action == "confirm") confirmed[c.target] = &c;
        if (c.action == "set") sets[c.target].push_back(&c);
    }
    for (auto& [place, list] : sets) {
        std::stable_sort(list.begin(), list.end(), [](const Correction* a, const Correction* b) {
            return Days{a->from} < Days{b->from};
        });
    }
    // The events that count, by place; located ones also mark where the front is.
    std::map<std::string, std::vector<const Event*>> by_place;
    std::vector<const Event*> front;
    std::map<std::string, std::string> notes;  // place -> editor's notes
    auto add_note = [&](const std::string& place, const std::string& text) {
        auto& n = notes[place];
        n += (n.empty() ? "" : "; ") + text;
    };
    for (const auto& e : events) {
        // "much of Idlib province" colours no point: a governorate or region is an area the
        // baseline zones and the places reported in it decide.
        if (e.place_kind == "governorate" || e.place_kind == "region" || e.place_kind == "country")
            continue;
        if (e.status == "denied") continue;
        if (auto r = rejected.find(e.id); r != rejected.end()) {
            add_note(e.place_id, "rejected " + e.id + ": " + r->second->note);
            continue;
        }
        if (e.located && located(e)) front.push_back(&e);
        if (!changes_control(e)) continue;
        by_place[e.place_id].push_back(&e);
    }
    for (const auto& [place, list] : sets) {
        for (const Correction* c : list) {
            add_note(place, "set " + std::string(to_string(c->controller)) + " from " +
                                to_iso(c->from) + ": " + c->note);
        }
    }
    // Evidence items per place.
    std::map<std::string, std::vector<Item>> items;
    for (const auto& [place, list] : by_place) {
        auto& out = items[place];
        for (const Event* e : list) {
            const Days day = counts_from(*e, baseline.date);
            auto conf = confirmed.find(e->id);
            if (conf != confirmed.end()) {
                add_note(place, "confirmed " + e->id + ": " + conf->second->note);
                out.push_back(
                    {e, state_controller(*e), "editor:" + e->id, {}, kEditorWeight, day, true});
                continue;
            }
            if (e->sources.empty()) {
                out.push_back({e,
                               state_controller(*e),
                               e->id,
                               {},
                               status_weight(e->status, "") * action_factor(*e),
                               day,
                               false});
            }
            for (const auto& s : e->sources) {
                const double w =
                    status_weight(s.status.empty() ? e->status : s.status, s.sentence) *
                    action_factor(*e);
                if (w <= 0) continue;
                out.push_back(
                    {e, state_controller(*e), s.doc, words_of(s.sentence), w, day, false});
            }
        }
    }
    // Near the front at the place's report of day d, as known on day `upto`: one of its own
    // reports of a day before `upto`, at most 2 x kFrontDays before d, or a located report at
    // another place within kFrontKm from kFrontDays before d up to `upto` (later fighting nearby
    // bears a lone report out). A place whose events have no coordinates cannot be judged: near.
    auto near_front = [&](const std::string& place, Days d, Days upto) {
        const auto& list = by_place.at(place);
        const Event* here = nullptr;
        for (const Event* e : list) {
            if (located(*e)) here = e;
        }
        if (!here) return true;
        // Its own reports of earlier days: the place itself is being fought over.
        for (const Event* e : list) {
            const Days ed = counts_from(*e, baseline.date);
            if (ed < upto && ed <= d && (d - ed).count() <= 2 * kFrontDays) return true;
        }
        for (const Event* f : front) {
            if (f->place_id == place) continue;
            const Days fd = counts_from(*f, baseline.date);
            if (fd > upto || (fd < d && (d - fd).count() > kFrontDays)) continue;
            if (distance_km(here->lat, here->lon, f->lat, f->lon) <= kFrontKm) return true;
        }
        return false;
    };

    std::map<std::string, PlaceState> state;
    for (const auto& e : baseline.entries) {
        PlaceState s;
        s.place_id = e.place_id;
        s.controller = e.controller;
        s.status = "baseline";
        s.basis = e.source;
        s.since = baseline.date;
        s.confidence = kBaselineConfidence;
        state[e.place_id] = std::move(s);
    }
    for (const auto& [place, n] : notes) {
        auto [it, fresh] = state.try_emplace(place);
        if (fresh) {
            it->second.place_id = place;
            it->second.since = baseline.date;
        }
        it->second.note = n;
    }
    // The side holding each place (never contested): the inertia goes to it.
    std::map<std::string, Controller> holder;
    std::map<std::string, std::string> base_source;
    std::map<std::string, std::vector<std::string>> flags;
    for (const auto& [id, s] : state) {
        holder[id] = s.controller;
        base_source[id] = s.basis;
    }

    std::vector<ControlDay> days;
    for (Date d = baseline.date; Days{d} <= Days{last}; d = add_days(d, 1)) {
        const Days today{d};
        for (const auto& [place, its] : items) {
            bool any = false;
            for (const auto& it : its) any = any || it.day <= today;
            if (!any) continue;
            auto [si, fresh] = state.try_emplace(place);
            PlaceState& s = si->second;
            if (fresh) {
                s.place_id = place;
                s.controller = Controller::unknown;
                s.since = d;
            }
            if (!its.front().event->located) s.name = its.front().event->place_name;
            // A place outside the baseline has no holder until a report gives it one.
            Controller& hold = holder.try_emplace(place, Controller::unknown).first->second;
            // A capture reported today by the side that already holds the place: no change.
            auto& flagged = flags[place];
            for (const auto& it : its) {
                // Not a follow-up of a change reported in the last days.
                if (it.day != today || !is_capture(*it.event) ||
                    (it.side != hold && it.side != ally(hold)) || hold == Controller::unknown ||
                    (s.status != "baseline" &&
                     Days{s.since} + std::chrono::days{kFrontDays} > it.day))
                    continue;
                const std::string f =
                    it.event->id + ": a capture by " +
                    (it.side == hold ? "the side that already held the place"
                                     : "an ally of the side that held the place") +
                    " (" + std::string(to_string(hold)) + "): no change";
                if (std::find(flagged.begin(), flagged.end(), f) == flagged.end())
                    flagged.push_back(f);
            }
            // Reports age against the place's latest report, not against today: a later
            // report gains on an older one, but days with nothing new reported hand the place
            // back to no one (an entry into Aleppo stays contested until a report says more).
            Days latest{};
            for (const auto& it : its) {
                if (it.day <= today) latest = std::max(latest, it.day);
            }
            auto reports = weigh(its, latest);
            // Reports that the holder's ally took the place (the SNA's factions are often
            // called "the opposition") speak for the holder.
            auto unaged = weigh(its, latest, false);
            for (auto* m : {&reports, &unaged}) {
                if (auto a = m->find(ally(hold)); a != m->end() && a->first != hold) {
                    (*m)[hold] += a->second;
                    m->erase(ally(hold));
                }
            }
            // Reports of partial control ("entered", "most of the city") that a side's report
            // of the whole place, as recent or more, follows up are stages of that capture:
            // they speak for that side, not for a contest.
            {
                Days last_contested{}, last_full{};
                Controller full_side = Controller::unknown;
                for (const auto& it : its) {
                    if (it.day > today || it.editor) continue;
                    if (it.side == Controller::contested) {
                        last_contested = std::max(last_contested, it.day);
                    } else if (it.side != Controller::unknown && it.side != hold &&
                               it.side != ally(hold) && is_capture(*it.event) &&
                               it.day >= last_full) {
                        last_full = it.day;
                        full_side = it.side;
                    }
                }
                if (full_side != Controller::unknown && last_full >= last_contested) {
                    for (auto* m : {&reports, &unaged}) {
                        if (auto c = m->find(Controller::contested); c != m->end()) {
                            (*m)[full_side] += c->second;
                            m->erase(Controller::contested);
                        }
                    }
                }
            }
            auto score = reports;
            const double inertia = near_front(place, latest, today) ? kInertiaFront : kInertiaRear;
            if (hold != Controller::unknown || s.status == "baseline") score[hold] += inertia;
            double total = 0;
            std::vector<std::pair<double, Controller>> ranked;
            for (const auto& [c, w] : score) {
                total += w;
                ranked.push_back({w, c});
            }
            std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
                if (a.first != b.first) return a.first > b.first;
                if ((a.second == hold) != (b.second == hold)) return a.second == hold;
                return a.second < b.second;
            });
            // The holder keeps the place unless the reports against it outweigh it together
            // (an SNA and an HTS report of one capture both say the holder lost it); then
            // the strongest challenger takes it.
            const auto held = score.find(hold);
            const double w_hold = held == score.end() ? 0.0 : held->second;
            const bool keeps = held != score.end() && w_hold >= total - w_hold;
            std::vector<std::pair<double, Controller>> order;
            if (keeps) order.push_back({w_hold, hold});
            for (const auto& r : ranked) {
                if (held == score.end() || r.second != hold) order.push_back(r);
            }
            if (!keeps && held != score.end()) order.push_back({w_hold, hold});
            Controller next = order.front().second;
            double conf = total > 0 ? order.front().first / total : 0;
            std::set<Controller> for_sides = {next, ally(next)};
            if (order.size() > 1) {
                const auto& [w1, c1] = order[0];
                const auto& [w2, c2] = order[1];
                auto side = [](Controller c) {
                    return c != Controller::contested && c != Controller::unknown;
                };
                // Both sides need reports of their own (the holder's inertia is no report).
                auto reported = [&](Controller c) {
                    auto r = reports.find(c);
                    return r == reports.end() ? 0.0 : r->second;
                };
                // Real claimants: confirmation-level reports (unaged, so that conflicting
                // evidence stays contested until new reports tip it), close in weight today.
                auto unaged_of = [&](Controller c) {
                    auto r = unaged.find(c);
                    return r == unaged.end() ? 0.0 : r->second;
                };
                const double r1 = reported(c1), r2 = reported(c2);
                if (side(c1) && side(c2) && c2 != ally(c1) &&
                    std::min(unaged_of(c1), unaged_of(c2)) >= kConfirmedLevel &&
                    std::min(r1, r2) >= kContestedRatio * std::max(r1, r2) &&
                    std::max(w1, w2) < kEditorWeight) {
                    next = Controller::contested;
                    conf = total > 0 ? (w1 + w2) / total : 0;
                    for_sides = {c1, c2};
                }
            }
            // Events for and against, flags.
            std::vector<std::string> ids, against;
            const Event* strongest = nullptr;
            double strongest_w = -1;
            bool any_confirmed = false;
            for (const auto& it : its) {
                if (it.day > today) continue;
                auto& list = for_sides.count(it.side) ? ids : against;
                if (std::find(list.begin(), list.end(), it.event->id) == list.end())
                    list.push_back(it.event->id);
                if (for_sides.count(it.side)) {
                    any_confirmed = any_confirmed || it.editor || it.event->status == "confirmed";
                    if (it.weight > strongest_w) {
                        strongest_w = it.weight;
                        strongest = it.event;
                    }
                }
            }
            std::reverse(against.begin(), against.end());  // latest first
            bool editor = false;
            for (const auto& it : its) editor = editor || (it.editor && it.day <= today);
            const std::string status = editor          ? "corrected"
                                       : !strongest    ? (s.status.empty() ? "claimed" : s.status)
                                       : any_confirmed ? "confirmed"
                                                       : "claimed";
            const std::string extent =
                next == Controller::contested || next == Controller::unknown || !strongest
                    ? "full"
                    : extent_of(*strongest);
            s.overruled_claims = against;
            s.flags = flagged;
            // The winner's share of the weight, times how much was reported for it at all
            // (one claim: 0.29, one confirmation: 0.5, two: 0.75); the baseline's when only
            // the holder's inertia speaks for it.
            {
                const auto& raw = unaged;
                double r = 0;
                for (Controller c : for_sides) {
                    if (auto x = raw.find(c); x != raw.end()) r += x->second;
                }
                s.confidence = conf * (strongest ? std::min(1.0, 1 - std::exp2(-r)) + 0.0
                                                 : kBaselineConfidence);
            }
            if (!strongest) {
                // The holder's inertia alone (no report for it): back to the baseline state.
                if (s.controller != next) {
                    s.controller = next;
                    s.since = d;
                    s.status = "baseline";
                    s.extent = "full";
                    s.event_ids.clear();
                    s.basis = base_source[place];
                    if (s.basis.empty()) s.basis = "not in the baseline; no report holds";
                }
                continue;
            }
            if (next != s.controller) s.since = d;
            s.controller = next;
            s.status = status;
            s.extent = extent;
            s.event_ids = ids;
            s.basis.clear();
            if (next != Controller::contested) hold = next;
        }
        // Editors' `set` rows: the holder from their date on.
        for (const auto& [place, list] : sets) {
            const Correction* c = nullptr;
            for (const Correction* x : list) {
                if (Days{x->from} <= today) c = x;
            }
            if (!c) continue;
            auto [si, fresh] = state.try_emplace(place);
            PlaceState& s = si->second;
            s.place_id = place;
            if (s.status != "corrected" || s.controller != c->controller) s.since = c->from;
            s.controller = c->controller;
            s.status = "corrected";
            s.extent = "full";
            s.confidence = 1.0;
            s.basis = "editor: " + c->note;
            holder[place] = c->controller;
        }
        days.push_back(ControlDay{d, state});
    }
    return days;
}

namespace {

// A landmark inside a built-up area (GeoNames feature codes: castle, mosque, square,
// university, building, prison, hospital, museum, monument, stadium, palace, church, school):
// it changes hands with the city around it, as a neighbourhood does. Not a military site,
// airfield, hill or dam nearby: those are fought over on their own.
bool urban_landmark(const Place& p) {
    static const std::string_view kCodes[] = {"CSTL", "MSQE", "SQR", "UNIV", "BLDG",
                                              "PRN",  "HSP",  "MUS", "MNMT", "STDM",
                                              "PAL",  "CH",   "SCH", "SCHC"};
    return std::find(std::begin(kCodes), std::end(kCodes), p.feature_code) != std::end(kCodes);
}

}  // namespace

void propagate_to_neighbourhoods(std::vector<ControlDay>& days, const Gazetteer& gaz,
                                 double radius_km) {
    if (days.empty()) return;
    const ControlDay& base = days.front();
    // City -> its neighbourhoods (and landmarks) that shared its baseline controller, each
    // with the word its basis uses.
    std::map<std::string, std::vector<std::pair<std::string, std::string_view>>> quarters;
    for (const auto& [cid, cstate] : base.places) {
        const Place* city = gaz.find_id(cid);
        if (!city || city->kind() != "city") continue;
        for (const auto& [qid, qstate] : base.places) {
            const Place* q = gaz.find_id(qid);
            if (!q || qstate.controller != cstate.controller) continue;
            const bool quarter = q->kind() == "neighbourhood";
            if (!quarter && !urban_landmark(*q)) continue;
            // (A landmark within half the radius: Aleppo's central prison, 10 km out on the
            // edge of the city, was besieged on its own.)
            const double within = quarter ? radius_km : radius_km / 2;
            if (distance_km(city->lat, city->lon, q->lat, q->lon) <= within)
                quarters[cid].emplace_back(qid, quarter ? "neighbourhood" : "landmark");
        }
    }
    for (auto& day : days) {
        for (const auto& [cid, qids] : quarters) {
            const PlaceState& c = day.places.at(cid);
            if (c.status == "baseline") continue;
            for (const auto& [qid, noun] : qids) {
                PlaceState& q = day.places[qid];
                if (q.status != "baseline" && q.basis.rfind("part of ", 0) != 0)
                    continue;  // own events
                q.controller = c.extent == "full" ? c.controller : Controller::contested;
                q.status = c.status;
                q.extent = c.extent;
                q.event_ids = c.event_ids;
                q.since = c.since;
                q.basis = "part of " + gaz.find_id(cid)->name + " (" + cid +
                          "), which changed hands (" + c.extent + "); no report names this " +
                          std::string(noun);
            }
        }
    }
}

void infer_between(std::vector<ControlDay>& days, const Gazetteer& gaz, double gap_km) {
    if (days.empty()) return;
    struct Pt {
        const std::string* id;
        double x, y;  // km on a local plane
    };
    const LocalPlane local = LocalPlane::at(0, 35.5);  // the region's middle latitude
    auto plane = [&](const Place& p) {
        const auto xy = local.to_km(p.lon, p.lat);
        return std::pair{xy[0], xy[1]};
    };
    std::map<std::string, Controller> base;
    for (const auto& [id, s] : days.front().places) base[id] = s.controller;
    auto is_side = [](Controller c) {
        return c != Controller::contested && c != Controller::unknown;
    };
    for (auto& day : days) {
        std::vector<std::pair<Pt, Controller>> taken;  // reported changes to a side
        std::vector<Pt> quiet;                         // baseline state, no report
        for (const auto& [id, s] : day.places) {
            const Place* p = gaz.find_id(id);
            if (!p || p->foreign() || !p->line.empty() || (p->lat == 0 && p->lon == 0)) continue;
            const std::string kind = p->kind();
            if (kind == "governorate" || kind == "region" || kind == "country" || kind == "road")
                continue;
            const auto [x, y] = plane(*p);
            auto b = base.find(id);
            if (b == base.end() || !is_side(b->second)) continue;
            if (s.status == "baseline") {
                quiet.push_back({&id, x, y});
            } else if ((s.status == "confirmed" || s.status == "corrected") &&
                       is_side(s.controller) && b->second != s.controller &&
                       s.basis.rfind("part of ", 0) != 0) {
                // Taken by a side on a confirmed report (claims do not carry to others).
                taken.push_back({{&id, x, y}, s.controller});
            }
        }
        // Sorted by x: a place on the detour lies within 0.55 x |ab| of the pair's midpoint.
        std::sort(quiet.begin(), quiet.end(), [](const Pt& a, const Pt& b) { return a.x < b.x; });
        std::map<std::string, PlaceState> inferred;
        for (std::size_t i = 0; i < taken.size(); ++i) {
            for (std::size_t j = i + 1; j < taken.size(); ++j) {
                const auto& [a, ca] = taken[i];
                const auto& [b, cb] = taken[j];
                // One side took both from the same holder; the place between had that holder.
                if (ca != cb || base.at(*a.id) != base.at(*b.id)) continue;
                const double ab = std::hypot(a.x - b.x, a.y - b.y);
                if (ab > gap_km) continue;
                const double mid = (a.x + b.x) / 2, reach = kDetour / 2 * ab;
                auto from = std::lower_bound(quiet.begin(), quiet.end(), mid - reach,
                                             [](const Pt& p, double x) { return p.x < x; });
                for (auto q_it = from; q_it != quiet.end() && q_it->x <= mid + reach; ++q_it) {
                    const Pt& q = *q_it;
                    if (base.at(*q.id) != base.at(*a.id) || inferred.count(*q.id)) continue;
                    const double aq = std::hypot(a.x - q.x, a.y - q.y),
                                 qb = std::hypot(q.x - b.x, q.y - b.y);
                    if (aq + qb > ab * kDetour) continue;
                    const PlaceState& sa = day.places.at(*a.id);
                    const PlaceState& sb = day.places.at(*b.id);
                    PlaceState st = day.places.at(*q.id);
                    st.controller = ca;
                    st.status = "inferred";
                    st.extent = "full";
                    st.event_ids = sa.event_ids;
                    for (const auto& e : sb.event_ids) st.event_ids.push_back(e);
                    st.confidence = 0.7 * std::min(sa.confidence, sb.confidence);
                    st.since = std::max(sa.since, sb.since);
                    st.basis = "between " + gaz.find_id(*a.id)->name + " and " +
                               gaz.find_id(*b.id)->name + ", both taken by " +
                               std::string(to_string(ca)) + "; no report names this place";
                    inferred[*q.id] = std::move(st);
                }
            }
        }
        for (auto& [id, st] : inferred) day.places[id] = std::move(st);
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
