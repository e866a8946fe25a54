// Tile rendering with Cairo (anti-aliased), one tile at a time from a shared Scene.
#pragma once

#include "geo/mercator.hpp"
#include "render/image.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace frontline {

// Renders the area `extent_3857` into a `width` x `height` image. Tiles call it with a tile's
// bounds; a block of tiles can be rendered as one image with the union of their bounds and
// gives the same pixels (the seam test checks this). `scale` multiplies every size in the
// style (2 for @2x tiles, which cover the same ground with 512 px).
Image render_extent(const Scene& scene, const Style& style, const BBox& extent_3857, int width,
                    int height, int zoom, double scale = 1.0);

// A 256 * scale pixel tile.
inline Image render_tile(const Scene& scene, const Style& style, const TileId& t, int scale = 1) {
    return render_extent(scene, style, tile_bounds_3857(t), 256 * scale, 256 * scale, t.z, scale);
}

}  // namespace frontline
