// Events as GeoJSON (out/events.geojson) or CSV (out/events.csv).
#pragma once

#include <string>
#include <vector>

#include "events/event.hpp"

namespace frontline {

// FeatureCollection of Points; properties: id, date, date_precision, action, actor,
// controller, place_id, place_name, status, sources [{doc, sentence_index, sentence, url}].
std::string events_geojson(const std::vector<Event>& events);
// RFC 4180 CSV, one row per event; sources joined as "doc#sentence_index: sentence" by " | ".
std::string events_csv(const std::vector<Event>& events);

}  // namespace frontline
