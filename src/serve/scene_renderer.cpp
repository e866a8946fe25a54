// On-demand rendering for `frontline serve`; see scene_renderer.hpp.
#include "serve/scene_renderer.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/error.hpp"
#include "control/timeline.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geo/boundaries.hpp"
#include "pipeline/pipeline.hpp"
#include "render/renderer.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "tiles/png.hpp"
// Label placement arrived with the style work; without it tiles are drawn unlabelled.
#if __has_include("render/labels.hpp")
#include "render/labels.hpp"
#define FRONTLINE_SERVE_LABELS 1
#endif

namespace frontline::serve {

namespace fs = std::filesystem;

struct SceneRenderer::Data {
    Gazetteer gaz;
    Boundaries bounds;
    Style style, changes_style;
    std::optional<Style> overlay_style;
    LayerInfo info;  // the same for every layer: the focus region
};

struct SceneRenderer::LayerScene {
    Scene scene;
    const Style* style = nullptr;
    LayerInfo info;
};

namespace {

// <data>/control/<date>.geojson as written by control_day_geojson(): the file's `date`, and
// per feature the properties place_id, controller, status.
ControlDay read_control_day(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw Error("serve", file.string(), "not a GeoJSON FeatureCollection");
    ControlDay d;
    auto date = parse_iso_date(j.value("date", file.stem().string()));
    if (!date) throw Error("serve", file.string(), "no valid `date`");
    d.date = *date;
    for (const auto& f : j.value("features", nlohmann::json::array())) {
        const auto& p = f.value("properties", nlohmann::json::object());
        PlaceState st;
        st.place_id = p.value("place_id", "");
        auto c = parse_controller(p.value("controller", "unknown"));
        st.controller = c ? *c : Controller::unknown;
        st.status = p.value("status", "");
        st.basis = p.value("basis", "");
        if (!st.place_id.empty()) d.places[st.place_id] = st;
    }
    return d;
}

// Every <data>/control/<date>.geojson, by date.
std::vector<ControlDay> read_days(const fs::path& data_dir) {
    std::vector<ControlDay> days;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(data_dir / "control", ec)) {
        if (e.path().extension() == ".geojson") days.push_back(read_control_day(e.path()));
    }
    std::sort(days.begin(), days.end(),
              [](const ControlDay& a, const ControlDay& b) { return a.date < b.date; });
    if (days.empty())
        throw Error("serve", (data_dir / "control").string(),
                    "no control days to render from (run `frontline run` first)");
    return days;
}

// The control directory's modification time: a run renames new day files into it, which
// changes it. 0 if absent.
std::uint64_t dir_stamp(const fs::path& dir) {
    std::error_code ec;
    auto t = fs::last_write_time(dir, ec);
    return ec ? 0 : static_cast<std::uint64_t>(t.time_since_epoch().count());
}

fs::path or_default(const fs::path& p, const fs::path& d) {
    return p.empty() ? d : p;
}

}  // namespace

SceneRenderer::SceneRenderer(SceneRendererOptions opt) : opt_(std::move(opt)), data_(new Data) {
    const RunOptions def = default_run_options();
    const fs::path style = or_default(opt_.style, def.tiles.style);
    data_->gaz = Gazetteer::load_dir(or_default(opt_.gazetteer_dir, def.gazetteer_dir));
    BoundaryOptions bopt;
    bopt.source = or_default(opt_.boundaries, def.tiles.boundaries);
    data_->bounds = read_boundaries(bopt);
    data_->style = read_style(style);
    const fs::path changes = style.parent_path() / "changes.json";
    data_->changes_style = fs::exists(changes) ? read_style(changes) : data_->style;
    const fs::path overlay = style.parent_path() / "overlay.json";
    if (fs::exists(overlay)) data_->overlay_style = read_style(overlay);
    stamp_ = dir_stamp(opt_.data_dir / "control");
    days_ = std::make_shared<const std::vector<ControlDay>>(read_days(opt_.data_dir));
    // The latest day's scene now: it gives the region's bounds, and is the layer most asked for.
    auto latest = scene("control");
    data_->info = latest->info;
}

SceneRenderer::~SceneRenderer() = default;

std::uint64_t SceneRenderer::generation() {
    return dir_stamp(opt_.data_dir / "control");
}

std::shared_ptr<const std::vector<ControlDay>> SceneRenderer::days() {
    std::lock_guard lock(days_mutex_);
    return days_;
}

