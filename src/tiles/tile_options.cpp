// Strict parsing: the whole string must match, numbers must be finite and in range.
#include "tiles/tile_options.hpp"

#include <vector>

#include "common/number.hpp"

namespace frontline {

std::string parse_zoom_range(std::string_view s, ZoomRange& out) {
    const std::string err =
        "--zoom must be MIN-MAX (or Z) with 0 <= MIN <= MAX <= 22, got \"" + std::string(s) + "\"";
    ZoomRange z;
    auto dash = s.find('-');
    if (dash == std::string_view::npos) {
        if (!to_int(s, z.min)) return err;
        z.max = z.min;
    } else if (!to_int(s.substr(0, dash), z.min) || !to_int(s.substr(dash + 1), z.max)) {
        return err;
    }
    if (z.min < 0 || z.max > 22 || z.min > z.max) return err;
    out = z;
    return "";
}

std::string parse_bbox(std::string_view s, BBox& out) {
    const std::string err =
        "--bbox must be minlon,minlat,maxlon,maxlat in degrees (west,south,east,north), got \"" +
        std::string(s) + "\"";
    std::vector<double> v;
    std::size_t start = 0;
    while (v.size() < 5) {
        auto comma = s.find(',', start);
        double d;
        if (!to_double(s.substr(start, comma == std::string_view::npos ? s.npos : comma - start),
                       d))
            return err;
        v.push_back(d);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    if (v.size() != 4) return err;
    BBox b{v[0], v[1], v[2], v[3]};
    if (b.minx < -180 || b.maxx > 180 || b.miny < -kMaxLatitude || b.maxy > kMaxLatitude ||
        b.minx >= b.maxx || b.miny >= b.maxy) {
        return err;
    }
    out = b;
    return "";
}

std::string parse_shard(std::string_view s, Shard& out) {
    const std::string err = "--shard must be K/N with 1 <= K <= N, got \"" + std::string(s) + "\"";
    auto slash = s.find('/');
    int k = 0, n = 0;
    if (slash == std::string_view::npos || !to_int(s.substr(0, slash), k) ||
        !to_int(s.substr(slash + 1), n)) {
        return err;
    }
    if (n < 1 || k < 1 || k > n) return err;
    out = {k - 1, n};
    return "";
}

}  // namespace frontline
