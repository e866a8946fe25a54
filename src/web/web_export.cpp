// The web page of a run: copies the page sources and Leaflet, writes the data script and the
// embedding snippets. See web_export.hpp.
#include "web/web_export.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/atomic_file.hpp"
#include "common/attribution.hpp"
#include "common/data_dir.hpp"
#include "common/digest.hpp"
#include "common/error.hpp"
#include "control/controller.hpp"
#include "render/style.hpp"
#include "text/article.hpp"
#include "text/sentences.hpp"

namespace frontline {

namespace fs = std::filesystem;
using nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace {

// The page's own files, copied from web/ as they are.
constexpr const char* kPageFiles[] = {"index.html", "embed.html"};
constexpr const char* kAssetFiles[] = {"app.js", "app.css"};
// Of Leaflet's dist/: the minified build, its CSS and the images the CSS names (layers
// control, default marker). Source maps and the ESM build are not needed by the page.
constexpr const char* kLeafletFiles[] = {"leaflet.js", "leaflet.css"};

bool is_day_name(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

json parse_json_file(const fs::path& p) {
    auto j = json::parse(read_file(p, "web"), nullptr, false);
    if (j.is_discarded()) throw Error("web", p.string(), "not valid JSON");
    return j;
}

// A URL the page may make a link of: http or https only (the manifest drops the others with a
// warning; this also covers an events.geojson from an older run or written by hand).
std::string page_link(const std::string& url) {
    return safe_link(url) ? url : std::string();
}

// Controller -> colour from the first ["match", ["get", "controller"], ...] paint value of
// the style (the `places` circles of styles/control.json), so the legend always shows the
// colours the tiles were drawn with (palette references resolved: read_style_text()).
std::map<std::string, std::string> controller_colours(const fs::path& style) {
    std::map<std::string, std::string> out;
    if (style.empty()) return out;
    const json s = json::parse(read_style_text(style), nullptr, false);
    if (s.is_discarded()) throw Error("web", style.string(), "not valid JSON");
    if (!s.contains("layers") || !s["layers"].is_array()) return out;
    for (const auto& layer : s["layers"]) {
        if (!layer.is_object() || !layer.contains("paint") || !layer["paint"].is_object()) continue;
        for (const auto& [key, v] : layer["paint"].items()) {
            if (!key.ends_with("-color") || !v.is_array() || v.size() < 4 || v[0] != "match" ||
                v[1] != json::array({"get", "controller"}))
                continue;
            for (std::size_t i = 2; i + 1 < v.size(); i += 2) {
                if (v[i].is_string() && v[i + 1].is_string())
                    out[v[i].get<std::string>()] = v[i + 1].get<std::string>();
            }
            if (v.back().is_string()) out.emplace("unknown", v.back().get<std::string>());
            return out;
        }
    }
    return out;
}

struct RunFiles {
    std::map<std::string, json> tilejson;  // layer name -> TileJSON
    std::vector<std::string> days;         // sorted
};

RunFiles list_run_files(const fs::path& out) {
    RunFiles r;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(out / "tiles", ec)) {
        if (e.path().extension() != ".json") continue;
        const std::string name = e.path().stem().string();
        // Temporaries of atomic writes start with '.'; layer names are [A-Za-z0-9_-].
        if (name.empty() || name.front() == '.') continue;
        r.tilejson[name] = parse_json_file(e.path());
    }
    if (r.tilejson.empty())
        throw Error("web", (out / "tiles").string(),
                    "no TileJSON: the page needs the tiles of a run (not --no-render)");
    for (const auto& e : fs::directory_iterator(out / "control", ec)) {
        const std::string f = e.path().filename().string();
        if (f.size() == 18 && f.ends_with(".geojson") && is_day_name(f.substr(0, 10)))
            r.days.push_back(f.substr(0, 10));
    }
    std::sort(r.days.begin(), r.days.end());
    if (r.days.empty())
        throw Error("web", (out / "control").string(), "no control days (<YYYY-MM-DD>.geojson)");
    return r;
}

// Whether the layer has @2x tiles: the first tile file found decides (a run writes both
// scales or only 1x for every tile).
bool has_retina(const fs::path& layer_dir) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(layer_dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        const std::string f = it->path().filename().string();
        if (f.ends_with("@2x.png")) return true;
    }
    return false;
}

double rounded(double v, double scale) {
    return std::round(v * scale) / scale;
}

const json& field(const json& j, const char* key, const fs::path& file) {
    if (!j.is_object() || !j.contains(key))
        throw Error("web", file.string(), std::string("missing `") + key + "`");
    return j[key];
}

std::string str(const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>()
                                                                  : std::string();
}

ojson layer_entry(const json& tj) {
    ojson l;
    l["minzoom"] = tj.value("minzoom", 0);
    l["maxzoom"] = tj.value("maxzoom", 22);
    if (tj.contains("bounds")) l["bounds"] = tj["bounds"];
    l["description"] = tj.value("description", std::string());
    return l;
}

// The layer whose bounds and zooms frame the page: `control`, else the latest day's.
const json& main_tilejson(const RunFiles& r) {
    auto it = r.tilejson.find("control");
    if (it == r.tilejson.end()) it = r.tilejson.find("control-" + r.days.back());
    if (it == r.tilejson.end()) it = r.tilejson.begin();
    return it->second;
}

std::string main_layer_name(const RunFiles& r) {
    if (r.tilejson.count("control")) return "control";
    if (r.tilejson.count("control-" + r.days.back())) return "control-" + r.days.back();
    return r.tilejson.begin()->first;
}

ojson build_data(const WebOptions& opt) {
    const RunFiles run = list_run_files(opt.out_dir);
    const json& main = main_tilejson(run);
    const fs::path main_path = opt.out_dir / "tiles" / (main_layer_name(run) + ".json");
    ojson d;
    d["baseline"] = run.days.front();
    d["latest"] = run.days.back();
    d["days"] = run.days;
    d["bounds"] = field(main, "bounds", main_path);
    d["center"] = main.value("center", json::array());
    d["minzoom"] = main.value("minzoom", 0);
    d["maxzoom"] = main.value("maxzoom", 22);
    d["retina"] = has_retina(opt.out_dir / "tiles" / main_layer_name(run));
    d["attribution"] = main.value("attribution", std::string());
    ojson layers = ojson::object();
    for (const auto& [name, tj] : run.tilejson) layers[name] = layer_entry(tj);
    d["layers"] = layers;

    const auto colours = controller_colours(opt.style);
    ojson ctrl = ojson::array();
    // Legend order and wording from control/controller.hpp; colours from the style.
    for (Controller c : kLegendOrder) {
        const std::string id(to_string(c));
        auto it = colours.find(id);
        ctrl.push_back({{"id", id},
                        {"label", controller_label(c)},
                        {"name", std::string(controller_words(c).name)},
                        {"color", it == colours.end() ? "#b4b4b4" : it->second}});
    }
    d["controllers"] = ctrl;

    // Places: the union over the days (a day file lists every known place); the baseline's
    // basis stays with the place.
    std::map<std::string, ojson> places;
    std::map<std::string, std::map<std::string, ojson>> states;  // day -> place id -> state
    std::map<std::string, std::string> baseline_controller;
    for (const auto& day : run.days) {
        const fs::path file = opt.out_dir / "control" / (day + ".geojson");
        const json fc = parse_json_file(file);
        for (const auto& f : field(fc, "features", file)) {
            const json& p = field(f, "properties", file);
            const std::string id = str(p, "place_id");
            if (id.empty()) throw Error("web", file.string(), "a feature without place_id");
            // A place the gazetteer lacks (no point): the page lists its events as not located.
            if (f.contains("geometry") && f["geometry"].is_null() &&
                p.value("located", true) == false)
                continue;
            const json& c = field(field(f, "geometry", file), "coordinates", file);
            if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number())
                throw Error("web", file.string(), "place " + id + ": no Point coordinates");
            auto& pl = places[id];
            if (pl.is_null()) {
                pl["id"] = id;
                pl["name"] = str(p, "place_name");
                pl["lon"] = rounded(c[0].get<double>(), 1e5);
                pl["lat"] = rounded(c[1].get<double>(), 1e5);
                if (auto k = opt.place_kinds.find(id); k != opt.place_kinds.end())
                    pl["kind"] = k->second;
            }
            if (pl.find("basis") == pl.end() && !str(p, "basis").empty())
                pl["basis"] = str(p, "basis");
            const std::string controller = str(p, "controller");
            if (day == run.days.front()) baseline_controller[id] = controller;
            ojson st;
            st["controller"] = controller;
            st["status"] = str(p, "status");
            auto b = baseline_controller.find(id);
            st["changed"] = b == baseline_controller.end() || b->second != controller;
            if (str(p, "extent") != "full") st["extent"] = str(p, "extent");
            st["since"] = str(p, "since");
            if (p.contains("events") && !p["events"].empty()) st["events"] = p["events"];
            if (p.contains("overruled_claims") && !p["overruled_claims"].empty())
                st["overruled_claims"] = p["overruled_claims"];
            if (p.contains("confidence") && st["status"] != "baseline")
                st["confidence"] = p["confidence"];
            if (p.contains("flags")) st["flags"] = p["flags"];
            if (p.contains("note")) st["note"] = p["note"];
            states[day][id] = std::move(st);
        }
    }
    ojson pl = ojson::array();
    std::map<std::string, std::size_t> index;
    for (auto& [id, p] : places) {
        index[id] = pl.size();
        pl.push_back(std::move(p));
    }
    d["places"] = pl;
    // Per day, one entry per place in `places` order; null where the day does not know it.
    ojson st = ojson::object();
    for (const auto& day : run.days) {
        ojson row = ojson::array();
        for (const auto& [id, i] : index) {
            (void)i;
            auto it = states[day].find(id);
            row.push_back(it == states[day].end() ? ojson() : it->second);
        }
        st[day] = row;
    }
    d["states"] = st;

