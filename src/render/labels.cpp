// Label shaping, the font coverage check and the per-zoom collision solver.
#include "render/labels.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>

#include "common/error.hpp"
#include "render/cairo_ptr.hpp"
#include "render/text.hpp"

namespace frontline {

namespace {

std::string lower(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return s;
}

std::string trim(const std::string& s) {
    const auto a = s.find_first_not_of(' ');
    const auto b = s.find_last_not_of(' ');
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::string codepoints(const std::string& utf8) {
    std::string out;
    for (const char* p = utf8.c_str(); *p; p = g_utf8_next_char(p)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(g_utf8_get_char(p)));
        if (!out.empty()) out += ' ';
        out += buf;
    }
    return out;
}

}  // namespace

std::string pango_font(const Json& text_font) {
    static const char* kStyleWords[] = {"Regular",  "Bold",  "Italic", "Medium",    "SemiBold",
                                        "Semibold", "Light", "Black",  "Condensed", "Oblique"};
    std::string families, style;
    for (std::size_t i = 0; i < text_font.size(); ++i) {
        std::string name = text_font[i].get<std::string>();
        std::string words;
        for (bool stripped = true; stripped;) {
            stripped = false;
            for (const char* w : kStyleWords) {
                const std::string suffix = std::string(" ") + w;
                if (name.size() > suffix.size() &&
                    name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
                    name.resize(name.size() - suffix.size());
                    words = std::string(w) + (words.empty() ? "" : " " + words);
                    stripped = true;
                }
            }
        }
        if (i == 0 && words != "Regular") style = words;
        if (!families.empty()) families += ',';
        families += name;
    }
    return style.empty() ? families : families + " " + style;
}

LayoutPtr make_layout(cairo_t* cr, const std::string& text, const std::string& font, double size_px,
                      double letter_spacing_em) {
    PangoContext* ctx = pango_cairo_create_context(cr);
    // No hinting: glyph outlines and advances then scale linearly (@2x = 2 x @1x) and do not
    // depend on where the layout sits.
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    LayoutPtr layout(pango_layout_new(ctx));
    g_object_unref(ctx);
    PangoFontDescription* desc = pango_font_description_from_string(font.c_str());
    pango_font_description_set_absolute_size(desc, size_px * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), desc);
    pango_font_description_free(desc);
    if (letter_spacing_em != 0) {
        PangoAttrList* attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(static_cast<int>(
                                          std::lround(letter_spacing_em * size_px * PANGO_SCALE))));
        pango_layout_set_attributes(layout.get(), attrs);
        pango_attr_list_unref(attrs);
    }
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    return layout;
}

