// The main job. Every output is written into a staging folder, data first, tiles last, and
// published all at once (common/generation.hpp).
#include "pipeline/pipeline.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>

#include "common/atomic_file.hpp"
#include "common/data_dir.hpp"
#include "common/error.hpp"
#include "common/generation.hpp"
#include "common/option_error.hpp"
#include "common/output_lock.hpp"
#include "control/areas.hpp"
#include "control/control_io.hpp"
#include "control/timeline.hpp"
#include "events/event.hpp"
#include "events/event_io.hpp"
#include "gazetteer/geoparse.hpp"
#include "gazetteer/mention_io.hpp"
#include "gazetteer/news_names.hpp"
#include "geo/boundaries.hpp"
#include "pipeline/figures.hpp"
#include "render/style.hpp"
#include "text/article.hpp"
#include "tiles/pyramid.hpp"
#include "tiles/render_job.hpp"
#include "web/web_export.hpp"

namespace frontline {

RunOptions default_run_options() {
    RunOptions o;
    const std::filesystem::path data = default_data_dir();
    o.inputs = {std::filesystem::path("..") / "shared" / "seeds"};
    o.gazetteer_dir = data / "gazetteer";
    o.baseline = data / "data" / "baseline" / "2024-11-26.tsv";
    o.tiles.boundaries = default_boundaries_path();
    o.tiles.style = data / "styles" / "control.json";
    o.web_dir = default_web_dir();
    return o;
}

namespace {

// out/control/<date>-areas.geojson for every day. The areas are an estimate on top of the
// place states; without boundaries (`no_bounds` says why: no GeoPackage cached) they are
// skipped with a warning rather than failing the data outputs.
void write_control_areas(const Gazetteer& gaz, const std::vector<ControlDay>& days,
                         const std::optional<Boundaries>& bounds, const std::string& no_bounds,
                         const std::filesystem::path& out, const RunOptions& opt) {
    if (!bounds) {
        opt.log("warning: no control areas: " + no_bounds);
        return;
    }
    const GeoMultiPolygon clip = focus_clip(*bounds);
    for (const auto& d : days) {
        const std::vector<AreaSite> sites = area_sites(gaz, d);
        write_file_atomic(out / "control" / (to_iso(d.date) + "-areas.geojson"),
                          control_areas_geojson(control_areas(sites, clip), d.date));
    }
}

}  // namespace

Date timeline_end(const std::vector<Article>& articles, Date baseline, Date today,
                  std::vector<std::string>& warnings) {
    using Days = std::chrono::sys_days;
    std::vector<Days> dated;
    for (const auto& a : articles) {
        if (a.published) dated.push_back(Days{*a.published});
    }
    std::sort(dated.begin(), dated.end());
    Date last = baseline;
    if (dated.empty()) return last;
    const Days median = dated[(dated.size() - 1) / 2];
    for (const auto& a : articles) {
        if (!a.published) continue;
        const Days d{*a.published};
        const std::string where = a.published_at.empty() ? a.doc : a.published_at;
        std::string why;
        if (d > Days{today}) {
            why = "is after today (" + to_iso(today) + ")";
        } else if (std::chrono::abs(d - median).count() > kStrayDays) {
            why = "is " + std::to_string(std::chrono::abs(d - median).count()) +
                  " days from the median publication date " + to_iso(Date{median}) +
                  " (more than " + std::to_string(kStrayDays) + ")";
        }
        if (!why.empty()) {
            warnings.push_back(where + ": " + a.doc + " published " + to_iso(*a.published) + " " +
                               why +
                               ": it does not extend the timeline (its events keep their "
                               "date; give --until DATE to draw later days)");
            continue;
        }
        if (d > Days{last}) last = *a.published;
    }
    return last;
}

namespace {

// Every stage, writing into `out` (the staging folder); `previous` holds the previous run's
// outputs (unchanged tiles are reused from there).
RunSummary run_stages(const RunOptions& opt, const std::filesystem::path& out,
                      const std::filesystem::path& previous) {
    RunSummary sum;
    std::vector<Correction> corrections;  // read first: a bad row fails before any work
    if (opt.corrections) corrections = read_corrections(*opt.corrections);
    auto gaz = Gazetteer::load_dir(opt.gazetteer_dir);
    opt.log("gazetteer: " + std::to_string(gaz.size()) + " places from " +
            opt.gazetteer_dir.string());
    auto articles = read_articles(opt.inputs, opt.manifest);
    sum.articles = articles.size();
    GeoparseOptions gpo;
    gpo.governorate_cues = true;  // "villages in Aleppo and Idlib" are the governorates
    gpo.unlocated = true;  // events list places the gazetteer lacks; control never draws them
    // One spelling per place, the one the run's articles use (news_names.hpp).
    const auto mentions_of = geoparse_run(gaz, articles, gpo);
    std::vector<Mention> all_mentions;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        const auto& a = articles[i];
        for (const auto& w : a.warnings) opt.log("warning: " + w);
        if (a.text.find_first_not_of(" \t\r\n") == std::string::npos) {
            opt.log("warning: " + a.path.string() + ": empty file: nothing to read");
        } else if (mentions_of[i].empty()) {
            opt.log("warning: " + a.path.string() + ": no place names found: no events taken");
        }
        if (!a.published)
            opt.log("warning: " + a.doc + ": no publication date (manifest): no events taken");
        all_mentions.insert(all_mentions.end(), mentions_of[i].begin(), mentions_of[i].end());
    }
    auto events = events_of(articles, mentions_of, gaz);
    sum.mentions = all_mentions.size();
    sum.events = events.size();

