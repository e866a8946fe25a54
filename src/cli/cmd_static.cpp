// `frontline static`: one figure for an article (pipeline/figures.hpp), a PNG and its @2x,
// drawn from the control days of a run's output.
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "cli/shared_options.hpp"
#include "control/control_io.hpp"
#include "pipeline/figures.hpp"
#include "pipeline/pipeline.hpp"

namespace frontline::cli {

namespace {

namespace fs = std::filesystem;

struct Options {
    std::string gazetteer_dir;  // --gazetteer, before the command
    std::string output;         // the PNG; @2x beside it
    std::string data = "out";   // a run's output: its control/ days
    FigureOptions figure;
    MapSources map;
};

// What the command line gives, before the values CLI11 cannot check are parsed.
struct Args {
    std::string output, data = "out", layer = "control", day, bbox, center, size = "800x600", title;
    int zoom = -1;
    bool changes = false, no_retina = false;
    MapSources map;
    CLI::Option *layer_opt = nullptr, *zoom_opt = nullptr;
};

Options finish(const Args& a, const GlobalOptions& global) {
    Options o;
    o.gazetteer_dir = global.gazetteer_dir;
    o.output = a.output;
    o.data = a.data;
    o.map = a.map;
    FigureOptions& fo = o.figure;
    if (int(!a.day.empty()) + int(a.changes) + int(a.layer_opt->count() > 0) > 1)
        throw UsageError("give one of --layer, --day and --changes");
    fo.layer = !a.day.empty() ? "control-" + a.day : a.changes ? "changes" : a.layer;
    const auto [width, height] = size_flag(a.size);
    fo.width = width;
    fo.height = height;
    if (!a.bbox.empty()) fo.frame.bbox = bbox_flag(a.bbox);
    if (!a.center.empty()) fo.frame.center = center_flag(a.center);
    if (a.zoom_opt->count()) fo.frame.zoom = a.zoom;
    fo.title = a.title;
    if (a.no_retina) fo.scales = {1};
    if (fs::path(a.output).extension() != ".png")
        throw UsageError("--output must name a .png file, got \"" + a.output + "\"");
    return o;
}

int run(const Options& o) {
    const Gazetteer g = Gazetteer::load_dir(o.gazetteer_dir);
    const auto days = read_control_days(fs::path(o.data) / "control");
    RenderJobOptions ropt = default_run_options().tiles;
    ropt.boundaries = o.map.boundaries;
    ropt.style = o.map.style;
    ropt.changes_style = o.map.changes_style;
    ropt.overlay_style = o.map.overlay_style;
    FigureMaker maker(g, days, ropt);
    const auto rec = maker.write(o.figure, o.output);
    std::cerr << "frontline: " << rec.layer << " (" << rec.day << "), zoom " << rec.zoom << ":";
    for (const auto& f : rec.files) std::cerr << " " << f.string();
    std::cerr << "\n";
    return kExitOk;
}

}  // namespace

void add_static(CLI::App& app, const GlobalOptions& global, std::vector<Command>& commands) {
    auto args = std::make_shared<Args>();
    Args& a = *args;
    a.map = default_map_sources();
    auto* cmd = app.add_subcommand(
        "static",
        "Write a figure for an article: a PNG (and @2x) of a layer with title, legend, "
        "scale bar, attribution and date line");
    cmd->add_option("-o,--output", a.output, "PNG file to write (@2x beside it)")->required();
    cmd->add_option("--data", a.data, "Output directory of `frontline run` (control days)")
        ->capture_default_str();
    a.layer_opt =
        cmd->add_option("--layer", a.layer, "control, changes, overlay or control-YYYY-MM-DD")
            ->capture_default_str();
    cmd->add_option("--day", a.day, "Show this day (YYYY-MM-DD): layer control-DAY");
    cmd->add_flag("--changes", a.changes, "Show the changes view: layer changes");
    cmd->add_option("--bbox", a.bbox,
                    "Map area minlon,minlat,maxlon,maxlat (default: the two governorates)");
    cmd->add_option("--center", a.center, "Map centre lon,lat (with --zoom)");
    a.zoom_opt = cmd->add_option("--zoom", a.zoom, "Zoom with --center (0-22)");
    cmd->add_option("--size", a.size, "Figure WIDTHxHEIGHT in CSS pixels")->capture_default_str();
    cmd->add_option("--title", a.title, "Title (default: from the layer)");
    cmd->add_flag("--no-retina", a.no_retina, "Do not write the @2x figure");
    add_map_sources(cmd, a.map, "OGR boundary source",
                    "Style file (changes.json, overlay.json beside it)");
    commands.push_back({cmd, [args, &global] { return run(finish(*args, global)); }});
}

}  // namespace frontline::cli
