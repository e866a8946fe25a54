// Style file parsing with nlohmann::json; every error names the file and the key.
#include "render/style.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "common/atomic_file.hpp"
#include "common/error.hpp"

namespace frontline {

Rgba parse_colour(const std::string& s, const std::string& where) {
    auto hex = [&](std::size_t i) {
        auto v = [&](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            throw Error("style", where, "bad colour \"" + s + "\" (expected #rrggbb or #rrggbbaa)");
        };
        return (v(s[i]) * 16 + v(s[i + 1])) / 255.0;
    };
    if ((s.size() != 7 && s.size() != 9) || s[0] != '#') {
        throw Error("style", where, "bad colour \"" + s + "\" (expected #rrggbb or #rrggbbaa)");
    }
    return Rgba{hex(1), hex(3), hex(5), s.size() == 9 ? hex(7) : 1.0};
}

Style read_style(const std::filesystem::path& file) {
    const std::string text = read_file(file, "style");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error("style", file.string(), std::string("invalid JSON: ") + e.what());
    }
    if (!j.is_object()) throw Error("style", file.string(), "top level must be a JSON object");
    static const std::set<std::string> known = {
        "name", "background", "country_fill", "country_line", "admin1_fill", "admin1_line",
        "focus_fill", "focus_line", "focus_line_width", "admin1_line_width", "place_stroke",
        "place_radius_min", "place_radius_max", "controllers", "description"};
    for (auto& [k, v] : j.items()) {
        if (!known.count(k)) throw Error("style", file.string(), "unknown key `" + k + "`");
    }
    Style s;
    auto where = [&](const std::string& key) { return file.string() + ": key `" + key + "`"; };
    auto colour = [&](const char* key, Rgba& out) {
        if (!j.contains(key)) throw Error("style", file.string(), std::string("missing key `") + key + "`");
        if (!j[key].is_string()) throw Error("style", where(key), "must be a colour string");
        out = parse_colour(j[key].get<std::string>(), where(key));
    };
    auto number = [&](const char* key, double& out) {
        if (!j.contains(key)) return;
        if (!j[key].is_number() || j[key].get<double>() < 0) {
            throw Error("style", where(key), "must be a non-negative number");
        }
        out = j[key].get<double>();
    };
    s.name = j.value("name", file.stem().string());
    colour("background", s.background);
    colour("country_fill", s.country_fill);
    colour("country_line", s.country_line);
    colour("admin1_fill", s.admin1_fill);
    colour("admin1_line", s.admin1_line);
    colour("focus_fill", s.focus_fill);
    colour("focus_line", s.focus_line);
    colour("place_stroke", s.place_stroke);
    number("focus_line_width", s.focus_line_width);
    number("admin1_line_width", s.admin1_line_width);
    number("place_radius_min", s.place_radius_min);
    number("place_radius_max", s.place_radius_max);
    if (!j.contains("controllers") || !j["controllers"].is_object()) {
        throw Error("style", where("controllers"), "must be an object of controller -> colour");
    }
    for (auto& [k, v] : j["controllers"].items()) {
        auto c = parse_controller(k);
        if (!c) throw Error("style", where("controllers." + k), "unknown controller");
        if (!v.is_string()) throw Error("style", where("controllers." + k), "must be a colour string");
        s.controllers[*c] = parse_colour(v.get<std::string>(), where("controllers." + k));
    }
    for (auto c : {Controller::government, Controller::opposition, Controller::sdf, Controller::sna,
                   Controller::contested, Controller::unknown}) {
        if (!s.controllers.count(c)) {
            throw Error("style", where("controllers"), "no colour for `" + std::string(to_string(c)) + "`");
        }
    }
    return s;
}

}  // namespace frontline
