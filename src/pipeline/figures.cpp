// Figures of the tile layers (which day and style a layer shows: render/layers.hpp), the
// default frames, the texts, and writing the PNGs and the index.
#include "pipeline/figures.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/atomic_file.hpp"
#include "common/attribution.hpp"
#include "common/error.hpp"
#include "common/number.hpp"
#include "common/option_error.hpp"
#include "common/parallel.hpp"
#include "geo/boundaries.hpp"
#include "render/labels.hpp"
#include "render/layers.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "tiles/png.hpp"

namespace frontline {

namespace fs = std::filesystem;

namespace {

// A bad FigureOptions value; `option` and `message` name options as {layer}, {bbox}, ...
OptionError usage(const std::string& option, const std::string& message) {
    return OptionError("figure", option, message);
}

}  // namespace

std::optional<std::array<int, 2>> parse_figure_size(std::string_view s) {
    const auto x = s.find('x');
    int w = 0, h = 0;
    if (x == std::string_view::npos || !to_int(s.substr(0, x), w) || !to_int(s.substr(x + 1), h))
        return std::nullopt;
    if (w <= 0 || h <= 0) return std::nullopt;
    return std::array<int, 2>{w, h};
}

std::optional<std::array<double, 2>> parse_center(std::string_view s) {
    const auto comma = s.find(',');
    double lon = 0, lat = 0;
    if (comma == std::string_view::npos || !to_double(s.substr(0, comma), lon) ||
        !to_double(s.substr(comma + 1), lat)) {
        return std::nullopt;
    }
    return std::array<double, 2>{lon, lat};
}

struct FigureMaker::Impl {
    const Gazetteer& gaz;
    const std::vector<ControlDay>& days;
    Boundaries bounds;
    BBox window;      // lon/lat the boundaries were read for
    int threads = 0;  // for the default set; 0: all cores
    LayerSet layers;
    std::mutex mutex;                     // scenes: figures are drawn on several threads
    std::map<std::string, Scene> scenes;  // by layer, without labels (each figure places its own)

    Impl(const Gazetteer& g, const std::vector<ControlDay>& d, const RenderJobOptions& opt)
        : gaz(g), days(d), layers({opt.style, opt.changes_style, opt.overlay_style}) {}

    Layer view(const std::string& layer) {
        if (days.empty()) throw Error("figure", "control", "no control days to draw");
        auto found = layers.find(layer, days);
        if (!found.layer) {
            const bool day =
                found.problem == LayerProblem::not_a_date || found.problem == LayerProblem::no_day;
            throw usage(day ? "{day}" : "{layer}", OptionError::literal(found.message));
        }
        return std::move(*found.layer);
    }

    const Scene& scene(const std::string& layer, const Layer& v) {
        std::lock_guard lock(mutex);
        auto it = scenes.find(layer);
        if (it == scenes.end())
            it = scenes.emplace(layer, build_scene(bounds, gaz, *v.day, &days.front())).first;
        return it->second;
    }

    // "Aleppo and Idlib"
    std::string region() const {
        std::vector<std::string> names;
        for (const auto& a : bounds.admin1)
            if (a.focus) names.push_back(a.name);
        std::string out;
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (i) out += i + 1 == names.size() ? " and " : ", ";
            out += names[i];
        }
        return out;
    }
};

FigureMaker::FigureMaker(const Gazetteer& gaz, const std::vector<ControlDay>& days,
                         const RenderJobOptions& opt)
    : impl_(std::make_unique<Impl>(gaz, days, opt)) {
    BoundaryOptions bo;
    bo.source = opt.boundaries;
    impl_->bounds = read_boundaries(bo);
    impl_->window = {bo.minx, bo.miny, bo.maxx, bo.maxy};
    impl_->threads = opt.threads;
    impl_->layers.read_styles();
}

FigureMaker::~FigureMaker() = default;

std::vector<std::string> FigureMaker::layers() const {
    return impl_->layers.names(impl_->days);
}