    const fs::path ev_file = opt.out_dir / "events.geojson";
    const json ev = parse_json_file(ev_file);
    ojson events = ojson::array();
    for (const auto& f : field(ev, "features", ev_file)) {
        const json& p = field(f, "properties", ev_file);
        // Unlocated events (geo_precision 0) have a null geometry: no coordinates.
        static const json kNone;
        const json& g = field(f, "geometry", ev_file);
        const json& c = g.is_null() ? kNone : field(g, "coordinates", ev_file);
        ojson e;
        for (const char* k :
             {"id", "date", "date_end", "date_precision", "action", "extent", "controller",
              "controller_before", "place_id", "place_name", "admin1", "status"})
            e[k] = str(p, k);
        e["lon"] = c.is_array() && c.size() >= 2 ? rounded(c[0].get<double>(), 1e5) : 0.0;
        e["lat"] = c.is_array() && c.size() >= 2 ? rounded(c[1].get<double>(), 1e5) : 0.0;
        e["geo_precision"] = p.value("geo_precision", 1);
        e["confidence"] = p.value("confidence", 0.0);
        e["corroboration"] = p.value("corroboration", 0);
        ojson sources = ojson::array();
        if (p.contains("sources")) {
            for (const auto& s : p["sources"]) {
                sources.push_back({{"doc", str(s, "doc")},
                                   {"sentence_index", s.value("sentence_index", 0)},
                                   {"sentence", str(s, "sentence")},
                                   {"status", str(s, "status")},
                                   {"url", page_link(str(s, "url"))}});
            }
        }
        e["sources"] = sources;
        events.push_back(std::move(e));
    }
    d["events"] = events;

