// `frontline run` and `frontline render`: the main job (pipeline/pipeline.hpp). They share
// their options; render is run with the tiles always drawn.
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "cli/shared_options.hpp"
#include "pipeline/pipeline.hpp"
#include "tiles/progress.hpp"

namespace frontline::cli {

namespace {

struct Options {
    RunOptions run;
    ProgressMode progress = ProgressMode::automatic;
};

// What the command line gives, before the values CLI11 cannot check are parsed.
struct Args {
    std::vector<std::string> inputs;
    std::string manifest, out = "out", corrections, zoom = "5-12", bbox, shard = "1/1", until,
                          progress = "auto";
    std::string baseline;
    MapSources map;
    int threads = 0;
    bool all_communities = false, no_render = false, no_incremental = false, no_retina = false;
    std::string public_url;
};

Options finish(const Args& a, const GlobalOptions& global) {
    Options o;
    RunOptions& ro = o.run;
    ro = default_run_options();
    if (!a.inputs.empty()) ro.inputs.assign(a.inputs.begin(), a.inputs.end());
    if (!a.manifest.empty()) ro.manifest = a.manifest;
    ro.out_dir = a.out;
    ro.gazetteer_dir = global.gazetteer_dir;
    ro.baseline = a.baseline;
    if (!a.corrections.empty()) ro.corrections = a.corrections;
    ro.all_communities = a.all_communities;
    ro.public_url = a.public_url;
    ro.tiles.boundaries = a.map.boundaries;
    ro.tiles.style = a.map.style;
    ro.tiles.changes_style = a.map.changes_style;
    ro.tiles.overlay_style = a.map.overlay_style;
    ro.tiles.threads = a.threads;
    ro.render = !a.no_render;
    ro.tiles.incremental = !a.no_incremental;
    if (a.no_retina) ro.tiles.scales = {1};
    const ZoomRange zoom = zoom_range_flag(a.zoom);
    const Shard shard = shard_flag(a.shard);
    if (!a.bbox.empty()) ro.tiles.lonlat = bbox_flag(a.bbox);
    if (!a.until.empty()) ro.until = date_flag("--until", a.until);
    ro.tiles.minzoom = zoom.min;
    ro.tiles.maxzoom = zoom.max;
    ro.tiles.shard_index = shard.index;
    ro.tiles.shard_count = shard.count;
    parse_progress_mode(a.progress, o.progress);  // CLI11 checked it is one of the modes
    return o;
}

int run(const Options& o) {
    RunOptions ro = o.run;
    ProgressReporter progress(o.progress);
    ro.tiles.progress = [&](const std::string& layer, std::size_t done, std::size_t total) {
        progress.update(layer, done, total);
    };
    // --progress quiet leaves out the news of the run, never its warnings.
    ro.log = [&](const std::string& s) {
        progress.finish();
        if (o.progress != ProgressMode::quiet || s.starts_with("warning: "))
            std::cerr << "frontline: " << s << "\n";
    };
    const RunSummary sum = run_pipeline(ro);
    progress.finish();
    std::cerr << "frontline: done: " << sum.articles << " articles, " << sum.events << " events, "
              << sum.days << " days, " << sum.tiles << " tiles (" << sum.tiles_reused
              << " unchanged, " << sum.tiles_changed
              << " changed: see out/tiles/<layer>.changed)\n";
    return kExitOk;
}

}  // namespace

void add_run(CLI::App& app, const GlobalOptions& global, std::vector<Command>& commands) {
    auto args = std::make_shared<Args>();
    args->baseline = default_run_options().baseline.string();
    args->map = default_map_sources();
    auto* run_cmd =
        app.add_subcommand("run", "Run the main job: articles -> mentions, events, control, tiles");
    auto* render_cmd = app.add_subcommand(
        "render", "Render tiles (runs the data stages first: they take well under a second)");
    Args& a = *args;
    for (auto* cmd : {run_cmd, render_cmd}) {
        cmd->add_option("inputs", a.inputs,
                        "Article files or directories (default: ../shared/seeds)");
        cmd->add_option("--manifest", a.manifest, "Manifest TSV (file, published[, source, url])");
        cmd->add_option("--out", a.out, "Output directory")->capture_default_str();
        cmd->add_option("--baseline", a.baseline, "Baseline control TSV")->capture_default_str();
        cmd->add_option("--corrections", a.corrections,
                        "Editorial corrections TSV (action, target, controller, date, note)");
        cmd->add_flag("--all-communities", a.all_communities,
                      "Baseline holder for every community of the gazetteer, not only those "
                      "events name (slow control areas)");
        add_map_sources(cmd, a.map, "OGR boundary source (admin-1 layer states_provinces)",
                        "Style file");
        cmd->add_option("--zoom", a.zoom,
                        "Zoom range MIN-MAX, 0-22, at most 1,000,000 tiles per layer over the "
                        "area (--bbox)")
            ->capture_default_str();
        cmd->add_option("--until", a.until,
                        "Last day of the timeline YYYY-MM-DD (default: the latest publication "
                        "date, leaving out dates more than 30 days from the median or after "
                        "today)");
        cmd->add_option("--bbox", a.bbox,
                        "Tile area minlon,minlat,maxlon,maxlat (default: the two governorates)");
        cmd->add_option("-j,--threads", a.threads, "Render threads (0: all cores)");
        cmd->add_option("--shard", a.shard,
                        "Render shard K of N (1-based), then `frontline merge` (docs/SCALING.md)")
            ->capture_default_str();
        cmd->add_option("--progress", a.progress,
                        "auto, bar, json or quiet (warnings are always shown)")
            ->check(CLI::IsMember({"auto", "bar", "json", "quiet"}))
            ->capture_default_str();
        cmd->add_flag("--no-incremental", a.no_incremental,
                      "Render every tile even if its inputs did not change");
        cmd->add_flag("--no-retina", a.no_retina, "Do not write @2x tiles");
    }
    run_cmd->add_flag("--no-render", a.no_render, "Stop after the data outputs");
    run_cmd->add_option("--public-url", a.public_url,
                        "Where the output directory is published, for the URLs of snippets.md");

    auto go = [args, &global] { return run(finish(*args, global)); };
    commands.push_back({run_cmd, go});
    commands.push_back({render_cmd, go});
}

}  // namespace frontline::cli
