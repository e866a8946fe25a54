// Control areas from Voronoi cells. Work happens in a local equirectangular projection in
// kilometres around the clip's centre (under 0.5% scale error across the ~300 km of the
// Aleppo-Idlib window); Boost.Polygon needs integer input, so sites are snapped to 10 m.
#include "control/areas.hpp"
#include "geo/geodesy.hpp"

#include <algorithm>
#include <boost/polygon/voronoi.hpp>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <numbers>

namespace frontline {

namespace {

namespace bp = boost::polygon;

constexpr double kUnitsPerKm = 100;  // 10 m grid for the Voronoi builder
// The local plane (geo/geodesy.hpp) with Boost.Geometry points.
struct Projection {
    LocalPlane plane;
    GeoPoint to_km(double lon, double lat) const {
        const auto p = plane.to_km(lon, lat);
        return {p[0], p[1]};
    }
    GeoPoint to_lonlat(const GeoPoint& p) const {
        const auto q = plane.to_lonlat(p.x(), p.y());
        return {q[0], q[1]};
    }
};

struct IPoint {
    long long x = 0, y = 0;
};

GeoPolygon transform_polygon(const GeoPolygon& p, const auto& f) {
    GeoPolygon out;
    for (const auto& pt : p.outer()) out.outer().push_back(f(pt));
    for (const auto& in : p.inners()) {
        out.inners().emplace_back();
        for (const auto& pt : in) out.inners().back().push_back(f(pt));
    }
    return out;
}

GeoMultiPolygon transform_multi(const GeoMultiPolygon& m, const auto& f) {
    GeoMultiPolygon out;
    for (const auto& p : m) out.push_back(transform_polygon(p, f));
    return out;
}

GeoMultiPolygon unite(const GeoMultiPolygon& a, const GeoMultiPolygon& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    GeoMultiPolygon out;
    bg::union_(a, b, out);
    return out;
}

// The union of many pieces, pairwise in a balanced tree: O(n log n) merges of similar size
// instead of n merges into one growing polygon.
GeoMultiPolygon unite_all(std::vector<GeoMultiPolygon> parts) {
    if (parts.empty()) return {};
    while (parts.size() > 1) {
        std::vector<GeoMultiPolygon> next;
        for (std::size_t i = 0; i + 1 < parts.size(); i += 2)
            next.push_back(unite(parts[i], parts[i + 1]));
        if (parts.size() % 2) next.push_back(std::move(parts.back()));
        parts = std::move(next);
    }
    return std::move(parts.front());
}

// Above this many sites (thousands of communities) the pieces are united in a balanced tree;
// below it, one by one as always (the same geometry, the same bytes for existing maps).
constexpr std::size_t kCascadeSites = 1000;

}  // namespace

}  // namespace frontline

// Boost.Polygon traits for the integer site type.
namespace boost::polygon {
template <>
struct geometry_concept<frontline::IPoint> {
    using type = point_concept;
};
template <>
struct point_traits<frontline::IPoint> {
    using coordinate_type = int;
    static coordinate_type get(const frontline::IPoint& p, orientation_2d o) {
        return static_cast<int>(o == HORIZONTAL ? p.x : p.y);
    }
};
}  // namespace boost::polygon

