// The main job, end to end: articles -> mentions -> events -> control timeline -> tiles.
// The CLI's `run` is a thin wrapper over run_pipeline(); the end-to-end test calls it too.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace frontline {

struct RunOptions {
    std::vector<std::filesystem::path> inputs;      // article files or directories
    std::optional<std::filesystem::path> manifest;  // else manifest.tsv beside the articles
    std::filesystem::path gazetteer_dir;            // gazetteer/
    std::filesystem::path baseline;                 // data/baseline/2024-11-26.tsv
    std::filesystem::path boundaries;               // OGR source (Natural Earth GeoPackage)
    std::filesystem::path style;                    // styles/control.json
    std::filesystem::path out_dir = "out";
    int minzoom = 5;
    int maxzoom = 10;
    int threads = 0;
    bool render = true;
    std::function<void(const std::string&)> log = [](const std::string&) {};
};

struct RunSummary {
    std::size_t articles = 0;
    std::size_t mentions = 0;
    std::size_t events = 0;
    std::size_t days = 0;
    std::size_t tiles = 0;
    std::size_t tile_bytes = 0;
};

// Default paths inside the source tree (FRONTLINE_SOURCE_DIR at build time).
RunOptions default_run_options();

RunSummary run_pipeline(const RunOptions& opt);

}  // namespace frontline
