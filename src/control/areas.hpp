// Control areas: who holds which ground, estimated from the places whose control is known.
// Voronoi cells of the places (Boost.Polygon), each cut to a disc of `max_km` around its
// place, clipped to the map's focus area (Boost.Geometry), dissolved by controller. Ground
// farther than max_km from every place, and the cells of places of unknown control, are
// "unknown". Plain values in and out, so the renderer can draw the same areas.
#pragma once

#include <string>
#include <vector>

#include "common/date.hpp"
#include "control/controller.hpp"
#include "control/timeline.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geo/boundaries.hpp"

namespace frontline {

struct AreaSite {
    std::string place_id;
    double lon = 0;
    double lat = 0;
    Controller controller = Controller::unknown;
};

struct ControlArea {
    Controller controller = Controller::unknown;
    GeoMultiPolygon geom;                // lon/lat
    std::vector<std::string> place_ids;  // the places whose cells make it up, sorted
    double area_km2 = 0;
};

struct AreaOptions {
    double max_km = 15;  // a place says nothing about ground farther than this
    int disc_segments = 48;
};

// One area per controller present (unknown included when any ground is unknown), in
// Controller order. Sites at the same spot (to 10 m) share one cell: the first site's
// controller, or contested if they disagree. An empty clip gives no areas.
std::vector<ControlArea> control_areas(const std::vector<AreaSite>& sites,
                                       const GeoMultiPolygon& clip, const AreaOptions& opt = {});

// Ground that changed hands between two days' areas: for every pair of known controllers
// (before != now), the part of `before`'s area of the first that is `now`'s area of the
// second. Pieces under ~10 km2 are dropped. ControlArea::controller is the new holder.
struct ChangedGround {
    Controller before = Controller::unknown;
    ControlArea now;
};
std::vector<ChangedGround> changed_ground(const std::vector<ControlArea>& before,
                                          const std::vector<ControlArea>& now);

// The union of two areas (e.g. the Aleppo and Idlib governorates into one clip).
GeoMultiPolygon union_of(const GeoMultiPolygon& a, const GeoMultiPolygon& b);

// The clip of the control areas: the union of the focus governorates, simplified to 1e-4
// degrees (~10 m; see areas.cpp).
GeoMultiPolygon focus_clip(const Boundaries& b);

// The sites of one day: the places in the gazetteer that stand for ground (not foreign, not
// roads, governorates, regions or countries), in place id order.
std::vector<AreaSite> area_sites(const Gazetteer& gaz, const ControlDay& day);

// FeatureCollection with a top-level "date" and one MultiPolygon feature per area;
// properties: controller, place_ids, area_km2.
std::string control_areas_geojson(const std::vector<ControlArea>& areas, const Date& date);

}  // namespace frontline