namespace frontline {

std::vector<ControlArea> control_areas(const std::vector<AreaSite>& sites,
                                       const GeoMultiPolygon& clip, const AreaOptions& opt) {
    std::vector<ControlArea> out;
    if (clip.empty() || bg::area(clip) <= 0) return out;
    // The clip's bounding box, by hand: bg::envelope on multipolygons trips GCC 12's
    // -Wmaybe-uninitialized inside Boost 1.74.
    double minx = 1e9, miny = 1e9, maxx = -1e9, maxy = -1e9;
    for (const auto& poly : clip) {
        for (const auto& p : poly.outer()) {
            minx = std::min(minx, p.x());
            maxx = std::max(maxx, p.x());
            miny = std::min(miny, p.y());
            maxy = std::max(maxy, p.y());
        }
    }
    const Projection proj{LocalPlane::at((minx + maxx) / 2, (miny + maxy) / 2)};
    auto to_km = [&](const GeoPoint& p) { return proj.to_km(p.x(), p.y()); };
    auto to_ll = [&](const GeoPoint& p) { return proj.to_lonlat(p); };
    const GeoMultiPolygon clip_km = transform_multi(clip, to_km);

    // Unique sites on the 10 m grid.
    struct Cell {
        IPoint at;
        Controller controller;
        std::vector<std::string> ids;
    };
    std::vector<Cell> cells;
    std::map<std::pair<long long, long long>, std::size_t> seen;
    for (const auto& s : sites) {
        GeoPoint km = proj.to_km(s.lon, s.lat);
        IPoint ip{std::llround(km.x() * kUnitsPerKm), std::llround(km.y() * kUnitsPerKm)};
        // Far-off sites (another country) cannot shape the focus area within max_km.
        if (std::abs(km.x()) > 2000 || std::abs(km.y()) > 2000) continue;
        auto [it, fresh] = seen.try_emplace({ip.x, ip.y}, cells.size());
        if (fresh) {
            cells.push_back({ip, s.controller, {s.place_id}});
        } else {
            Cell& c = cells[it->second];
            if (c.controller != s.controller) c.controller = Controller::contested;
            c.ids.push_back(s.place_id);
        }
    }
    const std::size_t real = cells.size();
    // Four far sites make every real cell bounded, so no infinite edges need clipping.
    constexpr long long kFar = 5000 * static_cast<long long>(kUnitsPerKm);
    for (auto [x, y] : {std::pair{-kFar, -kFar}, {kFar, -kFar}, {kFar, kFar}, {-kFar, kFar}}) {
        cells.push_back({IPoint{x, y}, Controller::unknown, {}});
    }
    std::vector<IPoint> pts;
    for (const auto& c : cells) pts.push_back(c.at);
    bp::voronoi_diagram<double> vd;
    bp::construct_voronoi(pts.begin(), pts.end(), &vd);

    std::map<Controller, GeoMultiPolygon> by_controller;
    std::map<Controller, std::vector<std::string>> ids_by_controller;
    GeoMultiPolygon covered;
    const bool cascade = real > kCascadeSites;
    std::map<Controller, std::vector<GeoMultiPolygon>> pieces;
    for (const auto& cell : vd.cells()) {
        std::size_t i = cell.source_index();
        if (i >= real) continue;
        const auto* edge = cell.incident_edge();
        GeoPolygon poly;
        bool finite = true;
        do {
            if (!edge->vertex0())
                finite = false;
            else {
                poly.outer().emplace_back(edge->vertex0()->x() / kUnitsPerKm,
                                          edge->vertex0()->y() / kUnitsPerKm);
            }
            edge = edge->next();
        } while (edge != cell.incident_edge());
        if (!finite || poly.outer().size() < 3) continue;
        bg::correct(poly);
        // The disc of max_km around the site.
        GeoPolygon disc;
        double cx = static_cast<double>(cells[i].at.x) / kUnitsPerKm;
        double cy = static_cast<double>(cells[i].at.y) / kUnitsPerKm;
        for (int k = 0; k < opt.disc_segments; ++k) {
            double a = 2 * std::numbers::pi * k / opt.disc_segments;
            disc.outer().emplace_back(cx + opt.max_km * std::cos(a), cy + opt.max_km * std::sin(a));
        }
        bg::correct(disc);
        GeoMultiPolygon near, piece;
        bg::intersection(poly, disc, near);
        bg::intersection(near, clip_km, piece);
        if (piece.empty()) continue;
        Controller c = cells[i].controller;
        auto& ids = ids_by_controller[c];
        ids.insert(ids.end(), cells[i].ids.begin(), cells[i].ids.end());
        if (cascade) {
            pieces[c].push_back(std::move(piece));
            continue;
        }
        by_controller[c] = unite(by_controller[c], piece);
        covered = unite(covered, piece);
    }
    if (cascade) {
        std::vector<GeoMultiPolygon> parts;
        for (auto& [c, list] : pieces) {
            by_controller[c] = unite_all(std::move(list));
            parts.push_back(by_controller[c]);
        }
        covered = unite_all(std::move(parts));
    }
    GeoMultiPolygon rest;
    bg::difference(clip_km, covered, rest);
    if (bg::area(rest) > 1e-6) {
        by_controller[Controller::unknown] = unite(by_controller[Controller::unknown], rest);
    }
    for (auto& [c, geom] : by_controller) {
        ControlArea a;
        a.controller = c;
        a.area_km2 = bg::area(geom);
        a.geom = transform_multi(geom, to_ll);
        a.place_ids = ids_by_controller[c];
        std::sort(a.place_ids.begin(), a.place_ids.end());
        out.push_back(std::move(a));
    }
    return out;
}

GeoMultiPolygon union_of(const GeoMultiPolygon& a, const GeoMultiPolygon& b) {
    return unite(a, b);
}

std::string control_areas_geojson(const std::vector<ControlArea>& areas, const Date& date) {
    nlohmann::ordered_json fc;
    fc["type"] = "FeatureCollection";
    fc["date"] = to_iso(date);
    fc["features"] = nlohmann::json::array();
    auto round6 = [](double v) { return std::round(v * 1e6) / 1e6; };
    for (const auto& a : areas) {
        nlohmann::json coords = nlohmann::json::array();
        for (const auto& poly : a.geom) {
            nlohmann::json rings = nlohmann::json::array();
            auto ring = [&](const auto& r) {
                nlohmann::json pts = nlohmann::json::array();
                for (const auto& p : r) pts.push_back({round6(p.x()), round6(p.y())});
                return pts;
            };
            rings.push_back(ring(poly.outer()));
            for (const auto& in : poly.inners()) rings.push_back(ring(in));
            coords.push_back(rings);
        }
        nlohmann::ordered_json f;
        f["type"] = "Feature";
        f["geometry"] = {{"type", "MultiPolygon"}, {"coordinates", coords}};
        nlohmann::ordered_json p;
        p["controller"] = std::string(to_string(a.controller));
        p["place_ids"] = a.place_ids;
        p["area_km2"] = std::round(a.area_km2 * 10) / 10;
        f["properties"] = p;
        fc["features"].push_back(f);
    }
    return fc.dump() + "\n";
}

}  // namespace frontline