std::shared_ptr<const SceneRenderer::LayerScene> SceneRenderer::scene(const std::string& name) {
    std::lock_guard lock(mutex_);
    if (const auto now = dir_stamp(opt_.data_dir / "control"); now != stamp_) {
        // A new run: drop the scenes of the old days. On a half-written or unreadable state
        // keep drawing the old data (and try again on the next render).
        try {
            auto fresh = std::make_shared<const std::vector<ControlDay>>(read_days(opt_.data_dir));
            std::lock_guard dl(days_mutex_);
            days_ = std::move(fresh);
            stamp_ = now;
            scenes_.clear();
        } catch (const std::exception&) {
        }
    }
    if (auto it = scenes_.find(name); it != scenes_.end()) return it->second;
    const auto day_list = days();
    const auto& days = *day_list;
    const ControlDay* day = nullptr;
    const Style* style = &data_->style;
    if (name == "control" || name == "changes" || name == "overlay") {
        day = &days.back();
        if (name == "changes") style = &data_->changes_style;
        if (name == "overlay") {
            if (!data_->overlay_style) return nullptr;
            style = &*data_->overlay_style;
        }
    } else if (name.starts_with("control-")) {
        for (const auto& d : days)
            if ("control-" + to_iso(d.date) == name) day = &d;
    }
    if (!day) return nullptr;
    auto ls = std::make_shared<LayerScene>();
#ifdef FRONTLINE_SERVE_LABELS
    ls->scene = build_scene(data_->bounds, data_->gaz, *day, &days.front());
    place_labels(ls->scene, *style, opt_.minzoom, opt_.maxzoom);
#else
    ls->scene = build_scene(data_->bounds, data_->gaz, *day);
#endif
    ls->style = style;
    ls->info.minzoom = opt_.minzoom;
    ls->info.maxzoom = opt_.maxzoom;
    ls->info.lonlat = ls->scene.focus_lonlat;
    scenes_[name] = ls;
    return ls;
}

std::optional<LayerInfo> SceneRenderer::layer(const std::string& name) {
    // Cheap: called on I/O threads for every tile request; scenes are built on render threads.
    bool known = name == "control" || name == "changes" ||
                 (name == "overlay" && data_->overlay_style.has_value());
    // Hold the list while iterating: `for (... : *days())` dropped the temporary shared_ptr
    // before the loop, and a reload on a render thread freed the days under it
    // (use after free, found by ThreadSanitizer in tests/reliability).
    const auto day_list = days();
    for (const auto& d : *day_list) known = known || name == "control-" + to_iso(d.date);
    if (!known) return std::nullopt;
    return data_->info;
}

std::vector<std::pair<TileId, std::string>> SceneRenderer::render_block(const std::string& layer,
                                                                        int z, int x0, int y0,
                                                                        int n, int scale) {
    auto s = scene(layer);
    if (!s) throw Error("serve", layer, "no such layer");
    // One image for the whole block: the renderer gives the same pixels as tile by tile
    // (the seam test in tests/render), and labels and shared geometry are drawn once.
    const BBox nw = tile_bounds_3857({z, x0, y0});
    const BBox se = tile_bounds_3857({z, x0 + n - 1, y0 + n - 1});
    const BBox extent{nw.minx, se.miny, se.maxx, nw.maxy};
    const int px = 256 * scale;
    Image all = render_extent(s->scene, *s->style, extent, px * n, px * n, z, scale);
    std::vector<std::pair<TileId, std::string>> out;
    Image tile;
    tile.width = tile.height = px;
    tile.rgba.resize(static_cast<std::size_t>(px) * px * 4);
    const std::size_t row = static_cast<std::size_t>(px) * 4;
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i < n; ++i) {
            for (int r = 0; r < px; ++r) {
                const std::size_t src =
                    (static_cast<std::size_t>(j * px + r) * all.width + i * px) * 4;
                std::copy_n(all.rgba.begin() + static_cast<std::ptrdiff_t>(src), row,
                            tile.rgba.begin() + static_cast<std::ptrdiff_t>(r * row));
            }
            out.emplace_back(TileId{z, x0 + i, y0 + j}, encode_png(tile));
        }
    }
    return out;
}

std::string SceneRenderer::render_static(const StaticRequest& r) {
    auto s = scene(r.layer);
    if (!s) throw Error("serve", r.layer, "no such layer");
    return encode_png(render_extent(s->scene, *s->style, r.extent_3857, r.width * r.scale,
                                    r.height * r.scale, r.zoom, r.scale));
}

}  // namespace frontline::serve