    std::vector<WebArticle> arts = opt.articles;
    std::sort(arts.begin(), arts.end(),
              [](const WebArticle& a, const WebArticle& b) { return a.doc < b.doc; });
    ojson articles = ojson::object();
    for (const auto& a : arts) {
        articles[a.doc] = {{"published", a.published},
                           {"source", a.source},
                           {"url", page_link(a.url)},
                           {"lede", a.lede}};
    }
    d["articles"] = articles;
    return d;
}

std::string base_url(const WebOptions& opt) {
    std::string b = opt.public_url.empty() ? "https://example.org/frontline" : opt.public_url;
    while (!b.empty() && b.back() == '/') b.pop_back();
    return b;
}

std::string num(double v) {
    std::ostringstream s;
    s.precision(10);
    s << rounded(v, 1e6);
    return s.str();
}

}  // namespace

fs::path default_web_dir() {
    return default_data_dir() / "web";
}

fs::path leaflet_dist_dir(const fs::path& web_dir) {
    return web_dir / "node_modules" / "leaflet" / "dist";
}

std::string lede_of(std::string_view text) {
    auto sentences = split_sentences(text);
    if (sentences.empty()) return {};
    std::string_view s = text.substr(sentences[0].start, sentences[0].end - sentences[0].start);
    if (s.size() <= kLedeBytes) return std::string(s);
    std::size_t cut = kLedeBytes;
    // Back to a space so no word (and no UTF-8 sequence: continuation bytes are never spaces)
    // is cut in half.
    while (cut > 0 && s[cut] != ' ') --cut;
    if (cut == 0) {
        cut = kLedeBytes;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    }
    std::string out(s.substr(0, cut));
    while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
    return out + "\u2026";
}

