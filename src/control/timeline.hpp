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
    Controller controller = Controller::unknown;
    std::string status;  // "baseline", "confirmed", "claimed"
    std::vector<std::string> event_ids;  // the events behind the latest change
    std::string basis;                   // baseline source when no event changed it
};

struct ControlDay {
    Date date{};
    std::map<std::string, PlaceState> places;  // by place id
};

// One ControlDay per day from the baseline's date to `last` inclusive. Events are applied in
// date order; a claim never overwrites a confirmation made on the same or a later day.
std::vector<ControlDay> build_timeline(const Baseline& baseline, const std::vector<Event>& events,
                                       const Date& last);

}  // namespace frontline
