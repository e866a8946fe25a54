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

// The tiles x0..x0+nx-1 by y0..y0+ny-1 of zoom z drawn as one image (a metatile): labels
// and geometry shared by its tiles are drawn once. Cut the tiles out with cut_tile().
Image render_block(const Scene& scene, const Style& style, int z, int x0, int y0, int nx, int ny,
                   int scale = 1);

// Tile (i, j) (column, row from the top-left) of a block rendered at 256 * scale px a tile.
Image cut_tile(const Image& block, int i, int j, int scale = 1);

// A 256 * scale pixel tile.
inline Image render_tile(const Scene& scene, const Style& style, const TileId& t, int scale = 1) {
    return render_extent(scene, style, tile_bounds_3857(t), 256 * scale, 256 * scale, t.z, scale);
}

}  // namespace frontline
