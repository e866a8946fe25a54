// Stage 4: control per place per day, from a baseline plus events.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "control/controller.hpp"
#include "events/event.hpp"
#include "gazetteer/gazetteer.hpp"

namespace frontline {

struct BaselineEntry {
    std::string place_id;
    Controller controller = Controller::unknown;
    std::string source;
};

struct Baseline {
    Date date{};
    std::vector<BaselineEntry> entries;
};

// Reads data/baseline/<YYYY-MM-DD>.tsv (columns place_id, controller, source); the date
// comes from the file name. Unknown place ids and controllers are errors naming the line.
Baseline read_baseline(const std::filesystem::path& file, const Gazetteer& gaz);

// Adds the rows of a community-level baseline layer (the baseline's columns, optionally
// name, lat, lon; e.g. data/baseline/2024-11-26-communities.tsv, derived by
// scripts/derive_baseline.py) that the baseline does not name yet (the point rows win): with
// `all` every row whose place the gazetteer knows (the layer covers every OCHA community; the
// gazetteer may carry fewer), else those of `wanted` (e.g. the places events name). A wanted
// place the layer does not name (a GeoNames town) takes the holder of the nearest community
// within 3 km. Returns the number of rows added.
std::size_t add_baseline_layer(Baseline& baseline, const std::filesystem::path& file,
                               const Gazetteer& gaz, const std::set<std::string>& wanted,
                               bool all = false);

struct PlaceState {
    std::string place_id;
    Controller controller = Controller::unknown;  // contested and unknown are states too
    std::string status;  // "baseline", "confirmed", "claimed", "corrected" (an editor's row)
    std::string extent = "full";         // "partial": only parts of the place are held
    std::vector<std::string> event_ids;  // the events for this state (both sides if contested)
    std::string basis;                   // baseline source when no event changed it
    Date since{};                        // day of the latest change (the baseline's date)
    double confidence = 0;               // in [0, 1]: the state's share of the weighed evidence
    // Events that speak against the state (another controller), latest first.
    std::vector<std::string> overruled_claims;
    std::vector<std::string> flags;  // implausible reports, e.g. a capture by the holder
    std::string note;                // the editor's notes (corrections) on this place
    // A place the gazetteer lacks ("unlocated:<key>"): the name the reports give it. Such a
    // place has a state (from its reports alone: no baseline holder) but no point or area.
    std::string name;
};

struct ControlDay {
    Date date{};
    std::map<std::string, PlaceState> places;  // by place id
};

// An editorial correction (--corrections FILE): reject an event, confirm it, or set a
// place's holder from a date; the strongest evidence there is.
struct Correction {
    std::string action;                           // reject, confirm, set
    std::string target;                           // event id (reject, confirm) or place id (set)
    Controller controller = Controller::unknown;  // set
    Date from{};                                  // set
    std::string note;
    std::string file;  // where the row is, for messages
    std::size_t line = 0;
};

// Reads a corrections TSV (columns action, target, controller, date, note; controller and
// date only for `set`). Bad actions, controllers or dates are errors naming file and line.
std::vector<Correction> read_corrections(const std::filesystem::path& file);

// Refuses rows whose event id is not among `events` or whose place is not in the gazetteer,
// naming file and line (Error "control", exit code 1).
void check_corrections(const std::vector<Correction>& rows, const std::vector<Event>& events,
                       const Gazetteer& gaz);

// One ControlDay per day from the baseline's date to `last` inclusive. An event counts from
// its date_end (the last day the sources allow). Every report up to a day is weighed (see
// docs/CONTROL.md): per source its status (a concession by the losing side 1.5, the outlet's
// own voice 1.0, a side's claim 0.5), once per outlet and once per wire copy (similar
// sentences in several outlets), times the action (a full capture 1, partial control 0.6,
// contested and withdrawals 0.5), halved every kHalfLifeDays days of age. The holder keeps
// an inertia weight: small near the front, large far behind it (no located report within
// 40 km in the last 4 days), so that one report there needs corroboration. The side with the
// most weight holds the place; two sides both with confirmed-level weight and close scores
// make it contested. A capture by the holder is no change and is flagged. Advances and
// denials change nothing; events on governorates and regions are ignored. A place the
// gazetteer lacks ("unlocated:" events) gets a state from its reports alone, with the reported
// name, and marks no front. Corrections: a rejected event is dropped, a confirmed one outweighs
// everything else, a `set` row fixes the holder from its date on.
std::vector<ControlDay> build_timeline(const Baseline& baseline, const std::vector<Event>& events,
                                       const Date& last,
                                       const std::vector<Correction>& corrections = {});

// Neighbourhoods follow their city. News reports a city changing hands ("rebels entered
// large parts of Aleppo") far more often than each of its quarters, which would otherwise
// keep their baseline controller beside a city that has changed. A neighbourhood within
// `radius_km` of a city whose state an event changed, and that has no event of its own and
// had the city's baseline controller, takes the city's controller when the city is held in
// full, and `contested` when only in part; its `event_ids` are the city's and its `basis`
// says so. Quarters held by another side at the baseline (e.g. SDF-held Sheikh Maqsoud in
// government-held Aleppo) are left alone. Landmarks inside the city (its citadel, squares,
// mosques, prisons: GeoNames building codes, within half the radius) follow it the same
// way; military sites and airfields near it do not.
void propagate_to_neighbourhoods(std::vector<ControlDay>& days, const Gazetteer& gaz,
                                 double radius_km = 10.0);

// Carries reported changes to places no report names. A place with its baseline state (no
// event of its own) that lies between two places one side took from its holder on confirmed
// reports, on the same axis (the detour through it at most 5% longer than the straight
// line, the two at most `gap_km` apart), and that had the same baseline holder as they,
// follows them: status "inferred", the two places' events, a basis naming them and a
// confidence below theirs. Roads and regions neither carry nor take. A place far from any
// report keeps its baseline holder.
void infer_between(std::vector<ControlDay>& days, const Gazetteer& gaz, double gap_km = 40.0);

// Sets controller_before of events that do not name it from the state the day before.
void fill_controller_before(std::vector<Event>& events, const std::vector<ControlDay>& days);

}  // namespace frontline
