// Tile pyramids: every tile of a zoom range over an area, rendered in parallel and written
// as an XYZ directory (y = 0 at the north), plus a TileJSON 3.0.0 description.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "geo/mercator.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "tiles/png.hpp"

namespace frontline {

struct PyramidOptions {
    std::string layer = "control";
    int minzoom = 5;
    int maxzoom = 10;
    BBox lonlat;                      // area to cover, degrees
    std::filesystem::path tiles_dir;  // tiles go to <tiles_dir>/<layer>/{z}/{x}/{y}.png
    int threads = 0;                  // 0: all cores
    PngOptions png;
    std::string attribution =
        "Frontline; places &copy; GeoNames (CC BY 4.0); boundaries: Natural Earth (public domain)";
    std::string description;
};

struct PyramidStats {
    std::size_t tiles = 0;
    std::size_t bytes = 0;
};

// All tiles of zoom z covering the lon/lat box.
std::vector<TileId> tiles_covering(const BBox& lonlat, int z);

PyramidStats render_pyramid(const Scene& scene, const Style& style, const PyramidOptions& opt);

// TileJSON 3.0.0 (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0): `tilejson`,
// `tiles` are required; we add name, bounds, center, minzoom, maxzoom, attribution.
std::string tilejson(const PyramidOptions& opt, const std::string& tiles_url);

}  // namespace frontline
