// `frontline merge`: joins the outputs of sharded renders (`--shard K/N`) into one output
// directory, equal to what a single run writes: XYZ files, MBTiles, PMTiles and TileJSON.
#pragma once

#include <filesystem>
#include <vector>

namespace frontline {

struct MergeStats {
    std::size_t files = 0;    // XYZ tiles merged
    std::size_t mbtiles = 0;  // MBTiles files written
    std::size_t pmtiles = 0;  // PMTiles files written
    std::size_t other = 0;    // other files copied (TileJSON, ...)
};

// Each shard directory holds a `tiles/` folder as written by a sharded run. Tiles present in
// several shards must agree; a disagreement is an Error naming both files.
MergeStats merge_shards(const std::vector<std::filesystem::path>& shard_dirs,
                        const std::filesystem::path& out_dir);

}  // namespace frontline