std::vector<FigureImage> FigureMaker::draw(const FigureOptions& o, FigureRecord* record) {
    Impl& m = *impl_;
    const Layer v = m.view(o.layer);
    const Style& style = v.style->style;
    if (o.scales.empty()) throw usage("{scale}", "no scale to draw");
    Scene scene = m.scene(o.layer, v);  // a copy: the labels are this figure's

    FrameRequest frame = o.frame;
    const bool region_frame = !frame.bbox && !frame.center;
    if (region_frame) {
        // The focus governorates with a small margin.
        const BBox& f = scene.focus_lonlat;
        const double mx = (f.maxx - f.minx) * 0.05, my = (f.maxy - f.miny) * 0.05;
        frame.bbox = BBox{f.minx - mx, f.miny - my, f.maxx + mx, f.maxy + my};
    }
    const ControlDay& base = m.days.front();
    FigureText text;
    const std::string region = m.region();
    const std::string where =
        region_frame && !region.empty() ? " in " + region + " governorates" : "";
    if (v.kind == LayerKind::changes) {
        text.title = o.title.empty() ? "Changes of control" + where : o.title;
        text.date_line = "From " + long_date(base.date) + " to " + long_date(v.day->date);
        text.legend_title = "On " + long_date(v.day->date) + " (faded: no change)";
    } else {
        text.title = o.title.empty() ? "Who controls each place" + where : o.title;
        text.date_line = "As of " + long_date(v.day->date);
        if (v.day == &base) text.date_line += " (the baseline)";
        text.legend_title = "Controlled by";
    }
    text.attribution = attribution_text();

    // The legend lists what the frame shows and the frame depends on the legend's height in
    // the header: lay out, fit, list, until the list stops changing (twice at most in practice).
    MapFrame mf;
    FigureLayout layout;
    for (int pass = 0; pass < 4; ++pass) {
        layout = layout_figure(text, o.width, o.height, o.scales.front());
        mf = fit_frame(frame, layout.map_width(), layout.map_height());
        auto legend = figure_legend(scene, style, mf, long_date(base.date));
        const bool same =
            legend.size() == text.legend.size() &&
            std::equal(legend.begin(), legend.end(), text.legend.begin(),
                       [](const LegendEntry& a, const LegendEntry& b) { return a.text == b.text; });
        text.legend = std::move(legend);
        if (same) break;
    }
    // Outside the boundary data's window the map would be empty sea.
    const MercatorProjector proj;
    const auto lo = proj.inverse(mf.extent_3857.minx, mf.extent_3857.miny);
    const auto hi = proj.inverse(mf.extent_3857.maxx, mf.extent_3857.maxy);
    if (hi[0] < m.window.minx || lo[0] > m.window.maxx || hi[1] < m.window.miny ||
        lo[1] > m.window.maxy) {
        char buf[200];
        std::snprintf(buf, sizeof buf,
                      "the map (%.3f,%.3f,%.3f,%.3f) lies outside the area the map data covers "
                      "(%.1f,%.1f,%.1f,%.1f)",
                      lo[0], lo[1], hi[0], hi[1], m.window.minx, m.window.miny, m.window.maxx,
                      m.window.maxy);
        throw usage(o.frame.center ? "{center}" : "{bbox}", buf);
    }
    place_labels(scene, style, mf.zoom, mf.zoom);
    drop_cut_labels(scene, mf, layout.map_width(), layout.map_height());
    if (record) {
        record->title = text.title;
        record->date_line = text.date_line;
        record->layer = o.layer;
        record->day = to_iso(v.day->date);
        record->baseline = to_iso(base.date);
        record->lonlat = {lo[0], lo[1], hi[0], hi[1]};
        record->zoom = mf.zoom;
        record->width = o.width;
        record->height = o.height;
    }
    std::vector<FigureImage> out;
    for (int scale : o.scales) {
        out.push_back(render_figure(scene, style, text,
                                    layout_figure(text, o.width, o.height, scale), mf, scale));
    }
    return out;
}

FigureRecord FigureMaker::write(const FigureOptions& o, const fs::path& png) {
    FigureRecord rec;
    rec.name = png.stem().string();
    const auto images = draw(o, &rec);
    PngOptions po;
    po.quantize = true;
    for (std::size_t i = 0; i < images.size(); ++i) {
        fs::path file = png;
        if (i > 0 || o.scales[i] != 1)
            file.replace_filename(rec.name + "@" + std::to_string(o.scales[i]) + "x.png");
        write_file_atomic(file, encode_png(images[i].image, po));
        rec.files.push_back(file);
    }
    return rec;
}

