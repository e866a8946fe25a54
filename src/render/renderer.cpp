// Cairo rendering of a style's layers in order. Cairo's image surface is premultiplied ARGB
// in native endianness; we convert to straight RGBA for the PNG encoder at the end.
// Everything here reads the Scene and the Style only, so tiles can render on many threads.
#include "render/renderer.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "common/error.hpp"
#include "render/cairo_ptr.hpp"
#include "render/symbols.hpp"
#include "render/text.hpp"

namespace frontline {

namespace {

void set(cairo_t* cr, const Rgba& c, double opacity) {
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * opacity);
}

bool intersects(const BBox& a, const BBox& b) {
    return a.minx <= b.maxx && b.minx <= a.maxx && a.miny <= b.maxy && b.miny <= a.maxy;
}

// Image pixels from metres through global pixels: a vertex's global pixel position is computed
// the same way in every tile, metatile or figure of a zoom and scale, and subtracting the
// image's whole-pixel origin is exact, so Cairo sees the same fractional positions everywhere
// and a block of tiles rasterises exactly like the tiles one by one.
struct PixelTransform {
    double f;       // image pixels per metre
    double ox, oy;  // the image's top-left in global pixels
    double x(double mx) const { return (mx + kOriginShift) * f - ox; }
    double y(double my) const { return (kOriginShift - my) * f - oy; }
};

void path_area(cairo_t* cr, const GeoMultiPolygon& geom, const PixelTransform& t) {
    for (const auto& poly : geom) {
        auto ring = [&](const GeoPolygon::ring_type& r) {
            if (r.empty()) return;
            cairo_move_to(cr, t.x(r[0].x()), t.y(r[0].y()));
            for (std::size_t i = 1; i < r.size(); ++i)
                cairo_line_to(cr, t.x(r[i].x()), t.y(r[i].y()));
            cairo_close_path(cr);
        };
        ring(poly.outer());
        for (const auto& in : poly.inners()) ring(in);
    }
}

void path_line(cairo_t* cr, const SceneLine& l, const PixelTransform& t) {
    cairo_move_to(cr, t.x(l.merc[0].x()), t.y(l.merc[0].y()));
    for (std::size_t i = 1; i < l.merc.size(); ++i)
        cairo_line_to(cr, t.x(l.merc[i].x()), t.y(l.merc[i].y()));
}

constexpr double kBorderPx = 8;      // see render_extent
constexpr double kHatchSpacing = 6;  // px at scale 1, whole so stripes stay on the pixel grid
constexpr double kHatchWidth = 1.5;

// Diagonal stripes fixed to global pixels, so a hatched area continues across tile edges.
void hatch(cairo_t* cr, const PixelTransform& t, int width, int height, double scale,
           double spacing, double line_width) {
    const double step = spacing * scale;
    // Lines x + y = c (global pixels) for every multiple c of step crossing the image.
    const double c0 = std::floor((t.ox + t.oy) / step) * step;
    cairo_new_path(cr);
    cairo_set_line_width(cr, line_width * scale);
    for (double c = c0; c <= t.ox + t.oy + width + height + step; c += step) {
        const double cx = c - t.ox - t.oy;  // x + y = cx in image pixels
        cairo_move_to(cr, cx + 2 * step, -2 * step);
        cairo_line_to(cr, cx - height - 2 * step, height + 2 * step);
    }
    cairo_stroke(cr);
}

// Snaps a global pixel origin that is an integer up to rounding error, so labels (placed at
// integer global pixels) land on the same pixel grid in every tile.
double snap(double v) {
    const double r = std::round(v);
    return std::abs(v - r) < 1e-9 * std::max(1.0, std::abs(v)) ? r : v;
}

}  // namespace

