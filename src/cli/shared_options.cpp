#include "cli/shared_options.hpp"

#include "cli/command.hpp"
#include "common/error.hpp"
#include "pipeline/figures.hpp"
#include "pipeline/pipeline.hpp"

namespace frontline::cli {

MapSources default_map_sources() {
    const RunOptions ro = default_run_options();
    return {ro.tiles.boundaries.string(), ro.tiles.style.string(), {}, {}};
}

void add_map_sources(CLI::App* cmd, MapSources& m, const std::string& boundaries_help,
                     const std::string& style_help) {
    cmd->add_option("--boundaries", m.boundaries, boundaries_help)->capture_default_str();
    cmd->add_option("--style", m.style, style_help)->capture_default_str();
    cmd->add_option("--changes-style", m.changes_style,
                    "Style of the changes layer (default: changes.json beside --style, else "
                    "--style)");
    cmd->add_option("--overlay-style", m.overlay_style,
                    "Style of the overlay layer (default: overlay.json beside --style, else no "
                    "overlay layer)");
}

ZoomRange zoom_range_flag(std::string_view s) {
    if (auto z = parse_zoom_range(s)) return *z;
    throw UsageError("--zoom must be MIN-MAX (or Z) with 0 <= MIN <= MAX <= 22, got \"" +
                     std::string(s) + "\"");
}

BBox bbox_flag(std::string_view s) {
    if (auto b = parse_bbox(s)) return *b;
    throw UsageError(
        "--bbox must be minlon,minlat,maxlon,maxlat in degrees (west,south,east,north), got \"" +
        std::string(s) + "\"");
}

Shard shard_flag(std::string_view s) {
    if (auto k = parse_shard(s)) return *k;
    throw UsageError("--shard must be K/N with 1 <= K <= N, got \"" + std::string(s) + "\"");
}

Date date_flag(const std::string& flag, std::string_view s) {
    if (auto d = parse_iso_date(s)) return *d;
    throw UsageError(flag + ": not a date YYYY-MM-DD: \"" + shorten_path(std::string(s)) + "\"");
}

std::array<double, 2> center_flag(std::string_view s) {
    const auto c = parse_center(s);
    if (!c) throw UsageError("--center must be lon,lat in degrees, got \"" + std::string(s) + "\"");
    const auto [lon, lat] = *c;
    if (lon < -180 || lon > 180 || lat < -kMaxLatitude || lat > kMaxLatitude) {
        throw UsageError("--center: longitude or latitude out of range, got \"" + std::string(s) +
                         "\"");
    }
    return *c;
}

std::array<int, 2> size_flag(std::string_view s) {
    if (auto wh = parse_figure_size(s)) return *wh;
    throw UsageError("--size must be WIDTHxHEIGHT in pixels (e.g. 800x600), got \"" +
                     std::string(s) + "\"");
}

std::string flag_name(std::string_view option) {
    std::string f = "--" + std::string(option);
    for (char& c : f)
        if (c == '_') c = '-';
    return f;
}

}  // namespace frontline::cli
