// Style file parsing with nlohmann::json. A table of the supported properties (layer type,
// paint or layout, value kind, default) drives the checks, so adding a property is one row.
#include "render/style.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "common/json_limits.hpp"
#include "text/article.hpp"

namespace frontline {

Rgba parse_colour(const std::string& s, const std::string& where) {
    auto bad = [&]() -> Error {
        return Error(
            "style", where,
            "bad colour \"" + s +
                "\" (expected #rrggbb, #rrggbbaa, rgb(r,g,b), rgba(r,g,b,a) or transparent)");
    };
    if (s == "transparent") return Rgba{0, 0, 0, 0};
    if (!s.empty() && s[0] == '#') {
        if (s.size() != 7 && s.size() != 9) throw bad();
        auto v = [&](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            throw bad();
        };
        auto hex = [&](std::size_t i) { return (v(s[i]) * 16 + v(s[i + 1])) / 255.0; };
        return Rgba{hex(1), hex(3), hex(5), s.size() == 9 ? hex(7) : 1.0};
    }
    const bool has_alpha = s.rfind("rgba(", 0) == 0;
    if (!has_alpha && s.rfind("rgb(", 0) != 0) throw bad();
    if (s.back() != ')') throw bad();
    std::string inner = s.substr(has_alpha ? 5 : 4, s.size() - (has_alpha ? 6 : 5));
    std::vector<double> parts;
    std::stringstream ss(inner);
    std::string item;
    while (std::getline(ss, item, ',')) {
        try {
            std::size_t used = 0;
            parts.push_back(std::stod(item, &used));
            for (std::size_t i = used; i < item.size(); ++i) {
                if (item[i] != ' ') throw bad();
            }
        } catch (const std::logic_error&) {
            throw bad();
        }
    }
    if (parts.size() != (has_alpha ? 4u : 3u)) throw bad();
    for (int i = 0; i < 3; ++i) {
        if (parts[i] < 0 || parts[i] > 255) throw bad();
    }
    const double a = has_alpha ? parts[3] : 1.0;
    if (a < 0 || a > 1) throw bad();
    return Rgba{parts[0] / 255, parts[1] / 255, parts[2] / 255, a};
}

Rgba colour_of(const Json& expr, const Json& props, double zoom) {
    Json v = evaluate(expr, props, zoom);
    if (!v.is_string()) return Rgba{0, 0, 0, 0};
    try {
        return parse_colour(v.get<std::string>(), "");
    } catch (const Error&) {
        return Rgba{0, 0, 0, 0};  // a data-driven value that is not a colour draws nothing
    }
}

double number_of(const Json& expr, const Json& props, double zoom) {
    Json v = evaluate(expr, props, zoom);
    return v.is_number() ? v.get<double>() : 0.0;
}

std::string string_of(const Json& expr, const Json& props, double zoom) {
    Json v = evaluate(expr, props, zoom);
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number()) return v.dump();
    return "";
}

