// Rendering: a 2x2 block rendered as one image equals its four tiles (no seams), and the
// default style file loads; bad styles are errors naming the key.
#include "render/renderer.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {
fl::Scene synthetic_scene() {
    fl::MercatorProjector proj;
    fl::Scene s;
    fl::SceneArea a;
    a.focus = true;
    fl::GeoPolygon poly;
    for (auto [lon, lat] : {std::pair{36.0, 35.5}, {37.6, 35.6}, {37.9, 36.7}, {36.3, 36.6}, {36.0, 35.5}}) {
        auto m = proj.forward(lon, lat);
        poly.outer().emplace_back(m[0], m[1]);
    }
    a.merc.push_back(poly);
    a.bbox = {-1e9, -1e9, 1e9, 1e9};
    s.admin1.push_back(a);
    int i = 0;
    for (auto [lon, lat] : {std::pair{37.16, 36.20}, {36.63, 35.93}, {36.80, 35.86}, {36.68, 35.65}}) {
        auto m = proj.forward(lon, lat);
        s.places.push_back({m[0], m[1], i % 2 ? fl::Controller::opposition : fl::Controller::government,
                            0.25 * i, std::to_string(i)});
        ++i;
    }
    return s;
}
}  // namespace

TEST(Render, TwoByTwoBlockEqualsFourTiles) {
    auto scene = synthetic_scene();
    auto style = fl::read_style(fl::test::source_dir() / "styles" / "control.json");
    const int z = 8;
    auto t0 = fl::tile_for_lonlat(37.16, 36.20, z);  // a place sits near the shared corner
    fl::BBox nw = fl::tile_bounds_3857(t0), se = fl::tile_bounds_3857({z, t0.x + 1, t0.y + 1});
    auto block = fl::render_extent(scene, style, {nw.minx, se.miny, se.maxx, nw.maxy}, 512, 512, z);
    long differing = 0;
    for (int dy = 0; dy < 2; ++dy) {
        for (int dx = 0; dx < 2; ++dx) {
            auto tile = fl::render_tile(scene, style, {z, t0.x + dx, t0.y + dy});
            for (int y = 0; y < 256; ++y) {
                for (int x = 0; x < 256; ++x) {
                    const auto* a = &tile.rgba[(static_cast<std::size_t>(y) * 256 + x) * 4];
                    const auto* b = &block.rgba[(static_cast<std::size_t>(y + dy * 256) * 512 + x + dx * 256) * 4];
                    for (int c = 0; c < 4; ++c) {
                        if (std::abs(int(a[c]) - int(b[c])) > 2) {
                            ++differing;
                            break;
                        }
                    }
                }
            }
        }
    }
    EXPECT_EQ(differing, 0) << "pixels differing between the block and its tiles";
}

TEST(Render, TileIsNotBlankAndShowsControllerColours) {
    auto scene = synthetic_scene();
    auto style = fl::read_style(fl::test::source_dir() / "styles" / "control.json");
    auto img = fl::render_tile(scene, style, fl::tile_for_lonlat(37.16, 36.20, 8));
    const auto& gov = style.controllers.at(fl::Controller::government);
    bool found = false;
    for (std::size_t i = 0; i < img.rgba.size(); i += 4) {
        if (std::abs(img.rgba[i] - int(gov.r * 255)) <= 1 && std::abs(img.rgba[i + 1] - int(gov.g * 255)) <= 1 &&
            std::abs(img.rgba[i + 2] - int(gov.b * 255)) <= 1) {
            found = true;
            break;
        }
    }
    EXPECT_TRUE(found) << "no pixel in the government colour on the tile holding Aleppo";
}

TEST(Style, UnknownKeyAndBadColourAreErrors) {
    auto dir = fl::test::scratch("style_bad");
    std::string good = fl::read_file(fl::test::source_dir() / "styles" / "control.json", "style");
    fl::write_file_atomic(dir / "unknown.json", good.substr(0, good.rfind('}')) + ", \"glow\": 1}");
    try {
        fl::read_style(dir / "unknown.json");
        FAIL();
    } catch (const fl::Error& e) {
        EXPECT_NE(std::string(e.what()).find("unknown key `glow`"), std::string::npos) << e.what();
    }
    std::string bad = good;
    bad.replace(bad.find("#d55e00"), 7, "#zz5e00");
    fl::write_file_atomic(dir / "colour.json", bad);
    try {
        fl::read_style(dir / "colour.json");
        FAIL();
    } catch (const fl::Error& e) {
        EXPECT_NE(std::string(e.what()).find("controllers.government"), std::string::npos) << e.what();
    }
}
