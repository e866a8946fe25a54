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
        nlohmann::ordered_json props;
        props["place_id"] = id;
        props["place_name"] = p->name;
        props["controller"] = std::string(to_string(st.controller));
        props["status"] = st.status;
        props["extent"] = st.extent;
        props["since"] = to_iso(st.since);
        props["events"] = st.event_ids;
        props["overruled_claims"] = st.overruled_claims;
        props["basis"] = st.basis;
        f["properties"] = props;
        fc["features"].push_back(f);
    }
    return fc.dump(1) + "\n";
}

}  // namespace frontline
