// Mentions as GeoJSON (out/mentions.geojson) or TSV.
#pragma once

#include <string>
#include <vector>

#include "gazetteer/geoparse.hpp"

namespace frontline {

// FeatureCollection of Points; properties: doc, start, end, surface, place_id, place_name,
// kind, foreign, score, runners_up.
std::string mentions_geojson(const std::vector<Mention>& mentions);
// A JSON array, one object per mention: every field of Mention, runners-up with their
// scores and reasons (for review and for other tools; GeoJSON is for maps).
std::string mentions_json(const std::vector<Mention>& mentions);
// Header: doc start end surface place_id place_name kind lat lon foreign score
std::string mentions_tsv(const std::vector<Mention>& mentions);

}  // namespace frontline
