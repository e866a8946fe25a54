// A control day as GeoJSON (out/control/<date>.geojson): one Point per place with its
// controller, status, extent, since, the events (or baseline source) behind it and the claims
// it overruled.
#pragma once

#include <string>

#include "control/timeline.hpp"
#include "gazetteer/gazetteer.hpp"

namespace frontline {

std::string control_day_geojson(const ControlDay& day, const Gazetteer& gaz);

}  // namespace frontline
