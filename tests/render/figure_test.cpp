// Figures for articles (render/figure.hpp): the requested size at 1x and @2x, the map area
// equal to render_extent's pixels, title, date line, legend, scale bar and attribution drawn
// where the figure says, the scale bar's length right for Web Mercator at the latitude, bad
// sizes and frames rejected, and a visual reference (tests/render/ref/figure-*.png).
#include "render/figure.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "common/attribution.hpp"
#include "common/error.hpp"
#include "common/option_error.hpp"
#include "render/labels.hpp"
#include "render/renderer.hpp"
#include "render/style.hpp"
#include "render_util.hpp"
#include "serve/request.hpp"

namespace fl = frontline;
namespace ft = frontline::test;

namespace {

fl::Style style_file(const std::string& name) {
    return fl::read_style(ft::source_dir() / "styles" / (name + ".json"));
}

fl::FigureText fixture_text() {
    fl::FigureText t;
    t.title = "Who controls each place around Aleppo";
    t.date_line = "As of 8 December 2024";
    t.attribution = fl::attribution_text();
    t.legend_title = "Controlled by";
    return t;
}

struct Drawn {
    fl::Scene scene;
    fl::MapFrame frame;
    fl::FigureLayout layout;
    fl::FigureText text;
    std::vector<fl::FigureImage> images;  // scale 1, 2
};

// The fixture scene (hand-made places on real boundaries) as a 640x480 figure of a box
// around Aleppo and Idlib, drawn at 1x and 2x, as FigureMaker does it.
Drawn draw_fixture(const fl::Style& style, fl::FrameRequest req = {}) {
    Drawn d;
    d.scene = ft::fixture_scene();
    d.text = fixture_text();
    if (!req.bbox && !req.center) req.bbox = fl::BBox{36.3, 35.3, 38.1, 36.7};
    d.layout = fl::layout_figure(d.text, 640, 480, 1);
    d.frame = fl::fit_frame(req, d.layout.map_width(), d.layout.map_height());
    d.text.legend = fl::figure_legend(d.scene, style, d.frame, "26 November 2024");
    d.layout = fl::layout_figure(d.text, 640, 480, 1);
    d.frame = fl::fit_frame(req, d.layout.map_width(), d.layout.map_height());
    fl::place_labels(d.scene, style, d.frame.zoom, d.frame.zoom);
    fl::drop_cut_labels(d.scene, d.frame, d.layout.map_width(), d.layout.map_height());
    for (int s : {1, 2}) {
        d.images.push_back(fl::render_figure(d.scene, style, d.text,
                                             fl::layout_figure(d.text, 640, 480, s), d.frame, s));
    }
    return d;
}

const Drawn& control_fixture() {
    static const Drawn d = draw_fixture(style_file("control"));
    return d;
}

// Pixels in `r` (output px) that differ from white by more than `tol` in any channel.
long ink(const fl::Image& img, const fl::BBox& r, int tol = 40) {
    long n = 0;
    for (int y = std::max(0, int(r.miny)); y < std::min(img.height, int(r.maxy)); ++y) {
        for (int x = std::max(0, int(r.minx)); x < std::min(img.width, int(r.maxx)); ++x) {
            const auto* p = &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4];
            n += std::abs(255 - p[0]) > tol || std::abs(255 - p[1]) > tol ||
                 std::abs(255 - p[2]) > tol;
        }
    }
    return n;
}

// Pixels in `r` within `tol` of the colour #rrggbb.
long of_colour(const fl::Image& img, const fl::BBox& r, std::uint32_t rgb, int tol = 12) {
    long n = 0;
    for (int y = std::max(0, int(r.miny)); y < std::min(img.height, int(r.maxy)); ++y) {
        for (int x = std::max(0, int(r.minx)); x < std::min(img.width, int(r.maxx)); ++x) {
            const auto* p = &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4];
            n += std::abs(int(p[0]) - int(rgb >> 16)) <= tol &&
                 std::abs(int(p[1]) - int((rgb >> 8) & 0xFF)) <= tol &&
                 std::abs(int(p[2]) - int(rgb & 0xFF)) <= tol;
        }
    }
    return n;
}

