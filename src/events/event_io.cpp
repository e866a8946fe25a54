// Serialisation of events.
#include "events/event_io.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

namespace frontline {

namespace {
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}
}  // namespace

std::string events_geojson(const std::vector<Event>& events) {
    nlohmann::ordered_json fc;
    fc["type"] = "FeatureCollection";
    fc["features"] = nlohmann::json::array();
    for (const auto& e : events) {
        nlohmann::ordered_json f;
        f["type"] = "Feature";
        f["geometry"] = {{"type", "Point"}, {"coordinates", {e.lon, e.lat}}};
        nlohmann::ordered_json p;
        p["id"] = e.id;
        p["date"] = to_iso(e.date);
        p["date_precision"] = e.date_precision;
        p["action"] = e.action;
        p["actor"] = e.actor;
        p["controller"] = std::string(to_string(e.controller));
        p["place_id"] = e.place_id;
        p["place_name"] = e.place_name;
        p["status"] = e.status;
        auto src = nlohmann::json::array();
        for (const auto& s : e.sources) {
            src.push_back({{"doc", s.doc}, {"sentence_index", s.sentence_index}, {"sentence", s.sentence},
                           {"url", s.url}});
        }
        p["sources"] = src;
        f["properties"] = p;
        fc["features"].push_back(f);
    }
    return fc.dump(1) + "\n";
}

std::string events_csv(const std::vector<Event>& events) {
    std::ostringstream o;
    o.precision(7);
    o << "event_id,date,date_precision,event_type,actor1,controller,location,place_id,lat,lon,status,sources\n";
    for (const auto& e : events) {
        std::string sources;
        for (const auto& s : e.sources) {
            if (!sources.empty()) sources += " | ";
            sources += s.doc + "#" + std::to_string(s.sentence_index) + ": " + s.sentence;
        }
        o << csv_field(e.id) << ',' << to_iso(e.date) << ',' << e.date_precision << ',' << e.action << ','
          << csv_field(e.actor) << ',' << to_string(e.controller) << ',' << csv_field(e.place_name) << ','
          << e.place_id << ',' << e.lat << ',' << e.lon << ',' << e.status << ',' << csv_field(sources)
          << '\n';
    }
    return o.str();
}

}  // namespace frontline
