// Shard merging. MBTiles rows are re-inserted in the order a single run uses (zoom, column,
// north-first row), so the merged file is byte-identical to an unsharded run's. PMTiles
// archives are rebuilt from the shards' tiles with the first shard's header fields and
// metadata; the writer orders by TileID, so they too equal an unsharded run's.
#include "tiles/merge.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "tiles/mbtiles.hpp"
#include "tiles/pmtiles.hpp"
#include "tiles/pyramid.hpp"

namespace frontline {

namespace fs = std::filesystem;

MergeStats merge_shards(const std::vector<fs::path>& shard_dirs, const fs::path& out_dir) {
    if (shard_dirs.empty()) throw Error("merge", "", "no shard directories given", kExitUsage);
    MergeStats stats;
    XyzStore store;
    std::map<std::string, std::vector<fs::path>> mbtiles;  // layer file name -> shard files
    std::map<std::string, std::vector<fs::path>> pmtiles;
    std::set<std::string> copied;
    std::map<std::string, std::string> lists;  // .changed and .state files
    for (const auto& shard : shard_dirs) {
        const fs::path tiles = shard / "tiles";
        if (!fs::is_directory(tiles))
            throw Error("merge", shard.string(), "no tiles/ directory: not a shard output");
        std::vector<fs::path> files;
        for (const auto& e : fs::recursive_directory_iterator(tiles)) {
            if (e.is_regular_file()) files.push_back(e.path());
        }
        std::sort(files.begin(), files.end());  // deterministic whatever the file system
        for (const auto& f : files) {
            // Lexically: tiles/ is a link into the shard's generation folder.
            const fs::path rel = f.lexically_relative(shard);
            const std::string name = f.filename().string();
            if (is_temporary_name(name)) continue;  // an interrupted writer's leftovers
            if (f.extension() == ".mbtiles") {
                mbtiles[rel.string()].push_back(f);
            } else if (f.extension() == ".pmtiles") {
                pmtiles[rel.string()].push_back(f);
            } else if (f.extension() == ".png") {
                std::string data = read_file(f, "merge");
                const fs::path dest = out_dir / rel;
                std::error_code ec;
                if (fs::exists(dest, ec) && copied.count(rel.string())) {
                    if (read_file(dest, "merge") != data) {
                        throw Error(
                            "merge", f.string(),
                            "differs from the same tile in another shard: " + dest.string());
                    }
                    continue;
                }
                store.put(dest, data, digest(data));
                copied.insert(rel.string());
                ++stats.files;
            } else if (f.extension() == ".changed" || f.extension() == ".state") {
                // Per-shard lists of tiles: the merged list is their concatenation.
                lists[rel.string()] += read_file(f, "merge");
            } else if (!copied.count(rel.string())) {
                write_file_atomic(out_dir / rel, read_file(f, "merge"));
                copied.insert(rel.string());
                ++stats.other;
            }
        }
    }
    for (const auto& [rel, text] : lists) {
        write_file_atomic(out_dir / rel, text);
        ++stats.other;
    }
    for (const auto& [rel, parts] : mbtiles) {
        struct Row {
            TileId t;
            std::string data;
        };
        std::vector<Row> rows;
        for (const auto& p : parts) {
            for_each_mbtile(p, [&](const TileId& t, std::string_view d) {
                rows.push_back({t, std::string(d)});
            });
        }
        std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
            return std::tie(a.t.z, a.t.x, a.t.y) < std::tie(b.t.z, b.t.x, b.t.y);
        });
        MbtilesWriter w(out_dir / rel, read_mbtiles_metadata(parts.front()));
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i > 0 && rows[i].t == rows[i - 1].t) {
                if (rows[i].data != rows[i - 1].data) {
                    throw Error("merge", rel,
                                "shards disagree on tile " + std::to_string(rows[i].t.z) + "/" +
                                    std::to_string(rows[i].t.x) + "/" +
                                    std::to_string(rows[i].t.y));
                }
                continue;
            }
            w.add(rows[i].t, rows[i].data, digest(rows[i].data).hex());
        }
        w.commit();
        ++stats.mbtiles;
    }
    for (const auto& [rel, parts] : pmtiles) {
        PmInfo info;
        {
            PmtilesReader first(parts.front());
            const PmHeader& h = first.header();
            info.tile_type = h.tile_type;
            info.minzoom = h.minzoom;
            info.maxzoom = h.maxzoom;
            info.bounds = {h.min_lon, h.min_lat, h.max_lon, h.max_lat};
            info.center_lon = h.center_lon;
            info.center_lat = h.center_lat;
            info.center_zoom = h.center_zoom;
            info.metadata_json = first.metadata();
        }
        PmtilesWriter w(out_dir / rel, info);
        std::map<std::uint64_t, std::pair<Digest, fs::path>> seen;
        for (const auto& p : parts) {
            PmtilesReader r(p);
            r.for_each([&](const TileId& t, std::string_view data) {
                const Digest d = digest(data);
                auto [it, first] = seen.emplace(pmtiles_tile_id(t), std::pair{d, p});
                if (!first && !(it->second.first == d)) {
                    throw Error("merge", p.string(),
                                "shards disagree on tile " + std::to_string(t.z) + "/" +
                                    std::to_string(t.x) + "/" + std::to_string(t.y) + " (also in " +
                                    it->second.second.string() + ")");
                }
                w.add(t, data, d);
            });
        }
        w.commit();
        ++stats.pmtiles;
    }
    return stats;
}

}  // namespace frontline