namespace frontline {

GeoMultiPolygon focus_clip(const Boundaries& b) {
    GeoMultiPolygon clip;
    for (const auto& a : b.admin1) {
        if (a.focus) clip = union_of(clip, a.geom);
    }
    // OCHA's borders carry vertices metres apart; with them Boost.Geometry's unions of the
    // cells dropped whole pieces (a fifth of the government's area on some days). 1e-4
    // degrees (~10 m, a third of a pixel at z12) is finer than any map drawn from it.
    GeoMultiPolygon simple;
    bg::simplify(clip, simple, 1e-4);
    bg::correct(simple);
    return simple;
}

std::vector<AreaSite> area_sites(const Gazetteer& gaz, const ControlDay& day) {
    std::vector<AreaSite> sites;
    for (const auto& [id, st] : day.places) {
        const Place* p = gaz.find_id(id);
        if (!p || p->foreign() || !p->line.empty()) continue;
        const std::string kind = p->kind();
        if (kind == "road" || kind == "governorate" || kind == "region" || kind == "country") {
            continue;
        }
        sites.push_back({id, p->lon, p->lat, st.controller});
    }
    return sites;
}

}  // namespace frontline

namespace frontline {

std::vector<ChangedGround> changed_ground(const std::vector<ControlArea>& before,
                                          const std::vector<ControlArea>& now) {
    std::vector<ChangedGround> out;
    for (const auto& a : now) {
        if (a.controller == Controller::unknown) continue;
        for (const auto& old : before) {
            // Ground newly known is not ground that changed hands.
            if (old.controller == a.controller || old.controller == Controller::unknown) continue;
            GeoMultiPolygon piece;
            boost::geometry::intersection(a.geom, old.geom, piece);
            if (piece.empty() || boost::geometry::area(piece) < 1e-3) continue;  // deg2, ~10 km2
            ChangedGround g;
            g.before = old.controller;
            g.now.controller = a.controller;
            g.now.geom = std::move(piece);
            out.push_back(std::move(g));
        }
    }
    return out;
}

}  // namespace frontline
