// The layer set of the tile pipeline, defined once for the main job (tiles/render_job), the
// figures (pipeline/figures) and the tile server (serve/scene_renderer):
//   control-YYYY-MM-DD  one snapshot per day of the timeline (rings: changed since the baseline)
//   control             the latest day
//   changes             the latest day against the baseline, in the changes style
//   overlay             the latest day in the overlay style (transparent); only with one
// and the style of each: the options' `style` for the control and snapshot layers; for
// `changes` and `overlay` the style given, else changes.json / overlay.json beside `style`,
// else `style` itself (changes) or no overlay layer.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "control/timeline.hpp"
#include "render/style.hpp"

namespace frontline {

// Where the styles of the layers come from: the style options of `frontline run`, `static`
// and `serve` (--style, --changes-style, --overlay-style).
struct LayerStyleOptions {
    std::filesystem::path style;          // the control and snapshot layers
    std::filesystem::path changes_style;  // empty: changes.json beside `style`, else `style`
    std::filesystem::path overlay_style;  // empty: overlay.json beside `style`, else no overlay
};

// A style as read: what the renderer draws with, and its text with the palette references
// resolved (read_style_text()), which tile fingerprints digest (render/fingerprint.hpp), so any
// change to the style or to the colours it takes from the palette renders every tile again.
struct StyleFile {
    std::filesystem::path path;
    Style style;
    std::string text;
};

enum class LayerKind { day, control, changes, overlay };

// One layer of the set for a given timeline.
struct Layer {
    std::string name;
    LayerKind kind = LayerKind::control;
    const ControlDay* day = nullptr;   // the day drawn: one of the days given; the latest but
                                       // for control-YYYY-MM-DD
    const StyleFile* style = nullptr;  // owned by the LayerSet
    std::string description;           // for people (the TileJSON description)
};

// Why a name is not a layer of the set.
enum class LayerProblem { none, unknown, not_a_date, no_day, no_overlay };

struct LayerLookup {
    std::optional<Layer> layer;  // set when problem is none
    LayerProblem problem = LayerProblem::none;
    std::string message;  // for people: `unknown layer "roads": expected control, ...`
};

class LayerSet {
  public:
    // Decides which style file each layer uses (looking beside `style` for the files not
    // given); reads none: each is read on first use (read_styles() reads them all now).
    explicit LayerSet(const LayerStyleOptions& opt);
    ~LayerSet();
    LayerSet(const LayerSet&) = delete;
    LayerSet& operator=(const LayerSet&) = delete;

    const std::filesystem::path& style_path() const { return paths_[kMain]; }
    const std::filesystem::path& changes_path() const { return paths_[kChanges]; }
    const std::filesystem::path& overlay_path() const { return paths_[kOverlay]; }  // or empty
    bool has_overlay() const { return !paths_[kOverlay].empty(); }

    // The layers for a timeline (its first day the baseline), in the order the main job
    // renders them: control-<day> for each day, control, changes, overlay (if any).
    std::vector<std::string> names(const std::vector<ControlDay>& days) const;
    // Whether `name` is one of names(days); reads nothing (cheap: per request in the server).
    bool contains(const std::string& name, const std::vector<ControlDay>& days) const;
    // The layer `name` for `days`, its style read if not yet (a bad style throws Error); or why
    // there is none. The Layer points into `days` and into this set.
    LayerLookup find(const std::string& name, const std::vector<ControlDay>& days) const;
    // As find(), but a name that is not a layer throws Error("layer", name, <why>, kExitUsage).
    Layer resolve(const std::string& name, const std::vector<ControlDay>& days) const;
    // Reads every style of the set now (a bad one throws Error), for callers that want to
    // fail before any work rather than when a layer is first drawn.
    void read_styles() const;

  private:
    enum Role { kMain, kChanges, kOverlay };
    const StyleFile& file(Role role) const;

    std::array<std::filesystem::path, 3> paths_;
    mutable std::mutex mutex_;  // files_: layers are resolved on several threads
    mutable std::array<std::unique_ptr<StyleFile>, 3> files_;
};

// The style file of the `changes` or `overlay` layer: `chosen` if given, else `name`
// (changes.json, overlay.json) beside `style` if it exists there, else empty.
std::filesystem::path style_beside(const std::filesystem::path& style,
                                   const std::filesystem::path& chosen, const char* name);

}  // namespace frontline
