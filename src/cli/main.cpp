// The `frontline` command line: a thin front end over frontline_core. Parses options into
// plain structs, calls the library, and maps errors to the documented exit codes.
#include <CLI/CLI.hpp>
#include <iostream>
#include <sstream>

#include "common/atomic_file.hpp"
#include "common/data_dir.hpp"
#include "common/error.hpp"
#include "common/generation.hpp"
#include "common/output_lock.hpp"
#include "control/control_io.hpp"
#include "events/event.hpp"
#include "events/event_io.hpp"
#include "gazetteer/geoparse.hpp"
#include "gazetteer/import.hpp"
#include "gazetteer/mention_io.hpp"
#include "gazetteer/news_names.hpp"
#include "gazetteer/normalize.hpp"
#include "pipeline/figures.hpp"
#include "pipeline/pipeline.hpp"
#include "serve/scene_renderer.hpp"
#include "serve/server.hpp"
#include "text/article.hpp"
#include "tiles/merge.hpp"
#include "tiles/progress.hpp"
#include "tiles/tile_options.hpp"

namespace fl = frontline;
namespace fs = std::filesystem;

namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 ok; 1 bad input (article, manifest, gazetteer, style, boundaries,\n"
    "corrections);\n"
    "2 bad command line; 3 output could not be written; 4 internal error.";

std::vector<fl::Article> read_inputs(const std::vector<std::string>& files,
                                     const std::string& manifest) {
    std::vector<fs::path> in(files.begin(), files.end());
    std::optional<fs::path> m;
    if (!manifest.empty()) m = manifest;
    return fl::read_articles(in, m);
}

int run_main(int argc, char** argv) {
    fl::RunOptions ro = fl::default_run_options();
    CLI::App app{"Frontline: news articles about an armed conflict -> control map tiles"};
    app.footer(kExitCodes);
    app.require_subcommand(1);

    std::string gaz_dir = ro.gazetteer_dir.string();
    app.add_option("--gazetteer", gaz_dir, "Gazetteer directory")->capture_default_str();

    // run and render share their options
    auto* run =
        app.add_subcommand("run", "Run the main job: articles -> mentions, events, control, tiles");
    auto* render = app.add_subcommand(
        "render", "Render tiles (runs the data stages first: they take well under a second)");
    std::vector<std::string> run_inputs;
    std::string run_manifest, run_out = "out", run_zoom = "5-12", run_bbox, run_shard = "1/1",
                              run_until, run_progress = "auto";
    std::string corrections;
    std::string baseline = ro.baseline.string(), boundaries = ro.tiles.boundaries.string(),
                style = ro.tiles.style.string();
    // Styles of the changes and overlay layers (run, render, static, serve); empty: beside --style.
    std::string changes_style, overlay_style;
    auto add_layer_styles = [&](CLI::App* cmd) {
        cmd->add_option("--changes-style", changes_style,
                        "Style of the changes layer (default: changes.json beside --style, "
                        "else --style)");
        cmd->add_option("--overlay-style", overlay_style,
                        "Style of the overlay layer (default: overlay.json beside --style, else "
                        "no overlay layer)");
    };
    int threads = 0;
    bool no_render = false, no_incremental = false, no_retina = false;
    for (auto* cmd : {run, render}) {
        cmd->add_option("inputs", run_inputs,
                        "Article files or directories (default: ../shared/seeds)");
        cmd->add_option("--manifest", run_manifest,
                        "Manifest TSV (file, published[, source, url])");
        cmd->add_option("--out", run_out, "Output directory")->capture_default_str();
        cmd->add_option("--baseline", baseline, "Baseline control TSV")->capture_default_str();
        cmd->add_option("--corrections", corrections,
                        "Editorial corrections TSV (action, target, controller, date, note)");
        cmd->add_flag("--all-communities", ro.all_communities,
                      "Baseline holder for every community of the gazetteer, not only those "
                      "events name (slow control areas)");
        cmd->add_option("--boundaries", boundaries,
                        "OGR boundary source (admin-1 layer states_provinces)")
            ->capture_default_str();
        cmd->add_option("--style", style, "Style file")->capture_default_str();
        add_layer_styles(cmd);
        cmd->add_option("--zoom", run_zoom,
                        "Zoom range MIN-MAX, 0-22, at most 1,000,000 tiles per layer over the "
                        "area (--bbox)")
            ->capture_default_str();
        cmd->add_option("--until", run_until,
                        "Last day of the timeline YYYY-MM-DD (default: the latest publication "
                        "date, leaving out dates more than 30 days from the median or after "
                        "today)");
        cmd->add_option("--bbox", run_bbox,
                        "Tile area minlon,minlat,maxlon,maxlat (default: the two governorates)");
        cmd->add_option("-j,--threads", threads, "Render threads (0: all cores)");
        cmd->add_option("--shard", run_shard,
                        "Render shard K of N (1-based), then `frontline merge` (docs/SCALING.md)")
            ->capture_default_str();
        cmd->add_option("--progress", run_progress, "auto, bar, json or quiet")
            ->check(CLI::IsMember({"auto", "bar", "json", "quiet"}))
            ->capture_default_str();
        cmd->add_flag("--no-incremental", no_incremental,
                      "Render every tile even if its inputs did not change");
        cmd->add_flag("--no-retina", no_retina, "Do not write @2x tiles");
    }
    run->add_flag("--no-render", no_render, "Stop after the data outputs");
    run->add_option("--public-url", ro.public_url,
                    "Where the output directory is published, for the URLs of snippets.md");

    // merge
    auto* merge = app.add_subcommand("merge", "Join the outputs of sharded runs into one");
    std::vector<std::string> merge_inputs;
    std::string merge_out = "out";
    merge->add_option("shards", merge_inputs, "Output directories of `--shard K/N` runs")
        ->required();
    merge->add_option("--out", merge_out, "Output directory")->capture_default_str();

    // geoparse
    auto* geoparse =
        app.add_subcommand("geoparse", "Print the resolved place mentions of articles");
    std::vector<std::string> gp_files;
    std::string gp_format = "geojson";
    geoparse->add_option("files", gp_files, "Article files")->required();
    bool gp_abstentions = false;
    geoparse->add_option("--format", gp_format, "geojson, tsv or json")
        ->check(CLI::IsMember({"geojson", "tsv", "json"}));
    geoparse->add_flag("--abstentions", gp_abstentions,
                       "Also print names matched but not resolved (abstained: true)");
    bool gp_unlocated = true;
    geoparse->add_flag("--unlocated,!--no-unlocated", gp_unlocated,
                       "Also print names in place slots that the gazetteer cannot place "
                       "(kind unlocated, null geometry / empty lat, lon); on by default");

    // events
    auto* events = app.add_subcommand("events", "Print the control-change events of articles");
    std::vector<std::string> ev_files;
    std::string ev_manifest, ev_format = "geojson";
    events->add_option("files", ev_files, "Article files")->required();
    events->add_option("--manifest", ev_manifest, "Manifest TSV with publication dates");
    events->add_option("--format", ev_format, "geojson or csv")
        ->check(CLI::IsMember({"geojson", "csv"}));

    // gazetteer lookup
    auto* gaz = app.add_subcommand("gazetteer", "Gazetteer tools");
    gaz->require_subcommand(1);
    auto* lookup = gaz->add_subcommand("lookup", "Ranked candidates for a place name");
    std::string lookup_name;
    lookup->add_option("name", lookup_name, "Place name as written")->required();
    auto* import = gaz->add_subcommand(
        "import-geonames",
        "Merge a GeoNames dump (SY.txt, allCountries.txt, cities500.txt) into the gazetteer");
    std::string import_file, import_out;
    import->add_option("file", import_file, "GeoNames dump: 19 tab-separated columns")->required();
    import->add_option("--out", import_out,
                       "Directory to write geonames_region.txt to (default: --gazetteer)");

    // static
    auto* figure = app.add_subcommand(
        "static",
        "Write a figure for an article: a PNG (and @2x) of a layer with title, legend, "
        "scale bar, attribution and date line");
    std::string fig_out, fig_data = "out", fig_layer = "control", fig_day, fig_bbox, fig_center,
                         fig_size = "800x600", fig_title;
    int fig_zoom = -1;
    bool fig_changes = false, fig_no_retina = false;
    figure->add_option("-o,--output", fig_out, "PNG file to write (@2x beside it)")->required();
    figure->add_option("--data", fig_data, "Output directory of `frontline run` (control days)")
        ->capture_default_str();
    figure->add_option("--layer", fig_layer, "control, changes, overlay or control-YYYY-MM-DD")
        ->capture_default_str();
    figure->add_option("--day", fig_day, "Show this day (YYYY-MM-DD): layer control-DAY");
    figure->add_flag("--changes", fig_changes, "Show the changes view: layer changes");
    figure->add_option("--bbox", fig_bbox,
                       "Map area minlon,minlat,maxlon,maxlat (default: the two governorates)");
    figure->add_option("--center", fig_center, "Map centre lon,lat (with --zoom)");
    figure->add_option("--zoom", fig_zoom, "Zoom with --center (0-22)");
    figure->add_option("--size", fig_size, "Figure WIDTHxHEIGHT in CSS pixels")
        ->capture_default_str();
    figure->add_option("--title", fig_title, "Title (default: from the layer)");
    figure->add_flag("--no-retina", fig_no_retina, "Do not write the @2x figure");
    figure->add_option("--boundaries", boundaries, "OGR boundary source")->capture_default_str();
    figure->add_option("--style", style, "Style file (changes.json, overlay.json beside it)")
        ->capture_default_str();
    add_layer_styles(figure);

    // serve
    auto* serve = app.add_subcommand("serve", "Serve tiles, TileJSON and data over HTTP");
    fl::serve::HandlerOptions sv_handler;
    fl::serve::ServerOptions sv_server;
    fl::serve::SceneRendererOptions sv_render;
    std::string sv_listen = "127.0.0.1:8080", sv_data = "out";
    std::size_t sv_cache_mb = 256;
    int sv_timeout_ms = 10000;
    bool sv_no_render = false;
    std::vector<std::string> sv_trusted;
    serve->add_option("--data", sv_data, "Output directory of `frontline run`")
        ->capture_default_str();
    serve->add_option("--listen", sv_listen, "HOST:PORT (port 0: any free port)")
        ->capture_default_str();
    serve->add_option("--public-url", sv_handler.public_url,
                      "Base of the absolute URLs in TileJSON (default: from the Host header)");
    serve->add_option("--max-age", sv_handler.max_age, "Cache-Control max-age, seconds")
        ->capture_default_str();
    serve->add_option("--threads", sv_server.io_threads, "I/O threads (0: all cores)");
    serve->add_option("--render-threads", sv_server.render_threads,
                      "On-demand render threads (0: all cores)");
    serve->add_option("--cache-mb", sv_cache_mb, "Memory for rendered tiles, MiB")
        ->capture_default_str();
    serve->add_option("--render-maxzoom", sv_render.maxzoom, "Deepest zoom rendered on demand")
        ->capture_default_str()
        ->check(CLI::Range(0, 22));
    serve->add_option("--read-timeout", sv_timeout_ms, "Request header timeout, ms")
        ->capture_default_str();
    serve->add_option("--max-connections", sv_server.max_connections, "Open connections")
        ->capture_default_str();
    serve->add_option("--boundaries", boundaries, "OGR boundary source")->capture_default_str();
    serve->add_option("--style", style, "Style file")->capture_default_str();
    add_layer_styles(serve);
    serve->add_flag("--no-render", sv_no_render, "Serve files only; missing tiles are empty");
    serve->add_option("--trusted-proxy", sv_trusted,
                      "Peer whose X-Forwarded-Proto is believed: an IP address, loopback "
                      "(default) or none; repeat for several");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : fl::kExitUsage;
    }

    // Every command but merge reads the data (gazetteer, lexicon, styles, baseline): without
    // it, the one clear message (where it looked, FRONTLINE_DATA) rather than a missing file.
    // --help and a bad command line are answered above, without the data.
    if (!*merge) (void)fl::data_dir();

    auto gazetteer = [&] { return fl::Gazetteer::load_dir(gaz_dir); };

    if (*run || *render) {
        if (!run_inputs.empty()) ro.inputs.assign(run_inputs.begin(), run_inputs.end());
        if (!run_manifest.empty()) ro.manifest = run_manifest;
        ro.out_dir = run_out;
        ro.gazetteer_dir = gaz_dir;
        ro.baseline = baseline;
        if (!corrections.empty()) ro.corrections = corrections;
        ro.tiles.boundaries = boundaries;
        ro.tiles.style = style;
        ro.tiles.changes_style = changes_style;
        ro.tiles.overlay_style = overlay_style;
        ro.tiles.threads = threads;
        ro.render = !no_render;
        ro.tiles.incremental = !no_incremental;
        if (no_retina) ro.tiles.scales = {1};
        fl::ZoomRange zoom;
        fl::Shard shard;
        fl::BBox bbox;
        for (const std::string& err :
             {fl::parse_zoom_range(run_zoom, zoom), fl::parse_shard(run_shard, shard),
              run_bbox.empty() ? std::string() : fl::parse_bbox(run_bbox, bbox)}) {
            if (!err.empty()) {
                std::cerr << "frontline: " << err << "\n";
                return fl::kExitUsage;
            }
        }
        if (!run_until.empty()) {
            ro.until = fl::parse_iso_date(run_until);
            if (!ro.until) {
                std::cerr << "frontline: --until: not a date YYYY-MM-DD: \""
                          << fl::shorten_path(run_until) << "\"\n";
                return fl::kExitUsage;
            }
        }
        ro.tiles.minzoom = zoom.min;
        ro.tiles.maxzoom = zoom.max;
        ro.tiles.shard_index = shard.index;
        ro.tiles.shard_count = shard.count;
        if (!run_bbox.empty()) ro.tiles.lonlat = bbox;
        fl::ProgressMode mode = fl::ProgressMode::automatic;
        fl::parse_progress_mode(run_progress, mode);
        fl::ProgressReporter progress(mode);
        ro.tiles.progress = [&](const std::string& layer, std::size_t done, std::size_t total) {
            progress.update(layer, done, total);
        };
        ro.log = [&](const std::string& s) {
            progress.finish();
            if (mode != fl::ProgressMode::quiet) std::cerr << "frontline: " << s << "\n";
        };
        auto sum = fl::run_pipeline(ro);
        progress.finish();
        std::cerr << "frontline: done: " << sum.articles << " articles, " << sum.events
                  << " events, " << sum.days << " days, " << sum.tiles << " tiles ("
                  << sum.tiles_reused << " unchanged, " << sum.tiles_changed
                  << " changed: see out/tiles/<layer>.changed)\n";
        return fl::kExitOk;
    }
    if (*merge) {
        std::vector<fs::path> dirs(merge_inputs.begin(), merge_inputs.end());
        const fl::OutputLock lock(merge_out);
        // The merged tiles replace the tiles/ folder as a whole, all at once; the rest of an
        // earlier output there is kept.
        fl::Generation generation(merge_out);
        auto st = fl::merge_shards(dirs, generation.staging());
        generation.commit([](const fs::path& rel) { return *rel.begin() != "tiles"; },
                          [](const std::string& s) { std::cerr << "frontline: " << s << "\n"; });
        std::cerr << "frontline: merged " << dirs.size() << " shards: " << st.files << " tiles, "
                  << st.mbtiles << " MBTiles and " << st.pmtiles << " PMTiles files\n";
        return fl::kExitOk;
    }
    if (*geoparse) {
        auto g = gazetteer();
        std::vector<fl::Mention> all;
        fl::GeoparseOptions gpo;
        gpo.governorate_cues = true;
        gpo.keep_abstentions = gp_abstentions;
        gpo.unlocated = gp_unlocated;
        // Labelled as the pipeline labels them (news_names.hpp).
        for (const auto& m : fl::geoparse_run(g, read_inputs(gp_files, ""), gpo))
            all.insert(all.end(), m.begin(), m.end());
        std::cout << (gp_format == "tsv"    ? fl::mentions_tsv(all)
                      : gp_format == "json" ? fl::mentions_json(all)
                                            : fl::mentions_geojson(all));
        return fl::kExitOk;
    }
    if (*events) {
        auto g = gazetteer();
        std::vector<fl::Event> all;
        fl::GeoparseOptions gpo;
        gpo.governorate_cues = true;  // as the pipeline: "Idlib province" is not the city
        gpo.unlocated = true;         // events count places the gazetteer lacks (never drawn)
        const auto articles = read_inputs(ev_files, ev_manifest);
        for (const auto& a : articles) {
            for (const auto& w : a.warnings) std::cerr << "frontline: warning: " << w << "\n";
            if (!a.published)
                std::cerr << "frontline: warning: " << a.doc << ": no publication date\n";
        }
        const auto mentions_of = fl::geoparse_run(g, articles, gpo);  // as the pipeline does
        for (std::size_t i = 0; i < articles.size(); ++i) {
            auto e = fl::extract_events(articles[i], mentions_of[i]);
            all.insert(all.end(), e.begin(), e.end());
        }
        all = fl::merge_events(std::move(all));
        fl::annotate_places(all, g);
        std::cout << (ev_format == "csv" ? fl::events_csv(all) : fl::events_geojson(all));
        return fl::kExitOk;
    }
    if (*lookup) {
        auto g = gazetteer();
        auto cands = fl::lookup(g, lookup_name);
        if (cands.empty()) {
            std::cout << "no match for \"" << lookup_name << "\" (key \""
                      << fl::name_key(lookup_name) << "\")\n";
            return fl::kExitOk;
        }
        const double min_score = fl::GeoparseOptions{}.min_score;
        std::cout << "key \"" << fl::name_key(lookup_name) << "\"; geoparse abstains below "
                  << min_score << "\n";
        std::cout << "rank\tscore\tplace_id\tname\tkind\tcountry\tlat,lon\twhy\n";
        int rank = 0;
        for (const auto& c : cands) {
            const fl::Place* p = g.find_id(c.place_id);
            std::cout << ++rank << '\t' << c.score << (c.score < min_score ? " (abstain)" : "")
                      << '\t' << c.place_id << '\t' << p->name << '\t' << p->kind() << '\t'
                      << p->country << '\t' << p->lat << ',' << p->lon << '\t' << c.why << '\n';
        }
        return fl::kExitOk;
    }
    if (*import) {
        fs::path out = import_out.empty() ? fs::path(gaz_dir) : fs::path(import_out);
        auto st = fl::import_geonames(import_file, fs::path(gaz_dir) / "geonames_region.txt", out);
        std::cerr << "frontline: " << import_file << ": kept " << st.kept << " of " << st.read
                  << " rows";
        if (st.skipped) std::cerr << " (" << st.skipped << " without 19 columns skipped)";
        std::cerr << "; wrote " << st.total << " places to "
                  << (out / "geonames_region.txt").string() << "\n";
        return fl::kExitOk;
    }
    if (*figure) {
        fl::FigureOptions fo;
        std::vector<std::string> errors;
        if (int(!fig_day.empty()) + int(fig_changes) + int(figure->count("--layer") > 0) > 1)
            errors.push_back("give one of --layer, --day and --changes");
        fo.layer = !fig_day.empty() ? "control-" + fig_day : fig_changes ? "changes" : fig_layer;
        errors.push_back(fl::parse_figure_size(fig_size, fo.width, fo.height));
        if (!fig_bbox.empty()) {
            fl::BBox b;
            errors.push_back(fl::parse_bbox(fig_bbox, b));
            fo.frame.bbox = b;
        }
        if (!fig_center.empty()) {
            std::array<double, 2> c{};
            errors.push_back(fl::parse_center(fig_center, c));
            fo.frame.center = c;
        }
        if (figure->count("--zoom")) fo.frame.zoom = fig_zoom;
        fo.title = fig_title;
        if (fig_no_retina) fo.scales = {1};
        if (fs::path(fig_out).extension() != ".png")
            errors.push_back("--output must name a .png file, got \"" + fig_out + "\"");
        for (const auto& e : errors) {
            if (e.empty()) continue;
            std::cerr << "frontline: " << e << "\n";
            return fl::kExitUsage;
        }
        auto g = gazetteer();
        const auto days = fl::read_control_days(fs::path(fig_data) / "control");
        fl::RenderJobOptions ropt = ro.tiles;
        ropt.boundaries = boundaries;
        ropt.style = style;
        ropt.changes_style = changes_style;
        ropt.overlay_style = overlay_style;
        fl::FigureMaker maker(g, days, ropt);
        const auto rec = maker.write(fo, fig_out);
        std::cerr << "frontline: " << rec.layer << " (" << rec.day << "), zoom " << rec.zoom << ":";
        for (const auto& f : rec.files) std::cerr << " " << f.string();
        std::cerr << "\n";
        return fl::kExitOk;
    }
    if (*serve) {
        fl::serve::parse_listen(sv_listen, sv_server);
        if (!sv_trusted.empty()) fl::serve::parse_trusted_proxies(sv_trusted, sv_server);
        sv_handler.data_dir = sv_data;
        sv_handler.cache_bytes = sv_cache_mb << 20;
        sv_server.read_timeout = std::chrono::milliseconds(sv_timeout_ms);
        sv_server.log = [](const std::string& s) { std::cerr << "frontline serve: " << s << "\n"; };
        sv_handler.log = sv_server.log;
        sv_render.log = sv_server.log;
        std::shared_ptr<fl::serve::TileRenderer> renderer;
        if (!sv_no_render) {
            sv_render.data_dir = sv_data;
            sv_render.gazetteer_dir = gaz_dir;
            sv_render.boundaries = boundaries;
            sv_render.style = style;
            sv_render.changes_style = changes_style;
            sv_render.overlay_style = overlay_style;
            renderer = std::make_shared<fl::serve::SceneRenderer>(sv_render);
        }
        fl::serve::Server server(sv_server,
                                 std::make_shared<fl::serve::Handler>(sv_handler, renderer));
        server.listen();
        std::cerr << "frontline serve: listening on http://" << sv_server.address << ":"
                  << server.port() << " (data " << sv_data << ")" << std::endl;
        server.run();
        return fl::kExitOk;
    }
    return fl::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run_main(argc, argv);
    } catch (const fl::Error& e) {
        std::cerr << "frontline: " << e.what() << "\n";
        return e.exit_code();
    } catch (const fs::filesystem_error& e) {
        // A file-system call the library did not turn into an Error: still the user's file,
        // not a bug. Named (shortened), with the OS error.
        std::cerr << "frontline: file error: "
                  << fl::shorten_path(e.path1().empty() ? std::string() : e.path1().string())
                  << (e.path1().empty() ? "" : ": ") << fl::fs_problem(e.code().value()) << "\n";
        return fl::kExitInputError;
    } catch (const std::exception& e) {
        std::cerr << "frontline: internal error: " << e.what() << "\n";
        return fl::kExitInternal;
    }
}
