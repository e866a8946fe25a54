// The map style: an ordered list of layers in a subset of the MapLibre style specification
// (https://maplibre.org/maplibre-style-spec/), read from a JSON file in styles/ and documented
// in styles/README.md. Values may be expressions (render/expression.hpp) of zoom and feature
// properties; the style is checked completely when read, so rendering never meets a bad value.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "render/expression.hpp"

namespace frontline {

struct Rgba {
    double r = 0, g = 0, b = 0, a = 1;  // 0..1, straight alpha
};

// Parses "#rrggbb", "#rrggbbaa", "rgb(r,g,b)", "rgba(r,g,b,a)" (r, g, b 0..255, a 0..1) and
// "transparent"; throws Error("style", where, ...) otherwise.
Rgba parse_colour(const std::string& s, const std::string& where);

enum class LayerType { background, fill, line, circle, symbol };

// The feature sets a layer can draw (its `source-layer`).
inline constexpr const char* kSourceLayers[] = {"countries", "admin1", "focus",
                                                "places",    "roads",  "control-areas"};

// Limits of a label (styles/README.md): a text-field whose string literals hold more bytes is
// a style error; a longer label from the data is not drawn. text-size is drawn within
// [1, kMaxTextSize] px whatever the data gives (Pango asserts on a negative size).
inline constexpr std::size_t kMaxLabelBytes = 1000;
inline constexpr double kMaxTextSize = 256;

struct StyleLayer {
    std::string id;
    LayerType type = LayerType::background;
    std::string source_layer;          // empty for background
    Json filter;                       // null: every feature
    double minzoom = 0, maxzoom = 24;  // drawn for minzoom <= z < maxzoom
    bool visible = true;
    std::map<std::string, Json> paint;   // checked expressions, defaults filled in
    std::map<std::string, Json> layout;  // idem
    std::string where;                   // "<file> line <n>: layer `<id>`", for messages

    bool shown_at(double z) const { return visible && z >= minzoom && z < maxzoom; }
    const Json& paint_value(const std::string& key) const { return paint.at(key); }
    const Json& layout_value(const std::string& key) const { return layout.at(key); }
};

struct Style {
    std::string name;
    std::filesystem::path file;
    std::vector<StyleLayer> layers;
};

// Evaluation helpers: a property of a layer for one feature at one zoom.
Rgba colour_of(const Json& expr, const Json& props, double zoom);
double number_of(const Json& expr, const Json& props, double zoom);
std::string string_of(const Json& expr, const Json& props, double zoom);

// Palette references: a string of the style that is "@" and a name (a lower-case letter, then
// lower-case letters, digits, '-' or '_'), anywhere but as an object key, stands for the colour
// of that name in kPaletteFile beside the style (styles/README.md).
inline constexpr const char* kPaletteFile = "palette.json";

// The text of a style file with its palette references replaced by their colours: what
// read_style() parses, and what tile fingerprints digest (render/fingerprint.hpp), so a change
// of a colour in the palette renders the tiles again. Bad bytes, an unknown name and a bad
// palette are errors naming the file and line (Error subsystem "style").
std::string read_style_text(const std::filesystem::path& file);

// Reads a style file (read_style_text(), then every layer checked). Unknown keys, wrong types
// and bad values are errors naming the file, the layer id and the key (Error subsystem
// "style"). `text`, if given, receives the text read_style_text() gave.
Style read_style(const std::filesystem::path& file, std::string* text = nullptr);

}  // namespace frontline
