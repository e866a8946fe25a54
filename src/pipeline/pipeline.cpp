// The main job. Every output is written atomically; the order is data first, tiles last.
#include "pipeline/pipeline.hpp"

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "control/control_io.hpp"
#include "control/timeline.hpp"
#include "events/event.hpp"
#include "events/event_io.hpp"
#include "gazetteer/geoparse.hpp"
#include "gazetteer/mention_io.hpp"
#include "geo/boundaries.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "text/article.hpp"
#include "tiles/pyramid.hpp"

namespace frontline {

RunOptions default_run_options() {
    RunOptions o;
    const std::filesystem::path src = FRONTLINE_SOURCE_DIR;
    o.inputs = {src.parent_path() / "shared" / "seeds"};
    o.gazetteer_dir = src / "gazetteer";
    o.baseline = src / "data" / "baseline" / "2024-11-26.tsv";
    o.boundaries = default_boundaries_path();
    o.style = src / "styles" / "control.json";
    return o;
}

RunSummary run_pipeline(const RunOptions& opt) {
    RunSummary sum;
    const Style style = read_style(opt.style);  // fail on a bad style before any work
    auto gaz = Gazetteer::load_dir(opt.gazetteer_dir);
    opt.log("gazetteer: " + std::to_string(gaz.size()) + " places from " + opt.gazetteer_dir.string());
    auto articles = read_articles(opt.inputs, opt.manifest);
    sum.articles = articles.size();
    std::vector<Mention> all_mentions;
    std::vector<Event> raw_events;
    for (const auto& a : articles) {
        auto mentions = geoparse(gaz, a);
        if (!a.published) opt.log("warning: " + a.doc + ": no publication date (manifest): no events taken");
        auto ev = extract_events(a, mentions);
        raw_events.insert(raw_events.end(), ev.begin(), ev.end());
        all_mentions.insert(all_mentions.end(), mentions.begin(), mentions.end());
    }
    auto events = merge_events(std::move(raw_events));
    sum.mentions = all_mentions.size();
    sum.events = events.size();
    write_file_atomic(opt.out_dir / "mentions.geojson", mentions_geojson(all_mentions));
    write_file_atomic(opt.out_dir / "events.geojson", events_geojson(events));
    write_file_atomic(opt.out_dir / "events.csv", events_csv(events));

    Baseline baseline = read_baseline(opt.baseline, gaz);
    Date last = baseline.date;
    for (const auto& a : articles) {
        if (a.published && std::chrono::sys_days{*a.published} > std::chrono::sys_days{last}) last = *a.published;
    }
    auto days = build_timeline(baseline, events, last);
    sum.days = days.size();
    for (const auto& d : days) {
        write_file_atomic(opt.out_dir / "control" / (to_iso(d.date) + ".geojson"), control_day_geojson(d, gaz));
    }
    opt.log("articles: " + std::to_string(sum.articles) + ", mentions: " + std::to_string(sum.mentions) +
            ", events: " + std::to_string(sum.events) + ", days: " + std::to_string(sum.days));

    if (!opt.render) return sum;
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
    popt.description = "Control of places in Aleppo and Idlib governorates on " + to_iso(days.back().date);
    auto stats = render_pyramid(scene, style, popt);
    write_file_atomic(popt.tiles_dir / "control.json", tilejson(popt, "control/{z}/{x}/{y}.png"));
    sum.tiles = stats.tiles;
    sum.tile_bytes = stats.bytes;
    opt.log("tiles: " + std::to_string(stats.tiles) + " (" + std::to_string(stats.bytes / 1024) +
            " KiB) in " + popt.tiles_dir.string() + "/control");
    return sum;
}

}  // namespace frontline
