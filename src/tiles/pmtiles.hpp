// PMTiles v3 (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): one file per
// layer that a browser or CDN reads with HTTP range requests, no tile server needed.
//
// What the writer produces, section by section (spec chapter 2 order):
//   127-byte header | root directory | JSON metadata | leaf directories | tile data
// - Tile IDs are positions on the Hilbert curves of zoom 0, 1, 2, ... (spec 4.1).
// - Tile data is clustered: blobs are stored in TileID order, so the header's clustered flag
//   is set; a tile whose content appeared before points back at the first copy (identical
//   contents stored once), and consecutive TileIDs with the same content become one entry
//   with a RunLength (spec 4.1).
// - Directories are varint-encoded, TileIDs delta-encoded, contiguous offsets written as 0
//   (spec 4.2), then gzip-compressed (InternalCompression 2, zlib; the metadata too). Tiles
//   are PNG (TileType 2) stored as they are (TileCompression 1, none).
// - Header plus root directory stay within the first 16,384 bytes (spec 4: the root is at
//   most 16,257 bytes compressed); when all entries do not fit, they go to leaf directories
//   of 4096 entries or more and the root lists the leaves (one level, as the spec advises).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/digest.hpp"
#include "geo/mercator.hpp"

namespace frontline {

// Spec 3.2 and 3.3 enums.
enum class PmCompression : std::uint8_t { unknown = 0, none = 1, gzip = 2, brotli = 3, zstd = 4 };
enum class PmTileType : std::uint8_t {
    unknown = 0,
    mvt = 1,
    png = 2,
    jpeg = 3,
    webp = 4,
    avif = 5
};

constexpr std::size_t kPmHeaderSize = 127;
constexpr std::size_t kPmRootLimit = 16384;  // header + root directory (spec 4)

// TileID of z/x/y (spec 4.1: 0/0/0 -> 0, 1/0/0 -> 1, 1/0/1 -> 2, 1/1/1 -> 3, 1/1/0 -> 4).
std::uint64_t pmtiles_tile_id(const TileId& t);
// The inverse; throws Error("pmtiles", ...) for IDs beyond zoom 31.
TileId pmtiles_tile(std::uint64_t id);

struct PmEntry {
    std::uint64_t tile_id = 0;
    std::uint64_t offset = 0;  // into the tile data section, or the leaf section (run_length 0)
    std::uint32_t length = 0;
    std::uint32_t run_length = 0;  // tiles tile_id .. tile_id + run_length - 1; 0: a leaf
    friend bool operator==(const PmEntry&, const PmEntry&) = default;
};

// Directory serialisation before compression (spec 4.2) and back (spec 4.3).
std::string encode_pm_directory(const std::vector<PmEntry>& entries);
std::vector<PmEntry> decode_pm_directory(std::string_view raw, const std::string& where);

struct PmHeader {
    std::uint64_t root_offset = 0, root_length = 0;
    std::uint64_t metadata_offset = 0, metadata_length = 0;
    std::uint64_t leaf_offset = 0, leaf_length = 0;
    std::uint64_t data_offset = 0, data_length = 0;
    std::uint64_t addressed_tiles = 0, tile_entries = 0, tile_contents = 0;
    bool clustered = false;
    PmCompression internal_compression = PmCompression::gzip;
    PmCompression tile_compression = PmCompression::none;
    PmTileType tile_type = PmTileType::png;
    int minzoom = 0, maxzoom = 0;
    double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;  // stored as degrees x 1e7
    int center_zoom = 0;
    double center_lon = 0, center_lat = 0;
};

std::string encode_pm_header(const PmHeader& h);
// Throws Error("pmtiles", where, ...) on a bad magic number, version or size.
PmHeader decode_pm_header(std::string_view bytes, const std::string& where);

// The root and leaf directories for a sorted entry list, compressed with `c`: all entries in
// the root if they fit in `max_root_bytes`, otherwise leaves of 4096, 8192, ... entries
// until the root of leaf pointers fits.
struct PmDirectories {
    std::string root, leaves;
    std::size_t leaf_count = 0;
};
PmDirectories build_pm_directories(const std::vector<PmEntry>& entries, PmCompression c,
                                   std::size_t max_root_bytes = kPmRootLimit - kPmHeaderSize);

// What goes into the header besides offsets and counts, and the JSON metadata object.
struct PmInfo {
    PmTileType tile_type = PmTileType::png;
    int minzoom = 0, maxzoom = 0;
    BBox bounds;  // degrees
    double center_lon = 0, center_lat = 0;
    int center_zoom = 0;
    std::string metadata_json = "{}";
};

// Builds an archive: tiles in any order and from any thread, content spooled to a temporary
// file beside the target (so memory holds only the index); commit() lays the archive out in
// another temporary file and renames it into place. Without commit() nothing is left behind.
class PmtilesWriter {
  public:
    PmtilesWriter(std::filesystem::path path, PmInfo info);
    ~PmtilesWriter();
    PmtilesWriter(const PmtilesWriter&) = delete;
    PmtilesWriter& operator=(const PmtilesWriter&) = delete;

    // Thread-safe. `d` identifies the content; adding a tile twice with other content throws.
    void add(const TileId& t, std::string_view data, const Digest& d);
    // Writes the archive. With no tiles at all (a spec-valid archive needs one entry), any
    // older file at the path is removed instead.
    void commit();

    const PmHeader& header() const { return header_; }  // after commit()

  private:
    struct Blob {
        std::uint64_t spool_offset;
        std::uint32_t length;
    };
    std::filesystem::path path_, tmp_, spool_;
    PmInfo info_;
    int spool_fd_ = -1;
    std::uint64_t spool_size_ = 0;
    std::unordered_map<Digest, Blob, DigestHash> blobs_;
    std::map<std::uint64_t, Digest> tiles_;  // by TileID
    std::mutex mutex_;
    PmHeader header_;
    bool committed_ = false;
};

// Reads archives (ours or any spec-conforming one with gzip or no internal compression):
// `frontline merge`, tests. Random access through pread, so one reader serves many threads.
class PmtilesReader {
  public:
    explicit PmtilesReader(std::filesystem::path path);
    ~PmtilesReader();
    PmtilesReader(const PmtilesReader&) = delete;
    PmtilesReader& operator=(const PmtilesReader&) = delete;

    const PmHeader& header() const { return header_; }
    std::string metadata() const;  // the JSON, decompressed
    std::vector<PmEntry> root() const;
    // The tile's bytes, or nothing if the archive does not hold it.
    std::optional<std::string> tile(const TileId& t) const;
    // Every addressed tile in TileID order (run-lengths expanded).
    void for_each(const std::function<void(const TileId&, std::string_view)>& f) const;

  private:
    std::string read(std::uint64_t offset, std::uint64_t length) const;
    std::vector<PmEntry> directory(std::uint64_t offset, std::uint64_t length) const;
    std::filesystem::path path_;
    int fd_ = -1;
    std::uint64_t size_ = 0;
    PmHeader header_;
};

}  // namespace frontline