void draw_circle(cairo_t* cr, const StyleLayer& l, const Json& props, double z, double scale,
                 double x, double y) {
    const double r = number_of(l.paint_value("circle-radius"), props, z) * scale;
    const double sw = number_of(l.paint_value("circle-stroke-width"), props, z) * scale;
    cairo_new_path(cr);
    cairo_arc(cr, x, y, r, 0, 2 * M_PI);
    set(cr, colour_of(l.paint_value("circle-color"), props, z),
        number_of(l.paint_value("circle-opacity"), props, z));
    cairo_fill_preserve(cr);
    if (string_of(l.paint_value("circle-pattern"), props, z) == "hatch") {
        // Stripes relative to the dot's centre, so every tile draws the same.
        cairo_save(cr);
        cairo_clip_preserve(cr);
        set(cr, colour_of(l.paint_value("circle-stroke-color"), props, z),
            number_of(l.paint_value("circle-stroke-opacity"), props, z));
        cairo_set_line_width(cr, std::max(1.0, r / 4));
        cairo_new_path(cr);
        const double step = std::max(2.5 * scale, r / 1.5);
        for (double d = -2 * r; d <= 2 * r; d += step) {
            cairo_move_to(cr, x + d - r, y + r);
            cairo_line_to(cr, x + d + r, y - r);
        }
        cairo_stroke(cr);
        cairo_restore(cr);
        cairo_new_path(cr);
        cairo_arc(cr, x, y, r, 0, 2 * M_PI);
    }
    if (sw > 0) {
        set(cr, colour_of(l.paint_value("circle-stroke-color"), props, z),
            number_of(l.paint_value("circle-stroke-opacity"), props, z));
        cairo_set_line_width(cr, sw);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

Image render_extent(const Scene& scene, const Style& style, const BBox& ext, int out_width,
                    int out_height, int zoom, double scale) {
    // Drawn with a border of kBorderPx on every side, then cut out: Cairo clips geometry at
    // its surface's edges, which moves an edge's end there by up to 1/256 px. With the
    // border, that happens only where no output pixel is, so an image's pixels never depend
    // on where its edges are: a tile, a metatile and a whole zoom level give the same pixels.
    const int border = static_cast<int>(std::ceil(kBorderPx * scale));
    const int width = out_width + 2 * border, height = out_height + 2 * border;
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        throw Error("render", std::to_string(width) + "x" + std::to_string(height) + " px",
                    std::string("cannot create the image: ") +
                        cairo_status_to_string(cairo_surface_status(surface.get())),
                    kExitInternal);  // out of memory: not the user's input
    }
    ContextPtr crp(cairo_create(surface.get()));
    cairo_t* cr = crp.get();
    const double sx = out_width / (ext.maxx - ext.minx);
    // Culling margin: generous for the widest line, dot or halo, in metres.
    const double margin = 64 * scale / sx;
    const BBox cull{ext.minx - margin, ext.miny - margin, ext.maxx + margin, ext.maxy + margin};
    const double z = zoom;

    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);

    // Labels: global pixels at scale 1 -> this image's pixels.
    const double world = 256.0 * std::ldexp(1.0, zoom);
    const double k = snap(out_width / ((ext.maxx - ext.minx) / (2 * kOriginShift) * world));
    const double ox = snap((ext.minx + kOriginShift) / (2 * kOriginShift) * world * k) - border;
    const double oy = snap((kOriginShift - ext.maxy) / (2 * kOriginShift) * world * k) - border;
    const PixelTransform px{world * k / (2 * kOriginShift), ox, oy};
    const std::vector<PlacedLabel>* labels = nullptr;
    if (auto it = scene.labels.find(zoom); it != scene.labels.end()) labels = &it->second;

    auto areas_of = [&](const StyleLayer& l) -> const std::vector<SceneArea>& {
        return areas_for(scene, l.source_layer);
    };
    auto area_selected = [&](const StyleLayer& l, const SceneArea& a) {
        return (l.source_layer != "focus" || a.focus) && intersects(a.bbox, cull) &&
               passes(l.filter, a.props, z);
    };

    for (std::size_t li = 0; li < style.layers.size(); ++li) {
        const StyleLayer& l = style.layers[li];
        if (!l.shown_at(z)) continue;
        switch (l.type) {
            case LayerType::background: {
                const Json none = Json::object();
                cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
                set(cr, colour_of(l.paint_value("background-color"), none, z),
                    number_of(l.paint_value("background-opacity"), none, z));
                cairo_paint(cr);
                cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
                break;
            }
            case LayerType::fill:
                for (const auto& a : areas_of(l)) {
                    if (!area_selected(l, a)) continue;
                    path_area(cr, geometry_at(a, zoom), px);
                    const double op = number_of(l.paint_value("fill-opacity"), a.props, z);
                    set(cr, colour_of(l.paint_value("fill-color"), a.props, z), op);
                    cairo_fill_preserve(cr);
                    if (string_of(l.paint_value("fill-pattern"), a.props, z) == "hatch") {
                        cairo_save(cr);
                        cairo_clip_preserve(cr);
                        set(cr, colour_of(l.paint_value("fill-pattern-color"), a.props, z), 1);
                        hatch(cr, px, width, height, scale, kHatchSpacing, kHatchWidth);
                        cairo_restore(cr);
                        path_area(cr, geometry_at(a, zoom), px);  // hatching used the path
                    }
                    const Rgba outline = colour_of(l.paint_value("fill-outline-color"), a.props, z);
                    if (outline.a > 0) {
                        set(cr, outline, op);
                        cairo_set_line_width(cr, scale);
                        cairo_stroke(cr);
                    } else {
                        cairo_new_path(cr);
                    }
                }
                break;
            case LayerType::line: {
                const Json& join = l.layout_value("line-join");
                const Json& cap = l.layout_value("line-cap");
                cairo_set_line_join(cr, join == "round"   ? CAIRO_LINE_JOIN_ROUND
                                        : join == "bevel" ? CAIRO_LINE_JOIN_BEVEL
                                                          : CAIRO_LINE_JOIN_MITER);
                cairo_set_line_cap(cr, cap == "round"    ? CAIRO_LINE_CAP_ROUND
                                       : cap == "square" ? CAIRO_LINE_CAP_SQUARE
                                                         : CAIRO_LINE_CAP_BUTT);
                auto stroke = [&](const Json& props) {
                    cairo_identity_matrix(cr);  // widths in pixels, not metres
                    const double w = number_of(l.paint_value("line-width"), props, z) * scale;
                    if (w <= 0) {
                        cairo_new_path(cr);
                        return;
                    }
                    set(cr, colour_of(l.paint_value("line-color"), props, z),
                        number_of(l.paint_value("line-opacity"), props, z));
                    cairo_set_line_width(cr, w);
                    // MapLibre dash lengths are in line widths.
                    std::vector<double> dashes;
                    for (const auto& d : l.paint_value("line-dasharray"))
                        dashes.push_back(d.get<double>() * w);
                    cairo_set_dash(cr, dashes.data(), static_cast<int>(dashes.size()), 0);
                    cairo_stroke(cr);
                    cairo_set_dash(cr, nullptr, 0, 0);
                };
                if (l.source_layer == "roads") {
                    for (const auto& r : scene.roads) {
                        if (!intersects(r.bbox, cull) || !passes(l.filter, r.props, z)) continue;
                        path_line(cr, r, px);
                        stroke(r.props);
                    }
                } else {
                    for (const auto& a : areas_of(l)) {
                        if (!area_selected(l, a)) continue;
                        path_area(cr, geometry_at(a, zoom), px);
                        stroke(a.props);
                    }
                }
                cairo_identity_matrix(cr);
                break;
            }
            case LayerType::circle:
                for (const auto& p : scene.places) {
                    if (p.x < cull.minx || p.x > cull.maxx || p.y < cull.miny || p.y > cull.maxy)
                        continue;
                    Json scratch;
                    const Json& props = place_props(p, scratch);
                    if (!passes(l.filter, props, z)) continue;
                    draw_circle(cr, l, props, z, scale, px.x(p.x), px.y(p.y));
                }
                break;
            case LayerType::symbol:
                if (!labels) break;
                for (const auto& lab : *labels) {
                    if (lab.layer != li) continue;
                    // Draw every label whose box touches this image, so each tile it spans
                    // shows its part of the same global placement.
                    if (lab.box.maxx * k < ox || lab.box.minx * k > ox + width ||
                        lab.box.maxy * k < oy || lab.box.miny * k > oy + height) {
                        continue;
                    }
                    draw_label(cr, lab, k, ox, oy);
                }
                break;
        }
    }

    return image_from_surface(surface.get(), border, border, out_width, out_height);
}

Image render_block(const Scene& scene, const Style& style, int z, int x0, int y0, int nx, int ny,
                   int scale) {
    const BBox nw = tile_bounds_3857({z, x0, y0});
    const BBox se = tile_bounds_3857({z, x0 + nx - 1, y0 + ny - 1});
    const int px = 256 * scale;
    return render_extent(scene, style, {nw.minx, se.miny, se.maxx, nw.maxy}, px * nx, px * ny, z,
                         scale);
}

Image cut_tile(const Image& block, int i, int j, int scale) {
    const int px = 256 * scale;
    Image tile;
    tile.width = tile.height = px;
    tile.rgba.resize(static_cast<std::size_t>(px) * px * 4);
    const std::size_t row = static_cast<std::size_t>(px) * 4;
    for (int r = 0; r < px; ++r) {
        const std::size_t src = (static_cast<std::size_t>(j * px + r) * block.width +
                                 static_cast<std::size_t>(i) * px) *
                                4;
        std::copy_n(block.rgba.begin() + static_cast<std::ptrdiff_t>(src), row,
                    tile.rgba.begin() + static_cast<std::ptrdiff_t>(r * row));
    }
    return tile;
}

}  // namespace frontline