    Baseline baseline = read_baseline(opt.baseline, gaz);
    // Every community's holder, where the gazetteer has the communities (oc:<p-code>).
    const auto layer =
        opt.baseline.parent_path() / (opt.baseline.stem().string() + "-communities.tsv");
    if (std::filesystem::exists(layer)) {
        std::set<std::string> named;
        for (const auto& e : events) named.insert(e.place_id);
        if (auto n = add_baseline_layer(baseline, layer, gaz, named, opt.all_communities))
            opt.log("baseline: " + std::to_string(n) + " communities from " + layer.string());
    }
    std::vector<std::string> strays;
    const Date today =
        opt.today ? *opt.today
                  : Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    Date last = timeline_end(articles, baseline.date, today, strays);
    for (const auto& w : strays) opt.log("warning: " + w);
    if (opt.until) {
        if (days_between(baseline.date, *opt.until) < 0) {
            throw OptionError("run", "{until} " + to_iso(*opt.until),
                              "before the baseline's date " + to_iso(baseline.date) + " (" +
                                  OptionError::literal(opt.baseline.string()) + ")");
        }
        last = *opt.until;
    }
    if (days_between(baseline.date, last) > kMaxTimelineDays) {
        throw OptionError(
            "run",
            opt.until ? "{until} " + to_iso(last) : OptionError::literal(opt.baseline.string()),
            "a timeline to " + to_iso(last) + " would have more than " +
                std::to_string(kMaxTimelineDays) + " days after the baseline's date " +
                to_iso(baseline.date) + ": give a nearer {until}");
    }
    check_corrections(corrections, events, gaz);
    auto days = build_timeline(baseline, events, last, corrections);
    propagate_to_neighbourhoods(days, gaz);
    infer_between(days, gaz);
    fill_controller_before(events, days);
    sum.days = days.size();
    // The boundaries, read once for the zoom check and the areas. Without them the areas
    // give a warning and the tile stage the error.
    std::optional<Boundaries> bounds;
    std::string no_bounds;
    try {
        BoundaryOptions bo;
        bo.source = opt.tiles.boundaries;
        bounds = read_boundaries(bo);
    } catch (const Error& e) {
        no_bounds = e.what();
    }
    if (opt.render) {
        // A zoom range too deep for the area is refused before the first output is written.
        std::optional<BBox> area = opt.tiles.lonlat;
        if (!area && bounds) area = focus_lonlat(*bounds);
        if (area) check_tile_count(*area, opt.tiles.minzoom, opt.tiles.maxzoom);
    }
    write_file_atomic(out / "mentions.geojson", mentions_geojson(all_mentions));
    write_file_atomic(out / "events.geojson", events_geojson(events));
    write_file_atomic(out / "events.csv", events_csv(events));
    if (opt.corrections) {
        std::string rows = "action\ttarget\tcontroller\tdate\tnote\n";
        for (const auto& c : corrections) {
            rows += c.action + "\t" + c.target + "\t" +
                    (c.action == "set" ? std::string(to_string(c.controller)) : "") + "\t" +
                    (c.action == "set" ? to_iso(c.from) : "") + "\t" + c.note + "\n";
        }
        write_file_atomic(out / "corrections.tsv", rows);
        opt.log("corrections: " + std::to_string(corrections.size()) + " rows from " +
                opt.corrections->string() + " applied (listed in corrections.tsv)");
    }
    for (const auto& d : days) {
        write_file_atomic(out / "control" / (to_iso(d.date) + ".geojson"),
                          control_day_geojson(d, gaz));
    }
    write_control_areas(gaz, days, bounds, no_bounds, out, opt);
    opt.log("articles: " + std::to_string(sum.articles) +
            ", mentions: " + std::to_string(sum.mentions) +
            ", events: " + std::to_string(sum.events) + ", days: " + std::to_string(sum.days));

