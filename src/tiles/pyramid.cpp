// Pyramid rendering: tiles are independent, so threads take tiles by index from an atomic
// counter; each tile's bytes depend only on its inputs, so output is identical for any -j.
#include "tiles/pyramid.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/atomic_file.hpp"
#include "render/renderer.hpp"

namespace frontline {

std::vector<TileId> tiles_covering(const BBox& ll, int z) {
    TileId a = tile_for_lonlat(ll.minx, ll.maxy, z);  // north-west
    TileId b = tile_for_lonlat(ll.maxx, ll.miny, z);  // south-east
    std::vector<TileId> out;
    for (int x = a.x; x <= b.x; ++x) {
        for (int y = a.y; y <= b.y; ++y) out.push_back({z, x, y});
    }
    return out;
}

PyramidStats render_pyramid(const Scene& scene, const Style& style, const PyramidOptions& opt) {
    std::vector<TileId> all;
    for (int z = opt.minzoom; z <= opt.maxzoom; ++z) {
        auto t = tiles_covering(opt.lonlat, z);
        all.insert(all.end(), t.begin(), t.end());
    }
    const int threads =
        opt.threads > 0 ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
    std::atomic<std::size_t> next{0}, bytes{0};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&] {
        try {
            for (std::size_t i = next++; i < all.size(); i = next++) {
                const TileId& t = all[i];
                std::string png = encode_png(render_tile(scene, style, t), opt.png);
                bytes += png.size();
                write_file_atomic(opt.tiles_dir / opt.layer / std::to_string(t.z) /
                                      std::to_string(t.x) / (std::to_string(t.y) + ".png"),
                                  png);
            }
        } catch (...) {
            std::lock_guard lock(error_mutex);
            if (!error) error = std::current_exception();
            next = all.size();  // stop the others
        }
    };
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
    return {all.size(), bytes.load()};
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
                   std::min(opt.maxzoom, std::max(opt.minzoom, 8))};
    j["attribution"] = opt.attribution;
    return j.dump(2) + "\n";
}

}  // namespace frontline