std::string web_data_js(const WebOptions& opt) {
    ojson d = build_data(opt);
    // A version of the data, for cache-busting tile URLs when the page is served over HTTP.
    d["version"] = digest(d.dump()).hex().substr(0, 16);
    return "// Generated by `frontline run` (src/web/web_export.cpp): the run's data for the "
           "page.\n"
           "window.FRONTLINE_DATA = " +
           d.dump() + ";\n";
}

std::string web_snippets_md(const WebOptions& opt) {
    const RunFiles run = list_run_files(opt.out_dir);
    const json& main = main_tilejson(run);
    const fs::path main_path = opt.out_dir / "tiles" / (main_layer_name(run) + ".json");
    const json& b = field(main, "bounds", main_path);
    if (!b.is_array() || b.size() != 4)
        throw Error("web", main_path.string(),
                    "bounds: expected [w, s, e, n] (TileJSON 3.0.0 3.5)");
    const std::string w = num(b[0].get<double>()), s = num(b[1].get<double>()),
                      e = num(b[2].get<double>()), n = num(b[3].get<double>());
    const int minz = main.value("minzoom", 0), maxz = main.value("maxzoom", 22);
    const bool retina = has_retina(opt.out_dir / "tiles" / main_layer_name(run));
    const std::string base = base_url(opt);
    const std::string layer = main_layer_name(run);
    const std::string attribution = attribution_html();
    std::ostringstream o;
    o << "# Embedding this map\n\n"
      << "Generated by `frontline run` for the tiles in this directory: control of places from "
      << run.days.front() << " (baseline) to " << run.days.back() << ", zoom " << minz << "-"
      << maxz << (retina ? ", 256 px tiles and 512 px `@2x` tiles" : ", 256 px tiles") << ".\n\n";
    if (opt.public_url.empty()) {
        o << "The URLs below start with `" << base
          << "`: replace it with where this directory is published (or run `frontline run "
             "--public-url URL`).\n\n";
    }
    o << "## An iframe\n\n"
      << "```html\n"
      << "<iframe src=\"" << base << "/embed.html?day=" << run.days.back()
      << "\" title=\"Map: who controls which places in Aleppo and Idlib governorates, "
      << run.days.front() << " to " << run.days.back()
      << "\" width=\"100%\" height=\"480\" style=\"border:0\" loading=\"lazy\"></iframe>\n"
      << "```\n\n"
      << "Options of `embed.html` and `index.html` (query string):\n\n"
      << "| option | values | default |\n| --- | --- | --- |\n"
      << "| `day` | a day of the timeline, " << run.days.front() << " to " << run.days.back()
      << " | the latest |\n"
      << "| `view` | `day` (control on `day`), `changes` (baseline against the latest day, "
         "unchanged places faded), `compare` (swipe between the baseline and `day`) | `day` |\n"
      << "| `layer` | a tile layer, e.g. `control`, `changes`, `overlay`, `control-"
      << run.days.back() << "` (fixes the layer; no timeline) | |\n"
      << "| `chrome` | `0`: the map, legend and attribution only, no controls | `1` |\n"
      << "| `lat`, `lon`, `zoom` | the view | the layer's bounds |\n\n"
      << "Day layers: ";
    for (std::size_t i = 0; i < run.days.size(); ++i)
        o << (i ? ", " : "") << "`control-" << run.days[i] << "`";
    o << ".\n\n";

    o << "## Leaflet\n\n"
      << (retina ? "`{r}` is `@2x` on high-density screens; the `@2x` tiles show the same ground "
                   "at 512 px, so `tileSize` stays 256.\n\n"
                 : "This run wrote no `@2x` tiles (`--no-retina`): 256 px tiles only.\n\n")
      << "```html\n"
      << "<link rel=\"stylesheet\" href=\"" << base << "/web/leaflet/leaflet.css\">\n"
      << "<script src=\"" << base << "/web/leaflet/leaflet.js\"></script>\n"
      << "<div id=\"frontline-map\" style=\"height: 480px\"></div>\n"
      << "<script>\n"
      << "  const bounds = [[" << s << ", " << w << "], [" << n << ", " << e << "]];\n"
      << "  const map = L.map('frontline-map').fitBounds(bounds);\n"
      << "  L.tileLayer('" << base << "/tiles/" << layer << "/{z}/{x}/{y}" << (retina ? "{r}" : "")
      << ".png', {\n"
      << "    tileSize: 256,\n"
      << "    minZoom: " << minz << ",\n"
      << "    maxNativeZoom: " << maxz << ",\n"
      << "    maxZoom: " << maxz + 2 << ",\n"
      << "    bounds: bounds,\n"
      << "    attribution: '" << attribution << "'\n"
      << "  }).addTo(map);\n"
      << "</script>\n"
      << "```\n\n";

    o << "## MapLibre GL JS\n\n"
      << "MapLibre's raster `tileSize` defaults to 512: give 256, or it asks for tiles one zoom "
         "too coarse and every label is drawn at half size. `{ratio}` is `@2x` on "
         "high-density screens"
      << (retina ? "" : " (this run wrote no `@2x` tiles: leave it out)") << ".\n\n"
      << "```js\n"
      << "map.addSource('frontline', {\n"
      << "  type: 'raster',\n"
      << "  tiles: ['" << base << "/tiles/" << layer << "/{z}/{x}/{y}" << (retina ? "{ratio}" : "")
      << ".png'],\n"
      << "  tileSize: 256,\n"
      << "  bounds: [" << w << ", " << s << ", " << e << ", " << n << "],\n"
      << "  minzoom: " << minz << ",\n"
      << "  maxzoom: " << maxz << ",\n"
      << "  attribution: '" << attribution << "'\n"
      << "});\n"
      << "map.addLayer({ id: 'frontline', type: 'raster', source: 'frontline' });\n"
      << "```\n\n"
      << "On another basemap, use the transparent layer `overlay` (places, rings and names "
         "only) in place of `"
      << layer << "`. Behind `frontline serve`, `" << base << "/tiles/" << layer
      << ".json` is a TileJSON with absolute, versioned tile URLs (`url:` in place of "
         "`tiles:`).\n\n"
      << "## Attribution and method\n\n"
      << "Keep the attribution: " << attribution_text()
      << " (Aleppo neighbourhood names also from the Columbia Center for Spatial Research, MIT; "
         "Natural Earth is public domain). Control areas "
         "are an estimate: each place's Voronoi cell, cut to 15 km around the place and clipped "
         "to the governorates; a reader should see the dots as the evidence, not the areas.\n";
    return o.str();
}