fl::Image crop(const fl::Image& img, const fl::BBox& r) {
    fl::Image out;
    out.width = int(r.maxx - r.minx);
    out.height = int(r.maxy - r.miny);
    out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
    for (int y = 0; y < out.height; ++y) {
        std::copy_n(
            &img.rgba[(static_cast<std::size_t>(y + int(r.miny)) * img.width + int(r.minx)) * 4],
            out.width * 4, &out.rgba[static_cast<std::size_t>(y) * out.width * 4]);
    }
    return out;
}

template <typename F>
void expect_usage_error(F&& f, const std::string& needle) {
    try {
        f();
        ADD_FAILURE() << "no error; expected one mentioning " << needle;
    } catch (const fl::OptionError& e) {
        // Named the library's way ({bbox}), never by a flag; `needle` as the CLI spells them.
        EXPECT_EQ(e.exit_code(), fl::kExitUsage) << e.what();
        EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << e.what();
        const std::string flags =
            e.spelled([](std::string_view n) { return "--" + std::string(n); });
        EXPECT_NE(flags.find(needle), std::string::npos) << flags;
    }
}

}  // namespace

TEST(Figure, HasTheRequestedSizeAndTwiceItAt2x) {
    const auto& d = control_fixture();
    EXPECT_EQ(d.images[0].image.width, 640);
    EXPECT_EQ(d.images[0].image.height, 480);
    EXPECT_EQ(d.images[1].image.width, 1280);
    EXPECT_EQ(d.images[1].image.height, 960);
    EXPECT_EQ(d.images[0].image.rgba.size(), 640u * 480 * 4);
    // The map fills the width between the header and the footer.
    EXPECT_EQ(d.images[0].map.maxx, 640);
    EXPECT_EQ(d.images[0].map.miny, d.layout.header);
    EXPECT_EQ(d.images[0].map.maxy, 480 - d.layout.footer);
    EXPECT_EQ(d.images[1].map.maxy - d.images[1].map.miny, 2 * d.layout.map_height());
}

TEST(Figure, MapAreaIsExactlyWhatRenderExtentDraws) {
    const auto& d = control_fixture();
    const auto style = style_file("control");
    for (int i = 0; i < 2; ++i) {
        const int s = i + 1;
        const auto& fig = d.images[i];
        const fl::Image map =
            fl::render_extent(d.scene, style, d.frame.extent_3857, d.layout.map_width() * s,
                              d.layout.map_height() * s, d.frame.zoom, s * d.frame.magnify);
        EXPECT_EQ(ft::count_differing(crop(fig.image, fig.map), map, 0), 0) << "scale " << s;
    }
}

TEST(Figure, TitleDateLegendScaleBarAndAttributionAreDrawnWhereTheFigureSays) {
    const auto& d = control_fixture();
    for (const auto& fig : d.images) {
        const fl::Image& img = fig.image;
        const double s = img.width / 640.0;
        // Each box holds ink, and lies in its band.
        EXPECT_GT(ink(img, fig.title), 200 * s * s) << "title";
        EXPECT_GT(ink(img, fig.date_line), 80 * s * s) << "date line";
        EXPECT_GT(ink(img, fig.legend), 200 * s * s) << "legend";
        EXPECT_GT(ink(img, fig.scale_bar), 60 * s * s) << "scale bar";
        EXPECT_GT(ink(img, fig.attribution), 150 * s * s) << "attribution";
        EXPECT_LE(fig.legend.maxy, fig.map.miny) << "the legend sits in the header";
        EXPECT_GE(fig.scale_bar.miny, fig.map.maxy) << "the scale bar sits in the footer";
        EXPECT_GE(fig.attribution.miny, fig.map.maxy);
        // Where nothing is drawn, the header and the footer stay white: the ink is where
        // the boxes are.
        EXPECT_EQ(ink(img, {fig.title.maxx + 4 * s, 0, double(img.width), fig.title.miny}, 8), 0);
        EXPECT_EQ(ink(img,
                      {fig.scale_bar.maxx + 4 * s, fig.map.maxy + 1, fig.attribution.minx - 4 * s,
                       double(img.height)},
                      8),
                  0);
        // The legend's swatches are the style's controller colours: the fixture shows
        // government (#d55e00), opposition (#009e73), SDF (#e6b800), SNA (#56b4e9).
        for (std::uint32_t c : {0xd55e00u, 0x009e73u, 0xe6b800u, 0x56b4e9u})
            EXPECT_GT(of_colour(img, fig.legend, c), 10 * s * s) << std::hex << c;
    }
    // Controllers in the order of Controller, then the ring of a changed place.
    std::vector<std::string> rows;
    for (const auto& e : d.text.legend) rows.push_back(e.text);
    ASSERT_GE(rows.size(), 6u);
    EXPECT_EQ(rows[0], "Government (Syrian army and allies)");
    EXPECT_EQ(rows[1], "Opposition (HTS-led)");
    EXPECT_NE(rows.back().find("Changed since 26 November 2024"), std::string::npos);
    // The fixture's most common change is government -> opposition (Saraqib, Aleppo).
    EXPECT_EQ(d.text.legend.back().props["controller"], "opposition");
    EXPECT_EQ(d.text.legend.back().props["controller_before"], "government");
}

