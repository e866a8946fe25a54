// Strict number parsing for command-line values: the whole string must be the number, and a
// double must be finite. Shared by the tile options and the figure options.
#pragma once

#include <charconv>
#include <cmath>
#include <string_view>

namespace frontline {

inline bool to_int(std::string_view s, int& v) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

inline bool to_double(std::string_view s, double& v) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size() && !s.empty() && std::isfinite(v);
}

}  // namespace frontline
