// Administrative boundaries read with GDAL/OGR (default: Natural Earth admin-1 from the
// GeoPackage that scripts/setup.sh caches, with UN OCHA's Syrian governorates and outline from
// data/boundaries/ in place of Natural Earth's), as Boost.Geometry multipolygons in lon/lat.
#pragma once

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "geo/mercator.hpp"

namespace frontline {

namespace bg = boost::geometry;
using GeoPoint = bg::model::d2::point_xy<double>;
using GeoPolygon = bg::model::polygon<GeoPoint>;
using GeoMultiPolygon = bg::model::multi_polygon<GeoPolygon>;

struct AdminArea {
    std::string name;      // "Aleppo", "Idlib", or a country's name
    std::string country;   // ISO alpha-2
    bool focus = false;    // one of the governorates the map is about
    GeoMultiPolygon geom;  // lon/lat
};

// data/boundaries/ of the data directory (common/data_dir.hpp): UN OCHA's Syrian governorates.
std::filesystem::path default_syria_boundaries_dir();

struct BoundaryOptions {
    std::filesystem::path source;  // any OGR data source
    // UN OCHA's Syrian governorates (syria_admin1.geojson, derived by
    // data/boundaries/derive.sh): more precise than Natural Earth's, they replace the source's
    // Syrian admin-1 areas. Empty: the source's own.
    std::filesystem::path syria_dir = default_syria_boundaries_dir();
    std::string admin1_layer = "states_provinces";
    std::string country_layer = "countries";
    std::vector<std::string> focus = {"Aleppo", "Idlib"};  // admin-1 `name` values
    // Area to read (lon/lat): the focus region with a margin.
    double minx = 34.5, miny = 34.0, maxx = 40.5, maxy = 37.6;
};

struct Boundaries {
    std::vector<AdminArea> admin1;     // admin-1 areas intersecting the window
    std::vector<AdminArea> countries;  // countries intersecting the window
};

// The default source: $FRONTLINE_BOUNDARIES, else $FRONTLINE_CACHE/world_map.gpkg, else
// ~/.cache/frontline/world_map.gpkg.
std::filesystem::path default_boundaries_path();

// Throws Error("boundaries", source, ...) if the source cannot be opened or lacks layers.
Boundaries read_boundaries(const BoundaryOptions& opt);

// The lon/lat envelope of the focus areas' outer rings: the map's region (the default tile
// area). An inverted (empty) box when no area is in focus.
BBox focus_lonlat(const Boundaries& b);

}  // namespace frontline
