// What the renderer draws, already projected to EPSG:3857 metres: boundary polygons and
// places with their controllers. Built once per layer, shared read-only by all threads.
#pragma once

#include <string>
#include <vector>

#include "control/controller.hpp"
#include "control/timeline.hpp"
#include "geo/boundaries.hpp"
#include "geo/mercator.hpp"
#include "gazetteer/gazetteer.hpp"

namespace frontline {

struct SceneArea {
    GeoMultiPolygon merc;  // metres
    BBox bbox;             // metres
    bool focus = false;
};

struct ScenePlace {
    double x = 0, y = 0;  // metres
    Controller controller = Controller::unknown;
    double importance = 0;  // 0..1, from population and kind
    std::string place_id;
};

struct Scene {
    std::vector<SceneArea> countries;
    std::vector<SceneArea> admin1;
    std::vector<ScenePlace> places;
    BBox focus_lonlat;  // envelope of the focus governorates, degrees
};

// Projects boundaries and the places of one control day.
Scene build_scene(const Boundaries& b, const Gazetteer& gaz, const ControlDay& day);

}  // namespace frontline
