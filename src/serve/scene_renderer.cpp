// On-demand rendering for `frontline serve`; see scene_renderer.hpp.
#include "serve/scene_renderer.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/error.hpp"
#include "control/control_io.hpp"
#include "control/timeline.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geo/boundaries.hpp"
#include "pipeline/pipeline.hpp"
#include "render/labels.hpp"
#include "render/layers.hpp"
#include "render/renderer.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "tiles/png.hpp"

namespace frontline::serve {

namespace fs = std::filesystem;

struct SceneRenderer::Data {
    explicit Data(const LayerStyleOptions& styles) : layers(styles) {}
    Gazetteer gaz;
    Boundaries bounds;
    LayerSet layers;
    LayerInfo info;  // the same for every layer: the focus region
};

struct SceneRenderer::LayerScene {
    Scene scene;
    const Style* style = nullptr;
    LayerInfo info;
};

namespace {

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

SceneRenderer::SceneRenderer(SceneRendererOptions opt) : opt_(std::move(opt)) {
    const RunOptions def = default_run_options();
    data_ = std::make_unique<Data>(LayerStyleOptions{or_default(opt_.style, def.tiles.style),
                                                     opt_.changes_style, opt_.overlay_style});
    data_->gaz = Gazetteer::load_dir(or_default(opt_.gazetteer_dir, def.gazetteer_dir));
    BoundaryOptions bopt;
    bopt.source = or_default(opt_.boundaries, def.tiles.boundaries);
    data_->bounds = read_boundaries(bopt);
    data_->layers.read_styles();
    stamp_ = dir_stamp(opt_.data_dir / "control");
    days_ = std::make_shared<const std::vector<ControlDay>>(
        read_control_days(opt_.data_dir / "control"));
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
            auto fresh = std::make_shared<const std::vector<ControlDay>>(
                read_control_days(opt_.data_dir / "control"));
            std::lock_guard dl(days_mutex_);
            days_ = std::move(fresh);
            stamp_ = now;
            scenes_.clear();
        } catch (const std::exception& e) {
            if (opt_.log) opt_.log(std::string("warning: keeping the previous days: ") + e.what());
        }
    }
    if (auto it = scenes_.find(name); it != scenes_.end()) return it->second;
    const auto day_list = days();
    const auto& days = *day_list;
    const auto found = data_->layers.find(name, days);
    if (!found.layer) return nullptr;
    const Style* style = &found.layer->style->style;
    auto ls = std::make_shared<LayerScene>();
    ls->scene = build_scene(data_->bounds, data_->gaz, *found.layer->day, &days.front());
    place_labels(ls->scene, *style, opt_.minzoom, opt_.maxzoom);
    simplify_scene(ls->scene, opt_.minzoom, opt_.maxzoom);
    ls->style = style;
    ls->info.minzoom = opt_.minzoom;
    ls->info.maxzoom = opt_.maxzoom;
    ls->info.lonlat = ls->scene.focus_lonlat;
    scenes_[name] = ls;
    return ls;
}

std::optional<LayerInfo> SceneRenderer::layer(const std::string& name) {
    // Cheap: called on I/O threads for every tile request; scenes are built on render threads.
    // Hold the list while looking: `for (... : *days())` dropped the temporary shared_ptr
    // before the loop, and a reload on a render thread freed the days under it
    // (use after free, found by ThreadSanitizer in tests/reliability).
    const auto day_list = days();
    if (!data_->layers.contains(name, *day_list)) return std::nullopt;
    return data_->info;
}

std::vector<std::pair<TileId, std::string>> SceneRenderer::render_block(const std::string& layer,
                                                                        int z, int x0, int y0,
                                                                        int n, int scale) {
    auto s = scene(layer);
    if (!s) throw Error("serve", layer, "no such layer");
    // One image for the whole block: labels and shared geometry are drawn once.
    const Image all = frontline::render_block(s->scene, *s->style, z, x0, y0, n, n, scale);
    std::vector<std::pair<TileId, std::string>> out;
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i < n; ++i) {
            out.emplace_back(TileId{z, x0 + i, y0 + j}, encode_png(cut_tile(all, i, j, scale)));
        }
    }
    return out;
}

std::string SceneRenderer::render_static(const StaticRequest& r) {
    auto s = scene(r.layer);
    if (!s) throw Error("serve", r.layer, "no such layer");
    return encode_png(render_extent(s->scene, *s->style, r.extent_3857, r.width * r.scale,
                                    r.height * r.scale, r.zoom, r.scale * r.magnify));
}

}  // namespace frontline::serve
