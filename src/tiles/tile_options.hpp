// Parsing of the tile options given on the command line (`--zoom 5-14`, `--bbox`,
// `--shard 2/8`), kept out of main() so that they are unit-tested. Each returns an error
// message, empty on success.
#pragma once

#include <string>
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
std::string parse_zoom_range(std::string_view s, ZoomRange& out);
// "minlon,minlat,maxlon,maxlat" in degrees, west < east, south < north.
std::string parse_bbox(std::string_view s, BBox& out);
// "K/N" with 1 <= K <= N (shards are numbered from 1 on the command line).
std::string parse_shard(std::string_view s, Shard& out);

}  // namespace frontline