TEST(Figure, ScaleBarLengthFollowsWebMercatorAtTheLatitude) {
    // Zoom 10: 156543.03392804097 / 1024 EPSG:3857 metres per pixel.
    const double res = 2 * fl::kOriginShift / 256 / 1024;
    // On the sphere of EPSG:3857 a parallel at latitude phi has length 2 pi R cos(phi), while
    // the map draws every parallel 2 pi R long: one pixel is res * cos(phi) metres there.
    const double lat = 36.2;
    const double ground = res * std::cos(lat * M_PI / 180);
    EXPECT_NEAR(fl::ground_metres_per_pixel(res, lat), ground, 1e-9);
    EXPECT_NEAR(fl::ground_metres_per_pixel(res, 0), res, 1e-9);
    EXPECT_NEAR(fl::ground_metres_per_pixel(res, 60), res / 2, 1e-9);

    auto bar = fl::choose_scale_bar(res, lat, 120);  // 120 px = 14.8 km -> 10 km
    EXPECT_EQ(bar.metres, 10000);
    EXPECT_EQ(bar.label, "10 km");
    EXPECT_NEAR(bar.pixels, 10000 / ground, 1e-6);
    EXPECT_NEAR(bar.pixels, 81.07, 0.01);
    // Independently: 10 km along the parallel at 36.2 N spans this many degrees of longitude,
    // and Web Mercator maps a degree of longitude to R * pi / 180 metres at every latitude.
    const double dlon = 10000 / (fl::kEarthRadius * std::cos(lat * M_PI / 180)) * 180 / M_PI;
    EXPECT_NEAR(bar.pixels, dlon * fl::kEarthRadius * M_PI / 180 / res, 1e-6);

    // The same bar at the equator is shorter on screen; round distances 1, 2, 5 x 10^n.
    EXPECT_EQ(fl::choose_scale_bar(res, 0, 120).metres, 10000);
    EXPECT_NEAR(fl::choose_scale_bar(res, 0, 120).pixels, 10000 / res, 1e-6);
    EXPECT_EQ(fl::choose_scale_bar(res, 60, 120).metres, 5000);  // 120 px = 9.4 km
    EXPECT_EQ(fl::choose_scale_bar(res / 64, lat, 120).label, "200 m");
    EXPECT_EQ(fl::choose_scale_bar(res * 8, lat, 120).label, "100 km");

    EXPECT_NEAR(fl::latitude_of(0), 0, 1e-12);
    EXPECT_NEAR(fl::latitude_of(fl::kOriginShift), fl::kMaxLatitude, 1e-9);
}

TEST(Figure, DrawnScaleBarHasTheComputedLengthForTheMapsLatitude) {
    const auto& d = control_fixture();
    const auto& e = d.frame.extent_3857;
    const double lat = fl::latitude_of((e.miny + e.maxy) / 2);
    const double res = (e.maxx - e.minx) / d.layout.map_width();
    for (const auto& fig : d.images) {
        const double s = fig.image.width / 640.0;
        EXPECT_NEAR(
            fig.bar.pixels,
            fl::choose_scale_bar(res, lat, std::min(fl::kMaxScaleBar, d.layout.map_width() / 4.0))
                .pixels,
            1e-9);
        // The bar's bottom row: dark from its left end over bar.pixels * s pixels.
        const int y = int(fig.scale_bar.maxy) - int(std::ceil(s));
        int dark = 0;
        for (int x = int(fig.scale_bar.minx); x < fig.image.width; ++x)
            dark +=
                ink(fig.image, {double(x), double(y - s), double(x + 1), double(y + 1)}, 120) > 0;
        EXPECT_NEAR(dark, fig.bar.pixels * s, 3 * s) << "scale " << s;
    }
}

