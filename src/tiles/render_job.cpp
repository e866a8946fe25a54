// The layer set of the main job (render/layers.hpp): a snapshot per day, `control` (latest),
// `changes` and `overlay`. Labels are placed per scene and zoom before any tile is rendered (see
// render/labels.hpp), so the pyramid renderer can cut tiles and metatiles in any order.
#include "tiles/render_job.hpp"

#include <set>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "geo/boundaries.hpp"
#include "render/fingerprint.hpp"
#include "render/labels.hpp"
#include "render/layers.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "tiles/pyramid.hpp"

namespace frontline {

RenderJobSummary render_layers(const Gazetteer& gaz, const std::vector<ControlDay>& days,
                               const RenderJobOptions& opt) {
    if (days.empty()) throw Error("render", opt.out_dir.string(), "no control days to render");
    // The main and changes styles now; the overlay style when its layer is rendered, last (a
    // bad one fails the run after the other layers' tiles are written, in the staging folder).
    const LayerSet layers({opt.style, opt.changes_style, opt.overlay_style});
    layers.resolve("control", days);
    layers.resolve("changes", days);
    BoundaryOptions bopt;
    bopt.source = opt.boundaries;
    const Boundaries bounds = read_boundaries(bopt);
    const ControlDay& baseline = days.front();

    RenderJobSummary sum;
    XyzStore store;                // identical tiles across layers (days) are stored once
    std::set<std::string> warned;  // labels left out (place_labels), said once
    for (const std::string& layer : layers.names(days)) {
        const Layer l = layers.resolve(layer, days);
        const Style& st = l.style->style;
        Scene scene = build_scene(bounds, gaz, *l.day, &baseline);
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
        popt.description = l.description;
        const TileFingerprinter fingerprint(scene, l.style->text, kMetatile);
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
    }
    return sum;
}

}  // namespace frontline
