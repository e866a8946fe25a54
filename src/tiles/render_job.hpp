// The tile stage of the main job: from boundaries, the gazetteer and the control timeline to
// tile layers on disk with their TileJSON files.
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
    std::filesystem::path style;       // style file
    std::filesystem::path out_dir;     // tiles go to <out_dir>/tiles/
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