TEST(Figure, FittedBoxIsShownWholeAndCentreZoomIsExact) {
    const fl::FrameRequest box{fl::BBox{36.3, 35.3, 38.1, 36.7}, {}, {}};
    const auto f = fl::fit_frame(box, 640, 400);
    fl::MercatorProjector proj;
    const auto lo = proj.forward(36.3, 35.3), hi = proj.forward(38.1, 36.7);
    EXPECT_LE(f.extent_3857.minx, lo[0] + 1e-6);
    EXPECT_LE(f.extent_3857.miny, lo[1] + 1e-6);
    EXPECT_GE(f.extent_3857.maxx, hi[0] - 1e-6);
    EXPECT_GE(f.extent_3857.maxy, hi[1] - 1e-6);
    // Same aspect ratio as the map area: nothing is stretched.
    EXPECT_NEAR(
        (f.extent_3857.maxx - f.extent_3857.minx) / (f.extent_3857.maxy - f.extent_3857.miny),
        640.0 / 400, 1e-9);
    EXPECT_GT(f.magnify, 0.84);
    EXPECT_LE(f.magnify, 1.69);

    const fl::FrameRequest c{{}, std::array<double, 2>{37.16, 36.2}, 11};
    const auto g = fl::fit_frame(c, 800, 500);
    EXPECT_EQ(g.zoom, 11);
    EXPECT_EQ(g.magnify, 1);
    EXPECT_NEAR(g.extent_3857.maxx - g.extent_3857.minx, 800 * 2 * fl::kOriginShift / 256 / 2048,
                1e-6);
}

TEST(Figure, BadFramesAndSizesAreUsageErrorsNamingTheOption) {
    const fl::FigureText t = fixture_text();
    expect_usage_error([&] { fl::layout_figure(t, 0, 0, 1); }, "--size");
    expect_usage_error([&] { fl::layout_figure(t, 100, 80, 1); }, "too small");
    expect_usage_error([&] { fl::layout_figure(t, 9000, 600, 1); }, "at most 8192");
    expect_usage_error([&] { fl::layout_figure(t, 5000, 600, 2); }, "--size");
    EXPECT_NO_THROW(fl::layout_figure(t, 4096, 600, 2));
    // A title of many lines leaves no map in a small figure: said, not drawn badly.
    fl::FigureText tall = t;
    tall.date_line = std::string(400, 'x');
    EXPECT_NO_THROW(fl::layout_figure(tall, 640, 480, 1));  // one line, ellipsised

    using R = fl::FrameRequest;
    expect_usage_error(
        [] {
            fl::fit_frame(R{fl::BBox{-200, 35, 37, 36}, {}, {}}, 600, 400);
        },
        "--bbox");
    expect_usage_error(
        [] {
            fl::fit_frame(R{fl::BBox{36, 35, 37, 89}, {}, {}}, 600, 400);
        },
        "out of range");
    expect_usage_error(
        [] {
            fl::fit_frame(R{fl::BBox{37, 35, 36, 36}, {}, {}}, 600, 400);
        },
        "west < east");
    expect_usage_error(
        [] {
            fl::fit_frame(R{fl::BBox{36, 35, 37, 36}, {}, 9}, 600, 400);
        },
        "--zoom goes with --center");
    expect_usage_error(
        [] {
            fl::fit_frame(R{{}, std::array<double, 2>{37, 36}, {}}, 600, 400);
        },
        "needs --zoom");
    expect_usage_error(
        [] {
            fl::fit_frame(R{{}, std::array<double, 2>{37, 36}, 23}, 600, 400);
        },
        "0-22");
    expect_usage_error(
        [] {
            fl::fit_frame(R{{}, std::array<double, 2>{37, 95}, 8}, 600, 400);
        },
        "--center");
    expect_usage_error([] { fl::fit_frame(R{}, 600, 400); }, "give --bbox");
    // A box a few centimetres wide would need zoom 30: refused, not a gigapixel surface.
    expect_usage_error(
        [] {
            fl::fit_frame(R{fl::BBox{37.16, 36.2, 37.1600001, 36.2000001}, {}, {}}, 600, 400);
        },
        "box too small");
}

