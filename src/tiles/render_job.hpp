// The tile stage of the main job: from boundaries, the gazetteer and the control timeline to
// tile layers on disk with their TileJSON files. The layer set:
//   control-YYYY-MM-DD  one snapshot per day of the timeline (rings: changed since the baseline)
//   control             the latest day
//   changes             baseline against the latest day, unchanged places faded
//   overlay             transparent: places, rings and names only, for another basemap
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "control/timeline.hpp"
#include "gazetteer/gazetteer.hpp"

namespace frontline {

struct RenderJobOptions {
    std::filesystem::path boundaries;  // OGR source
    std::filesystem::path style;       // style file of the control and snapshot layers
    // Styles of the `changes` and `overlay` layers; empty: changes.json / overlay.json beside
    // `style`, and if absent there, `style` itself (changes) or no overlay layer.
    std::filesystem::path changes_style;
    std::filesystem::path overlay_style;
    std::filesystem::path out_dir;  // tiles go to <out_dir>/tiles/
    int minzoom = 5;
    int maxzoom = 10;
    int threads = 0;
    std::function<void(const std::string&)> log = [](const std::string&) {};
};

struct RenderJobSummary {
    std::size_t tiles = 0;
    std::size_t bytes = 0;
};

RenderJobSummary render_layers(const Gazetteer& gaz, const std::vector<ControlDay>& days,
                               const RenderJobOptions& opt);

}  // namespace frontline
