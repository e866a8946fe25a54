// Tile input fingerprints for incremental renders: a digest of everything a tile's pixels
// depend on, so a tile whose fingerprint is unchanged since the last run need not be drawn.
#pragma once

#include <string_view>
#include <vector>

#include "common/digest.hpp"
#include "geo/mercator.hpp"
#include "render/scene.hpp"

namespace frontline {

class TileFingerprinter {
  public:
    // `style_text` is the style file's content: any style change changes every fingerprint.
    // `metatile`: tiles are drawn in aligned blocks of metatile x metatile tiles at scale 1
    // (metatile / scale at higher scales; tiles/pyramid.hpp's kMetatile).
    TileFingerprinter(const Scene& scene, std::string_view style_text, int metatile = 8);

    // Combines: the style, the static geometry (boundaries, roads: the same for every tile,
    // so any change re-renders all), the zoom and scale, every place within kMarginPx of the
    // tile (position and all its properties), for every control area that comes within
    // kMarginPx of the tile's metatile all its edges on the metatile's rows (or, if none,
    // whether the tile lies inside it), and every placed label crossing the tile. An area is
    // one Cairo fill over the block the tile is drawn in, and its anti-aliasing on a pixel row
    // can change with any edge on that row: Cairo clips edges beside the block to vertical
    // edges at its sides, and treats a row whole or by sub-rows depending on every edge that
    // starts or ends in it. Counting only edges near the tile, an area changed 70 km away
    // changed tiles by a level here and there (issue 17: incremental != clean).
    // Thread-safe (const, no shared mutable state).
    Digest operator()(const TileId& t, int scale) const;

    // Farther than this from a tile, a place cannot touch its pixels: the largest dot, ring
    // and halo in the shipped styles are under 20 px.
    static constexpr double kMarginPx = 64;

  private:
    struct Item {
        double x, y;  // metres
        Digest d;
    };
    const Scene& scene_;
    int metatile_;
    Digest base_;
    struct Segment {
        double x0, y0, x1, y1;  // metres
    };
    struct AreaItem {
        BBox box;  // metres
        std::string props;
        // The edges of every ring as drawn: of the area's geometry at zoom minzoom + i
        // (simplify_scene: simplification is not local, so the raw edges are not enough),
        // and the raw ones for other zooms.
        int minzoom = 0;
        std::vector<std::vector<Segment>> by_zoom;
        std::vector<Segment> raw;
        const std::vector<Segment>& edges(int z) const {
            const int i = z - minzoom;
            return i >= 0 && i < static_cast<int>(by_zoom.size())
                       ? by_zoom[static_cast<std::size_t>(i)]
                       : raw;
        }
    };
    std::vector<Item> places_;
    std::vector<AreaItem> areas_;
};

}  // namespace frontline