WebSummary write_web(const WebOptions& opt) {
    for (const char* f : kPageFiles) {
        if (!fs::is_regular_file(opt.web_dir / f))
            throw Error("web", (opt.web_dir / f).string(), "page source missing");
    }
    for (const char* f : kLeafletFiles) {
        if (!fs::is_regular_file(opt.leaflet_dir / f))
            throw Error("web", (opt.leaflet_dir / f).string(),
                        "Leaflet is not installed: run `npm ci` in web/ (scripts/setup.sh does)");
    }
    WebSummary sum;
    // Data first, then the pages, so a page never loads a data script of another shape.
    const std::string data = web_data_js(opt);
    write_file_atomic(opt.out_dir / "web" / "data.js", data);
    write_file_atomic(opt.out_dir / "snippets.md", web_snippets_md(opt));
    sum.files = 2;
    for (const char* f : kAssetFiles) {
        write_file_atomic(opt.out_dir / "web" / f, read_file(opt.web_dir / f, "web"));
        ++sum.files;
    }
    const fs::path leaflet_out = opt.out_dir / "web" / "leaflet";
    for (const char* f : kLeafletFiles) {
        write_file_atomic(leaflet_out / f, read_file(opt.leaflet_dir / f, "web"));
        ++sum.files;
    }
    // Leaflet is BSD-2-Clause: its licence travels with the copy.
    if (fs::is_regular_file(opt.leaflet_dir.parent_path() / "LICENSE")) {
        write_file_atomic(leaflet_out / "LICENSE",
                          read_file(opt.leaflet_dir.parent_path() / "LICENSE", "web"));
        ++sum.files;
    }
    std::error_code ec;
    std::set<fs::path> images;
    for (const auto& e : fs::directory_iterator(opt.leaflet_dir / "images", ec))
        if (e.is_regular_file() && e.path().extension() == ".png") images.insert(e.path());
    for (const auto& p : images) {
        write_file_atomic(leaflet_out / "images" / p.filename(), read_file(p, "web"));
        ++sum.files;
    }
    for (const char* f : kPageFiles) {
        write_file_atomic(opt.out_dir / f, read_file(opt.web_dir / f, "web"));
        ++sum.files;
    }
    const RunFiles run = list_run_files(opt.out_dir);
    sum.layers = run.tilejson.size();
    sum.days = run.days.size();
    return sum;
}

}  // namespace frontline
