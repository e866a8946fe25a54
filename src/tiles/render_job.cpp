// The layer set of the main job: a snapshot per day, `control` (latest), `changes` and
// `overlay`. Labels are placed per scene and zoom before any tile is rendered (see
// render/labels.hpp), so the pyramid renderer can cut tiles and metatiles in any order.
#include "tiles/render_job.hpp"

#include <set>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "geo/boundaries.hpp"
#include "render/fingerprint.hpp"
#include "render/labels.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "tiles/pyramid.hpp"

namespace frontline {

std::filesystem::path style_beside(const std::filesystem::path& style,
                                   const std::filesystem::path& chosen, const char* name) {
    if (!chosen.empty()) return chosen;
    auto p = style.parent_path() / name;
    return std::filesystem::exists(p) ? p : std::filesystem::path();
}

RenderJobSummary render_layers(const Gazetteer& gaz, const std::vector<ControlDay>& days,
                               const RenderJobOptions& opt) {
    if (days.empty()) throw Error("render", opt.out_dir.string(), "no control days to render");
    const Style style = read_style(opt.style);
    const std::string style_text = read_file(opt.style, "style");
    const auto changes_path = style_beside(opt.style, opt.changes_style, "changes.json");
    const auto overlay_path = style_beside(opt.style, opt.overlay_style, "overlay.json");
    const Style changes_style = changes_path.empty() ? style : read_style(changes_path);
    const std::string changes_text =
        changes_path.empty() ? style_text : read_file(changes_path, "style");
    BoundaryOptions bopt;
    bopt.source = opt.boundaries;
    const Boundaries bounds = read_boundaries(bopt);
    const ControlDay& baseline = days.front();
    const ControlDay& latest = days.back();

    RenderJobSummary sum;
    XyzStore store;                // identical tiles across layers (days) are stored once
    std::set<std::string> warned;  // labels left out (place_labels), said once
    auto render = [&](const std::string& layer, const Style& st, const std::string& style_text,
                      const ControlDay& day, const std::string& what) {
        Scene scene = build_scene(bounds, gaz, day, &baseline);
        check_tile_count(opt.lonlat ? *opt.lonlat : scene.focus_lonlat, opt.minzoom, opt.maxzoom);
        place_labels(scene, st, opt.minzoom, opt.maxzoom);
        for (const auto& w : scene.label_warnings) {
            if (warned.insert(w).second) opt.log("warning: " + w);  // once per run
        }
        simplify_scene(scene, opt.minzoom, opt.maxzoom);
        PyramidOptions popt;
        popt.layer = layer;
        popt.minzoom = opt.minzoom;
        popt.maxzoom = opt.maxzoom;
        popt.lonlat = opt.lonlat ? *opt.lonlat : scene.focus_lonlat;
        popt.tiles_dir = opt.out_dir / "tiles";
        if (!opt.previous_dir.empty()) popt.previous_tiles_dir = opt.previous_dir / "tiles";
        popt.threads = opt.threads;
        popt.scales = opt.scales;
        popt.store = &store;
        popt.shard_index = opt.shard_index;
        popt.shard_count = opt.shard_count;
        popt.description = what;
        const TileFingerprinter fingerprint(scene, style_text, kMetatile);
        popt.fingerprint = [&](const TileId& t, int scale) { return fingerprint(t, scale); };
        popt.reuse = opt.incremental;
        if (opt.progress) {
            popt.progress = [&](std::size_t done, std::size_t total) {
                opt.progress(layer, done, total);
            };
        }
        auto stats = render_pyramid(scene, st, popt);
        sum.reused += stats.reused;
        sum.changed += stats.changed;
        write_file_atomic(popt.tiles_dir / (layer + ".json"),
                          tilejson(popt, layer + "/{z}/{x}/{y}.png"));
        opt.log("tiles: " + layer + ": " + std::to_string(stats.tiles) + " (" +
                std::to_string(stats.bytes / 1024) + " KiB, " + std::to_string(stats.reused) +
                " unchanged, " + std::to_string(stats.changed) + " changed)");
        sum.tiles += stats.tiles;
        sum.bytes += stats.bytes;
    };
    const std::string region = "places in Aleppo and Idlib governorates";
    for (const auto& day : days) {
        render("control-" + to_iso(day.date), style, style_text, day,
               "Control of " + region + " on " + to_iso(day.date) + "; rings: changed since " +
                   to_iso(baseline.date));
    }
    render("control", style, style_text, latest,
           "Control of " + region + " on " + to_iso(latest.date) + " (latest)");
    render("changes", changes_style, changes_text, latest,
           "Changes of control of " + region + " from " + to_iso(baseline.date) + " to " +
               to_iso(latest.date) + "; ring: the controller before");
    if (!overlay_path.empty()) {
        render("overlay", read_style(overlay_path), read_file(overlay_path, "style"), latest,
               "Transparent overlay: control of " + region + " on " + to_iso(latest.date));
    }
    return sum;
}

}  // namespace frontline