namespace {

// How a property's value is checked beyond the expression kinds.
enum class Shape { expr, number_array, string_array, enumeration };

struct PropertySpec {
    LayerType type;
    bool paint;  // else layout
    const char* name;
    ValueKind kind;
    Json fallback;
    Shape shape = Shape::expr;
    std::vector<std::string> values = {};  // for enumerations
    double min = -INFINITY;                // numbers: the documented range (styles/README.md),
    double max = INFINITY;                 // for constants and an expression's literal outputs
};

// Ranges of the numeric properties (styles/README.md): sizes in px up to a tile's width, so a
// typo such as circle-radius 1e20 or a negative text-size (which Pango asserts on) is refused
// with the file, layer and key instead of drawing nonsense.
constexpr double kMaxPx = 256;
constexpr std::size_t kMaxDashes = 32;    // line-dasharray entries
constexpr double kMaxDashPx = 1000;       // one dash or gap
constexpr std::size_t kMaxLayers = 1000;  // layers of one style

const std::vector<PropertySpec>& specs() {
    using L = LayerType;
    using K = ValueKind;
    static const std::vector<PropertySpec> s = {
        {L::background, true, "background-color", K::colour, "#000000"},
        {L::background, true, "background-opacity", K::number, 1.0, Shape::expr, {}, 0, 1},
        {L::fill, true, "fill-color", K::colour, "#000000"},
        {L::fill, true, "fill-opacity", K::number, 1.0, Shape::expr, {}, 0, 1},
        {L::fill, true, "fill-outline-color", K::colour, "transparent"},
        // Frontline extension: "hatch" draws diagonal stripes of fill-pattern-color over the
        // fill, fixed to the pixel grid so they continue across tiles (contested ground).
        {L::fill, true, "fill-pattern", K::string, "none"},
        {L::fill, true, "fill-pattern-color", K::colour, "#000000"},
        {L::line, true, "line-color", K::colour, "#000000"},
        {L::line, true, "line-width", K::number, 1.0, Shape::expr, {}, 0, kMaxPx},
        {L::line, true, "line-opacity", K::number, 1.0, Shape::expr, {}, 0, 1},
        {L::line,
         true,
         "line-dasharray",
         K::number,
         Json::array(),
         Shape::number_array,
         {},
         0,
         kMaxDashPx},
        {L::line,
         false,
         "line-join",
         K::string,
         "miter",
         Shape::enumeration,
         {"miter", "round", "bevel"}},
        {L::line,
         false,
         "line-cap",
         K::string,
         "butt",
         Shape::enumeration,
         {"butt", "round", "square"}},
        {L::circle, true, "circle-color", K::colour, "#000000"},
        {L::circle, true, "circle-radius", K::number, 5.0, Shape::expr, {}, 0, kMaxPx},
        {L::circle, true, "circle-opacity", K::number, 1.0, Shape::expr, {}, 0, 1},
        {L::circle, true, "circle-stroke-color", K::colour, "#000000"},
        {L::circle, true, "circle-stroke-width", K::number, 0.0, Shape::expr, {}, 0, kMaxPx},
        {L::circle, true, "circle-stroke-opacity", K::number, 1.0, Shape::expr, {}, 0, 1},
        // Frontline extension: "hatch" draws diagonal stripes of circle-stroke-color over the
        // dot (contested places; also tells them apart in greyscale print); "none" by default.
        {L::circle, true, "circle-pattern", K::string, "none"},
        {L::symbol, false, "text-field", K::string, ""},
        {L::symbol, false, "text-font", K::string, Json::array({"Noto Sans Regular"}),
         Shape::string_array},
        {L::symbol, false, "text-size", K::number, 16.0, Shape::expr, {}, 1, kMaxPx},
        {L::symbol,
         false,
         "text-transform",
         K::string,
         "none",
         Shape::enumeration,
         {"none", "uppercase", "lowercase"}},
        {L::symbol, false, "text-letter-spacing", K::number, 0.0, Shape::expr, {}, -1, 10},
        {L::symbol,
         false,
         "text-variable-anchor",
         K::string,
         Json::array({"center"}),
         Shape::string_array,
         {"center", "left", "right", "top", "bottom", "top-left", "top-right", "bottom-left",
          "bottom-right"}},
        {L::symbol, false, "text-radial-offset", K::number, 0.0, Shape::expr, {}, -64, 64},
        {L::symbol, false, "text-padding", K::number, 2.0, Shape::expr, {}, 0, kMaxPx},
        {L::symbol, false, "symbol-sort-key", K::number, Json()},
        // Frontline extension: whether place dots block this label (MapLibre circles never do).
        {L::symbol, false, "text-avoid-circles", K::boolean, true},
        {L::symbol, true, "text-color", K::colour, "#000000"},
        {L::symbol, true, "text-halo-color", K::colour, "transparent"},
        {L::symbol, true, "text-halo-width", K::number, 0.0, Shape::expr, {}, 0, kMaxPx},
        {L::symbol, true, "text-opacity", K::number, 1.0, Shape::expr, {}, 0, 1},
    };
    return s;
}

const char* type_name(LayerType t) {
    switch (t) {
        case LayerType::background:
            return "background";
        case LayerType::fill:
            return "fill";
        case LayerType::line:
            return "line";
        case LayerType::circle:
            return "circle";
        case LayerType::symbol:
            return "symbol";
    }
    return "";
}

// The bytes of text a text-field expression holds in its string literals: an upper bound of
// the label's length before properties are put in.
std::size_t literal_bytes(const Json& v) {
    if (v.is_string()) return v.get_ref<const std::string&>().size();
    std::size_t n = 0;
    if (v.is_array()) {  // (nesting checked before: kMaxJsonDepth)
        const bool call = !v.empty() && v[0].is_string();
        for (std::size_t i = call ? 1 : 0; i < v.size(); ++i) n += literal_bytes(v[i]);
    }
    return n;
}

void check_value(const PropertySpec& p, const Json& v, const std::string& where) {
    auto fail = [&](const std::string& msg) { throw Error("style", where, msg); };
    switch (p.shape) {
        case Shape::expr: {
            const NumberRange range{p.min, p.max};
            check_expression(v, p.kind, where, p.kind == ValueKind::number ? &range : nullptr);
            if (std::string_view(p.name) == "text-field" && literal_bytes(v) > kMaxLabelBytes) {
                fail("labels longer than " + std::to_string(kMaxLabelBytes) +
                     " bytes are not drawn; this one has " + std::to_string(literal_bytes(v)) +
                     " bytes of text");
            }
            return;
        }
        case Shape::enumeration:
            if (!v.is_string() || std::find(p.values.begin(), p.values.end(),
                                            v.get<std::string>()) == p.values.end()) {
                std::string all;
                for (const auto& x : p.values) all += (all.empty() ? "" : ", ") + x;
                fail("must be one of " + all + ", got " + v.dump());
            }
            return;
        case Shape::number_array: {
            if (!v.is_array() || v.empty())
                fail("must be a non-empty array of numbers, got " + v.dump());
            if (v.size() > kMaxDashes)
                fail("at most " + std::to_string(kMaxDashes) + " numbers, got " +
                     std::to_string(v.size()));
            double sum = 0;
            for (const auto& x : v) {
                if (!x.is_number() || !(x.get<double>() >= p.min && x.get<double>() <= p.max))
                    fail("must be an array of numbers in [" + number_text(p.min) + ", " +
                         number_text(p.max) + "], got " + v.dump());
                sum += x.get<double>();
            }
            if (sum <= 0) fail("the dashes must not all be 0, got " + v.dump());
            return;
        }
        case Shape::string_array:
            if (!v.is_array() || v.empty())
                fail("must be a non-empty array of strings, got " + v.dump());
            for (const auto& x : v) {
                if (!x.is_string()) fail("must be an array of strings, got " + v.dump());
                if (!p.values.empty() && std::find(p.values.begin(), p.values.end(),
                                                   x.get<std::string>()) == p.values.end()) {
                    fail("unknown value " + x.dump());
                }
            }
            return;
    }
}

void check_depth(const Json& v, const std::string& where) {
    if (json_depth(v, kMaxJsonDepth) > kMaxJsonDepth)
        throw Error("style", where,
                    "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
}

StyleLayer read_layer(const Json& j, const std::string& file, std::size_t index,
                      std::set<std::string>& ids) {
    StyleLayer l;
    const std::string at = file + ": layers[" + std::to_string(index) + "]";
    if (!j.is_object()) throw Error("style", at, "a layer must be a JSON object");
    if (!j.contains("id") || !j["id"].is_string() || j["id"].get<std::string>().empty()) {
        throw Error("style", at, "key `id`: missing or not a non-empty string");
    }
    l.id = j["id"].get<std::string>();
    if (!ids.insert(l.id).second)
        throw Error("style", at, "key `id`: duplicate layer id `" + l.id + "`");
    l.where = file + ": layer `" + l.id + "`";
    auto key_where = [&](const std::string& key) { return l.where + ": key `" + key + "`"; };
    static const std::set<std::string> known = {"id",     "type",    "source",  "source-layer",
                                                "filter", "minzoom", "maxzoom", "layout",
                                                "paint",  "metadata"};
    for (auto& [k, v] : j.items()) {
        if (!known.count(k)) throw Error("style", key_where(k), "unknown key");
    }
    // Nesting first: checking and drawing an expression recurse (20,000 levels overflowed
    // the stack), so every value is measured without recursion before anything else reads it.
    for (auto& [k, v] : j.items()) {
        if ((k == "paint" || k == "layout") && v.is_object()) {
            for (auto& [pk, pv] : v.items()) check_depth(pv, key_where(k + "." + pk));
        } else {
            check_depth(v, key_where(k));
        }
    }
    if (!j.contains("type") || !j["type"].is_string())
        throw Error("style", key_where("type"), "missing or not a string");
    const std::string type = j["type"].get<std::string>();
    bool found = false;
    for (auto t : {LayerType::background, LayerType::fill, LayerType::line, LayerType::circle,
                   LayerType::symbol}) {
        if (type == type_name(t)) {
            l.type = t;
            found = true;
        }
    }
    if (!found)
        throw Error("style", key_where("type"),
                    "unknown layer type \"" + type + "\" (background, fill, line, circle, symbol)");
    if (j.contains("source") && j["source"] != "frontline") {
        throw Error("style", key_where("source"), "the only source is \"frontline\"");
    }
    if (l.type != LayerType::background) {
        if (!j.contains("source-layer") || !j["source-layer"].is_string()) {
            throw Error("style", key_where("source-layer"), "missing or not a string");
        }
        l.source_layer = j["source-layer"].get<std::string>();
        bool ok = false;
        std::string all;
        for (const char* s : kSourceLayers) {
            ok = ok || l.source_layer == s;
            all += (all.empty() ? "" : ", ") + std::string(s);
        }
        if (!ok)
            throw Error("style", key_where("source-layer"),
                        "unknown feature set \"" + l.source_layer + "\" (" + all + ")");
        const bool points = l.source_layer == "places";
        const bool lines = l.source_layer == "roads";
        if ((l.type == LayerType::circle && !points) ||
            (l.type == LayerType::fill && (points || lines)) ||
            (l.type == LayerType::line && points)) {
            throw Error("style", key_where("source-layer"),
                        "a " + type + " layer cannot draw \"" + l.source_layer + "\"");
        }
    } else if (j.contains("source-layer") || j.contains("filter")) {
        throw Error("style", key_where(j.contains("filter") ? "filter" : "source-layer"),
                    "not allowed on a background layer");
    }
    if (j.contains("filter")) {
        check_expression(j["filter"], ValueKind::boolean, key_where("filter"));
        l.filter = j["filter"];
    }
    for (const char* k : {"minzoom", "maxzoom"}) {
        if (!j.contains(k)) continue;
        if (!j[k].is_number() || j[k].get<double>() < 0 || j[k].get<double>() > 24) {
            throw Error("style", key_where(k), "must be a number in [0, 24]");
        }
        (std::string(k) == "minzoom" ? l.minzoom : l.maxzoom) = j[k].get<double>();
    }
    for (bool paint : {true, false}) {
        const char* section = paint ? "paint" : "layout";
        auto& out = paint ? l.paint : l.layout;
        Json props = j.value(section, Json::object());
        if (!props.is_object()) throw Error("style", key_where(section), "must be an object");
        for (auto& [k, v] : props.items()) {
            if (!paint && k == "visibility") {
                if (v != "visible" && v != "none")
                    throw Error("style", key_where("layout.visibility"),
                                "must be \"visible\" or \"none\"");
                l.visible = v == "visible";
                continue;
            }
            const PropertySpec* spec = nullptr;
            for (const auto& p : specs()) {
                if (p.type == l.type && p.paint == paint && k == p.name) spec = &p;
            }
            if (!spec)
                throw Error("style", key_where(std::string(section) + "." + k),
                            "unknown key for a " + type + " layer");
            check_value(*spec, v, key_where(std::string(section) + "." + k));
            out[k] = v;
        }
        for (const auto& p : specs()) {
            if (p.type == l.type && p.paint == paint && !out.count(p.name))
                out[p.name] = p.fallback;
        }
    }
    return l;
}

// The line of the layer whose `"id": "<id>"` comes first at or after `from` in the style's
// text (advancing `from` past it), or 0 if not found. nlohmann::json keeps no positions, and
// a line number is what an editor needs.
std::size_t layer_line(std::string_view text, const std::string& id, std::size_t& from) {
    const std::string quoted = Json(id).dump();
    for (std::size_t at = text.find("\"id\"", from); at != std::string_view::npos;
         at = text.find("\"id\"", at + 1)) {
        std::size_t p = text.find_first_not_of(" \t\r\n", at + 4);
        if (p == std::string_view::npos || text[p] != ':') continue;
        p = text.find_first_not_of(" \t\r\n", p + 1);
        if (p == std::string_view::npos || text.compare(p, quoted.size(), quoted) != 0) continue;
        from = p + quoted.size();
        return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
    }
    return 0;
}

// A palette name: a lower-case letter, then lower-case letters, digits, '-' or '_'.
bool palette_name(std::string_view s) {
    if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

// The line of the first `"<key>":` in a JSON text, or 0.
std::size_t key_line(std::string_view text, const std::string& key) {
    const std::string quoted = Json(key).dump();
    for (std::size_t at = text.find(quoted); at != std::string_view::npos;
         at = text.find(quoted, at + 1)) {
        const std::size_t p = text.find_first_not_of(" \t\r\n", at + quoted.size());
        if (p != std::string_view::npos && text[p] == ':')
            return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
    }
    return 0;
}

// A bad-bytes check shared by styles and palettes: say so, with the line, rather than a JSON
// syntax error.
void check_text(const std::string& text, const std::string& path) {
    std::size_t bad_line = 0;
    if (auto problem = text_problem(text, bad_line); !problem.empty())
        throw Error("style", at_line(path, bad_line), problem);
}

// palette.json: {"metadata": {...}, "colours": {"<name>": "<colour>", ...}}.
std::map<std::string, std::string> read_palette(const std::filesystem::path& file) {
    const std::string path = file.string();
    const std::string text = read_file(file, "style");
    check_text(text, path);
    Json j;
    try {
        j = Json::parse(text);
    } catch (const Json::exception& e) {
        throw Error("style", path, std::string("invalid JSON: ") + e.what());
    }
    if (!j.is_object()) throw Error("style", path, "top level must be a JSON object");
    for (auto& [k, v] : j.items()) {
        if (k != "metadata" && k != "colours")
            throw Error("style", path + ": key `" + k + "`", "unknown key (metadata, colours)");
    }
    if (!j.contains("colours") || !j["colours"].is_object())
        throw Error("style", path + ": key `colours`", "missing or not an object");
    std::map<std::string, std::string> out;
    for (auto& [name, v] : j["colours"].items()) {
        const std::size_t line = key_line(text, name);
        const std::string where = (line ? at_line(path, line) : path) + ": colour `" + name + "`";
        if (!palette_name(name))
            throw Error("style", where,
                        "a name is a lower-case letter, then lower-case letters, digits, - or _");
        if (!v.is_string()) throw Error("style", where, "must be a colour string, got " + v.dump());
        parse_colour(v.get<std::string>(), where);
        out[name] = v.get<std::string>();
    }
    return out;
}

// `text` (of the style `path`) with every string token that is a palette reference, but
// object keys, replaced by its colour. Tokens are replaced whole and hold no line break, so
// lines and layer positions stay where they were.
std::string resolve_palette(const std::string& text, const std::filesystem::path& file) {
    const std::string path = file.string();
    const std::filesystem::path palette_file = file.parent_path() / kPaletteFile;
    std::optional<std::map<std::string, std::string>> palette;  // read at the first reference
    std::string out;
    std::size_t copied = 0, line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') ++line;
        if (text[i] != '"') continue;
        std::size_t end = i + 1;  // the closing quote
        while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
        if (end >= text.size()) break;  // unterminated: the JSON parser reports it
        const std::string_view body(text.data() + i + 1, end - i - 1);
        const std::size_t next = text.find_first_not_of(" \t\r\n", end + 1);
        const bool key = next != std::string::npos && text[next] == ':';
        if (!key && body.size() > 1 && body[0] == '@' && palette_name(body.substr(1))) {
            const std::string where = at_line(path, line);
            if (!palette) {
                std::error_code ec;
                if (!std::filesystem::exists(palette_file, ec))
                    throw Error("style", where,
                                "palette colour \"" + std::string(body) + "\", but there is no " +
                                    palette_file.string());
                palette = read_palette(palette_file);
            }
            const auto it = palette->find(std::string(body.substr(1)));
            if (it == palette->end()) {
                std::string names;
                for (const auto& [n, c] : *palette) names += (names.empty() ? "" : ", ") + n;
                throw Error("style", where,
                            "unknown palette colour \"" + std::string(body) + "\" (" +
                                palette_file.string() + ": " + names + ")");
            }
            out.append(text, copied, i - copied);
            out += Json(it->second).dump();
            copied = end + 1;
        }
        line += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(i),
                                                    text.begin() + static_cast<std::ptrdiff_t>(end),
                                                    '\n'));
        i = end;
    }
    if (copied == 0) return text;  // no reference
    out.append(text, copied);
    return out;
}

}  // namespace

