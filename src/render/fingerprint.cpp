// Per-tile input digests from a Scene. Features are digested once; a tile combines the
// digests of what it can see.
#include "render/fingerprint.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace frontline {

namespace {

// Order-dependent combination of digests.
Digest mix(const Digest& acc, const Digest& d) {
    std::string buf(32, '\0');
    std::memcpy(buf.data(), &acc.a, 8);
    std::memcpy(buf.data() + 8, &acc.b, 8);
    std::memcpy(buf.data() + 16, &d.a, 8);
    std::memcpy(buf.data() + 24, &d.b, 8);
    return digest(buf);
}

std::string area_text(const SceneArea& a) {
    std::string s = a.props.dump();
    for (const auto& p : a.merc) {
        s += std::to_string(p.outer().size()) + ',';
        for (const auto& pt : p.outer()) {
            s += std::to_string(std::lround(pt.x())) + ',' + std::to_string(std::lround(pt.y())) +
                 ' ';
        }
        s += std::to_string(p.inners().size()) + ';';
    }
    return s;
}

std::string area_text(const std::vector<SceneArea>& areas) {
    std::string s;
    for (const auto& a : areas) s += area_text(a);
    return s;
}

}  // namespace

TileFingerprinter::TileFingerprinter(const Scene& scene, std::string_view style_text, int metatile)
    : scene_(scene), metatile_(std::max(1, metatile)) {
    std::string stat = std::string(style_text);
    stat += area_text(scene.countries);
    stat += area_text(scene.admin1);
    for (const auto& r : scene.roads) {
        stat += r.props.dump();
        for (const auto& p : r.merc)
            stat += std::to_string(std::lround(p.x())) + ',' + std::to_string(std::lround(p.y()));
    }
    base_ = digest(stat);
    auto edges_of = [](const GeoMultiPolygon& g) {
        std::vector<Segment> out;
        for (const auto& poly : g) {
            auto ring = [&](const GeoPolygon::ring_type& r) {
                for (std::size_t i = 0; i + 1 < r.size(); ++i)
                    out.push_back({r[i].x(), r[i].y(), r[i + 1].x(), r[i + 1].y()});
            };
            ring(poly.outer());
            for (const auto& in : poly.inners()) ring(in);
        }
        return out;
    };
    for (const auto& a : scene.control_areas) {
        AreaItem item;
        item.box = a.bbox;
        item.props = a.props.dump();
        item.minzoom = a.simplified_minzoom;
        for (const auto& g : a.simplified) item.by_zoom.push_back(edges_of(g));
        item.raw = edges_of(a.merc);
        areas_.push_back(std::move(item));
    }
    places_.reserve(scene.places.size());
    Json scratch;
    for (const auto& p : scene.places) {
        std::string s = place_props(p, scratch).dump() + '|' + std::to_string(p.x) + ',' +
                        std::to_string(p.y) + '|' + std::string(to_string(p.controller)) + '|' +
                        std::to_string(p.importance) + '|' + p.place_id;
        places_.push_back({p.x, p.y, digest(s)});
    }
}

Digest TileFingerprinter::operator()(const TileId& t, int scale) const {
    Digest acc = mix(base_, digest(std::to_string(t.z) + '/' + std::to_string(scale)));
    const BBox b = tile_bounds_3857(t);
    const double m = kMarginPx * (b.maxx - b.minx) / 256.0;
    for (const auto& p : places_) {
        if (p.x >= b.minx - m && p.x <= b.maxx + m && p.y >= b.miny - m && p.y <= b.maxy + m)
            acc = mix(acc, p.d);
    }
    // A control area changes a tile only through the edges near it; with none near, the
    // tile is wholly inside or outside (even-odd count of the edges a ray from its centre
    // crosses), and that is all that matters.
    const double cx = (b.minx + b.maxx) / 2, cy = (b.miny + b.maxy) / 2;
    // The aligned block the tile is drawn in (a superset of the metatile cut to the region).
    const int side = std::max(1, metatile_ / std::max(1, scale));
    const TileId nw{t.z, t.x - t.x % side, t.y - t.y % side};
    const TileId se{t.z, nw.x + side - 1, nw.y + side - 1};
    const BBox bn = tile_bounds_3857(nw), bs = tile_bounds_3857(se);
    const BBox blk{std::min(bn.minx, bs.minx), std::min(bn.miny, bs.miny),
                   std::max(bn.maxx, bs.maxx), std::max(bn.maxy, bs.maxy)};
    for (const auto& a : areas_) {
        if (a.box.minx > blk.maxx + m || a.box.maxx < blk.minx - m || a.box.miny > blk.maxy + m ||
            a.box.maxy < blk.miny - m)
            continue;
        std::string s = a.props;
        bool near = false, inside = false;
        for (const Segment& e : a.edges(t.z)) {
            // Any x: Cairo clips an edge left or right of the block to a vertical edge at
            // the block's side, on the same rows.
            if (std::max(e.y0, e.y1) >= blk.miny - m && std::min(e.y0, e.y1) <= blk.maxy + m) {
                near = true;
                s.append(reinterpret_cast<const char*>(&e), sizeof e);
            }
            if ((e.y0 > cy) != (e.y1 > cy) &&
                cx < e.x0 + (cy - e.y0) * (e.x1 - e.x0) / (e.y1 - e.y0))
                inside = !inside;
        }
        if (!near && !inside) continue;
        s += near ? "edges" : "inside";
        acc = mix(acc, digest(s));
    }
    // Labels: global pixels at scale 1, y down.
    auto it = scene_.labels.find(t.z);
    if (it != scene_.labels.end()) {
        const double x0 = t.x * 256.0, y0 = t.y * 256.0, x1 = x0 + 256.0, y1 = y0 + 256.0;
        for (const auto& l : it->second) {
            if (l.box.maxx < x0 || l.box.minx > x1 || l.box.maxy < y0 || l.box.miny > y1) continue;
            std::string s = l.text + '|' + l.font + '|' + std::to_string(l.size) + '|' +
                            std::to_string(l.x) + ',' + std::to_string(l.y) + '|' +
                            std::to_string(l.layer) + '|' + std::to_string(l.letter_spacing);
            for (double c : l.colour) s += std::to_string(c) + ',';
            for (double c : l.halo) s += std::to_string(c) + ',';
            s += std::to_string(l.halo_width);
            acc = mix(acc, digest(s));
        }
    }
    return acc;
}

}  // namespace frontline
