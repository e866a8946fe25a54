// Serialisation of control days.
#include "control/control_io.hpp"

#include <nlohmann/json.hpp>

namespace frontline {

std::string control_day_geojson(const ControlDay& day, const Gazetteer& gaz) {
    nlohmann::ordered_json fc;
    fc["type"] = "FeatureCollection";
    fc["date"] = to_iso(day.date);
    fc["features"] = nlohmann::json::array();
    for (const auto& [id, st] : day.places) {
        const Place* p = gaz.find_id(id);
        if (!p) continue;
        nlohmann::ordered_json f;
        f["type"] = "Feature";
        f["geometry"] = {{"type", "Point"}, {"coordinates", {p->lon, p->lat}}};
        f["properties"] = {{"place_id", id},     {"place_name", p->name},
                           {"controller", std::string(to_string(st.controller))},
                           {"status", st.status}, {"events", st.event_ids},
                           {"basis", st.basis}};
        fc["features"].push_back(f);
    }
    return fc.dump(1) + "\n";
}

}  // namespace frontline
