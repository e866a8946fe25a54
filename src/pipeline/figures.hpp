// Figures for articles: the layers of the tile job (src/tiles/render_job.hpp: control-YYYY-MM-DD,
// control, changes, overlay) drawn as framed figures with title, date line, legend, scale bar
// and attribution (render/figure.hpp). `frontline static` draws one; the main job writes a
// default set to out/figures/ with an index (figures.json) for web editors.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "control/timeline.hpp"
#include "gazetteer/gazetteer.hpp"
#include "render/figure.hpp"
#include "tiles/render_job.hpp"

namespace frontline {

struct FigureOptions {
    std::string layer = "control";  // control, control-YYYY-MM-DD, changes or overlay
    FrameRequest frame;             // nothing: the focus governorates
    int width = 800, height = 600;  // CSS px of the whole figure
    std::string title;              // empty: one made from the layer and the frame
    std::vector<int> scales = {1, 2};
};

// Values as written, for the command line; nothing on a syntax error.
// "WxH" with positive whole numbers, {width, height} (the range is checked when the figure is
// laid out).
std::optional<std::array<int, 2>> parse_figure_size(std::string_view s);
// "lon,lat" in degrees (the range is checked by fit_frame()).
std::optional<std::array<double, 2>> parse_center(std::string_view s);

// One figure as listed in figures.json.
struct FigureRecord {
    std::string name;  // file stem
    std::string title, date_line, layer;
    std::string day;       // the day shown (YYYY-MM-DD); for `changes` the latest
    std::string baseline;  // the timeline's first day
    BBox lonlat;           // the map area, degrees
    int zoom = 0;          // the style zoom
    int width = 0, height = 0;
    std::vector<std::filesystem::path> files;  // by scale, as given in FigureOptions::scales
};

class FigureMaker {
  public:
    // Reads the boundaries and the styles named by `opt` (style; changes and overlay styles
    // beside it unless given). `days` is the control timeline, its first day the baseline;
    // both must outlive the maker.
    FigureMaker(const Gazetteer& gaz, const std::vector<ControlDay>& days,
                const RenderJobOptions& opt);
    ~FigureMaker();
    FigureMaker(const FigureMaker&) = delete;
    FigureMaker& operator=(const FigureMaker&) = delete;

    // The layers a figure can show.
    std::vector<std::string> layers() const;

    // Draws a figure at each scale of `o`. Bad options (unknown layer or day, a frame out of
    // range or outside the area the boundary data covers, a size too small or too large)
    // throw OptionError("figure", "{layer}", ...) (common/option_error.hpp), naming the option
    // by FigureOptions' names: {layer}, {day} (of a control-DAY layer), {bbox}, {center},
    // {zoom}, {size}, {scale}.
    std::vector<FigureImage> draw(const FigureOptions& o, FigureRecord* record = nullptr);

    // Draws and writes `png` (the first scale) and `<stem>@<k>x.png` beside it for the other
    // scales, atomically.
    FigureRecord write(const FigureOptions& o, const std::filesystem::path& png);

    // The default set into `dir`: the focus governorates on the latest day, their changes,
    // before and after (the baseline and the latest day, same frame), and the largest city,
    // each at 1x and @2x; then `dir`/figures.json listing them.
    std::vector<FigureRecord> write_defaults(const std::filesystem::path& dir);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// figures.json: {"attribution", "figures": [{name, file, files, title, date_line, layer,
// day, baseline, bbox, zoom, width, height}]}, file paths relative to `dir`.
std::string figures_json(const std::vector<FigureRecord>& figures,
                         const std::filesystem::path& dir);

}  // namespace frontline
