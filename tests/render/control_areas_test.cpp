// Control areas on the map: filled by controller, unknown ground left plain, contested ground
// hatched, ground that changed hands hatched in the changes style; and the per-zoom
// simplification that keeps low zooms cheap without changing what they show.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>

#include "render/fingerprint.hpp"
#include "render/labels.hpp"
#include "render/renderer.hpp"
#include "render/style.hpp"
#include "render_util.hpp"

namespace fl = frontline;
namespace ft = frontline::test;

namespace {

fl::Style style_file(const std::string& name) {
    return fl::read_style(ft::source_dir() / "styles" / (name + ".json"));
}

const fl::Scene& scene() {
    static const fl::Scene s = ft::fixture_scene();
    return s;
}

// The tile of zoom z containing (lon, lat), and that point's pixel in it.
struct Spot {
    fl::TileId tile;
    int px, py;
};

Spot spot(double lon, double lat, int z) {
    fl::MercatorProjector proj;
    const auto m = proj.forward(lon, lat);
    const fl::TileId t = fl::tile_for_lonlat(lon, lat, z);
    const fl::BBox b = fl::tile_bounds_3857(t);
    return {t, static_cast<int>((m[0] - b.minx) / (b.maxx - b.minx) * 256),
            static_cast<int>((b.maxy - m[1]) / (b.maxy - b.miny) * 256)};
}

std::array<int, 3> pixel(const fl::Image& img, int x, int y) {
    const std::size_t o = (static_cast<std::size_t>(y) * img.width + x) * 4;
    return {img.rgba[o], img.rgba[o + 1], img.rgba[o + 2]};
}

// The largest spread of the green channel along 24 pixels of a row from (x, y): stripes
// alternate, a plain fill does not vary.
int stripe_contrast(const fl::Image& img, int x, int y) {
    int lo = 255, hi = 0;
    for (int i = 0; i < 24; ++i) {
        const int g = pixel(img, std::min(x + i, img.width - 1), y)[1];
        lo = std::min(lo, g);
        hi = std::max(hi, g);
    }
    return hi - lo;
}

}  // namespace

TEST(ControlAreas, SceneHasOneAreaPerControllerAndTheGroundThatChangedHands) {
    std::set<std::string> now, gained;
    for (const auto& a : scene().control_areas) {
        (a.props["changed"] == true ? gained : now).insert(a.props["controller"]);
        if (a.props["changed"] == true) {
            EXPECT_NE(a.props["controller"], a.props["controller_before"]);
        }
    }
    EXPECT_EQ(now, (std::set<std::string>{"contested", "government", "opposition", "sdf", "sna",
                                          "unknown"}));
    // Saraqib and Aleppo went from the government to the opposition, Khan Shaykhun from the
    // government to contested.
    EXPECT_EQ(gained, (std::set<std::string>{"contested", "opposition"}));
}

TEST(ControlAreas, FilledByControllerWithUnknownGroundLeftPlain) {
    const auto style = style_file("control");
    // 7 km west of Idlib (opposition): green tint over the pale focus fill.
    const Spot green = spot(36.555, 35.95, 9);
    const auto g = pixel(fl::render_tile(scene(), style, green.tile), green.px, green.py);
    EXPECT_GT(g[1] - g[0], 20) << "not tinted green: " << g[0] << "," << g[1] << "," << g[2];
    // Far (over 15 km) from every place, in Aleppo governorate: unknown, the plain focus fill.
    const Spot plain = spot(37.85, 35.95, 9);
    const auto p = pixel(fl::render_tile(scene(), style, plain.tile), plain.px, plain.py);
    EXPECT_EQ(p, (std::array<int, 3>{0xfc, 0xfb, 0xf7}));
}

TEST(ControlAreas, ContestedGroundIsHatched) {
    const auto style = style_file("control");
    const Spot s = spot(36.67, 35.47, 10);  // 4 km from Khan Shaykhun, contested
    const auto img = fl::render_tile(scene(), style, s.tile);
    EXPECT_GT(stripe_contrast(img, std::max(0, s.px - 12), s.py), 25);
    const Spot idlib = spot(36.555, 35.95, 10);  // opposition: a plain tint
    EXPECT_LT(stripe_contrast(fl::render_tile(scene(), style, idlib.tile),
                              std::max(0, idlib.px - 12), idlib.py),
              4);
}

TEST(ControlAreas, ChangesStyleHatchesGroundThatChangedHands) {
    const Spot s = spot(36.86, 35.85, 10);  // 5 km east of Saraqib: government -> opposition
    const auto changes = fl::render_tile(scene(), style_file("changes"), s.tile);
    const auto control = fl::render_tile(scene(), style_file("control"), s.tile);
    const int x = std::max(0, s.px - 12);
    EXPECT_GT(stripe_contrast(changes, x, s.py), 20);
    EXPECT_LT(stripe_contrast(control, x, s.py), 4);
    // Ground that kept its controller is not hatched in the changes style.
    const Spot kept = spot(37.95, 36.45, 10);  // near Manbij, SDF throughout
    EXPECT_LT(stripe_contrast(fl::render_tile(scene(), style_file("changes"), kept.tile),
                              std::max(0, kept.px - 12), kept.py),
              4);
}

