// What the renderer draws, already projected to EPSG:3857 metres: the feature sets a style's
// layers select by `source-layer` (countries, admin1, focus, places, roads), each feature
// with the properties that filters and expressions read, and the labels placed once per zoom
// for the whole region. Built once per tile layer, then shared read-only by all threads.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "control/areas.hpp"
#include "control/controller.hpp"
#include "control/timeline.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geo/boundaries.hpp"
#include "geo/mercator.hpp"
#include "render/expression.hpp"

namespace frontline {

struct SceneArea {
    GeoMultiPolygon merc;  // metres
    BBox bbox;             // metres
    bool focus = false;
    // countries, admin1: name, country, focus; control-areas: controller, controller_before,
    // changed (only what a style needs: a tile's fingerprint digests the properties of the
    // areas it shows, so a size or count here would redraw every tile of the area)
    Json props = Json::object();
    // `merc` simplified for zoom simplified_minzoom + i (see simplify_scene); empty: none.
    std::vector<GeoMultiPolygon> simplified;
    int simplified_minzoom = 0;
};

// The geometry to draw at `zoom`: simplified for that zoom if simplify_scene() made one.
const GeoMultiPolygon& geometry_at(const SceneArea& a, int zoom);

struct ScenePlace {
    double x = 0, y = 0;  // metres
    Controller controller = Controller::unknown;
    double importance = 0;  // 0..1, from population
    std::string place_id;
    // id, name, kind, controller, controller_before, changed, status, population, importance
    Json props = Json::object();
};

// The properties of a place for filters and expressions: `props`, or for a place built
// without them (older callers set only the fields) ones made from the fields into `scratch`.
const Json& place_props(const ScenePlace& p, Json& scratch);

struct SceneLine {
    std::vector<GeoPoint> merc;  // metres
    BBox bbox;
    Json props = Json::object();  // id, name, ref ("M4"), kind
};

// One label placed by place_labels(): where it sits in global pixels of its zoom at scale 1
// (integers, so every tile that shows a part of it rasterises it identically) and how to draw it.
struct PlacedLabel {
    std::size_t layer = 0;  // index of its symbol layer in the style
    std::string text;       // after text-transform
    std::string
        font;  // Pango font description without size, e.g. "Noto Sans, Noto Naskh Arabic Bold"
    double size = 12;           // px at scale 1
    double letter_spacing = 0;  // em
    double x = 0, y = 0;        // top-left of the Pango layout, global px at scale 1
    BBox box;                   // ink + halo, global px at scale 1 (y down)
    double colour[4] = {0, 0, 0, 1};
    double halo[4] = {0, 0, 0, 0};
    double halo_width = 0;  // px at scale 1
    std::string feature;    // place id or area name, for tests and messages
};

struct Scene {
    std::vector<SceneArea> countries;
    std::vector<SceneArea> admin1;  // `focus` selects those with focus = true
    // Control areas of the day (control/areas.hpp), in Controller order; `changed` areas are
    // ground that another controller held on the `before` day.
    std::vector<SceneArea> control_areas;
    std::vector<ScenePlace> places;
    std::vector<SceneLine> roads;
    BBox focus_lonlat;                               // envelope of the focus governorates, degrees
    std::map<int, std::vector<PlacedLabel>> labels;  // by zoom, filled by place_labels()
    // Labels place_labels() left out because no installed font has one of their characters,
    // one line per label (naming it, its feature and layer, and the characters).
    std::vector<std::string> label_warnings;
};

// The polygon set a style layer's `source-layer` names: countries, admin1 (also for `focus`,
// which filters it) or control-areas.
const std::vector<SceneArea>& areas_for(const Scene& scene, const std::string& source_layer);

// Projects boundaries, roads, the places of one control day and its control areas. With
// `before`, places whose controller differs from that day get changed = true and
// controller_before = the old one.
Scene build_scene(const Boundaries& b, const Gazetteer& gaz, const ControlDay& day,
                  const ControlDay* before = nullptr);

// Replaces the scene's control areas with `now` (lon/lat) projected, plus the ground that
// changed hands since `then` (changed = true, controller_before = the old holder).
void set_control_areas(Scene& scene, const std::vector<ControlArea>& now,
                       const std::vector<ControlArea>& then);

// Douglas-Peucker simplification (Boost.Geometry) of every polygon set for each zoom, to a
// tolerance well under a pixel of that zoom's @2x tiles, so low zooms walk far fewer vertices
// and look the same. Call once after build_scene; rendering then reads it from many threads.
void simplify_scene(Scene& scene, int minzoom, int maxzoom);

}  // namespace frontline
