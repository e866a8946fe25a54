// The layer set: names, days, styles and descriptions of the tile layers; see layers.hpp.
#include "render/layers.hpp"

#include <string_view>

#include "common/error.hpp"

namespace frontline {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kDayPrefix = "control-";
// What the layers show, for their descriptions.
constexpr const char* kRegion = "places in Aleppo and Idlib governorates";

std::string description(LayerKind kind, const ControlDay& day, const ControlDay& baseline) {
    const std::string region = kRegion;
    switch (kind) {
        case LayerKind::day:
            return "Control of " + region + " on " + to_iso(day.date) + "; rings: changed since " +
                   to_iso(baseline.date);
        case LayerKind::control:
            return "Control of " + region + " on " + to_iso(day.date) + " (latest)";
        case LayerKind::changes:
            return "Changes of control of " + region + " from " + to_iso(baseline.date) + " to " +
                   to_iso(day.date) + "; ring: the controller before";
        case LayerKind::overlay:
            return "Transparent overlay: control of " + region + " on " + to_iso(day.date);
    }
    return "";
}

}  // namespace

fs::path style_beside(const fs::path& style, const fs::path& chosen, const char* name) {
    if (!chosen.empty()) return chosen;
    auto p = style.parent_path() / name;
    return fs::exists(p) ? p : fs::path();
}

LayerSet::LayerSet(const LayerStyleOptions& opt) {
    paths_[kMain] = opt.style;
    paths_[kChanges] = style_beside(opt.style, opt.changes_style, "changes.json");
    if (paths_[kChanges].empty()) paths_[kChanges] = opt.style;
    paths_[kOverlay] = style_beside(opt.style, opt.overlay_style, "overlay.json");
}

LayerSet::~LayerSet() = default;

const StyleFile& LayerSet::file(Role role) const {
    // The changes layer without a style of its own draws with the main one: read it once.
    if (role == kChanges && paths_[kChanges] == paths_[kMain]) role = kMain;
    std::lock_guard lock(mutex_);
    auto& f = files_[role];
    if (!f) {
        auto s = std::make_unique<StyleFile>();
        s->path = paths_[role];
        s->style = read_style(s->path, &s->text);
        f = std::move(s);
    }
    return *f;
}

void LayerSet::read_styles() const {
    file(kMain);
    file(kChanges);
    if (has_overlay()) file(kOverlay);
}

std::vector<std::string> LayerSet::names(const std::vector<ControlDay>& days) const {
    std::vector<std::string> out;
    for (const auto& d : days) out.push_back(std::string(kDayPrefix) + to_iso(d.date));
    out.push_back("control");
    out.push_back("changes");
    if (has_overlay()) out.push_back("overlay");
    return out;
}

bool LayerSet::contains(const std::string& name, const std::vector<ControlDay>& days) const {
    if (days.empty()) return false;
    if (name == "control" || name == "changes") return true;
    if (name == "overlay") return has_overlay();
    if (!name.starts_with(kDayPrefix)) return false;
    for (const auto& d : days)
        if (name.compare(kDayPrefix.size(), std::string::npos, to_iso(d.date)) == 0) return true;
    return false;
}

LayerLookup LayerSet::find(const std::string& name, const std::vector<ControlDay>& days) const {
    LayerLookup out;
    auto fail = [&](LayerProblem p, std::string message) {
        out.problem = p;
        out.message = std::move(message);
        return out;
    };
    if (days.empty()) return fail(LayerProblem::no_day, "no control days");
    const std::string span = to_iso(days.front().date) + " to " + to_iso(days.back().date);
    Layer l;
    l.name = name;
    l.day = &days.back();
    Role role = kMain;
    if (name == "control") {
        l.kind = LayerKind::control;
    } else if (name == "changes") {
        l.kind = LayerKind::changes;
        role = kChanges;
    } else if (name == "overlay") {
        if (!has_overlay())
            return fail(LayerProblem::no_overlay,
                        "no overlay style (overlay.json beside the style)");
        l.kind = LayerKind::overlay;
        role = kOverlay;
    } else if (name.starts_with(kDayPrefix)) {
        const std::string d = name.substr(kDayPrefix.size());
        if (!parse_iso_date(d))
            return fail(LayerProblem::not_a_date, "\"" + d + "\" is not a date (YYYY-MM-DD)");
        l.kind = LayerKind::day;
        l.day = nullptr;
        for (const auto& day : days)
            if (to_iso(day.date) == d) l.day = &day;
        if (!l.day)
            return fail(LayerProblem::no_day,
                        "no control day " + d + ": the timeline runs from " + span);
    } else {
        return fail(LayerProblem::unknown,
                    "unknown layer \"" + name +
                        "\": expected control, changes, overlay or control-YYYY-MM-DD (" + span +
                        ")");
    }
    l.style = &file(role);
    l.description = description(l.kind, *l.day, days.front());
    out.layer = std::move(l);
    return out;
}

Layer LayerSet::resolve(const std::string& name, const std::vector<ControlDay>& days) const {
    auto found = find(name, days);
    if (!found.layer) throw Error("layer", name, found.message, kExitUsage);
    return std::move(*found.layer);
}

}  // namespace frontline
