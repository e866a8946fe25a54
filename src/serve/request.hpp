// Parsing of the tile server's request targets and query strings: outside input, so every
// function here is total (no exceptions escape except RequestError) and unit-tested with
// hostile inputs. A target is split on raw '/', each segment is percent-decoded exactly once
// and then checked against a strict character set, so "..", "%2e%2e" (decodes to "..") and
// "%252e%252e" (decodes to "%2e%2e", '%' is not allowed in a name) never name a file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "geo/mercator.hpp"

namespace frontline::serve {

// A request the server refuses: `status` is 400 (malformed) or 404 (well formed, names
// nothing that can exist), `reason` a short text for the response body.
struct RequestError {
    int status = 400;
    std::string reason;
};

constexpr int kMaxZoom = 22;          // deepest zoom the server accepts (grid limit)
constexpr int kMaxStaticSide = 2048;  // static image: max width and height in output pixels

struct TileRequest {
    std::string layer;
    TileId tile;
    int scale = 1;  // 1: {y}.png, 2: {y}@2x.png
};
struct TileJsonRequest {
    std::string layer;
};
struct EventsRequest {};
struct ControlRequest {
    std::string date;  // YYYY-MM-DD
};
struct HealthRequest {};
struct StaticRequest {
    std::string layer = "control";
    BBox extent_3857;  // the area drawn, metres, already fitted to the image's aspect ratio
    int zoom = 0;      // style zoom
    int width = 0, height = 0;  // CSS pixels; the image is width*scale x height*scale
    int scale = 1;
    double magnify = 1;  // the style's pixel sizes times this (a fitted box, see fit_bbox())
};

// The web page of a run and its assets: "/" (index.html), /index.html, /embed.html,
// /snippets.md and /web/... (app, data script, Leaflet). `path` is relative to the data
// directory, built only from checked segments.
struct PageRequest {
    std::string path;
};

using Route = std::variant<TileRequest, TileJsonRequest, EventsRequest, ControlRequest,
                           HealthRequest, StaticRequest, PageRequest>;

// Percent-decodes once. nullopt on a malformed escape ("%4", "%zz") or a decoded NUL.
std::optional<std::string> percent_decode(std::string_view s);

// Layer names: 1-64 characters of [A-Za-z0-9_-], so they are always a safe file name.
bool valid_layer_name(std::string_view s);
// A file name of the web page's assets: 1-64 characters of [A-Za-z0-9._-], not starting with
// '.', so never "..", a hidden or temporary file.
bool valid_asset_name(std::string_view s);
// YYYY-MM-DD with a plausible month and day.
bool valid_date(std::string_view s);
// Non-negative decimal integer of at most 9 digits (no sign, no spaces).
std::optional<int> parse_uint(std::string_view s);

// key=value pairs of a query string (decoded; '+' is a space). Duplicate keys: last wins.
// Throws RequestError on malformed escapes or more than 32 parameters.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view q);

// The route of a request target ("/tiles/control/7/76/50.png?x=1"). Throws RequestError.
Route parse_target(std::string_view target);

// Web Mercator without PROJ for request parameters: frontline::lon_to_x and lat_to_y
// (geo/mercator.hpp).
using frontline::lat_to_y;
using frontline::lon_to_x;

}  // namespace frontline::serve
