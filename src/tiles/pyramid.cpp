// Pyramid rendering. Tiles are independent: threads take tiles of a chunk by index from an
// atomic counter; the main thread then stores the chunk in tile order, so the XYZ tree and
// the MBTiles file are the same bytes whatever -j is, and memory is bounded by the chunk.
#include "tiles/pyramid.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "common/option_error.hpp"
#include "common/parallel.hpp"
#include "render/renderer.hpp"
#include "tiles/mbtiles.hpp"

namespace frontline {

namespace fs = std::filesystem;

std::vector<TileId> tiles_covering(const BBox& ll, int z) {
    TileId a = tile_for_lonlat(ll.minx, ll.maxy, z);  // north-west
    TileId b = tile_for_lonlat(ll.maxx, ll.miny, z);  // south-east
    std::vector<TileId> out;
    for (int x = a.x; x <= b.x; ++x) {
        for (int y = a.y; y <= b.y; ++y) out.push_back({z, x, y});
    }
    return out;
}

fs::path tile_path(const PyramidOptions& opt, const TileId& t, int scale) {
    std::string name = std::to_string(t.y);
    if (scale != 1) {
        name += '@';
        name += std::to_string(scale);
        name += 'x';
    }
    name += ".png";
    return opt.tiles_dir / opt.layer / std::to_string(t.z) / std::to_string(t.x) / name;
}

bool XyzStore::put(const fs::path& path, std::string_view png, const Digest& d) {
    return put_from(path, fs::path(), png, d);
}

bool XyzStore::put_from(const fs::path& path, const fs::path& previous, std::string_view png,
                        const Digest& d) {
    fs::path existing;
    {
        std::lock_guard lock(mutex_);
        auto [it, inserted] = first_.emplace(d, path);
        if (!inserted && it->second != path) existing = it->second;
    }
    if (existing.empty()) existing = previous;
    if (!existing.empty()) {
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        // Already this very file (an incremental rerun): nothing to do. rename(2) of two links
        // to one file does nothing and leaves the temporary name behind.
        if (fs::equivalent(existing, path, ec)) return false;
        const fs::path tmp = temporary_path(path);
        if (::link(existing.c_str(), tmp.c_str()) == 0) {
            const bool renamed = ::rename(tmp.c_str(), path.c_str()) == 0;
            fs::remove(tmp, ec);  // gone after a rename, unless it was a no-op (see above)
            if (renamed) return false;
        }
        // Hard links unsupported here (or the first copy vanished): write the bytes.
    }
    write_file_atomic(path, png);
    return true;
}

void XyzStore::note(const fs::path& path, const Digest& d) {
    std::lock_guard lock(mutex_);
    first_.emplace(d, path);
}

void XyzStore::remember_input(const std::string& key, const fs::path& path) {
    std::lock_guard lock(mutex_);
    by_input_.emplace(key, path);
}

fs::path XyzStore::find_input(const std::string& key) const {
    std::lock_guard lock(mutex_);
    auto it = by_input_.find(key);
    return it == by_input_.end() ? fs::path() : it->second;
}

std::size_t XyzStore::unique() const {
    std::lock_guard lock(mutex_);
    return first_.size();
}

namespace {

std::string fmt_bounds(const BBox& b) {
    std::ostringstream o;
    o.precision(10);
    o << b.minx << ',' << b.miny << ',' << b.maxx << ',' << b.maxy;
    return o.str();
}

struct TileState {
    Digest input, output;
};

std::string state_key(const TileId& t, int scale) {
    return std::to_string(t.z) + '/' + std::to_string(t.x) + '/' + std::to_string(t.y) + '@' +
           std::to_string(scale);
}

Digest parse_digest(std::string_view hex) {
    Digest d;
    if (hex.size() != 32) return d;
    for (int i = 0; i < 32; ++i) {
        const char c = hex[i];
        const std::uint64_t v = c >= 'a' ? c - 'a' + 10 : c - '0';
        (i < 16 ? d.a : d.b) = ((i < 16 ? d.a : d.b) << 4) | (v & 0xF);
    }
    return d;
}

// <layer>.state: "<z>/<x>/<y>@<scale> <input digest> <output digest>" per line. A damaged
// or missing state only costs a full re-render, so bad lines are skipped.
std::unordered_map<std::string, TileState> read_state(const fs::path& p) {
    std::unordered_map<std::string, TileState> out;
    std::error_code ec;
    if (!fs::exists(p, ec)) return out;
    std::istringstream in(read_file(p, "tiles"));
    std::string key, a, b;
    while (in >> key >> a >> b) out[key] = {parse_digest(a), parse_digest(b)};
    return out;
}

}  // namespace

Metatile metatile_of(const TileId& t, int scale, const TileId& nw, const TileId& se) {
    const int side = std::max(1, kMetatile / std::max(1, scale));
    const int mx = t.x - t.x % side, my = t.y - t.y % side;
    Metatile m{t.z, std::max(mx, nw.x), std::max(my, nw.y), 0, 0};
    m.nx = std::min(mx + side - 1, se.x) - m.x0 + 1;
    m.ny = std::min(my + side - 1, se.y) - m.y0 + 1;
    return m;
}

namespace {

int center_zoom(const PyramidOptions& opt) {
    return std::min(opt.maxzoom, std::max(opt.minzoom, 8));
}

}  // namespace

std::uint64_t count_tiles(const BBox& ll, int minzoom, int maxzoom) {
    std::uint64_t n = 0;
    for (int z = minzoom; z <= maxzoom; ++z) {
        const TileId a = tile_for_lonlat(ll.minx, ll.maxy, z);  // north-west
        const TileId b = tile_for_lonlat(ll.maxx, ll.miny, z);  // south-east
        if (b.x < a.x || b.y < a.y) continue;
        n += std::uint64_t(b.x - a.x + 1) * std::uint64_t(b.y - a.y + 1);
    }
    return n;
}

void check_tile_count(const BBox& ll, int minzoom, int maxzoom) {
    const std::uint64_t n = count_tiles(ll, minzoom, maxzoom);
    if (n <= kMaxTilesPerLayer) return;
    int fits = -1;
    for (int z = minzoom; z <= maxzoom && count_tiles(ll, minzoom, z) <= kMaxTilesPerLayer; ++z)
        fits = z;
    throw OptionError("tiles", "{zoom} " + std::to_string(minzoom) + "-" + std::to_string(maxzoom),
                      std::to_string(n) +
                          " tiles per layer over the area, more than the ceiling of " +
                          std::to_string(kMaxTilesPerLayer) + ": " +
                          (fits >= 0 ? "give {zoom} " + std::to_string(minzoom) + "-" +
                                           std::to_string(fits) + " or a smaller {bbox}"
                                     : std::string("give a smaller {bbox}")));
}

PyramidStats render_pyramid(const Scene& scene, const Style& style, const PyramidOptions& opt) {
    check_tile_count(opt.lonlat, opt.minzoom, opt.maxzoom);
    // Tiles metatile by metatile: the aligned kMetatile x kMetatile blocks of each zoom, cut
    // to the region. A tile is always drawn as part of its block, whatever the threads,
    // shards or tiles reused, so its bytes never depend on how the run was split.
    std::vector<TileId> all;
    std::vector<Metatile> metas;  // the 1x blocks, in the order their tiles are listed
    std::vector<std::size_t> meta_of;
    std::map<int, std::pair<TileId, TileId>> corners;  // region's nw and se tile by zoom
    for (int z = opt.minzoom; z <= opt.maxzoom; ++z) {
        const TileId a = tile_for_lonlat(opt.lonlat.minx, opt.lonlat.maxy, z);  // north-west
        const TileId b = tile_for_lonlat(opt.lonlat.maxx, opt.lonlat.miny, z);  // south-east
        corners[z] = {a, b};
        for (int mx = a.x - a.x % kMetatile; mx <= b.x; mx += kMetatile) {
            for (int my = a.y - a.y % kMetatile; my <= b.y; my += kMetatile) {
                Metatile m{z, std::max(mx, a.x), std::max(my, a.y), 0, 0};
                m.nx = std::min(mx + kMetatile - 1, b.x) - m.x0 + 1;
                m.ny = std::min(my + kMetatile - 1, b.y) - m.y0 + 1;
                for (int x = m.x0; x < m.x0 + m.nx; ++x) {
                    for (int y = m.y0; y < m.y0 + m.ny; ++y) {
                        all.push_back({z, x, y});
                        meta_of.push_back(metas.size());
                    }
                }
                metas.push_back(m);
            }
        }
    }
    const int threads =
        opt.threads > 0 ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
    XyzStore own_store;
    XyzStore& store = opt.store ? *opt.store : own_store;

    std::unique_ptr<MbtilesWriter> mb;
    if (opt.mbtiles) {
        std::ostringstream center;
        center.precision(10);
        center << (opt.lonlat.minx + opt.lonlat.maxx) / 2 << ','
               << (opt.lonlat.miny + opt.lonlat.maxy) / 2 << ',' << center_zoom(opt);
        mb = std::make_unique<MbtilesWriter>(
            opt.tiles_dir / (opt.layer + ".mbtiles"),
            std::map<std::string, std::string>{{"name", opt.layer},
                                               {"format", "png"},
                                               {"type", "overlay"},
                                               {"version", "1.0"},
                                               {"description", opt.description},
                                               {"attribution", opt.attribution},
                                               {"bounds", fmt_bounds(opt.lonlat)},
                                               {"center", center.str()},
                                               {"minzoom", std::to_string(opt.minzoom)},
                                               {"maxzoom", std::to_string(opt.maxzoom)}});
    }

    std::unique_ptr<PmtilesWriter> pm;
    if (opt.pmtiles)
        pm = std::make_unique<PmtilesWriter>(opt.tiles_dir / (opt.layer + ".pmtiles"),
                                             pmtiles_info(opt));

    struct Job {
        TileId tile;
        int scale;
        std::size_t meta;  // index into metas
    };
    if (opt.shard_count < 1 || opt.shard_index < 0 || opt.shard_index >= opt.shard_count) {
        throw OptionError("tiles", "{shard}",
                          "shard " + std::to_string(opt.shard_index + 1) + "/" +
                              std::to_string(opt.shard_count) + " does not exist");
    }
    std::vector<Job> jobs;
    jobs.reserve(all.size() * opt.scales.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        if ((i / kShardBlock) % static_cast<std::size_t>(opt.shard_count) !=
            static_cast<std::size_t>(opt.shard_index)) {
            continue;
        }
        for (int s : opt.scales) jobs.push_back({all[i], s, meta_of[i]});
    }

    PyramidStats stats;
    const fs::path state_path = opt.tiles_dir / (opt.layer + ".state");
    PyramidOptions prev_opt = opt;
    if (!opt.previous_tiles_dir.empty()) prev_opt.tiles_dir = opt.previous_tiles_dir;
    const bool in_place = prev_opt.tiles_dir == opt.tiles_dir;
    const auto previous = read_state(prev_opt.tiles_dir / (opt.layer + ".state"));
    std::string state, changed;
    // A chunk: whole metatiles, at least 256 tiles a thread; memory is bounded by it.
    const std::size_t chunk = static_cast<std::size_t>(256) * threads;
    std::vector<std::string> out;
    std::vector<Digest> inputs;
    std::vector<char> reused;
    if (opt.progress) opt.progress(0, jobs.size());  // starts the layer's clock
    for (std::size_t base = 0, n = 0; base < jobs.size(); base += n) {
        n = std::min(chunk, jobs.size() - base);
        while (base + n < jobs.size() && jobs[base + n].meta == jobs[base + n - 1].meta) ++n;
        out.assign(n, std::string());
        inputs.assign(n, Digest{});
        reused.assign(n, 0);
        // 1. Tiles whose inputs are unchanged since the last run, or equal those of a tile
        //    drawn for another layer in this run, are read back.
        parallel_for(n, threads, [&](std::size_t i) {
            if (!opt.fingerprint) return;
            const Job& j = jobs[base + i];
            inputs[i] = opt.fingerprint(j.tile, j.scale);
            if (!opt.reuse) return;
            auto it = previous.find(state_key(j.tile, j.scale));
            if (it != previous.end() && it->second.input == inputs[i] && !(inputs[i] == Digest{})) {
                // Same inputs: reuse the file if it is intact.
                std::error_code ec;
                const fs::path p = tile_path(prev_opt, j.tile, j.scale);
                if (fs::exists(p, ec)) {
                    std::string bytes = read_file(p, "tiles");
                    if (digest(bytes) == it->second.output) {
                        out[i] = std::move(bytes);
                        reused[i] = 1;
                        return;
                    }
                }
            }
            const fs::path same =
                store.find_input(state_key(j.tile, j.scale) + ' ' + inputs[i].hex());
            if (!same.empty()) {
                out[i] = read_file(same, "tiles");
                reused[i] = 2;  // drawn for another layer in this run
            }
        });
        // 2. The rest: each metatile (and scale) with a tile to draw is rendered once, whole,
        //    and its tiles are cut out and encoded.
        struct Unit {
            Metatile meta;
            int scale;
            std::vector<std::size_t> jobs;  // chunk indices
        };
        std::vector<Unit> units;
        for (std::size_t i = 0; i < n; ++i) {
            if (reused[i]) continue;
            const Job& j = jobs[base + i];
            const auto& [nw, se] = corners.at(j.tile.z);
            const Metatile m = metatile_of(j.tile, j.scale, nw, se);
            auto u = std::find_if(units.begin(), units.end(),
                                  [&](const Unit& x) { return x.meta == m && x.scale == j.scale; });
            if (u == units.end()) u = units.insert(units.end(), Unit{m, j.scale, {}});
            u->jobs.push_back(i);
        }
        parallel_for(units.size(), threads, [&](std::size_t k) {
            const Unit& u = units[k];
            const Metatile& m = u.meta;
            const Image block = render_block(scene, style, m.z, m.x0, m.y0, m.nx, m.ny, u.scale);
            for (std::size_t i : u.jobs) {
                const TileId& t = jobs[base + i].tile;
                out[i] = encode_png(cut_tile(block, t.x - m.x0, t.y - m.y0, u.scale), opt.png);
            }
        });
        stats.metatiles += units.size();
        for (std::size_t i = 0; i < n; ++i) {
            const Job& j = jobs[base + i];
            const Digest d = digest(out[i]);
            const std::string key = state_key(j.tile, j.scale);
            const fs::path path = tile_path(opt, j.tile, j.scale);
            if (reused[i] == 1 && in_place) {
                store.note(path, d);  // this layer's file from the previous run, intact
            } else if (reused[i] == 1) {
                // The previous run's file, intact: linked into this run's folder.
                store.put_from(path, tile_path(prev_opt, j.tile, j.scale), out[i], d);
            } else {
                store.put(path, out[i], d);  // new bytes, or a hard link to identical ones
            }
            if (reused[i]) ++stats.reused;
            if (opt.fingerprint) store.remember_input(key + ' ' + inputs[i].hex(), path);
            auto prev = previous.find(key);
            if (prev == previous.end() || !(prev->second.output == d)) {
                changed +=
                    fs::relative(tile_path(opt, j.tile, j.scale), opt.tiles_dir).generic_string();
                changed += '\n';
                ++stats.changed;
            }
            state +=
                key + ' ' + (opt.fingerprint ? inputs[i] : Digest{}).hex() + ' ' + d.hex() + '\n';
            if (mb && j.scale == 1) mb->add(j.tile, out[i], d.hex());
            if (pm && j.scale == 1) pm->add(j.tile, out[i], d);
            stats.bytes += out[i].size();
            ++stats.tiles;
        }
        if (opt.progress) opt.progress(base + n, jobs.size());
    }
    if (mb) {
        stats.unique = mb->unique_images();
        mb->commit();
    }
    if (pm) pm->commit();
    write_file_atomic(opt.tiles_dir / (opt.layer + ".changed"), changed);
    // Written last: a run killed before this point leaves the previous state, whose output
    // digests no longer match the files it replaced, so those tiles are rendered again.
    write_file_atomic(state_path, state);
    return stats;
}

PmInfo pmtiles_info(const PyramidOptions& opt) {
    PmInfo info;
    info.tile_type = PmTileType::png;
    info.minzoom = opt.minzoom;
    info.maxzoom = opt.maxzoom;
    info.bounds = opt.lonlat;
    info.center_lon = (opt.lonlat.minx + opt.lonlat.maxx) / 2;
    info.center_lat = (opt.lonlat.miny + opt.lonlat.maxy) / 2;
    info.center_zoom = center_zoom(opt);
    // Spec 5: name, description, attribution, type, version (semver), all strings.
    nlohmann::ordered_json m;
    m["name"] = opt.layer;
    if (!opt.description.empty()) m["description"] = opt.description;
    m["attribution"] = opt.attribution;
    m["type"] = "overlay";
    m["version"] = "1.0.0";
    info.metadata_json = m.dump();
    return info;
}

std::string tilejson(const PyramidOptions& opt, const std::string& tiles_url) {
    nlohmann::ordered_json j;
    j["tilejson"] = "3.0.0";
    j["name"] = opt.layer;
    if (!opt.description.empty()) j["description"] = opt.description;
    j["tiles"] = {tiles_url};
    j["scheme"] = "xyz";
    j["minzoom"] = opt.minzoom;
    j["maxzoom"] = opt.maxzoom;
    j["bounds"] = {opt.lonlat.minx, opt.lonlat.miny, opt.lonlat.maxx, opt.lonlat.maxy};
    j["center"] = {(opt.lonlat.minx + opt.lonlat.maxx) / 2, (opt.lonlat.miny + opt.lonlat.maxy) / 2,
                   center_zoom(opt)};
    j["attribution"] = opt.attribution;
    return j.dump(2) + "\n";
}

}  // namespace frontline
