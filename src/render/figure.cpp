// Figure drawing: frame fitting, the scale bar, the legend and the text bands around the map.
#include "render/figure.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "common/error.hpp"
#include "common/option_error.hpp"
#include "render/cairo_ptr.hpp"
#include "render/renderer.hpp"
#include "render/symbols.hpp"
#include "render/text.hpp"

namespace frontline {

namespace {

// Text of the furniture. The Arabic face follows in each list so a title in Arabic shapes.
constexpr const char* kBold = "Noto Sans,Noto Naskh Arabic Bold";
constexpr const char* kRegular = "Noto Sans,Noto Naskh Arabic";
constexpr double kTitleSize = 19, kDateSize = 13.5, kLegendTitleSize = 12, kLegendSize = 11.5,
                 kFootSize = 10.5;
constexpr double kPad = 12;        // CSS px around the bands' text
constexpr double kSwatch = 24;     // the legend's swatch slot, and its least line height
constexpr double kLegendGap = 14;  // between legend items on a line
constexpr double kMaxBar = kMaxScaleBar;
constexpr int kMinMapHeight = 120;  // CSS px

// A bad FrameRequest or size; `option` and `message` name options as {bbox}, {zoom}, ...
OptionError usage(const std::string& option, const std::string& message) {
    return OptionError("figure", option, message);
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// A block of text laid out at `size` px, wrapped at `wrap` px (0: one line), at most
// `lines` lines (the last ellipsised), its font coverage checked.
LayoutPtr text_block(cairo_t* cr, const std::string& text, const char* font, double size,
                     double wrap, int lines, const std::string& what,
                     PangoAlignment align = PANGO_ALIGN_LEFT) {
    LayoutPtr l = make_layout(cr, text, font, size, 0);
    if (wrap > 0) {
        pango_layout_set_width(l.get(), static_cast<int>(wrap * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_height(l.get(), -lines);
        pango_layout_set_ellipsize(l.get(), PANGO_ELLIPSIZE_END);
        pango_layout_set_alignment(l.get(), align);
    }
    check_coverage(l.get(), font, text, what);
    return l;
}

// Logical size in px.
std::array<double, 2> extent_of(PangoLayout* l) {
    PangoRectangle ink, logical;
    pango_layout_get_extents(l, &ink, &logical);
    return {static_cast<double>(logical.width) / PANGO_SCALE,
            static_cast<double>(logical.height) / PANGO_SCALE};
}

void show(cairo_t* cr, PangoLayout* l, double x, double y, double r, double g, double b) {
    cairo_move_to(cr, x, y);
    cairo_set_source_rgb(cr, r, g, b);
    pango_cairo_show_layout(cr, l);
    cairo_new_path(cr);
}

ContextPtr probe_context(SurfacePtr& keep) {
    keep.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
    return ContextPtr(cairo_create(keep.get()));
}

// The legend as one flow of items under the date line: the legend title in bold, then a
// swatch and its text per entry, wrapped at `width` px. Positions relative to the flow's
// top-left; the same code measures (at scale 1) and draws (at `s`).
struct LegendFlow {
    struct Item {
        LayoutPtr text;
        std::size_t entry = 0;  // index into FigureText::legend; npos for the title
        double x = 0, y = 0, w = 0, h = 0;
    };
    std::vector<Item> items;
    double height = 0;
};

LegendFlow legend_flow(cairo_t* cr, const FigureText& t, double width, double s) {
    LegendFlow f;
    const double swatch = kSwatch * s, gap = kLegendGap * s;
    auto add = [&](LayoutPtr text, std::size_t entry) {
        LegendFlow::Item it;
        const auto e = extent_of(text.get());
        it.text = std::move(text);
        it.entry = entry;
        it.w = (entry == std::string::npos ? 0 : swatch) + e[0];
        it.h = std::max(e[1], entry == std::string::npos ? 0.0 : swatch);
        f.items.push_back(std::move(it));
    };
    if (!t.legend_title.empty() && !t.legend.empty()) {
        add(text_block(cr, t.legend_title, kBold, kLegendTitleSize * s, width, 2, "legend title"),
            std::string::npos);
    }
    for (std::size_t i = 0; i < t.legend.size(); ++i)
        add(text_block(cr, t.legend[i].text, kRegular, kLegendSize * s, width - swatch, 2,
                       "legend"),
            i);
    double x = 0, y = 0, line = 0;
    for (auto& it : f.items) {
        if (x > 0 && x + it.w > width) {
            x = 0;
            y += line + 2 * s;
            line = 0;
        }
        it.x = x;
        it.y = y;
        x += it.w + gap;
        line = std::max(line, it.h);
    }
    f.height = f.items.empty() ? 0 : y + line;
    // Centre each item on its line.
    for (auto& it : f.items) {
        double lh = 0;
        for (const auto& o : f.items)
            if (o.y == it.y) lh = std::max(lh, o.h);
        it.y += (lh - it.h) / 2;
    }
    return f;
}

// The band heights for `width` CSS px, measured at scale 1 (text scales linearly: no hinting).
struct Bands {
    double title_h = 0, date_h = 0, legend_h = 0, header = 0, foot_text_h = 0, footer = 0;
};

Bands measure_bands(const FigureText& t, int width) {
    SurfacePtr s;
    ContextPtr cr = probe_context(s);
    Bands b;
    const double inner = width - 2 * kPad;
    b.title_h = extent_of(
        text_block(cr.get(), t.title, kBold, kTitleSize, inner, 2, "figure title").get())[1];
    b.date_h = t.date_line.empty() ? 0
                                   : extent_of(text_block(cr.get(), t.date_line, kRegular,
                                                          kDateSize, inner, 1, "date line")
                                                   .get())[1];
    b.legend_h = legend_flow(cr.get(), t, inner, 1).height;
    b.header = std::ceil(kPad * 0.8 + b.title_h + b.date_h + (b.legend_h > 0 ? 6 + b.legend_h : 0) +
                         kPad * 0.7);
    const double attr_w = inner - kMaxBar - kPad;
    b.foot_text_h = extent_of(text_block(cr.get(), t.attribution, kRegular, kFootSize, attr_w, 4,
                                         "attribution", PANGO_ALIGN_RIGHT)
                                  .get())[1];
    // The scale bar: a label line and the bar below it.
    const double bar_h = kFootSize * 1.4 + 6;
    b.footer = std::ceil(std::max(b.foot_text_h, bar_h) + kPad);
    return b;
}

bool inside(const BBox& b, double x, double y) {
    return x >= b.minx && x <= b.maxx && y >= b.miny && y <= b.maxy;
}

// Places some circle layer of `style` draws at `zoom`, with their properties.
template <typename F>
void for_drawn_places(const Scene& scene, const Style& style, const MapFrame& f, F&& fn) {
    for (const auto& p : scene.places) {
        if (!inside(f.extent_3857, p.x, p.y)) continue;
        Json scratch;
        const Json& props = place_props(p, scratch);
        const bool drawn = std::any_of(style.layers.begin(), style.layers.end(), [&](auto& l) {
            return l.type == LayerType::circle && l.shown_at(f.zoom) &&
                   passes(l.filter, props, f.zoom);
        });
        if (drawn) fn(p, props);
    }
}

Json legend_props(Controller now, Controller before) {
    const std::string c(to_string(now)), b(to_string(before));
    return {{"id", "legend"},       {"name", ""},
            {"name_gazetteer", ""}, {"kind", "town"},
            {"controller", c},      {"controller_before", b},
            {"changed", c != b},    {"status", "confirmed"},
            {"population", 50000},  {"importance", 0.55}};
}

// Straight RGBA -> Cairo's premultiplied native ARGB32.
SurfacePtr to_surface(const Image& img) {
    SurfacePtr s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height));
    cairo_surface_flush(s.get());
    unsigned char* data = cairo_image_surface_get_data(s.get());
    const int stride = cairo_image_surface_get_stride(s.get());
    for (int y = 0; y < img.height; ++y) {
        auto* row =
            reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        const std::uint8_t* in = &img.rgba[static_cast<std::size_t>(y) * img.width * 4];
        for (int x = 0; x < img.width; ++x) {
            const std::uint32_t a = in[x * 4 + 3];
            auto pm = [&](std::uint32_t c) { return (c * a + 127) / 255; };
            row[x] =
                (a << 24) | (pm(in[x * 4]) << 16) | (pm(in[x * 4 + 1]) << 8) | pm(in[x * 4 + 2]);
        }
    }
    cairo_surface_mark_dirty(s.get());
    return s;
}

}  // namespace

MapFrame fit_frame(const FrameRequest& r, int map_width, int map_height) {
    auto check = [](double lon, double lat, const char* what) {
        if (!(lon >= -180 && lon <= 180 && lat >= -kMaxLatitude && lat <= kMaxLatitude)) {
            throw usage(what, "longitude " + fmt(lon) + " or latitude " + fmt(lat) +
                                  " out of range (-180..180, -85.05..85.05)");
        }
    };
    MapFrame f;
    if (r.bbox && r.center) throw usage("{bbox}", "give {bbox} or {center} with {zoom}, not both");
    if (r.bbox) {
        if (r.zoom) {
            throw usage("{zoom}",
                        "{zoom} goes with {center}; with {bbox} the zoom follows from the box "
                        "and the size");
        }
        const BBox& b = *r.bbox;
        check(b.minx, b.miny, "{bbox}");
        check(b.maxx, b.maxy, "{bbox}");
        if (!(b.minx < b.maxx && b.miny < b.maxy))
            throw usage("{bbox}", "expected west,south,east,north with west < east, south < north");
        const FittedView v = fit_bbox(b.minx, b.miny, b.maxx, b.maxy, map_width, map_height, 22);
        if (v.exact_zoom > 22.5) {
            throw usage("{bbox}", "box too small for the figure's size: it would need zoom " +
                                      fmt(v.exact_zoom) + " (at most 22)");
        }
        f.zoom = v.zoom;
        f.magnify = v.magnify;
        f.extent_3857 = v.extent_3857;
        return f;
    }
    if (r.center) {
        if (!r.zoom) throw usage("{center}", "{center} needs {zoom} (0-22)");
        if (*r.zoom < 0 || *r.zoom > 22)
            throw usage("{zoom}", "expected 0-22, got " + fmt(*r.zoom));
        check((*r.center)[0], (*r.center)[1], "{center}");
        const FittedView v =
            view_at((*r.center)[0], (*r.center)[1], *r.zoom, map_width, map_height);
        f.zoom = v.zoom;
        f.extent_3857 = v.extent_3857;
        return f;
    }
    throw usage("{bbox}", "give {bbox} W,S,E,N or {center} LON,LAT with {zoom} Z");
}

double latitude_of(double y_3857) {
    return y_to_lat(y_3857);
}

double ground_metres_per_pixel(double mercator_m_per_px, double lat_deg) {
    return mercator_m_per_px * std::cos(lat_deg * kPi / 180);
}

ScaleBar choose_scale_bar(double mercator_m_per_px, double lat_deg, double max_pixels) {
    const double ground = ground_metres_per_pixel(mercator_m_per_px, lat_deg);
    const double longest = ground * max_pixels;
    double step = std::pow(10.0, std::floor(std::log10(longest)));
    ScaleBar bar;
    for (double m : {5.0, 2.0, 1.0}) {
        if (m * step <= longest * (1 + 1e-12)) {
            bar.metres = m * step;
            break;
        }
    }
    bar.pixels = bar.metres / ground;
    bar.label = bar.metres >= 1000 ? fmt(bar.metres / 1000) + " km" : fmt(bar.metres) + " m";
    return bar;
}

std::string long_date(const Date& d) {
    static const char* kMonths[] = {"January",   "February", "March",    "April",
                                    "May",       "June",     "July",     "August",
                                    "September", "October",  "November", "December"};
    return std::to_string(static_cast<unsigned>(d.day())) + " " +
           kMonths[static_cast<unsigned>(d.month()) - 1] + " " +
           std::to_string(static_cast<int>(d.year()));
}

std::vector<LegendEntry> figure_legend(const Scene& scene, const Style& style, const MapFrame& f,
                                       const std::string& changed_since) {
    bool present[6] = {};
    std::map<std::pair<std::string, std::string>, int> changes;
    for_drawn_places(scene, style, f, [&](const ScenePlace& p, const Json& props) {
        present[static_cast<int>(p.controller)] = true;
        if (props.value("changed", false)) {
            ++changes[{props.value("controller", ""), props.value("controller_before", "")}];
        }
    });
    std::vector<LegendEntry> out;
    for (int i = 0; i < 6; ++i) {
        if (!present[i]) continue;
        const auto c = static_cast<Controller>(i);
        out.push_back({legend_props(c, c), controller_label(c)});
    }
    if (!changes.empty()) {
        // The most common change (ties: the first in name order) as the ring's example.
        auto best = changes.begin();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            if (it->second > best->second) best = it;
        const auto now = parse_controller(best->first.first).value_or(Controller::unknown);
        const auto before = parse_controller(best->first.second).value_or(Controller::unknown);
        out.push_back({legend_props(now, before),
                       "Changed since " + changed_since + " (ring: the controller then)"});
    }
    return out;
}

FigureLayout layout_figure(const FigureText& text, int width, int height, int scale) {
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    if (scale < 1 || scale > 4) throw usage("{scale}", "expected 1 to 4, got " + fmt(scale));
    if (width < kMinFigureWidth || height < kMinFigureHeight) {
        throw usage("{size}", size + " is too small: a figure needs at least " +
                                  std::to_string(kMinFigureWidth) + "x" +
                                  std::to_string(kMinFigureHeight) +
                                  " px for its title, legend and footer");
    }
    if (static_cast<long>(width) * scale > kMaxFigureSide ||
        static_cast<long>(height) * scale > kMaxFigureSide) {
        throw usage("{size}", size + " at scale " + std::to_string(scale) +
                                  " is too large: at most " + std::to_string(kMaxFigureSide) +
                                  " px a side");
    }
    const Bands b = measure_bands(text, width);
    FigureLayout l;
    l.width = width;
    l.height = height;
    l.header = static_cast<int>(b.header);
    l.footer = static_cast<int>(b.footer);
    if (l.map_height() < kMinMapHeight) {
        throw usage("{size}", size + " leaves " + std::to_string(l.map_height()) +
                                  " px of map under the title and above the footer; make it at "
                                  "least " +
                                  std::to_string(height - l.map_height() + kMinMapHeight) +
                                  " px high or shorten the title");
    }
    return l;
}

void drop_cut_labels(Scene& scene, const MapFrame& frame, int map_width, int map_height) {
    auto it = scene.labels.find(frame.zoom);
    if (it == scene.labels.end()) return;
    const BBox& e = frame.extent_3857;
    const double world = 256.0 * std::ldexp(1.0, frame.zoom);
    // As render_extent maps global pixels to the image's.
    const double k = map_width / ((e.maxx - e.minx) / (2 * kOriginShift) * world);
    const double ox = (e.minx + kOriginShift) / (2 * kOriginShift) * world * k;
    const double oy = (kOriginShift - e.maxy) / (2 * kOriginShift) * world * k;
    auto cut = [&](const PlacedLabel& l) {
        const double x0 = l.box.minx * k - ox, x1 = l.box.maxx * k - ox;
        const double y0 = l.box.miny * k - oy, y1 = l.box.maxy * k - oy;
        const bool visible = x1 > 0 && x0 < map_width && y1 > 0 && y0 < map_height;
        const bool whole = x0 >= 0 && x1 <= map_width && y0 >= 0 && y1 <= map_height;
        return visible && !whole;
    };
    std::erase_if(it->second, cut);
}

FigureImage render_figure(const Scene& scene, const Style& style, const FigureText& text,
                          const FigureLayout& layout, const MapFrame& frame, int scale) {
    const double s = scale;
    const int W = layout.width * scale, H = layout.height * scale;
    const int mw = layout.map_width() * scale, mh = layout.map_height() * scale;
    const double my = layout.header * s;
    FigureImage fig;
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, W, H));
    ContextPtr crp(cairo_create(surface.get()));
    cairo_t* cr = crp.get();
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);

    // The map: render_extent's pixels, unchanged; nothing is drawn over them.
    const Image map =
        render_extent(scene, style, frame.extent_3857, mw, mh, frame.zoom, s * frame.magnify);
    {
        SurfacePtr ms = to_surface(map);
        cairo_set_source_surface(cr, ms.get(), 0, my);
        cairo_paint(cr);
    }
    fig.map = {0, my, static_cast<double>(mw), my + mh};

    // Header: title and date line.
    const double inner = (layout.width - 2 * kPad) * s;
    LayoutPtr title = text_block(cr, text.title, kBold, kTitleSize * s, inner, 2, "figure title");
    const auto [tw, th] = extent_of(title.get());
    show(cr, title.get(), kPad * s, kPad * 0.8 * s, 0.1, 0.1, 0.1);
    fig.title = {kPad * s, kPad * 0.8 * s, kPad * s + tw, kPad * 0.8 * s + th};
    if (!text.date_line.empty()) {
        LayoutPtr date =
            text_block(cr, text.date_line, kRegular, kDateSize * s, inner, 1, "date line");
        const auto [dw, dh] = extent_of(date.get());
        show(cr, date.get(), kPad * s, fig.title.maxy, 0.33, 0.33, 0.33);
        fig.date_line = {kPad * s, fig.title.maxy, kPad * s + dw, fig.title.maxy + dh};
    }
    const double ly = (text.date_line.empty() ? fig.title.maxy : fig.date_line.maxy) + 6 * s;
    const LegendFlow flow = legend_flow(cr, text, inner, s);
    fig.legend = {kPad * s, ly, kPad * s, ly};
    for (const auto& it : flow.items) {
        const double x = kPad * s + it.x, y = ly + it.y;
        fig.legend.maxx = std::max(fig.legend.maxx, x + it.w);
        fig.legend.maxy = std::max(fig.legend.maxy, y + it.h);
        const double th = extent_of(it.text.get())[1];
        if (it.entry == std::string::npos) {
            show(cr, it.text.get(), x, y + (it.h - th) / 2, 0.15, 0.14, 0.13);
            continue;
        }
        // The swatch: every circle layer of the style that draws such a place, at the map's
        // zoom and the figure's scale.
        const Json& props = text.legend[it.entry].props;
        for (const auto& l : style.layers) {
            if (l.type == LayerType::circle && l.shown_at(frame.zoom) &&
                passes(l.filter, props, frame.zoom)) {
                draw_circle(cr, l, props, frame.zoom, s, x + kSwatch * s / 2 - 2 * s, y + it.h / 2);
            }
        }
        show(cr, it.text.get(), x + kSwatch * s, y + (it.h - th) / 2, 0.15, 0.14, 0.13);
    }

    // Footer: scale bar left, attribution right.
    const double fy = my + mh;
    const double cy_lat = latitude_of((frame.extent_3857.miny + frame.extent_3857.maxy) / 2);
    const double m_per_px = (frame.extent_3857.maxx - frame.extent_3857.minx) / layout.map_width();
    fig.bar = choose_scale_bar(m_per_px, cy_lat, std::min(kMaxBar, layout.map_width() / 4.0));
    {
        LayoutPtr label = text_block(cr, fig.bar.label, kRegular, kFootSize * s, 0, 1, "scale bar");
        const auto [lw, lh] = extent_of(label.get());
        const double x0 = kPad * s, y0 = fy + kPad * 0.5 * s;
        const double len = fig.bar.pixels * s;
        show(cr, label.get(), x0, y0, 0.2, 0.2, 0.2);
        const double by = y0 + lh + 3 * s;
        // A bar with end ticks, 0 and the distance.
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        cairo_set_line_width(cr, 1.5 * s);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
        cairo_move_to(cr, x0, by - 4 * s);
        cairo_line_to(cr, x0, by);
        cairo_line_to(cr, x0 + len, by);
        cairo_line_to(cr, x0 + len, by - 4 * s);
        cairo_stroke(cr);
        fig.scale_bar = {x0, y0, x0 + std::max(len, lw), by + s};
    }
    {
        const double attr_w = (layout.width - 2 * kPad - kMaxBar - kPad) * s;
        LayoutPtr attr = text_block(cr, text.attribution, kRegular, kFootSize * s, attr_w, 4,
                                    "attribution", PANGO_ALIGN_RIGHT);
        const auto [aw, ah] = extent_of(attr.get());
        (void)aw;
        const double x = layout.width * s - kPad * s - attr_w;
        const double y = fy + kPad * 0.5 * s;
        show(cr, attr.get(), x, y, 0.4, 0.4, 0.4);
        PangoRectangle ink, logical;
        pango_layout_get_pixel_extents(attr.get(), &ink, &logical);
        fig.attribution = {x + logical.x, y, x + logical.x + logical.width, y + ah};
    }
    fig.image = image_from_surface(surface.get());  // painted white first: opaque
    return fig;
}

}  // namespace frontline
