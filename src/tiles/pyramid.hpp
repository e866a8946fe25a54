// Tile pyramids: every tile of a zoom range over an area, rendered in parallel and written
// as an XYZ directory (y = 0 at the north), plus a TileJSON 3.0.0 description.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/attribution.hpp"
#include "common/digest.hpp"
#include "geo/mercator.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "tiles/pmtiles.hpp"
#include "tiles/png.hpp"

namespace frontline {

// Writes XYZ tile files atomically, storing identical content once: the first tile with some
// content is written, later identical tiles (empty sea, plain land, the same tile on another
// day's layer) become hard links to it. Share one store across the layers of a run.
class XyzStore {
  public:
    // Returns true if the bytes were written, false if the tile was linked to an earlier one.
    bool put(const std::filesystem::path& path, std::string_view png, const Digest& d);
    // As put(), but the first copy of this content is a hard link to `previous` (the same
    // bytes, an earlier run's file) rather than written again.
    bool put_from(const std::filesystem::path& path, const std::filesystem::path& previous,
                  std::string_view png, const Digest& d);
    // Records a tile already on disk with this content (an incremental run's reused tile).
    void note(const std::filesystem::path& path, const Digest& d);
    std::size_t unique() const;

    // Tiles by their inputs (tile, scale and input fingerprint): a tile of another layer
    // with the same inputs, rendered earlier in this run, is read back instead of drawn
    // (days before the first event have identical maps).
    void remember_input(const std::string& key, const std::filesystem::path& path);
    std::filesystem::path find_input(const std::string& key) const;  // empty if unknown

  private:
    mutable std::mutex mutex_;
    std::unordered_map<Digest, std::filesystem::path, DigestHash> first_;
    std::unordered_map<std::string, std::filesystem::path> by_input_;
};

struct PyramidOptions {
    std::string layer = "control";
    int minzoom = 5;
    int maxzoom = 10;
    BBox lonlat;                      // area to cover, degrees
    std::filesystem::path tiles_dir;  // tiles go to <tiles_dir>/<layer>/{z}/{x}/{y}.png
    // The previous run's tiles, for incremental runs: its <layer>.state and the tiles it
    // names are read there, and an unchanged tile is hard-linked from there into tiles_dir
    // (a run writes into a staging folder, common/generation.hpp). Empty: tiles_dir itself.
    std::filesystem::path previous_tiles_dir;
    int threads = 0;                // 0: all cores
    std::vector<int> scales = {1};  // 1: {y}.png (256 px); 2: {y}@2x.png (512 px)
    XyzStore* store = nullptr;      // dedupe across layers; a private one if null
    bool mbtiles = true;            // also <tiles_dir>/<layer>.mbtiles (scale 1 tiles)
    bool pmtiles = true;            // also <tiles_dir>/<layer>.pmtiles (scale 1 tiles)
    PngOptions png;
    // Sharding past one machine: this run renders only shard `shard_index` (0-based) of
    // `shard_count`; blocks of kShardBlock consecutive tiles go round-robin to the shards.
    int shard_index = 0;
    int shard_count = 1;
    // Incremental runs: a fingerprint of everything that goes into a tile (style, features
    // near it, labels); must be thread-safe. When set, a tile whose fingerprint equals the
    // one in the previous run's state file (<tiles_dir>/<layer>.state) and whose file is
    // intact is not rendered again.
    std::function<Digest(const TileId&, int scale)> fingerprint;
    // False (`--no-incremental`): every tile is drawn; the fingerprints are still recorded,
    // so the state file is the same as an incremental run's and the next run can reuse.
    bool reuse = true;
    // Called after each stored chunk with (tiles done, tiles in this run); from one thread.
    std::function<void(std::size_t, std::size_t)> progress;
    std::string attribution = attribution_html();
    std::string description;
};

// Tiles per shard block: consecutive tiles share a block so that a shard renders compact
// areas, and the blocks alternate so that every shard gets every zoom.
constexpr std::size_t kShardBlock = 64;

// Tiles are drawn in metatiles: the aligned blocks of kMetatile x kMetatile tiles of a zoom
// (kMetatile / 2 for @2x tiles, so both are 2048 px), cut to the region. Cairo's
// anti-aliasing of a long edge can differ by a level or two with the extent drawn, so the
// block a tile is drawn in is fixed: the same tile always gets the same bytes, whatever the
// threads, shards or incremental reuse.
constexpr int kMetatile = 8;

struct Metatile {
    int z, x0, y0, nx, ny;  // the tiles x0..x0+nx-1, y0..y0+ny-1 of zoom z
    bool operator==(const Metatile&) const = default;
};

// The metatile that tile `t` is drawn in at `scale`, for a region whose tiles at t's zoom
// run from `nw` to `se`.
Metatile metatile_of(const TileId& t, int scale, const TileId& nw, const TileId& se);

struct PyramidStats {
    std::size_t tiles = 0;      // tiles written (all scales)
    std::size_t bytes = 0;      // PNG bytes produced, before deduplication
    std::size_t unique = 0;     // distinct scale-1 tiles stored in the MBTiles
    std::size_t reused = 0;     // tiles not rendered again (incremental runs)
    std::size_t changed = 0;    // tiles whose bytes differ from the previous run (or are new)
    std::size_t metatiles = 0;  // metatiles rendered (all scales)
};

// All tiles of zoom z covering the lon/lat box.
std::vector<TileId> tiles_covering(const BBox& lonlat, int z);

// The most tiles one layer may have at one scale over its zoom range (README: about z17 for
// the two governorates). Deeper pyramids are refused before anything is drawn: their tile
// lists alone would not fit in memory (z22 over the governorates: 670 million tiles).
inline constexpr std::uint64_t kMaxTilesPerLayer = 1'000'000;

// How many tiles of zooms minzoom..maxzoom cover the lon/lat box (counted, not listed).
std::uint64_t count_tiles(const BBox& lonlat, int minzoom, int maxzoom);

// Throws OptionError("tiles", "{zoom} MIN-MAX", ...) when count_tiles() is over
// kMaxTilesPerLayer, naming the count and the deepest zoom that fits.
void check_tile_count(const BBox& lonlat, int minzoom, int maxzoom);

// Renders every tile of the zoom range, in parallel, in chunks whose results are stored in
// tile order: the output (files and MBTiles) is byte-identical for any thread count.
PyramidStats render_pyramid(const Scene& scene, const Style& style, const PyramidOptions& opt);

// Besides the tiles, every run writes <tiles_dir>/<layer>.changed: the URL paths
// (<layer>/{z}/{x}/{y}[@2x].png) of tiles whose bytes changed since the previous run, one per
// line, for an nginx or CDN purge; and <layer>.state (tile, input and output digests) for
// the next run.

// The file of a tile: <tiles_dir>/<layer>/{z}/{x}/{y}[@2x].png
std::filesystem::path tile_path(const PyramidOptions& opt, const TileId& t, int scale);

// The PMTiles header fields and JSON metadata of a layer (the MBTiles metadata's values).
PmInfo pmtiles_info(const PyramidOptions& opt);

// TileJSON 3.0.0 (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0): `tilejson`,
// `tiles` are required; we add name, bounds, center, minzoom, maxzoom, attribution.
std::string tilejson(const PyramidOptions& opt, const std::string& tiles_url);

}  // namespace frontline
