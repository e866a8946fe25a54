// Figures for articles: one map image with the furniture a printed map needs drawn in. The
// map area is exactly what render_extent() draws for the figure's frame; the title and date
// line sit in a band above it, the scale bar and the attribution in a band below it, and the
// legend (controllers and marks, each swatch drawn by the style's own circle layers) in the
// corner of the map that hides the fewest places and labels. Sizes are CSS pixels; scale 2
// draws the same figure with twice the pixels (@2x), text and lines included.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "control/controller.hpp"
#include "geo/mercator.hpp"
#include "render/image.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace frontline {

constexpr int kMinFigureWidth = 320;   // CSS px: room for the title, legend and footer
constexpr int kMinFigureHeight = 240;  // CSS px
constexpr int kMaxFigureSide = 8192;   // output px a side, after the scale (256 MiB RGBA)
constexpr double kMaxScaleBar =
    150;  // CSS px: the longest scale bar (a quarter of the map at most)

// What the map shows: a lon/lat box (fitted into the map area, widened about its centre to
// the area's aspect ratio) or a centre and a zoom.
struct FrameRequest {
    std::optional<BBox> bbox;                     // degrees: west, south, east, north
    std::optional<std::array<double, 2>> center;  // lon, lat
    std::optional<int> zoom;                      // with `center` only
};

struct MapFrame {
    BBox extent_3857;  // the ground of the map area, metres
    int zoom = 0;      // the style's zoom; labels are placed for it
    // Map pixels per global pixel of `zoom` at scale 1: 1 for a centre and zoom; for a fitted
    // box the zoom is the whole zoom nearest the fit (leaning coarse), so 0.84 to 1.68, and
    // every size in the style (text, dots, lines) is multiplied by it with the map.
    double magnify = 1;
};

// Throws OptionError("figure", "{bbox}"/"{center}"/"{zoom}", ...) (common/option_error.hpp)
// on out-of-range or missing values.
MapFrame fit_frame(const FrameRequest& r, int map_width, int map_height);

// Latitude (degrees) of an EPSG:3857 northing (the sphere's inverse Mercator).
double latitude_of(double y_3857);

// Ground metres per pixel where the map has `mercator_m_per_px` EPSG:3857 metres per pixel:
// Web Mercator stretches distances by 1 / cos(latitude), so the ground shrinks by cos(lat).
double ground_metres_per_pixel(double mercator_m_per_px, double lat_deg);

struct ScaleBar {
    double metres = 0;  // a round distance: 1, 2 or 5 times a power of ten
    double pixels = 0;  // its length on the map at that latitude
    std::string label;  // "10 km", "500 m"
};
// The longest round distance that is at most `max_pixels` long at latitude `lat_deg`.
ScaleBar choose_scale_bar(double mercator_m_per_px, double lat_deg, double max_pixels);

// One legend row: the swatch is every circle layer of the style whose filter passes for
// `props` (a place's properties, see styles/README.md) drawn at the figure's zoom.
struct LegendEntry {
    Json props;
    std::string text;
};

struct FigureText {
    std::string title;
    std::string date_line;  // "As of 8 December 2024"
    std::string attribution;
    std::string legend_title;
    std::vector<LegendEntry> legend;
};

// "8 December 2024"
std::string long_date(const Date& d);
// The legend of a figure: one row per controller of the places the style draws inside the
// frame (in the order of Controller), then the ring of a changed place (`changed_since`: the
// baseline's date in words), drawn with the most common change in the frame.
std::vector<LegendEntry> figure_legend(const Scene& scene, const Style& style, const MapFrame& f,
                                       const std::string& changed_since);

struct FigureLayout {
    int width = 0, height = 0;  // CSS px, the whole figure
    int header = 0;             // height of the title band
    int footer = 0;             // height of the scale bar and attribution band
    int map_width() const { return width; }
    int map_height() const { return height - header - footer; }
};

// Measures the title (up to two lines), date line and attribution for a figure of `width` x
// `height` CSS px. Throws OptionError("figure", "{size}", ...) if the size is outside
// kMinFigure*..kMaxFigureSide or leaves too little room for the map.
FigureLayout layout_figure(const FigureText& text, int width, int height, int scale);

// Removes the labels of frame.zoom that the edge of a `map_width` x `map_height` map of the
// frame would cut (tiles must draw them cut; a figure has no neighbour to continue them).
void drop_cut_labels(Scene& scene, const MapFrame& frame, int map_width, int map_height);

struct FigureImage {
    Image image;  // width * scale x height * scale
    // Where things were drawn, in output pixels (tests check them).
    BBox map, legend, title, date_line, scale_bar, attribution;
    ScaleBar bar;
};

// Draws the figure. The scene must have labels placed for frame.zoom (place_labels). Throws
// OptionError("figure", "{size}", ...) if the legend does not fit the map area.
FigureImage render_figure(const Scene& scene, const Style& style, const FigureText& text,
                          const FigureLayout& layout, const MapFrame& frame, int scale);

}  // namespace frontline
