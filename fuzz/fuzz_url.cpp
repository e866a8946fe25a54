// Tile and static-image URLs and query strings, as the server parses them. Invariants: a
// request either routes or is a RequestError (400/404); a routed tile lies inside the grid,
// layer names are safe file names, static images stay within the size limit, web page files
// stay inside the data directory.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "serve/request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace sv = frontline::serve;
    std::string_view target(reinterpret_cast<const char*>(data), size);
    try {
        auto route = sv::parse_target(target);
        if (auto* t = std::get_if<sv::TileRequest>(&route)) {
            const int n = 1 << t->tile.z;
            if (t->tile.z < 0 || t->tile.z > sv::kMaxZoom || t->tile.x < 0 || t->tile.y < 0 ||
                t->tile.x >= n || t->tile.y >= n || !sv::valid_layer_name(t->layer)) {
                std::abort();
            }
        } else if (auto* s = std::get_if<sv::StaticRequest>(&route)) {
            if (s->width * s->scale > sv::kMaxStaticSide ||
                s->height * s->scale > sv::kMaxStaticSide || s->width <= 0 || s->height <= 0 ||
                !sv::valid_layer_name(s->layer)) {
                std::abort();
            }
        } else if (auto* j = std::get_if<sv::TileJsonRequest>(&route)) {
            if (!sv::valid_layer_name(j->layer)) std::abort();
        } else if (auto* p = std::get_if<sv::PageRequest>(&route)) {
            // A page file stays inside the data directory: a top-level page, or web/ with at
            // most three checked names below it (no "..", no hidden or temporary files).
            std::string_view path = p->path;
            if (path != "index.html" && path != "embed.html" && path != "snippets.md") {
                if (!path.starts_with("web/")) std::abort();
                int depth = 0;
                for (std::size_t i = 4, next; i <= path.size(); i = next + 1) {
                    next = path.find('/', i);
                    if (next == std::string_view::npos) next = path.size();
                    if (!sv::valid_asset_name(path.substr(i, next - i)) || ++depth > 3)
                        std::abort();
                }
            }
        }
    } catch (const sv::RequestError& e) {
        if (e.status != 400 && e.status != 404) std::abort();
    }
    return 0;
}
