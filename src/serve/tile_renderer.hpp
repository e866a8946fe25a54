// The seam between the tile server and the renderer: the server asks for a block of tiles or
// a static image by layer name and gets PNG bytes. The one implementation over the library's
// Scene/Style renderer is scene_renderer.hpp; tests substitute a fake. Keeping the server on
// this interface means changes to how the main job builds scenes touch one file only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "geo/mercator.hpp"
#include "serve/request.hpp"

namespace frontline::serve {

struct LayerInfo {
    int minzoom = 0;
    int maxzoom = 0;
    BBox lonlat{-180, -kMaxLatitude, 180, kMaxLatitude};  // degrees
};

class TileRenderer {
  public:
    virtual ~TileRenderer() = default;
    // Whether this renderer can draw `layer`, and over which zooms and area.
    virtual std::optional<LayerInfo> layer(const std::string& name) = 0;
    // PNGs of the n x n tiles of zoom z whose top-left tile is (x0, y0), at `scale`.
    virtual std::vector<std::pair<TileId, std::string>> render_block(const std::string& layer,
                                                                     int z, int x0, int y0, int n,
                                                                     int scale) = 0;
    // A static image (StaticRequest already validated and fitted).
    virtual std::string render_static(const StaticRequest& r) = 0;
    // Changes when the data behind the drawings changes (a new run); part of the cache keys,
    // so rendered tiles of older data are never served again. Cheap: called per request.
    virtual std::uint64_t generation() { return 0; }
};

}  // namespace frontline::serve
