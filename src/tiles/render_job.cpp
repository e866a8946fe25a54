// Layer set: `control` (the latest day) for now.
#include "tiles/render_job.hpp"

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "geo/boundaries.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "tiles/pyramid.hpp"

namespace frontline {

RenderJobSummary render_layers(const Gazetteer& gaz, const std::vector<ControlDay>& days,
                               const RenderJobOptions& opt) {
    if (days.empty()) throw Error("render", opt.out_dir.string(), "no control days to render");
    const Style style = read_style(opt.style);
    BoundaryOptions bopt;
    bopt.source = opt.boundaries;
    Boundaries bounds = read_boundaries(bopt);
    Scene scene = build_scene(bounds, gaz, days.back());
    PyramidOptions popt;
    popt.layer = "control";
    popt.minzoom = opt.minzoom;
    popt.maxzoom = opt.maxzoom;
    popt.lonlat = scene.focus_lonlat;
    popt.tiles_dir = opt.out_dir / "tiles";
    popt.threads = opt.threads;
    popt.description =
        "Control of places in Aleppo and Idlib governorates on " + to_iso(days.back().date);
    auto stats = render_pyramid(scene, style, popt);
    write_file_atomic(popt.tiles_dir / "control.json", tilejson(popt, "control/{z}/{x}/{y}.png"));
    opt.log("tiles: " + std::to_string(stats.tiles) + " (" + std::to_string(stats.bytes / 1024) +
            " KiB) in " + (popt.tiles_dir / popt.layer).string());
    return {stats.tiles, stats.bytes};
}

}  // namespace frontline
