// Option groups several commands share, and the values CLI11 cannot check itself (a zoom
// range, a box, a date), parsed at the edge with messages naming the flag.
#pragma once

#include <CLI/CLI.hpp>
#include <array>
#include <string>
#include <string_view>

#include "common/date.hpp"
#include "geo/mercator.hpp"
#include "tiles/tile_options.hpp"

namespace frontline::cli {

// The map's sources: --boundaries, --style and the styles of the changes and overlay layers
// (run, render, static, serve), defaults from the data directory. An empty layer style: the
// file beside --style (render/layers.hpp).
struct MapSources {
    std::string boundaries, style, changes_style, overlay_style;
};
MapSources default_map_sources();
// Adds --boundaries, --style, --changes-style and --overlay-style, with the commands' own
// help texts for the first two.
void add_map_sources(CLI::App* cmd, MapSources& m, const std::string& boundaries_help,
                     const std::string& style_help);

// Each parses the value of a flag or throws UsageError naming the flag.
ZoomRange zoom_range_flag(std::string_view s);                // --zoom MIN-MAX or Z
BBox bbox_flag(std::string_view s);                           // --bbox W,S,E,N
Shard shard_flag(std::string_view s);                         // --shard K/N
Date date_flag(const std::string& flag, std::string_view s);  // e.g. --until YYYY-MM-DD
std::array<double, 2> center_flag(std::string_view s);        // --center LON,LAT
std::array<int, 2> size_flag(std::string_view s);             // --size WIDTHxHEIGHT

// How the command line spells an option the library names (OptionError): "--" and the name,
// '_' as '-' ({trusted_proxy}: --trusted-proxy).
std::string flag_name(std::string_view option);

}  // namespace frontline::cli