TEST(Simplify, FewerVerticesAtLowZoomsAndTheSamePicture) {
    fl::Scene simple = scene();
    fl::simplify_scene(simple, 5, 12);
    auto vertices = [](const fl::GeoMultiPolygon& g) {
        std::size_t n = 0;
        for (const auto& p : g) n += p.outer().size();
        return n;
    };
    std::size_t full = 0, z5 = 0, z12 = 0;
    for (const auto* set : {&simple.countries, &simple.admin1, &simple.control_areas}) {
        for (const auto& a : *set) {
            full += vertices(a.merc);
            z5 += vertices(fl::geometry_at(a, 5));
            z12 += vertices(fl::geometry_at(a, 12));
        }
    }
    // The boundaries are already coarse for these zooms: a tenth goes at z5.
    EXPECT_LT(z5 * 10, full * 9) << "z5 keeps " << z5 << " of " << full << " vertices";
    EXPECT_LE(z12, full);
    EXPECT_LT(z5, z12);
    // An eighth of a pixel: edges move by at most that, so an edge pixel's coverage changes
    // by at most an eighth (under 32 levels of the strongest contrast on the map), but for a
    // few pixels where a stroked border doubles back within a pixel (OCHA's detailed
    // governorate lines): dropping such a zig-zag changes the stroke's cover there.
    // Dashes are left out: a shorter path moves every later dash a little along the line.
    auto style = style_file("control");
    for (auto& l : style.layers) {
        const auto dash = l.paint.find("line-dasharray");
        if (dash != l.paint.end() && !dash->second.empty()) l.visible = false;
    }
    for (int z : {6, 8}) {
        const fl::TileId t = fl::tile_for_lonlat(37.16, 36.20, z);
        const auto a = fl::render_tile(scene(), style, t);
        const auto b = fl::render_tile(simple, style, t);
        EXPECT_LE(ft::count_differing(a, b, 32), 4) << "z" << z;
        EXPECT_LE(ft::count_differing(a, b, 8), 256 * 256 / 100) << "z" << z;
    }
}

TEST(ControlAreas, FingerprintSeesOnlyEdgesNearTheTile) {
    // An area 0..100 km; moving its far corner (north of the rows of the tile's 8 x 8
    // metatile) must not change the fingerprint of a tile at its other corner, moving the
    // near one must; a tile inside differs from one outside though no edge is near either.
    auto square = [](double far) {
        fl::Scene s;
        fl::SceneArea a;
        fl::GeoPolygon p;
        for (auto [x, y] : {std::pair{0.0, 0.0},
                            {0.0, 100e3},
                            {far, 100e3},
                            {100e3, 90e3},
                            {100e3, 0.0},
                            {0.0, 0.0}})
            p.outer().emplace_back(x, y);
        a.merc.push_back(p);
        a.bbox = {0, 0, std::max(far, 100e3), 100e3};
        a.props = {{"controller", "opposition"}, {"changed", false}};
        s.control_areas.push_back(a);
        return s;
    };
    const fl::Scene a = square(100e3), b = square(90e3);
    const fl::TileFingerprinter fa(a, "style"), fb(b, "style");
    // z12 tiles are ~9.8 km: the tile at the origin's north-east corner.
    const fl::TileId origin = fl::tile_for_lonlat(0.001, 0.001, 12);
    EXPECT_EQ(fa(origin, 1), fb(origin, 1)) << "a far edge changed a tile";
    const fl::TileId far = fl::tile_for_lonlat(0.85, 0.85, 12);  // ~95 km: near the moved corner
    EXPECT_NE(fa(far, 1), fb(far, 1)) << "a near edge did not change the tile";
    const fl::TileId inside = fl::tile_for_lonlat(0.4, 0.4, 12);
    // Outside, and in a metatile (8 x 8 tiles, ~78 km) the area does not reach.
    const fl::TileId outside = fl::tile_for_lonlat(-1.0, 0.4, 12);
    const fl::Scene empty;
    const fl::TileFingerprinter fe(empty, "style");
    EXPECT_NE(fa(inside, 1), fe(inside, 1)) << "the area under a tile is not seen";
    EXPECT_EQ(fa(outside, 1), fe(outside, 1)) << "an area away from the tile is seen";
}

TEST(ControlAreas, FingerprintSeesEdgesOnTheRowsOfTheTilesMetatile) {
    // Cairo's anti-aliasing of one fill on a pixel row can change with any edge on that row
    // of the block drawn, even one beside the block (clipped to a vertical edge at its side).
    // Issue 17: an incremental run reused tiles whose area had changed 70 km away on the same
    // rows, and differed from a clean run by a level. One area of two squares: one under the
    // tile, one that moves, 200 km east on the same rows, or 150 km north.
    auto area = [](double east, double north) {
        fl::Scene s;
        fl::SceneArea a;
        for (auto [x0, y0] : {std::pair{0.0, 0.0}, {east, north}}) {
            fl::GeoPolygon p;
            for (auto [x, y] : {std::pair{x0, y0},
                                {x0, y0 + 5e3},
                                {x0 + 5e3, y0 + 5e3},
                                {x0 + 5e3, y0},
                                {x0, y0}})
                p.outer().emplace_back(x, y);
            a.merc.push_back(p);
        }
        a.bbox = {0, 0, east + 5e3, north + 5e3};
        a.props = {{"controller", "government"}, {"changed", false}};
        s.control_areas.push_back(a);
        return s;
    };
    const fl::TileId origin = fl::tile_for_lonlat(0.001, 0.001, 12);
    auto print = [&](const fl::Scene& s) { return fl::TileFingerprinter(s, "style")(origin, 1); };
    EXPECT_NE(print(area(200e3, 0)), print(area(210e3, 0))) << "an edge on the tile's rows";
    EXPECT_EQ(print(area(200e3, 150e3)), print(area(210e3, 150e3))) << "an edge on other rows";
}
