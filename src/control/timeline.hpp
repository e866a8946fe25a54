// Stage 4: control per place per day, from a baseline plus events.
#pragma once

#include <filesystem>
#include <map>
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

struct PlaceState {
    std::string place_id;
    Controller controller = Controller::unknown;  // contested and unknown are states too
    std::string status;                           // "baseline", "confirmed", "claimed"
    std::string extent = "full";                  // "partial": only parts of the place are held
    std::vector<std::string> event_ids;           // the events behind the latest change
    std::string basis;                            // baseline source when no event changed it
    Date since{};                                 // day of the latest change (the baseline's date)
    // Claims of another controller that did not overwrite a confirmation, latest first.
    std::vector<std::string> overruled_claims;
};

struct ControlDay {
    Date date{};
    std::map<std::string, PlaceState> places;  // by place id
};

// One ControlDay per day from the baseline's date to `last` inclusive. An event counts from
// its date_end (the last day the sources allow). Per place and day the best-supported event
// wins: confirmed over claimed, then captures and hand-overs over partial control (entry,
// "large parts of") over contests over withdrawals, then confidence. Two confirmed events
// giving the place to different sides on one day make it contested. Advances and denials
// change nothing; a withdrawal leaves the place unknown; a claim never overwrites a
// confirmation (it is kept in overruled_claims), but it does overwrite the baseline and
// earlier claims.
std::vector<ControlDay> build_timeline(const Baseline& baseline, const std::vector<Event>& events,
                                       const Date& last);

// Sets controller_before of events that do not name it from the state the day before.
// Neighbourhoods follow their city. News reports a city changing hands ("rebels entered
// large parts of Aleppo") far more often than each of its quarters, which would otherwise
// keep their baseline controller beside a city that has changed. A neighbourhood within
// `radius_km` of a city whose state an event changed, and that has no event of its own and
// had the city's baseline controller, takes the city's controller when the city is held in
// full, and `contested` when only in part; its `event_ids` are the city's and its `basis`
// says so. Quarters held by another side at the baseline (e.g. SDF-held Sheikh Maqsoud in
// government-held Aleppo) are left alone.
void propagate_to_neighbourhoods(std::vector<ControlDay>& days, const Gazetteer& gaz,
                                 double radius_km = 10.0);

void fill_controller_before(std::vector<Event>& events, const std::vector<ControlDay>& days);

}  // namespace frontline
