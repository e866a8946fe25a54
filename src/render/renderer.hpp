// Tile rendering with Cairo (anti-aliased), one tile at a time from a shared Scene.
#pragma once

#include "geo/mercator.hpp"
#include "render/image.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace frontline {

// Renders the area `extent_3857` into a `width` x `height` image. Tiles call it with a tile's
// bounds; a block of tiles can be rendered as one image with the union of their bounds and
// gives the same pixels (the seam test checks this).
Image render_extent(const Scene& scene, const Style& style, const BBox& extent_3857, int width,
                    int height, int zoom);

inline Image render_tile(const Scene& scene, const Style& style, const TileId& t, int tile_px = 256) {
    return render_extent(scene, style, tile_bounds_3857(t), tile_px, tile_px, t.z);
}

}  // namespace frontline
