// Serialisation of mentions.
#include "gazetteer/mention_io.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

namespace frontline {

namespace {
std::string tsv_field(const std::string& s) {
    std::string out = s;
    for (auto& c : out) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return out;
}
}  // namespace

std::string mentions_geojson(const std::vector<Mention>& mentions) {
    nlohmann::ordered_json fc;
    fc["type"] = "FeatureCollection";
    fc["features"] = nlohmann::json::array();
    for (const auto& m : mentions) {
        nlohmann::ordered_json f;
        f["type"] = "Feature";
        if (m.located)
            f["geometry"] = {{"type", "Point"}, {"coordinates", {m.lon, m.lat}}};
        else
            f["geometry"] = nullptr;  // a name the gazetteer could not place
        nlohmann::ordered_json p;
        p["doc"] = m.doc;
        p["start"] = m.start;
        p["end"] = m.end;
        p["surface"] = m.surface;
        p["place_id"] = m.place_id;
        p["place_name"] = m.place_name;
        p["kind"] = m.kind;
        p["foreign"] = m.foreign;
        p["score"] = m.score;
        if (m.abstained) p["abstained"] = true;
        auto ru = nlohmann::json::array();
        for (const auto& c : m.runners_up)
            ru.push_back({{"place_id", c.place_id}, {"score", c.score}});
        p["runners_up"] = ru;
        f["properties"] = p;
        fc["features"].push_back(f);
    }
    return fc.dump(1) + "\n";
}

std::string mentions_json(const std::vector<Mention>& mentions) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& m : mentions) {
        nlohmann::ordered_json o;
        o["doc"] = m.doc;
        o["start"] = m.start;
        o["end"] = m.end;
        o["surface"] = m.surface;
        o["place_id"] = m.place_id;
        o["place_name"] = m.place_name;
        o["kind"] = m.kind;
        if (m.located) {
            o["lat"] = m.lat;
            o["lon"] = m.lon;
        } else {
            o["lat"] = nullptr;
            o["lon"] = nullptr;
        }
        o["foreign"] = m.foreign;
        o["score"] = m.score;
        o["abstained"] = m.abstained;
        o["why"] = m.why;
        auto ru = nlohmann::ordered_json::array();
        for (const auto& c : m.runners_up)
            ru.push_back({{"place_id", c.place_id}, {"score", c.score}, {"why", c.why}});
        o["runners_up"] = ru;
        arr.push_back(std::move(o));
    }
    return arr.dump(1) + "\n";
}

std::string mentions_tsv(const std::vector<Mention>& mentions) {
    std::ostringstream o;
    o << "doc\tstart\tend\tsurface\tplace_id\tplace_name\tkind\tlat\tlon\tforeign\tscore\n";
    o.precision(7);
    for (const auto& m : mentions) {
        o << m.doc << '\t' << m.start << '\t' << m.end << '\t' << tsv_field(m.surface) << '\t'
          << m.place_id << '\t' << tsv_field(m.place_name) << '\t' << m.kind << '\t';
        if (m.located)
            o << m.lat << '\t' << m.lon;  // else both empty
        else
            o << '\t';
        o << '\t' << (m.foreign ? "true" : "false") << '\t' << m.score << '\n';
    }
    return o.str();
}

}  // namespace frontline
