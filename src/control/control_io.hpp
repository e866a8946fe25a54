// A control day as GeoJSON (out/control/<date>.geojson): one Point per place with its
// controller, status, extent, since, confidence, the events (or baseline source) behind it,
// the events against it (`overruled_claims`), flags on implausible reports and the editor's
// note.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "control/timeline.hpp"
#include "gazetteer/gazetteer.hpp"

namespace frontline {

std::string control_day_geojson(const ControlDay& day, const Gazetteer& gaz);

// Reads a file written by control_day_geojson() back: the date (the file's `date`, else its
// name) and per feature place_id, controller, status, extent, since and basis. Throws
// Error("control", file, ...) if it is not such a FeatureCollection.
ControlDay read_control_day_geojson(const std::filesystem::path& file);

// Every <dir>/<YYYY-MM-DD>.geojson (not the -areas files beside them), by date: the timeline
// a run wrote, its first day the baseline. Throws Error("control", dir, ...) if there is none.
std::vector<ControlDay> read_control_days(const std::filesystem::path& dir);

}  // namespace frontline