TEST(Figure, NoLabelIsCutAtTheMapsEdge) {
    // A frame whose edge runs through labelled places (Idlib, Saraqib): their labels are
    // dropped or whole, never cut.
    auto style = style_file("control");
    fl::Scene scene = ft::fixture_scene();
    const fl::FrameRequest req{fl::BBox{36.7, 35.5, 37.3, 36.3}, {}, {}};
    const auto f = fl::fit_frame(req, 500, 400);
    fl::place_labels(scene, style, f.zoom, f.zoom);
    const auto before = scene.labels[f.zoom].size();
    fl::drop_cut_labels(scene, f, 500, 400);
    EXPECT_LT(scene.labels[f.zoom].size(), before) << "the frame should cut some label";
    const double world = 256.0 * std::ldexp(1.0, f.zoom);
    const auto& e = f.extent_3857;
    const double k = 500 / ((e.maxx - e.minx) / (2 * fl::kOriginShift) * world);
    const double ox = (e.minx + fl::kOriginShift) / (2 * fl::kOriginShift) * world * k;
    const double oy = (fl::kOriginShift - e.maxy) / (2 * fl::kOriginShift) * world * k;
    for (const auto& l : scene.labels[f.zoom]) {
        const double x0 = l.box.minx * k - ox, x1 = l.box.maxx * k - ox;
        const double y0 = l.box.miny * k - oy, y1 = l.box.maxy * k - oy;
        const bool outside = x1 <= 0 || x0 >= 500 || y1 <= 0 || y0 >= 400;
        const bool whole = x0 >= 0 && x1 <= 500 && y0 >= 0 && y1 <= 400;
        EXPECT_TRUE(outside || whole) << l.text;
    }
}

TEST(Figure, ChangesStyleDrawsADifferentMapAndLegend) {
    const auto& day = control_fixture();
    const Drawn changes = draw_fixture(style_file("changes"));
    ASSERT_EQ(changes.frame.zoom, day.frame.zoom);
    const auto& a = day.images[0];
    const auto& b = changes.images[0];
    // Unchanged places fade: the map differs, and so do the legend's swatches.
    EXPECT_GT(ft::count_differing(crop(a.image, a.map), crop(b.image, b.map), 8), 200);
    EXPECT_GT(ft::count_differing(crop(a.image, a.legend), crop(b.image, a.legend), 8), 20);
}

TEST(Visual, Figure) {
    const auto& d = control_fixture();
    ft::expect_matches_reference("figure-aleppo-idlib-z" + std::to_string(d.frame.zoom) + "@1x",
                                 d.images[0].image, 200);
    ft::expect_matches_reference("figure-aleppo-idlib-z" + std::to_string(d.frame.zoom) + "@2x",
                                 d.images[1].image, 800);
}

TEST(Figure, StaticCommandAndServerFitABoxTheSameWay) {
    // `frontline static --bbox` and /static.png?bbox= draw the same box at the same size with
    // the same extent, style zoom and text magnification (one fitting rule, in geo/).
    struct Case {
        fl::BBox box;
        int w, h;
    };
    for (const Case& c :
         {Case{{36.0, 35.5, 38.0, 36.7}, 600, 400}, Case{{36.3, 35.3, 38.1, 36.7}, 640, 400},
          Case{{37.05, 36.15, 37.25, 36.25}, 512, 512},
          Case{{36.9, 36.1, 37.3, 36.3}, 1000, 300}}) {
        const auto f = fl::fit_frame(fl::FrameRequest{c.box, {}, {}}, c.w, c.h);
        const std::string url = "/static.png?bbox=" + std::to_string(c.box.minx) + "," +
                                std::to_string(c.box.miny) + "," + std::to_string(c.box.maxx) +
                                "," + std::to_string(c.box.maxy) + "&size=" + std::to_string(c.w) +
                                "x" + std::to_string(c.h);
        const auto s = std::get<fl::serve::StaticRequest>(fl::serve::parse_target(url));
        EXPECT_EQ(s.zoom, f.zoom) << url;
        EXPECT_DOUBLE_EQ(s.magnify, f.magnify) << url;
        EXPECT_NEAR(s.extent_3857.minx, f.extent_3857.minx, 1e-6) << url;
        EXPECT_NEAR(s.extent_3857.maxy, f.extent_3857.maxy, 1e-6) << url;
        EXPECT_NEAR(s.extent_3857.maxx, f.extent_3857.maxx, 1e-6) << url;
    }
}
