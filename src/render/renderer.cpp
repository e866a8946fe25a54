// Cairo rendering of boundaries and places. Cairo's image surface is premultiplied ARGB in
// native endianness; we convert to straight RGBA for the PNG encoder at the end.
#include "render/renderer.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace frontline {

namespace {

struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};

void set(cairo_t* cr, const Rgba& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

bool intersects(const BBox& a, const BBox& b) {
    return a.minx <= b.maxx && b.minx <= a.maxx && a.miny <= b.maxy && b.miny <= a.maxy;
}

void path_area(cairo_t* cr, const SceneArea& a) {
    for (const auto& poly : a.merc) {
        auto ring = [&](const GeoPolygon::ring_type& r) {
            if (r.empty()) return;
            cairo_move_to(cr, r[0].x(), r[0].y());
            for (std::size_t i = 1; i < r.size(); ++i) cairo_line_to(cr, r[i].x(), r[i].y());
            cairo_close_path(cr);
        };
        ring(poly.outer());
        for (const auto& in : poly.inners()) ring(in);
    }
}

}  // namespace

Image render_extent(const Scene& scene, const Style& style, const BBox& ext, int width, int height,
                    int zoom, double scale) {
    std::unique_ptr<cairo_surface_t, CairoDeleter> surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
    std::unique_ptr<cairo_t, CairoDeleter> crp(cairo_create(surface.get()));
    cairo_t* cr = crp.get();
    const double sx = width / (ext.maxx - ext.minx);
    const double sy = height / (ext.maxy - ext.miny);
    const double px_per_m = sx;
    // Culling margin: the widest thing drawn (place dots) in metres.
    const double margin = (style.place_radius_max * 2 + 4) * scale / px_per_m;
    const BBox cull{ext.minx - margin, ext.miny - margin, ext.maxx + margin, ext.maxy + margin};

    set(cr, style.background);
    cairo_paint(cr);

    // Geometry in metres, drawn through a matrix: y flips (north up).
    cairo_matrix_t m;
    cairo_matrix_init(&m, sx, 0, 0, -sy, -ext.minx * sx, ext.maxy * sy);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);

    auto draw_areas = [&](const std::vector<SceneArea>& areas, const Rgba& fill, const Rgba* focus_fill) {
        for (const auto& a : areas) {
            if (!intersects(a.bbox, cull)) continue;
            cairo_set_matrix(cr, &m);
            path_area(cr, a);
            cairo_identity_matrix(cr);
            set(cr, a.focus && focus_fill ? *focus_fill : fill);
            cairo_fill(cr);
        }
    };
    auto stroke_areas = [&](const std::vector<SceneArea>& areas, bool focus_only, const Rgba& colour,
                            double width_px) {
        for (const auto& a : areas) {
            if (a.focus != focus_only || !intersects(a.bbox, cull)) continue;
            cairo_set_matrix(cr, &m);
            path_area(cr, a);
            cairo_identity_matrix(cr);  // line width in pixels, not metres
            set(cr, colour);
            cairo_set_line_width(cr, width_px);
            cairo_stroke(cr);
        }
    };

    draw_areas(scene.countries, style.country_fill, nullptr);
    draw_areas(scene.admin1, style.admin1_fill, &style.focus_fill);
    stroke_areas(scene.countries, false, style.country_line, style.admin1_line_width * 1.5 * scale);
    stroke_areas(scene.admin1, false, style.admin1_line, style.admin1_line_width * scale);
    stroke_areas(scene.admin1, true, style.focus_line, style.focus_line_width * scale);

    // Places: radius grows with importance and zoom.
    const double zoom_gain = std::clamp((zoom - 5) / 5.0, 0.0, 1.5);
    for (const auto& p : scene.places) {
        if (p.x < cull.minx || p.x > cull.maxx || p.y < cull.miny || p.y > cull.maxy) continue;
        const double r = scale * (style.place_radius_min +
                                  (style.place_radius_max - style.place_radius_min) * p.importance +
                                  zoom_gain * 1.5);
        const double x = (p.x - ext.minx) * sx;
        const double y = (ext.maxy - p.y) * sy;
        cairo_new_path(cr);
        cairo_arc(cr, x, y, r, 0, 2 * M_PI);
        set(cr, style.controllers.at(p.controller));
        cairo_fill_preserve(cr);
        set(cr, style.place_stroke);
        cairo_set_line_width(cr, scale);
        cairo_stroke(cr);
    }

    cairo_surface_flush(surface.get());
    Image img;
    img.width = width;
    img.height = height;
    img.rgba.resize(static_cast<std::size_t>(width) * height * 4);
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        std::uint8_t* out = &img.rgba[static_cast<std::size_t>(y) * width * 4];
        for (int x = 0; x < width; ++x) {
            const std::uint32_t px = row[x];
            const std::uint32_t a = px >> 24;
            std::uint32_t r = (px >> 16) & 0xFF, g = (px >> 8) & 0xFF, b = px & 0xFF;
            if (a != 0 && a != 255) {  // un-premultiply
                r = (r * 255 + a / 2) / a;
                g = (g * 255 + a / 2) / a;
                b = (b * 255 + a / 2) / a;
            }
            out[x * 4 + 0] = static_cast<std::uint8_t>(r);
            out[x * 4 + 1] = static_cast<std::uint8_t>(g);
            out[x * 4 + 2] = static_cast<std::uint8_t>(b);
            out[x * 4 + 3] = static_cast<std::uint8_t>(a);
        }
    }
    return img;
}

}  // namespace frontline
