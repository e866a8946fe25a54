// The main job, end to end: articles -> mentions -> events -> control timeline -> tiles.
// The CLI's `run` is a thin wrapper over run_pipeline(); the end-to-end test calls it too.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "tiles/render_job.hpp"

namespace frontline {

struct RunOptions {
    std::vector<std::filesystem::path> inputs;      // article files or directories
    std::optional<std::filesystem::path> manifest;  // else manifest.tsv beside the articles
    std::filesystem::path gazetteer_dir;            // gazetteer/
    std::filesystem::path baseline;                 // data/baseline/2024-11-26.tsv
    // Editorial corrections (docs/CONTROL.md); the rows applied are listed in corrections.tsv.
    std::optional<std::filesystem::path> corrections;
    // <baseline>-communities.tsv beside the baseline gives a holder to every community the
    // gazetteer has (oc:<p-code>). By default only to those events name; with this, to all
    // (a denser map and inference between captured places, but control areas over thousands
    // of sites are slow: see docs/CONTROL.md).
    bool all_communities = false;
    std::filesystem::path out_dir = "out";
    // The last day of the timeline (`--until`); default: timeline_end(). At most
    // kMaxTimelineDays after the baseline.
    std::optional<Date> until;
    // The day the run takes for today (publication dates after it are strays); default: the
    // system clock's (UTC).
    std::optional<Date> today;
    bool render = true;
    // The tile stage: boundaries, style, zooms, area, threads, shards, incremental, progress.
    // Its out_dir and log are set from the fields of this struct.
    RenderJobOptions tiles;
    // The web page (out/index.html, embed.html, web/, snippets.md), written after the tiles.
    bool web = true;
    std::filesystem::path web_dir;  // page sources and Leaflet (web/, after `npm ci`)
    std::string public_url;         // where out/ is published, for snippets.md
    // The news of the run, a line each; a warning's line begins "warning: " (a front end that
    // leaves out the news still shows the warnings).
    std::function<void(const std::string&)> log = [](const std::string&) {};
};

struct RunSummary {
    std::size_t articles = 0;
    std::size_t mentions = 0;
    std::size_t events = 0;
    std::size_t days = 0;
    std::size_t tiles = 0;
    std::size_t tile_bytes = 0;
    std::size_t tiles_reused = 0;
    std::size_t tiles_changed = 0;
    std::size_t web_files = 0;
    std::size_t figures = 0;  // PNGs in out/figures/
};

struct Article;

// A publication date more than this many days from the median of the run's articles is a
// stray (a typo such as 9999-12-31, or an article of another story).
inline constexpr int kStrayDays = 30;
// The most days a timeline may have (ten years), whatever --until says.
inline constexpr int kMaxTimelineDays = 3660;

// The last day of the timeline when no --until is given: the latest publication date of the
// articles, the baseline's date if later, leaving out strays. An article published after
// `today`, or more than kStrayDays from the median publication date, adds a warning to
// `warnings` naming its manifest line; it does not extend the timeline, and its events keep
// their date (events after the last day change no map).
Date timeline_end(const std::vector<Article>& articles, Date baseline, Date today,
                  std::vector<std::string>& warnings);

// Default paths inside the data directory (common/data_dir.hpp: $FRONTLINE_DATA, an install's
// share/frontline or the build tree's); the default input is ../shared/seeds from the
// working directory. Throws the data directory's Error when there is none.
RunOptions default_run_options();

// Takes the output directory's lock for the whole run (a second run on the same directory
// fails with a clear message) and first removes temporaries a killed run left there. All or
// nothing: the outputs are written into a staging folder and published with one rename when
// all are written (common/generation.hpp); a run that throws leaves the previous outputs
// byte for byte, and what the new run does not write (days, layers, tiles) is gone after it.
RunSummary run_pipeline(const RunOptions& opt);

}  // namespace frontline
