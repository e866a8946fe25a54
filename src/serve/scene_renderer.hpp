// The on-demand renderer of `frontline serve` over the library's renderer: scenes are built
// lazily per layer from the boundaries, the gazetteer and the control days the main job wrote
// to <data>/control/<date>.geojson, with the layer set and styles of the main job
// (render/layers.hpp): control-YYYY-MM-DD, control (latest), changes (latest, changes style),
// overlay.
// Only this file knows how scenes are made; the server sees the TileRenderer interface.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "control/timeline.hpp"
#include "serve/tile_renderer.hpp"

namespace frontline::serve {

struct SceneRendererOptions {
    std::filesystem::path data_dir = "out";
    std::filesystem::path gazetteer_dir;  // empty: the source tree's gazetteer/
    std::filesystem::path boundaries;     // empty: the default Natural Earth GeoPackage
    std::filesystem::path style;          // empty: the data directory's styles/control.json
    // Styles of the `changes` and `overlay` layers; empty: changes.json / overlay.json beside
    // `style`, else `style` itself (changes) or no overlay layer (render/layers.hpp).
    std::filesystem::path changes_style;
    std::filesystem::path overlay_style;
    int minzoom = 5;
    int maxzoom = 12;  // deepest zoom rendered on demand (and advertised in TileJSON)
    // Warnings while serving (a new run's control days that cannot be read yet). Null: none.
    std::function<void(const std::string&)> log;
};

class SceneRenderer final : public TileRenderer {
  public:
    // Loads the gazetteer, boundaries, styles and control days; throws Error on bad input.
    explicit SceneRenderer(SceneRendererOptions opt);
    ~SceneRenderer() override;

    std::optional<LayerInfo> layer(const std::string& name) override;
    std::vector<std::pair<TileId, std::string>> render_block(const std::string& layer, int z,
                                                             int x0, int y0, int n,
                                                             int scale) override;
    std::string render_static(const StaticRequest& r) override;
    // The modification time of <data>/control: a new run changes it, and the next render
    // reloads the control days and rebuilds the scenes.
    std::uint64_t generation() override;

  private:
    struct Data;
    struct LayerScene;
    std::shared_ptr<const LayerScene> scene(const std::string& name);
    std::shared_ptr<const std::vector<ControlDay>> days();

    SceneRendererOptions opt_;
    std::unique_ptr<Data> data_;
    std::mutex mutex_;  // scenes_ and stamp_; held while a scene is built
    std::map<std::string, std::shared_ptr<const LayerScene>> scenes_;
    std::uint64_t stamp_ = 0;
    std::mutex days_mutex_;  // days_ only: read per request on I/O threads
    std::shared_ptr<const std::vector<ControlDay>> days_;
};

}  // namespace frontline::serve