std::vector<FigureRecord> FigureMaker::write_defaults(const fs::path& dir) {
    Impl& m = *impl_;
    std::vector<std::pair<FigureOptions, fs::path>> jobs;
    const std::string region = m.region();
    FigureOptions gov;
    gov.width = 800;
    gov.height = 640;
    jobs.emplace_back(gov, dir / "governorates.png");

    FigureOptions changes = gov;
    changes.layer = "changes";
    jobs.emplace_back(changes, dir / "changes.png");

    // Before and after: one frame and size, so they line up in a slider or side by side.
    FigureOptions before = gov;
    before.width = 640;
    before.height = 600;
    before.layer = "control-" + to_iso(m.days.front().date);
    before.title = "Before: " + region;
    FigureOptions after = before;
    after.layer = "control";
    after.title = "After: " + region;
    jobs.emplace_back(before, dir / "before.png");
    jobs.emplace_back(after, dir / "after.png");

    // The largest city of the region (Aleppo), at the zoom where its quarters are named.
    const Scene& scene = m.scene("control", m.view("control"));
    const ScenePlace* city = nullptr;
    MercatorProjector proj;
    for (const auto& p : scene.places) {
        const auto ll = proj.inverse(p.x, p.y);
        const BBox& f = scene.focus_lonlat;
        if (ll[0] < f.minx || ll[0] > f.maxx || ll[1] < f.miny || ll[1] > f.maxy) continue;
        if (!city || p.props.value("population", 0L) > city->props.value("population", 0L))
            city = &p;
    }
    if (city) {
        const auto ll = proj.inverse(city->x, city->y);
        const std::string name = city->props.value("name", "city");
        FigureOptions c;
        c.width = 800;
        c.height = 600;
        c.frame.center = std::array<double, 2>{ll[0], ll[1]};
        c.frame.zoom = 11;
        c.title = "Who controls " + name;
        std::string slug;
        for (char ch : name) {
            if (std::isalnum(static_cast<unsigned char>(ch)))
                slug += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            else if (!slug.empty() && slug.back() != '-')
                slug += '-';
        }
        while (!slug.empty() && slug.back() == '-') slug.pop_back();
        jobs.emplace_back(c, dir / ((slug.empty() ? "city" : slug) + ".png"));
    }

    // Figures in parallel, one per thread (-j; a figure at 1x and @2x is about 0.1 s of a core).
    std::vector<FigureRecord> out(jobs.size());
    parallel_for(jobs.size(), impl_->threads,
                 [&](std::size_t i) { out[i] = write(jobs[i].first, jobs[i].second); });
    write_file_atomic(dir / "figures.json", figures_json(out, dir));
    return out;
}

std::string figures_json(const std::vector<FigureRecord>& figures, const fs::path& dir) {
    nlohmann::ordered_json j;
    j["attribution"] = attribution_text();
    j["figures"] = nlohmann::json::array();
    for (const auto& f : figures) {
        nlohmann::ordered_json e;
        e["name"] = f.name;
        std::vector<std::string> files;
        for (const auto& p : f.files) files.push_back(p.lexically_relative(dir).generic_string());
        e["file"] = files.empty() ? "" : files.front();
        e["files"] = files;
        e["title"] = f.title;
        e["date_line"] = f.date_line;
        e["layer"] = f.layer;
        e["day"] = f.day;
        e["baseline"] = f.baseline;
        auto r6 = [](double v) { return std::round(v * 1e6) / 1e6; };
        e["bbox"] = {r6(f.lonlat.minx), r6(f.lonlat.miny), r6(f.lonlat.maxx), r6(f.lonlat.maxy)};
        e["zoom"] = f.zoom;
        e["width"] = f.width;
        e["height"] = f.height;
        j["figures"].push_back(e);
    }
    return j.dump(1) + "\n";
}

}  // namespace frontline
