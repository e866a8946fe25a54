// The map style: colours and sizes, read from a JSON file in styles/ (see styles/README.md).
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <string>

#include "control/controller.hpp"

namespace frontline {

struct Rgba {
    double r = 0, g = 0, b = 0, a = 1;  // 0..1
};

// Parses "#rrggbb" or "#rrggbbaa"; throws Error("style", where, ...) otherwise.
Rgba parse_colour(const std::string& s, const std::string& where);

struct Style {
    std::string name;
    Rgba background;
    Rgba country_fill, country_line;
    Rgba admin1_fill, admin1_line;
    Rgba focus_fill, focus_line;
    double focus_line_width = 1.5;
    double admin1_line_width = 0.6;
    Rgba place_stroke;
    double place_radius_min = 2.0;  // px at the lowest zoom, for the least important place
    double place_radius_max = 6.0;
    std::map<Controller, Rgba> controllers;
};

// Reads a style file; unknown keys and bad values are errors naming the file and key.
Style read_style(const std::filesystem::path& file);

}  // namespace frontline
