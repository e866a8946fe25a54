// Scene building: projection through PROJ once per vertex, bounding boxes for culling, and the
// feature properties that style filters and expressions read.
#include "render/scene.hpp"

#include <glib.h>

#include <algorithm>
#include <boost/geometry/algorithms/simplify.hpp>
#include <cmath>
#include <limits>

#include "control/areas.hpp"

namespace frontline {

namespace {

BBox empty_box() {
    return {std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
            std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
}

void extend(BBox& b, double x, double y) {
    b.minx = std::min(b.minx, x);
    b.miny = std::min(b.miny, y);
    b.maxx = std::max(b.maxx, x);
    b.maxy = std::max(b.maxy, y);
}

SceneArea project_area(const GeoMultiPolygon& geom, Json props, const MercatorProjector& proj) {
    SceneArea s;
    s.focus = props.value("focus", false);
    s.bbox = empty_box();
    s.props = std::move(props);
    auto project_ring = [&](const GeoPolygon::ring_type& in, GeoPolygon::ring_type& out) {
        out.reserve(in.size());
        for (const auto& p : in) {
            auto m = proj.forward(p.x(), p.y());
            out.emplace_back(m[0], m[1]);
            extend(s.bbox, m[0], m[1]);
        }
    };
    for (const auto& poly : geom) {
        GeoPolygon out;
        project_ring(poly.outer(), out.outer());
        for (const auto& inner : poly.inners()) {
            out.inners().emplace_back();
            project_ring(inner, out.inners().back());
        }
        s.merc.push_back(std::move(out));
    }
    return s;
}

SceneArea project_area(const AdminArea& a, const MercatorProjector& proj) {
    return project_area(a.geom, {{"name", a.name}, {"country", a.country}, {"focus", a.focus}},
                        proj);
}

// The control areas of `day`; with `before`, also the ground each controller gained since
// then (its area now minus its area before), marked changed = true.
}  // namespace

void set_control_areas(Scene& scene, const std::vector<ControlArea>& now,
                       const std::vector<ControlArea>& then) {
    MercatorProjector proj;
    scene.control_areas.clear();
    for (const auto& a : now) {
        const std::string c(to_string(a.controller));
        scene.control_areas.push_back(project_area(
            a.geom, {{"controller", c}, {"controller_before", c}, {"changed", false}}, proj));
    }
    for (const auto& g : changed_ground(then, now)) {
        scene.control_areas.push_back(
            project_area(g.now.geom,
                         {{"controller", std::string(to_string(g.now.controller))},
                          {"controller_before", std::string(to_string(g.before))},
                          {"changed", true}},
                         proj));
    }
}

namespace {

// The label name: GeoNames romanisations carry diacritics and ayn/hamza marks ("Ḩamāh",
// "Ma‘arrat an Nu‘mān") that newsroom maps leave out ("Hamah", "Maarrat an Numan").
std::string plain_name(const std::string& name) {
    gchar* nfd = g_utf8_normalize(name.c_str(), -1, G_NORMALIZE_NFD);
    if (!nfd) return name;
    std::string out;
    for (const gchar* p = nfd; *p; p = g_utf8_next_char(p)) {
        const gunichar c = g_utf8_get_char(p);
        const bool mark =
            (c >= 0x300 && c <= 0x36F) || c == 0x2BE || c == 0x2BF || c == 0x2018 || c == 0x2019;
        if (!mark) out.append(p, static_cast<std::size_t>(g_utf8_next_char(p) - p));
    }
    g_free(nfd);
    return out;
}

}  // namespace

const GeoMultiPolygon& geometry_at(const SceneArea& a, int zoom) {
    const int i = zoom - a.simplified_minzoom;
    if (i < 0 || i >= static_cast<int>(a.simplified.size())) return a.merc;
    return a.simplified[static_cast<std::size_t>(i)];
}

const std::vector<SceneArea>& areas_for(const Scene& scene, const std::string& source_layer) {
    if (source_layer == "countries") return scene.countries;
    if (source_layer == "control-areas") return scene.control_areas;
    return scene.admin1;
}

void simplify_scene(Scene& scene, int minzoom, int maxzoom) {
    for (auto* set : {&scene.countries, &scene.admin1, &scene.control_areas}) {
        for (auto& a : *set) {
            a.simplified.clear();
            a.simplified_minzoom = minzoom;
            for (int z = minzoom; z <= maxzoom; ++z) {
                // An eighth of a scale-1 pixel: a quarter of an @2x pixel.
                const double tolerance = 2 * kOriginShift / (256.0 * std::ldexp(1.0, z)) / 8;
                GeoMultiPolygon out;
                boost::geometry::simplify(a.merc, out, tolerance);
                a.simplified.push_back(std::move(out));
            }
        }
    }
}

const Json& place_props(const ScenePlace& p, Json& scratch) {
    if (!p.props.empty()) return p.props;
    const std::string c(to_string(p.controller));
    scratch = {
        {"id", p.place_id},          {"name", ""},       {"kind", "town"},       {"controller", c},
        {"controller_before", c},    {"changed", false}, {"status", "baseline"}, {"population", 0},
        {"importance", p.importance}};
    return scratch;
}

Scene build_scene(const Boundaries& b, const Gazetteer& gaz, const ControlDay& day,
                  const ControlDay* before) {
    MercatorProjector proj;
    Scene scene;
    for (const auto& a : b.countries) scene.countries.push_back(project_area(a, proj));
    for (const auto& a : b.admin1) scene.admin1.push_back(project_area(a, proj));
    scene.focus_lonlat = focus_lonlat(b);
    if (const GeoMultiPolygon clip = focus_clip(b); !clip.empty()) {
        const auto now = control_areas(area_sites(gaz, day), clip);
        set_control_areas(scene, now, before ? control_areas(area_sites(gaz, *before), clip) : now);
    }
    for (const auto& p : gaz.places()) {
        if (p.line.size() < 2 || p.foreign()) continue;
        SceneLine l;
        l.bbox = empty_box();
        for (const auto& ll : p.line) {
            auto m = proj.forward(ll.lon, ll.lat);
            l.merc.emplace_back(m[0], m[1]);
            extend(l.bbox, m[0], m[1]);
        }
        // "M5 highway" -> ref "M5"
        const std::string ref = p.name.substr(0, p.name.find(' '));
        l.props = {{"id", p.id}, {"name", p.name}, {"ref", ref}, {"kind", p.kind()}};
        scene.roads.push_back(std::move(l));
    }
    std::sort(scene.roads.begin(), scene.roads.end(),
              [](const SceneLine& a, const SceneLine& c) { return a.props["id"] < c.props["id"]; });
    for (const auto& [id, st] : day.places) {
        const Place* p = gaz.find_id(id);
        if (!p || p->foreign() || !p->line.empty()) continue;
        const std::string kind = p->kind();
        if (kind == "governorate" || kind == "country" || kind == "region") continue;
        ScenePlace sp;
        auto m = proj.forward(p->lon, p->lat);
        sp.x = m[0];
        sp.y = m[1];
        sp.controller = st.controller;
        sp.place_id = id;
        // log10(population) 3..6.3 -> 0..1; features without population count as small towns.
        double pop = std::max<double>(p->population, 1000);
        sp.importance = std::clamp((std::log10(pop) - 3.0) / 3.3, 0.0, 1.0);
        Controller old = st.controller;
        if (before) {
            auto it = before->places.find(id);
            if (it != before->places.end()) old = it->second.controller;
        }
        sp.props = {{"id", id},
                    {"name", plain_name(p->name)},
                    {"name_gazetteer", p->name},
                    {"kind", kind},
                    {"controller", std::string(to_string(st.controller))},
                    {"controller_before", std::string(to_string(old))},
                    {"changed", old != st.controller},
                    {"status", st.status},
                    {"population", p->population},
                    {"importance", sp.importance}};
        scene.places.push_back(std::move(sp));
    }
    // Draw small places first so large ones sit on top; ties by id for a stable order.
    std::stable_sort(scene.places.begin(), scene.places.end(),
                     [](const ScenePlace& a, const ScenePlace& b) {
                         return a.importance != b.importance ? a.importance < b.importance
                                                             : a.place_id < b.place_id;
                     });
    return scene;
}

}  // namespace frontline
