// The main job. Every output is written atomically; the order is data first, tiles last.
#include "pipeline/pipeline.hpp"

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "common/output_lock.hpp"
#include "control/areas.hpp"
#include "control/control_io.hpp"
#include "control/timeline.hpp"
#include "events/event.hpp"
#include "events/event_io.hpp"
#include "gazetteer/geoparse.hpp"
#include "gazetteer/mention_io.hpp"
#include "geo/boundaries.hpp"
#include "render/style.hpp"
#include "text/article.hpp"
#include "tiles/render_job.hpp"

namespace frontline {

RunOptions default_run_options() {
    RunOptions o;
    const std::filesystem::path src = FRONTLINE_SOURCE_DIR;
    o.inputs = {src.parent_path() / "shared" / "seeds"};
    o.gazetteer_dir = src / "gazetteer";
    o.baseline = src / "data" / "baseline" / "2024-11-26.tsv";
    o.tiles.boundaries = default_boundaries_path();
    o.tiles.style = src / "styles" / "control.json";
    return o;
}

namespace {

// out/control/<date>-areas.geojson for every day. The areas are an estimate on top of the
// place states; without boundaries (no GeoPackage cached) they are skipped with a warning
// rather than failing the data outputs.
void write_control_areas(const Gazetteer& gaz, const std::vector<ControlDay>& days,
                         const RunOptions& opt) {
    GeoMultiPolygon clip;
    try {
        BoundaryOptions bo;
        bo.source = opt.tiles.boundaries;
        for (const auto& a : read_boundaries(bo).admin1) {
            if (a.focus) clip = union_of(clip, a.geom);
        }
    } catch (const Error& e) {
        opt.log(std::string("warning: no control areas: ") + e.what());
        return;
    }
    for (const auto& d : days) {
        std::vector<AreaSite> sites;
        for (const auto& [id, st] : d.places) {
            const Place* p = gaz.find_id(id);
            if (!p || p->foreign()) continue;
            const std::string kind = p->kind();
            if (kind == "road" || kind == "governorate" || kind == "region" || kind == "country") {
                continue;
            }
            sites.push_back({id, p->lon, p->lat, st.controller});
        }
        write_file_atomic(opt.out_dir / "control" / (to_iso(d.date) + "-areas.geojson"),
                          control_areas_geojson(control_areas(sites, clip), d.date));
    }
}

}  // namespace

RunSummary run_pipeline(const RunOptions& opt) {
    RunSummary sum;
    if (opt.render) read_style(opt.tiles.style);  // fail on a bad style before any work
    const OutputLock lock(opt.out_dir);
    if (auto n = remove_stale_temporaries(opt.out_dir)) {
        opt.log("removed " + std::to_string(n) + " temporary files left by an interrupted run");
    }
    auto gaz = Gazetteer::load_dir(opt.gazetteer_dir);
    opt.log("gazetteer: " + std::to_string(gaz.size()) + " places from " +
            opt.gazetteer_dir.string());
    auto articles = read_articles(opt.inputs, opt.manifest);
    sum.articles = articles.size();
    GeoparseOptions gpo;
    gpo.governorate_cues = true;  // "villages in Aleppo and Idlib" are the governorates
    std::vector<Mention> all_mentions;
    std::vector<Event> raw_events;
    for (const auto& a : articles) {
        auto mentions = geoparse(gaz, a, gpo);
        if (a.text.find_first_not_of(" \t\r\n") == std::string::npos) {
            opt.log("warning: " + a.path.string() + ": empty file: nothing to read");
        } else if (mentions.empty()) {
            opt.log("warning: " + a.path.string() + ": no place names found: no events taken");
        }
        if (!a.published)
            opt.log("warning: " + a.doc + ": no publication date (manifest): no events taken");
        auto ev = extract_events(a, mentions);
        raw_events.insert(raw_events.end(), ev.begin(), ev.end());
        all_mentions.insert(all_mentions.end(), mentions.begin(), mentions.end());
    }
    auto events = merge_events(std::move(raw_events));
    annotate_places(events, gaz);
    sum.mentions = all_mentions.size();
    sum.events = events.size();

    Baseline baseline = read_baseline(opt.baseline, gaz);
    Date last = baseline.date;
    for (const auto& a : articles) {
        if (a.published && std::chrono::sys_days{*a.published} > std::chrono::sys_days{last})
            last = *a.published;
    }
    auto days = build_timeline(baseline, events, last);
    propagate_to_neighbourhoods(days, gaz);
    fill_controller_before(events, days);
    sum.days = days.size();
    write_file_atomic(opt.out_dir / "mentions.geojson", mentions_geojson(all_mentions));
    write_file_atomic(opt.out_dir / "events.geojson", events_geojson(events));
    write_file_atomic(opt.out_dir / "events.csv", events_csv(events));
    for (const auto& d : days) {
        write_file_atomic(opt.out_dir / "control" / (to_iso(d.date) + ".geojson"),
                          control_day_geojson(d, gaz));
    }
    write_control_areas(gaz, days, opt);
    opt.log("articles: " + std::to_string(sum.articles) +
            ", mentions: " + std::to_string(sum.mentions) +
            ", events: " + std::to_string(sum.events) + ", days: " + std::to_string(sum.days));

    if (!opt.render) return sum;
    RenderJobOptions ropt = opt.tiles;
    ropt.out_dir = opt.out_dir;
    ropt.log = opt.log;
    auto r = render_layers(gaz, days, ropt);
    sum.tiles = r.tiles;
    sum.tile_bytes = r.bytes;
    sum.tiles_reused = r.reused;
    sum.tiles_changed = r.changed;
    return sum;
}

}  // namespace frontline