std::string read_style_text(const std::filesystem::path& file) {
    const std::string text = read_file(file, "style");
    check_text(text, file.string());
    return resolve_palette(text, file);
}

Style read_style(const std::filesystem::path& file, std::string* text_out) {
    const std::string path = file.string();
    const std::string text = read_style_text(file);
    if (text_out) *text_out = text;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error("style", path, "empty file: expected a JSON object with `layers`");
    Json j;
    try {
        j = Json::parse(text);
    } catch (const Json::exception&
                 e) {  // parse_error, and out_of_range for a number overflow (found by fuzz_style)
        throw Error("style", path, std::string("invalid JSON: ") + e.what());
    }
    if (!j.is_object()) throw Error("style", path, "top level must be a JSON object");
    static const std::set<std::string> known = {"version", "name", "metadata", "layers"};
    for (auto& [k, v] : j.items()) {
        if (!known.count(k)) throw Error("style", path + ": key `" + k + "`", "unknown key");
    }
    if (j.contains("version") && !(j["version"].is_number_integer() && j["version"] == 8)) {
        throw Error("style", path + ": key `version`", "must be the number 8");
    }
    if (j.contains("name") && !j["name"].is_string()) {  // found by fuzz_style
        throw Error("style", path + ": key `name`", "must be a string");
    }
    Style s;
    s.file = file;
    s.name = j.value("name", file.stem().string());
    if (!j.contains("layers") || !j["layers"].is_array() || j["layers"].empty()) {
        throw Error("style", path + ": key `layers`", "missing or not a non-empty array");
    }
    if (j["layers"].size() > kMaxLayers) {
        throw Error(
            "style", path + ": key `layers`",
            std::to_string(j["layers"].size()) + " layers; at most " + std::to_string(kMaxLayers));
    }
    if (j.contains("metadata")) check_depth(j["metadata"], path + ": key `metadata`");
    std::set<std::string> ids;
    try {
        std::size_t from = 0;
        for (std::size_t i = 0; i < j["layers"].size(); ++i) {
            const Json& layer = j["layers"][i];
            std::size_t line = 0;
            if (layer.is_object() && layer.contains("id") && layer["id"].is_string())
                line = layer_line(text, layer["id"].get<std::string>(), from);
            s.layers.push_back(read_layer(layer, line ? at_line(path, line) : path, i, ids));
        }
    } catch (const Json::exception& e) {
        // A safety net: every key is type-checked above and in read_layer(); should a check be
        // missing, a value of the wrong type is still a style error, not an internal one.
        throw Error("style", path, std::string("bad value: ") + e.what());
    }
    return s;
}

}  // namespace frontline