    if (!opt.render) return sum;
    RenderJobOptions ropt = opt.tiles;
    ropt.out_dir = out;
    ropt.previous_dir = previous;
    ropt.log = opt.log;
    auto r = render_layers(gaz, days, ropt);
    sum.tiles = r.tiles;
    sum.tile_bytes = r.bytes;
    sum.tiles_reused = r.reused;
    sum.tiles_changed = r.changed;
    // Figures for articles; in a sharded run only shard 1 draws them (they are not tiles).
    if (ropt.shard_index == 0) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        FigureMaker figures(gaz, days, ropt);
        const auto written = figures.write_defaults(out / "figures");
        std::size_t files = 0;
        for (const auto& f : written) files += f.files.size();
        sum.figures = files;
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - t0)
                            .count();
        opt.log("figures: " + std::to_string(files) + " PNGs in " +
                (opt.out_dir / "figures").string() + " (figures.json lists them), " +
                std::to_string(ms) + " ms, " +
                std::to_string((std::clock() - c0) * 1000 / CLOCKS_PER_SEC) + " ms CPU");
    }

    if (!opt.web) return sum;
    WebOptions wo;
    wo.out_dir = out;
    wo.web_dir = opt.web_dir;
    wo.leaflet_dir = leaflet_dist_dir(opt.web_dir);
    wo.style = opt.tiles.style;
    wo.public_url = opt.public_url;
    for (const auto& a : articles) {
        wo.articles.push_back({a.doc, a.published ? to_iso(*a.published) : std::string(), a.source,
                               a.url, lede_of(a.text)});
    }
    for (const auto& d : days) {
        for (const auto& [id, st] : d.places) {
            (void)st;
            if (const Place* p = gaz.find_id(id)) wo.place_kinds.emplace(id, p->kind());
        }
    }
    for (const auto& e : events) {
        if (const Place* p = gaz.find_id(e.place_id)) wo.place_kinds.emplace(e.place_id, p->kind());
    }
    // Like the areas: the page sits on top of the data and tiles, so an uninstalled Leaflet
    // (no `npm ci`) costs the page, with a warning, not the run.
    try {
        sum.web_files = write_web(wo).files;
        opt.log("web page: " + std::to_string(sum.web_files) +
                " files (index.html, embed.html, "
                "snippets.md, web/)");
    } catch (const Error& e) {
        if (e.exit_code() == kExitOutputError) throw;
        opt.log(std::string("warning: no web page: ") + e.what());
    } catch (const nlohmann::json::exception& e) {
        // A data file of this run the page could not read: the page is lost, not the run.
        opt.log(std::string("warning: no web page: unexpected data: ") + e.what());
    }
    return sum;
}

}  // namespace

RunSummary run_pipeline(const RunOptions& opt) {
    if (opt.render) read_style(opt.tiles.style);  // fail on a bad style before any work
    const OutputLock lock(opt.out_dir);
    if (auto n = remove_stale_temporaries(opt.out_dir)) {
        opt.log("removed " + std::to_string(n) + " temporary files left by an interrupted run");
    }
    // All or nothing: the run writes into a staging folder, published by one rename only
    // when every output is written; a failure or a kill leaves the previous outputs.
    Generation generation(opt.out_dir);
    const RunSummary sum = run_stages(opt, generation.staging(), generation.current());
    generation.commit({}, opt.log);
    return sum;
}

}  // namespace frontline
