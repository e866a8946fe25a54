// The web page of a run (out/index.html, out/embed.html, out/web/, out/snippets.md): our page
// sources from web/, Leaflet's dist files (npm, pinned by web/package-lock.json) and the run's
// data as a script, so the page works from file://, a static web server and `frontline serve`.
// Reads what the earlier stages wrote into the output directory (TileJSON, control days,
// events); the articles' own metadata comes from the caller.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

// What a popup says about an article besides the sentence: where and when it was published and
// how it opens (the seeds have no headlines, so the first sentence stands in for one).
struct WebArticle {
    std::string doc;
    std::string published;  // YYYY-MM-DD or empty
    std::string source;     // outlet, if the manifest names one
    std::string url;
    std::string lede;  // first sentence, shortened to at most kLedeBytes
};

constexpr std::size_t kLedeBytes = 160;

struct WebOptions {
    std::filesystem::path out_dir = "out";
    std::filesystem::path web_dir;      // index.html, embed.html, app.js, app.css
    std::filesystem::path leaflet_dir;  // Leaflet's dist/ (web/node_modules/leaflet/dist)
    std::filesystem::path style;        // controller colours of the legend
    // Where out/ is published, for the absolute URLs of snippets.md; empty: a placeholder.
    std::string public_url;
    std::vector<WebArticle> articles;
    // Gazetteer kind of each place id (city, village, neighbourhood, ...): the page hides
    // neighbourhood marks below zoom 11, as the style hides their dots.
    std::map<std::string, std::string> place_kinds;
};

struct WebSummary {
    std::size_t files = 0;   // files written
    std::size_t layers = 0;  // tile layers the page offers
    std::size_t days = 0;
};

// The data directory's web/ (common/data_dir.hpp) and the Leaflet `npm ci` put under it.
std::filesystem::path default_web_dir();
std::filesystem::path leaflet_dist_dir(const std::filesystem::path& web_dir);

// The first sentence of an article, cut at a word boundary to at most kLedeBytes (UTF-8 kept
// whole) with an ellipsis when cut.
std::string lede_of(std::string_view text);

// window.FRONTLINE_DATA: layers and their bounds, days, places with their state on every day,
// events with their sources, articles, controller colours. Deterministic for the same inputs.
// Throws Error("web", file, ...) when an output of the run is missing or malformed.
std::string web_data_js(const WebOptions& opt);

// snippets.md: iframe, Leaflet and MapLibre snippets for the tiles of this run.
std::string web_snippets_md(const WebOptions& opt);

// Writes everything, each file atomically. Throws Error("web", path, ...) when the page
// sources or Leaflet are missing (Leaflet: "run `npm ci` in web/").
WebSummary write_web(const WebOptions& opt);

}  // namespace frontline
