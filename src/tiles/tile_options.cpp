// Strict parsing: the whole string must match, numbers must be finite and in range.
#include "tiles/tile_options.hpp"

#include <vector>

#include "common/number.hpp"

namespace frontline {

std::optional<ZoomRange> parse_zoom_range(std::string_view s) {
    ZoomRange z;
    auto dash = s.find('-');
    if (dash == std::string_view::npos) {
        if (!to_int(s, z.min)) return std::nullopt;
        z.max = z.min;
    } else if (!to_int(s.substr(0, dash), z.min) || !to_int(s.substr(dash + 1), z.max)) {
        return std::nullopt;
    }
    if (z.min < 0 || z.max > 22 || z.min > z.max) return std::nullopt;
    return z;
}

std::optional<BBox> parse_bbox(std::string_view s) {
    std::vector<double> v;
    std::size_t start = 0;
    while (v.size() < 5) {
        auto comma = s.find(',', start);
        double d;
        if (!to_double(s.substr(start, comma == std::string_view::npos ? s.npos : comma - start),
                       d))
            return std::nullopt;
        v.push_back(d);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    if (v.size() != 4) return std::nullopt;
    BBox b{v[0], v[1], v[2], v[3]};
    if (b.minx < -180 || b.maxx > 180 || b.miny < -kMaxLatitude || b.maxy > kMaxLatitude ||
        b.minx >= b.maxx || b.miny >= b.maxy) {
        return std::nullopt;
    }
    return b;
}

std::optional<Shard> parse_shard(std::string_view s) {
    auto slash = s.find('/');
    int k = 0, n = 0;
    if (slash == std::string_view::npos || !to_int(s.substr(0, slash), k) ||
        !to_int(s.substr(slash + 1), n)) {
        return std::nullopt;
    }
    if (n < 1 || k < 1 || k > n) return std::nullopt;
    return Shard{k - 1, n};
}

}  // namespace frontline