void check_coverage(PangoLayout* layout, const std::string& font, const std::string& text,
                    const std::string& what) {
    const std::string where = "label \"" + text + "\" (" + what + ")";
    PangoFontDescription* want = pango_font_description_from_string(font.c_str());
    std::vector<std::string> families;
    {
        std::string list =
            pango_font_description_get_family(want) ? pango_font_description_get_family(want) : "";
        std::size_t start = 0;
        while (start <= list.size()) {
            std::size_t comma = list.find(',', start);
            if (comma == std::string::npos) comma = list.size();
            families.push_back(lower(trim(list.substr(start, comma - start))));
            start = comma + 1;
        }
    }
    pango_font_description_free(want);
    if (const int unknown = pango_layout_get_unknown_glyphs_count(layout); unknown > 0) {
        throw Error("render", where,
                    std::to_string(unknown) +
                        " character(s) have no glyph in any installed font (" + codepoints(text) +
                        "); install fonts-noto-core (scripts/setup.sh)");
    }
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    std::string bad;
    do {
        PangoLayoutRun* run = pango_layout_iter_get_run_readonly(it);
        if (!run || !run->item->analysis.font) continue;
        PangoFontDescription* d = pango_font_describe(run->item->analysis.font);
        const char* fam = pango_font_description_get_family(d);
        const std::string family = fam ? fam : "";
        pango_font_description_free(d);
        if (std::find(families.begin(), families.end(), lower(family)) == families.end()) {
            const std::string part = text.substr(run->item->offset, run->item->length);
            bad = "\"" + part + "\" (" + codepoints(part) + ") is not covered by " + font +
                  " (fontconfig fell back to " + family +
                  "); install the fonts (scripts/setup.sh) or add a font to text-font";
            break;
        }
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
    if (!bad.empty()) throw Error("render", where, bad);
}

void draw_label(cairo_t* cr, const PlacedLabel& l, double k, double ox, double oy) {
    LayoutPtr layout = make_layout(cr, l.text, l.font, l.size * k, l.letter_spacing);
    cairo_new_path(cr);
    cairo_move_to(cr, l.x * k - ox, l.y * k - oy);
    if (l.halo_width > 0 && l.halo[3] > 0) {
        pango_cairo_layout_path(cr, layout.get());
        cairo_set_source_rgba(cr, l.halo[0], l.halo[1], l.halo[2], l.halo[3]);
        cairo_set_line_width(cr, 2 * l.halo_width * k);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        cairo_move_to(cr, l.x * k - ox, l.y * k - oy);
    }
    cairo_set_source_rgba(cr, l.colour[0], l.colour[1], l.colour[2], l.colour[3]);
    pango_cairo_show_layout(cr, layout.get());
    cairo_new_path(cr);
}

namespace {

struct LabelCandidate {
    // Priority, lowest first: sort key, unchanged (changed places first), -population, layer, id.
    std::tuple<double, int, double, std::size_t, std::string> priority;
    PlacedLabel label;                                  // x, y, box not set yet
    double ax = 0, ay = 0;                              // anchor point, global px
    double w = 0, h = 0;                                // logical size
    double ink_l = 0, ink_t = 0, ink_r = 0, ink_b = 0;  // ink rect relative to layout origin
    double offset = 0, padding = 0;
    bool avoid_circles = true;
    std::vector<std::string> anchors;
    std::string feature;
};

struct Obstacle {
    BBox box;
    std::string feature;
};

bool overlaps(const BBox& a, const BBox& b) {
    return a.minx < b.maxx && b.minx < a.maxx && a.miny < b.maxy && b.miny < a.maxy;
}

GeoPoint label_point(const SceneArea& a) {
    double best = -1;
    GeoPoint c(0, 0);
    for (const auto& poly : a.merc) {
        const double ar = std::abs(bg::area(poly));
        if (ar > best) {
            best = ar;
            bg::centroid(poly, c);
        }
    }
    return c;
}

std::string transform_text(const std::string& s, const Json& how) {
    if (how == "none") return s;
    gchar* t = how == "uppercase" ? g_utf8_strup(s.c_str(), -1) : g_utf8_strdown(s.c_str(), -1);
    std::string out = t;
    g_free(t);
    return out;
}

void to_rgba(const Rgba& c, double opacity, double out[4]) {
    out[0] = c.r;
    out[1] = c.g;
    out[2] = c.b;
    out[3] = c.a * opacity;
}

}  // namespace

void place_labels(Scene& scene, const Style& style, int minzoom, int maxzoom) {
    scene.labels.clear();
    scene.label_warnings.clear();
    std::set<std::string> left_out;  // one warning per label, not per zoom
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
    ContextPtr cr(cairo_create(surface.get()));
    MercatorProjector proj;
    for (int z = minzoom; z <= maxzoom; ++z) {
        const double world = 256.0 * std::ldexp(1.0, z);
        auto gx = [&](double mx) { return (mx + kOriginShift) / (2 * kOriginShift) * world; };
        auto gy = [&](double my) { return (kOriginShift - my) / (2 * kOriginShift) * world; };
        // The tiles that cover the region: a label outside them would be cut at the map's edge.
        const TileId nw = tile_for_lonlat(scene.focus_lonlat.minx, scene.focus_lonlat.maxy, z);
        const TileId se = tile_for_lonlat(scene.focus_lonlat.maxx, scene.focus_lonlat.miny, z);
        const BBox region{nw.x * 256.0, nw.y * 256.0, (se.x + 1) * 256.0, (se.y + 1) * 256.0};

        std::vector<Obstacle> obstacles;
        for (const auto& layer : style.layers) {
            if (layer.type != LayerType::circle || !layer.shown_at(z)) continue;
            for (const auto& p : scene.places) {
                Json scratch;
                const Json& props = place_props(p, scratch);
                if (!passes(layer.filter, props, z)) continue;
                const double r = number_of(layer.paint_value("circle-radius"), props, z) +
                                 number_of(layer.paint_value("circle-stroke-width"), props, z) / 2;
                const double x = gx(p.x), y = gy(p.y);
                obstacles.push_back({{x - r, y - r, x + r, y + r}, p.place_id});
            }
        }

        std::vector<LabelCandidate> cands;
        for (std::size_t li = 0; li < style.layers.size(); ++li) {
            const StyleLayer& layer = style.layers[li];
            if (layer.type != LayerType::symbol || !layer.shown_at(z)) continue;
            const std::string font = pango_font(layer.layout_value("text-font"));
            auto add = [&](const Json& props, double ax, double ay, const std::string& feature) {
                if (!passes(layer.filter, props, z)) return;
                std::string text = string_of(layer.layout_value("text-field"), props, z);
                if (text.empty() || text.size() > kMaxLabelBytes) return;
                text = transform_text(text, layer.layout_value("text-transform"));
                LabelCandidate c;
                c.feature = feature;
                c.ax = ax;
                c.ay = ay;
                PlacedLabel& l = c.label;
                l.layer = li;
                l.text = text;
                l.font = font;
                l.feature = feature;
                l.size = number_of(layer.layout_value("text-size"), props, z);
                if (!(l.size >= 1)) l.size = 1;  // also NaN
                l.size = std::min(l.size, kMaxTextSize);
                l.letter_spacing = number_of(layer.layout_value("text-letter-spacing"), props, z);
                l.halo_width = number_of(layer.paint_value("text-halo-width"), props, z);
                const double opacity = number_of(layer.paint_value("text-opacity"), props, z);
                to_rgba(colour_of(layer.paint_value("text-color"), props, z), opacity, l.colour);
                to_rgba(colour_of(layer.paint_value("text-halo-color"), props, z), opacity, l.halo);
                c.offset = number_of(layer.layout_value("text-radial-offset"), props, z) * l.size;
                c.padding = number_of(layer.layout_value("text-padding"), props, z);
                c.avoid_circles =
                    evaluate(layer.layout_value("text-avoid-circles"), props, z) != Json(false);
                for (const auto& a : layer.layout_value("text-variable-anchor"))
                    c.anchors.push_back(a.get<std::string>());
                LayoutPtr layout = make_layout(cr.get(), text, font, l.size, l.letter_spacing);
                const std::string what = feature + ", layer `" + layer.id + "`";
                // A character no installed font has (a stray private-use or unassigned code
                // point in a name): the label is left out, the map is still drawn.
                if (pango_layout_get_unknown_glyphs_count(layout.get()) > 0) {
                    const std::string w = "label \"" + text + "\" (" + what +
                                          ") left out: a character of it (" + codepoints(text) +
                                          ") has no glyph in any installed font";
                    if (left_out.insert(w).second) scene.label_warnings.push_back(w);
                    return;
                }
                check_coverage(layout.get(), font, text, what);
                PangoRectangle ink, logical;
                pango_layout_get_pixel_extents(layout.get(), &ink, &logical);
                c.w = logical.width;
                c.h = logical.height;
                c.ink_l = std::min(ink.x, logical.x);
                c.ink_t = std::min(ink.y, logical.y);
                c.ink_r = std::max(ink.x + ink.width, logical.x + logical.width);
                c.ink_b = std::max(ink.y + ink.height, logical.y + logical.height);
                const Json& key = layer.layout_value("symbol-sort-key");
                const double sort = key.is_null() ? 0.0 : number_of(key, props, z);
                const bool changed = props.value("changed", false);
                const double pop = props.contains("population") && props["population"].is_number()
                                       ? props["population"].get<double>()
                                       : 0.0;
                c.priority = {sort, changed ? 0 : 1, -pop, li, feature};
                cands.push_back(std::move(c));
            };
            if (layer.source_layer == "places") {
                for (const auto& p : scene.places) {
                    Json scratch;
                    add(place_props(p, scratch), gx(p.x), gy(p.y), p.place_id);
                }
            } else if (layer.source_layer == "roads") {
                for (const auto& r : scene.roads) {
                    const GeoPoint& m = r.merc[r.merc.size() / 2];
                    add(r.props, gx(m.x()), gy(m.y()), r.props.value("id", ""));
                }
            } else {
                const auto& areas = areas_for(scene, layer.source_layer);
                for (const auto& a : areas) {
                    if (layer.source_layer == "focus" && !a.focus) continue;
                    GeoPoint c = label_point(a);
                    add(a.props, gx(c.x()), gy(c.y()), a.props.value("name", ""));
                }
            }
        }
        std::sort(cands.begin(), cands.end(), [](const LabelCandidate& a, const LabelCandidate& b) {
            return a.priority < b.priority;
        });

        std::vector<BBox> taken;
        auto& out = scene.labels[z];
        for (auto& c : cands) {
            for (const auto& anchor : c.anchors) {
                const double o = c.offset, d = o * 0.7071;
                double x = c.ax - c.w / 2, y = c.ay - c.h / 2;  // center
                if (anchor == "left") x = c.ax + o;
                if (anchor == "right") x = c.ax - o - c.w;
                if (anchor == "top") y = c.ay + o;
                if (anchor == "bottom") y = c.ay - o - c.h;
                if (anchor == "top-left" || anchor == "bottom-left") x = c.ax + d;
                if (anchor == "top-right" || anchor == "bottom-right") x = c.ax - d - c.w;
                if (anchor == "top-left" || anchor == "top-right") y = c.ay + d;
                if (anchor == "bottom-left" || anchor == "bottom-right") y = c.ay - d - c.h;
                x = std::round(x);
                y = std::round(y);
                const double halo = std::ceil(c.label.halo_width);
                const BBox ink{x + c.ink_l - halo - 1, y + c.ink_t - halo - 1,
                               x + c.ink_r + halo + 1, y + c.ink_b + halo + 1};
                const BBox hit{x - c.padding, y - c.padding, x + c.w + c.padding,
                               y + c.h + c.padding};
                if (ink.minx < region.minx || ink.miny < region.miny || ink.maxx > region.maxx ||
                    ink.maxy > region.maxy) {
                    continue;
                }
                bool clear = std::none_of(taken.begin(), taken.end(),
                                          [&](const BBox& b) { return overlaps(b, hit); });
                const BBox tight{x, y, x + c.w, y + c.h};
                for (std::size_t i = 0; clear && c.avoid_circles && i < obstacles.size(); ++i) {
                    clear = obstacles[i].feature == c.feature || !overlaps(obstacles[i].box, tight);
                }
                if (!clear) continue;
                c.label.x = x;
                c.label.y = y;
                c.label.box = ink;
                taken.push_back(hit);
                out.push_back(c.label);
                break;
            }
        }
    }
}

Image render_text(const std::string& text, const std::string& font, double size_px) {
    SurfacePtr probe(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
    ContextPtr pcr(cairo_create(probe.get()));
    LayoutPtr measure = make_layout(pcr.get(), text, font, size_px, 0);
    check_coverage(measure.get(), font, text, "render_text");
    PangoRectangle ink, logical;
    pango_layout_get_pixel_extents(measure.get(), &ink, &logical);
    const int w = logical.width + 8, h = logical.height + 8;
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    ContextPtr cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    PlacedLabel l;
    l.text = text;
    l.font = font;
    l.size = size_px;
    l.x = 4;
    l.y = 4;
    draw_label(cr.get(), l, 1.0, 0, 0);
    return image_from_surface(surface.get());  // painted white first: opaque
}

}  // namespace frontline

#if defined(__SANITIZE_ADDRESS__)
// LeakSanitizer: fontconfig keeps its pattern and font-set caches for the life of the process
// (Pango's per-thread font maps hand them over on thread exit without FcFini), which LSan
// reports as ~1.6 MB of leaks once per binary. They are not ours; everything else still counts.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libfontconfig.so\n";
}
#endif
