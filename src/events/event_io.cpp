// Serialisation of events.
#include "events/event_io.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

namespace frontline {

const char* const kEventCsvHeader =
    "event_id,event_date,date_end,date_precision,event_type,sub_event_type,action,extent,"
    "actor1,actor2,admin1,location,place_id,latitude,longitude,geo_precision,"
    "controller_before,controller_after,status,confidence,corroboration,sources,"
    "time_precision,event_date_interval,located";

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

std::string fixed(double v, int digits) {
    std::ostringstream o;
    o.setf(std::ios::fixed);
    o.precision(digits);
    o << v;
    return o.str();
}
}  // namespace

std::pair<std::string, std::string> acled_type(const Event& e) {
    if (e.action == "capture" || e.action == "entry" || e.action == "recapture") {
        if (e.controller == Controller::government) {
            return {"Battles", "Government regains territory"};
        }
        return {"Battles", "Non-state actor overtakes territory"};
    }
    if (e.action == "handover" || e.action == "withdrawal") {
        return {"Strategic developments", "Non-violent transfer of territory"};
    }
    if (e.action == "contested") return {"Battles", "Armed clash"};
    return {"Strategic developments", "Other"};
}

std::string events_geojson(const std::vector<Event>& events) {
    nlohmann::ordered_json fc;
    fc["type"] = "FeatureCollection";
    fc["features"] = nlohmann::json::array();
    for (const auto& e : events) {
        nlohmann::ordered_json f;
        f["type"] = "Feature";
        if (e.located) {
            f["geometry"] = {{"type", "Point"}, {"coordinates", {e.lon, e.lat}}};
        } else {
            f["geometry"] = nullptr;  // unlocated: no coordinates (geo_precision 0)
        }
        auto [type, sub] = acled_type(e);
        nlohmann::ordered_json p;
        p["id"] = e.id;
        p["date"] = to_iso(e.date);
        p["date_end"] = to_iso(e.date_end);
        p["date_precision"] = e.date_precision;
        p["action"] = e.action;
        p["event_type"] = type;
        p["sub_event_type"] = sub;
        p["extent"] = e.extent;
        p["actor"] = e.actor;
        p["actor2"] = e.actor2;
        p["controller"] = std::string(to_string(e.controller));
        p["controller_before"] = std::string(to_string(e.controller_before));
        p["place_id"] = e.place_id;
        p["place_name"] = e.place_name;
        p["admin1"] = e.admin1;
        p["geo_precision"] = e.geo_precision;
        p["time_precision"] = e.time_precision;
        p["event_date"] = event_date_interval(e);
        p["located"] = e.located;
        p["status"] = e.status;
        p["confidence"] = std::round(e.confidence * 1000) / 1000;
        p["corroboration"] = e.corroboration;
        auto src = nlohmann::json::array();
        for (const auto& s : e.sources) {
            src.push_back({{"doc", s.doc},
                           {"sentence_index", s.sentence_index},
                           {"sentence", s.sentence},
                           {"url", s.url},
                           {"status", s.status}});
        }
        p["sources"] = src;
        f["properties"] = p;
        fc["features"].push_back(f);
    }
    return fc.dump(1) + "\n";
}

std::string events_csv(const std::vector<Event>& events) {
    std::ostringstream o;
    o << kEventCsvHeader << '\n';
    for (const auto& e : events) {
        std::string sources;
        for (const auto& s : e.sources) {
            if (!sources.empty()) sources += " | ";
            sources += s.doc + "#" + std::to_string(s.sentence_index) + ": " + s.sentence;
        }
        auto [type, sub] = acled_type(e);
        o << csv_field(e.id) << ',' << to_iso(e.date) << ',' << to_iso(e.date_end) << ','
          << e.date_precision << ',' << csv_field(type) << ',' << csv_field(sub) << ',' << e.action
          << ',' << e.extent << ',' << csv_field(e.actor) << ',' << csv_field(e.actor2) << ','
          << csv_field(e.admin1) << ',' << csv_field(e.place_name) << ',' << csv_field(e.place_id)
          << ',' << (e.located ? fixed(e.lat, 5) : "") << ',' << (e.located ? fixed(e.lon, 5) : "")
          << ',' << e.geo_precision << ',' << to_string(e.controller_before) << ','
          << to_string(e.controller) << ',' << e.status << ',' << fixed(e.confidence, 3) << ','
          << e.corroboration << ',' << csv_field(sources) << ',' << e.time_precision << ','
          << event_date_interval(e) << ',' << (e.located ? "true" : "false") << '\n';
    }
    return o.str();
}

}  // namespace frontline
