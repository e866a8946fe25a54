// Serialisation of control days.
#include "control/control_io.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "common/json_limits.hpp"

namespace frontline {

std::string control_day_geojson(const ControlDay& day, const Gazetteer& gaz) {
    nlohmann::ordered_json fc;
    fc["type"] = "FeatureCollection";
    fc["date"] = to_iso(day.date);
    fc["features"] = nlohmann::json::array();
    for (const auto& [id, st] : day.places) {
        const Place* p = gaz.find_id(id);
        if (!p && st.name.empty()) continue;
        nlohmann::ordered_json f;
        f["type"] = "Feature";
        // A place the gazetteer lacks keeps its state under the reported name, without a point.
        if (p)
            f["geometry"] = {{"type", "Point"}, {"coordinates", {p->lon, p->lat}}};
        else
            f["geometry"] = nullptr;
        nlohmann::ordered_json props;
        props["place_id"] = id;
        props["place_name"] = p ? p->name : st.name;
        if (!p) props["located"] = false;
        props["controller"] = std::string(to_string(st.controller));
        props["status"] = st.status;
        props["extent"] = st.extent;
        props["since"] = to_iso(st.since);
        props["confidence"] = std::round(st.confidence * 100) / 100;
        props["events"] = st.event_ids;
        props["overruled_claims"] = st.overruled_claims;
        props["basis"] = st.basis;
        if (!st.flags.empty()) props["flags"] = st.flags;
        if (!st.note.empty()) props["note"] = st.note;
        f["properties"] = props;
        fc["features"].push_back(f);
    }
    return fc.dump(1) + "\n";
}

ControlDay read_control_day_geojson(const std::filesystem::path& file) {
    const auto j = nlohmann::json::parse(read_file(file, "control"), nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("type", "") != "FeatureCollection")
        throw Error("control", file.string(), "not a GeoJSON FeatureCollection");
    if (json_depth(j, kMaxJsonDepth) > kMaxJsonDepth)  // copies below would recurse that deep
        throw Error("control", file.string(),
                    "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
    const auto& date_value = j.contains("date") ? j["date"] : nlohmann::json();
    const std::string date_text =
        date_value.is_string() ? date_value.get<std::string>() : file.stem().string();
    const auto date = parse_iso_date(date_text);
    if (!date) throw Error("control", file.string(), "no valid `date` (YYYY-MM-DD)");
    ControlDay d;
    d.date = *date;
    const auto features = j.value("features", nlohmann::json::array());
    if (!features.is_array()) throw Error("control", file.string(), "`features` is not an array");
    for (const auto& f : features) {
        if (!f.is_object() || !f.contains("properties") || !f["properties"].is_object()) continue;
        const auto& p = f["properties"];
        auto text = [&](const char* key, const char* def) {
            return p.contains(key) && p[key].is_string() ? p[key].get<std::string>()
                                                         : std::string(def);
        };
        PlaceState st;
        st.place_id = text("place_id", "");
        if (st.place_id.empty()) continue;
        const auto c = parse_controller(text("controller", "unknown"));
        if (!c) {
            throw Error(
                "control", file.string(),
                "place " + st.place_id + ": unknown controller \"" + text("controller", "") + "\"");
        }
        st.controller = *c;
        st.status = text("status", "");
        st.extent = text("extent", "full");
        st.basis = text("basis", "");
        st.note = text("note", "");
        if (p.contains("located") && p["located"] == false) st.name = text("place_name", "");
        if (p.contains("confidence") && p["confidence"].is_number())
            st.confidence = p["confidence"].get<double>();
        st.since = parse_iso_date(text("since", "")).value_or(d.date);
        d.places[st.place_id] = std::move(st);
    }
    return d;
}

std::vector<ControlDay> read_control_days(const std::filesystem::path& dir) {
    std::vector<ControlDay> days;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        // <date>.geojson only: <date>-areas.geojson holds polygons of the same day.
        const std::string stem = e.path().stem().string();
        if (e.path().extension() == ".geojson" && parse_iso_date(stem))
            days.push_back(read_control_day_geojson(e.path()));
    }
    std::sort(days.begin(), days.end(),
              [](const ControlDay& a, const ControlDay& b) { return a.date < b.date; });
    if (days.empty()) {
        throw Error("control", dir.string(),
                    "no control days (<YYYY-MM-DD>.geojson); run `frontline run` first");
    }
    return days;
}

}  // namespace frontline
