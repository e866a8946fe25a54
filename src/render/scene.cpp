// Scene building: projection through PROJ once per vertex, bounding boxes for culling.
#include "render/scene.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace frontline {

namespace {

SceneArea project_area(const AdminArea& a, const MercatorProjector& proj) {
    SceneArea s;
    s.focus = a.focus;
    s.bbox = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
              std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    auto project_ring = [&](const GeoPolygon::ring_type& in, GeoPolygon::ring_type& out) {
        out.reserve(in.size());
        for (const auto& p : in) {
            auto m = proj.forward(p.x(), p.y());
            out.emplace_back(m[0], m[1]);
            s.bbox.minx = std::min(s.bbox.minx, m[0]);
            s.bbox.miny = std::min(s.bbox.miny, m[1]);
            s.bbox.maxx = std::max(s.bbox.maxx, m[0]);
            s.bbox.maxy = std::max(s.bbox.maxy, m[1]);
        }
    };
    for (const auto& poly : a.geom) {
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

}  // namespace

Scene build_scene(const Boundaries& b, const Gazetteer& gaz, const ControlDay& day) {
    MercatorProjector proj;
    Scene scene;
    for (const auto& a : b.countries) scene.countries.push_back(project_area(a, proj));
    BBox env{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
             std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const auto& a : b.admin1) {
        scene.admin1.push_back(project_area(a, proj));
        if (!a.focus) continue;
        for (const auto& poly : a.geom) {
            for (const auto& p : poly.outer()) {
                env.minx = std::min(env.minx, p.x());
                env.miny = std::min(env.miny, p.y());
                env.maxx = std::max(env.maxx, p.x());
                env.maxy = std::max(env.maxy, p.y());
            }
        }
    }
    scene.focus_lonlat = env;
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
        scene.places.push_back(sp);
    }
    // Draw small places first so large ones sit on top; ties by id for a stable order.
    std::stable_sort(scene.places.begin(), scene.places.end(), [](const ScenePlace& a, const ScenePlace& b) {
        return a.importance != b.importance ? a.importance < b.importance : a.place_id < b.place_id;
    });
    return scene;
}

}  // namespace frontline
