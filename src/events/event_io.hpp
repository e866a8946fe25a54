// Events as GeoJSON (out/events.geojson) or CSV (out/events.csv).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "events/event.hpp"

namespace frontline {

// ACLED's event_type and sub_event_type for an event (ACLED Codebook 2023, section 3):
// captures by a non-state side are "Battles / Non-state actor overtakes territory", by the
// government "Battles / Government regains territory"; hand-overs and withdrawals
// "Strategic developments / Non-violent transfer of territory"; contested places
// "Battles / Armed clash"; advances "Strategic developments / Other".
std::pair<std::string, std::string> acled_type(const Event& e);

// FeatureCollection of Points (geometry null for unlocated events); properties: id, date, date_end,
// date_precision, action, event_type, sub_event_type, extent, actor, actor2, controller,
// controller_before, place_id, place_name, admin1, geo_precision, time_precision, event_date (ISO
// day or interval), located, status, confidence, corroboration, sources [{doc, sentence_index,
// sentence, url, status}].
std::string events_geojson(const std::vector<Event>& events);
// RFC 4180 CSV, one row per event, ACLED-like columns first (see kEventCsvHeader);
// sources joined as "doc#sentence_index: sentence" by " | ".
std::string events_csv(const std::vector<Event>& events);

extern const char* const kEventCsvHeader;

}  // namespace frontline
