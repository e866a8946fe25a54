// The tile stage of the main job: from boundaries, the gazetteer and the control timeline to
// tile layers on disk with their TileJSON files. The layer set (render/layers.hpp):
//   control-YYYY-MM-DD  one snapshot per day of the timeline (rings: changed since the baseline)
//   control             the latest day
//   changes             baseline against the latest day, unchanged places faded
//   overlay             transparent: places, rings and names only, for another basemap
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "control/timeline.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geo/mercator.hpp"

namespace frontline {

struct RenderJobOptions {
    std::filesystem::path boundaries;  // OGR source
    std::filesystem::path style;       // style file of the control and snapshot layers
    // Styles of the `changes` and `overlay` layers; empty: changes.json / overlay.json beside
    // `style`, and if absent there, `style` itself (changes) or no overlay layer (LayerSet).
    std::filesystem::path changes_style;
    std::filesystem::path overlay_style;
    std::filesystem::path out_dir;  // tiles go to <out_dir>/tiles/
    // The previous run's output (its tiles/ and their states), when it is not out_dir: the
    // pipeline writes into a staging folder (common/generation.hpp). Empty: out_dir.
    std::filesystem::path previous_dir;
    int minzoom = 5;
    int maxzoom = 12;  // default pyramid: the two governorates at zoom 5 to 12
    int threads = 0;
    std::vector<int> scales = {1, 2};  // 256 px tiles and @2x (512 px) beside them
    std::optional<BBox> lonlat;        // area to cover; default: the focus governorates
    int shard_index = 0;               // render only this shard (0-based) of shard_count
    int shard_count = 1;
    bool incremental = true;  // reuse tiles whose inputs are unchanged since the last run
    std::function<void(const std::string&)> log = [](const std::string&) {};
    // Progress per layer: (layer, tiles done, tiles in the layer).
    std::function<void(const std::string&, std::size_t, std::size_t)> progress;
};

struct RenderJobSummary {
    std::size_t tiles = 0;
    std::size_t bytes = 0;
    std::size_t reused = 0;   // tiles not rendered again (unchanged inputs)
    std::size_t changed = 0;  // tiles listed in the layers' purge lists
};

RenderJobSummary render_layers(const Gazetteer& gaz, const std::vector<ControlDay>& days,
                               const RenderJobOptions& opt);

}  // namespace frontline
