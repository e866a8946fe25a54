// Stage 3: control-change events extracted from sentences, each traced to its sources.
#pragma once

#include <string>
#include <vector>

#include "common/date.hpp"
#include "control/controller.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"
#include "text/article.hpp"

namespace frontline {

struct EventSource {
    std::string doc;
    std::size_t sentence_index = 0;
    std::string sentence;
    std::string url;
    std::string status;  // what this sentence says: confirmed, claimed, denied
};

struct Event {
    std::string id;              // stable: "<date>/<place_id>/<action>/<controller>"
    Date date{};                 // the earliest day the sources allow (ACLED event_date)
    Date date_end{};             // the latest day; == date for "day" precision
    std::string date_precision;  // day, range, week, publication (see events/dates.hpp)
    // capture, entry, handover, withdrawal, recapture, advance, contested
    std::string action;
    std::string extent = "full";  // "partial": "large parts of", "central ... parts of", entries
    std::string actor;            // canonical actor, e.g. "Hayat Tahrir al-Sham", "PKK/YPG"
    std::string actor2;           // the other side, when the sentence names it
    Controller controller = Controller::unknown;         // who holds the place after
    Controller controller_before = Controller::unknown;  // who held it before, when known
    std::string place_id;
    std::string place_name;
    std::string place_kind;  // Place::kind()
    std::string admin1;      // governorate name ("Aleppo", "Idlib"), filled by annotate_places
    // ACLED-like: 1 the place itself, 2 near it / a line, 3 a region; 0 unlocated (below).
    int geo_precision = 1;
    // ACLED-like: 1 the day is known, 2 the week (a span of up to 7 days, or only the
    // publication date as an upper bound), 3 a longer span.
    int time_precision = 1;
    // False for a place the gazetteer could not place (Mention::located == false): the event
    // is written to events.csv/geojson with empty coordinates and geo_precision 0; it colours
    // nothing on the map, but the control stage keeps a state for the place (by its name).
    bool located = true;
    double lat = 0;
    double lon = 0;
    std::string status;  // confirmed, claimed, denied
    double confidence = 0;
    std::size_t corroboration = 0;  // distinct documents
    std::vector<EventSource> sources;
};

// The days the text allows for an event, as ACLED's event_date: "YYYY-MM-DD" for one day,
// else an ISO interval "start/end". A publication date only bounds the event: the interval
// is the week before it.
std::string event_date_interval(const Event& e);
// time_precision for the dates of `e` (see Event::time_precision).
int time_precision_of(const Event& e);

// Extracts events from one article, given its resolved mentions. Needs the article's
// publication date; articles without one yield no events (and a warning from the caller).
std::vector<Event> extract_events(const Article& article, const std::vector<Mention>& mentions);

// Merges events on the same place and controller (whatever the verb: capture, recapture,
// entry) whose dates agree within a day
// (a "publication" date is only an upper bound: it agrees with any day in the week before),
// keeping every source; sets ids, corroboration and confidence. Output sorted by date, id.
std::vector<Event> merge_events(std::vector<Event> events);

// Confidence in [0, 1) of one merged event: 1 - prod(1 - w_doc) over distinct documents,
// w = 0.6 for a confirmation, 0.3 for a claim, 0.05 for a denial (the best per document).
double event_confidence(const Event& e);

// Fills admin1 and geo_precision from the gazetteer.
void annotate_places(std::vector<Event>& events, const Gazetteer& gaz);

// The events of a set of articles, as the pipeline reports them: each article's
// (extract_events() on `mentions_of[i]`, the mentions of `articles[i]`), merged across
// articles (merge_events()) and annotated with their places (annotate_places()).
std::vector<Event> events_of(const std::vector<Article>& articles,
                             const std::vector<std::vector<Mention>>& mentions_of,
                             const Gazetteer& gaz);

}  // namespace frontline
