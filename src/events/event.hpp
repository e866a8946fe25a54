// Stage 3: control-change events extracted from sentences, each traced to its sources.
#pragma once

#include <string>
#include <vector>

#include "common/date.hpp"
#include "control/controller.hpp"
#include "gazetteer/geoparse.hpp"
#include "text/article.hpp"

namespace frontline {

struct EventSource {
    std::string doc;
    std::size_t sentence_index = 0;
    std::string sentence;
    std::string url;
};

struct Event {
    std::string id;  // stable: derived from date, place and action
    Date date{};
    std::string date_precision;  // "day" (stated), "publication" (publication date used)
    std::string action;          // capture, entry, handover, withdrawal, advance, contested
    std::string actor;           // as written, e.g. "rebels", "PKK/YPG"
    Controller controller = Controller::unknown;  // who holds the place after the event
    std::string place_id;
    std::string place_name;
    double lat = 0;
    double lon = 0;
    std::string status;  // confirmed, claimed, denied
    std::vector<EventSource> sources;
};

// Extracts events from one article, given its resolved mentions. Needs the article's
// publication date; articles without one yield no events (and a warning from the caller).
std::vector<Event> extract_events(const Article& article, const std::vector<Mention>& mentions);

// Merges events on the same place, controller, action and date, keeping every source.
std::vector<Event> merge_events(std::vector<Event> events);

}  // namespace frontline
