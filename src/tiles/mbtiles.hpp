// MBTiles 1.3 writer (https://github.com/mapbox/mbtiles-spec/blob/master/1.3/spec.md).
// Identical tiles are stored once through the map/images schema with a `tiles` view, as the
// spec allows. Rows are TMS-numbered (row = 2^z - 1 - y). The database is built in a
// temporary file and renamed into place by commit(); without commit() it is removed.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "geo/mercator.hpp"

namespace frontline {

class MbtilesWriter {
  public:
    // `metadata` rows (name, format, bounds, center, minzoom, maxzoom, attribution, ...).
    MbtilesWriter(std::filesystem::path path, const std::map<std::string, std::string>& metadata);
    ~MbtilesWriter();
    MbtilesWriter(const MbtilesWriter&) = delete;
    MbtilesWriter& operator=(const MbtilesWriter&) = delete;

    // Thread-safe. `digest_hex` identifies the content (tiles with equal digests are equal).
    void add(const TileId& t, std::string_view png, const std::string& digest_hex);
    void commit();

    std::size_t unique_images() const { return images_; }

  private:
    void create(const std::map<std::string, std::string>& metadata);  // opens tmp_, schema
    std::filesystem::path path_, tmp_;
    struct Db;
    std::unique_ptr<Db> db_;
    std::mutex mutex_;
    std::size_t images_ = 0;
    bool committed_ = false;
};

// TMS row of an XYZ tile (and back: the flip is its own inverse).
inline int tms_row(const TileId& t) {
    return (1 << t.z) - 1 - t.y;
}

// Reading, for `frontline merge` and tests. Throw Error("mbtiles", path, ...).
std::map<std::string, std::string> read_mbtiles_metadata(const std::filesystem::path& path);
// Calls `f(tile, data)` for every tile, ordered by zoom, column, then XYZ row (north first).
void for_each_mbtile(const std::filesystem::path& path,
                     const std::function<void(const TileId&, std::string_view)>& f);

}  // namespace frontline
