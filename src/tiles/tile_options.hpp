// Parsing of tile option values as written (`5-14`, a box, `2/8`), for the command line and
// the tests: syntax and range only; which option gave them is the caller's to say.
#pragma once

#include <optional>
#include <string_view>

#include "geo/mercator.hpp"

namespace frontline {

struct ZoomRange {
    int min = 5, max = 10;
};
struct Shard {
    int index = 0;  // 0-based
    int count = 1;
};

// "MIN-MAX" or "Z", with 0 <= MIN <= MAX <= 22.
std::optional<ZoomRange> parse_zoom_range(std::string_view s);
// "minlon,minlat,maxlon,maxlat" in degrees, west < east, south < north.
std::optional<BBox> parse_bbox(std::string_view s);
// "K/N" with 1 <= K <= N (shards are numbered from 1 as written).
std::optional<Shard> parse_shard(std::string_view s);

}  // namespace frontline
