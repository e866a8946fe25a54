// Rendering: seams (a block equals its tiles, labels included), labels never cut or doubled
// across a whole zoom level, placement is deterministic, fonts must cover every label, and
// visual regression against reference PNGs (tests/render/ref/<case>-z<zoom>@<scale>x.png).
#include "render/renderer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "common/error.hpp"
#include "render/labels.hpp"
#include "render/style.hpp"
#include "render_util.hpp"

namespace fl = frontline;
namespace ft = frontline::test;

namespace {

fl::Style style_file(const std::string& name) {
    return fl::read_style(ft::source_dir() / "styles" / (name + ".json"));
}

// The fixture scene with labels placed for zooms 5-12.
const fl::Scene& labelled_scene() {
    static const fl::Scene s = [] {
        fl::Scene scene = ft::fixture_scene();
        fl::place_labels(scene, style_file("control"), 5, 12);
        return scene;
    }();
    return s;
}

}  // namespace

TEST(Render, TwoByTwoBlockEqualsFourTilesWithLabels) {
    const auto& scene = labelled_scene();
    auto style = style_file("control");
    for (int z : {8, 10}) {
        auto t0 = fl::tile_for_lonlat(37.16, 36.20,
                                      z);  // Aleppo, a labelled place, near the block's middle
        t0.x -= 1;
        t0.y -= 1;
        const fl::TileId se{z, t0.x + 1, t0.y + 1};
        auto block = fl::render_extent(scene, style, ft::union_bounds(t0, se), 512, 512, z);
        auto tiles = ft::stitch(scene, style, z, t0, se);
        // Cairo's anti-aliasing of a long polygon edge can differ by a few levels with the
        // extent drawn (which is why the pyramid draws each tile in a fixed metatile); no more
        // than that, and on no more than a few pixels.
        EXPECT_LE(ft::count_differing(block, tiles, 2), block.width * block.height / 5000)
            << "z" << z << ": block and tiles differ";
        EXPECT_EQ(ft::count_differing(block, tiles, 16), 0) << "z" << z << ": a seam";
    }
}

TEST(Labels, WholeZoomLevelEqualsStitchedTilesSoNoLabelIsCut) {
    // Every tile of the region, stitched, equals the region rendered as one image: a label
    // that crosses a tile edge is drawn whole, once, by both tiles. Labels alone (the other
    // layers hidden) must match to 2 levels (a halo's anti-aliasing may differ by 1); with all
    // layers, Cairo's anti-aliasing of long strokes may differ by a few levels on a few pixels,
    // which is no seam.
    const auto& scene = labelled_scene();
    auto style = style_file("control");
    auto labels_only = style;
    for (auto& l : labels_only.layers) l.visible = l.type == fl::LayerType::symbol;
    for (int z : {7, 8, 10}) {
        const fl::TileId nw =
            fl::tile_for_lonlat(scene.focus_lonlat.minx, scene.focus_lonlat.maxy, z);
        const fl::TileId se =
            fl::tile_for_lonlat(scene.focus_lonlat.maxx, scene.focus_lonlat.miny, z);
        auto whole = [&](const fl::Style& st) {
            return fl::render_extent(scene, st, ft::union_bounds(nw, se), (se.x - nw.x + 1) * 256,
                                     (se.y - nw.y + 1) * 256, z);
        };
        auto w = whole(labels_only), t = ft::stitch(scene, labels_only, z, nw, se);
        EXPECT_EQ(ft::count_differing(w, t, 2), 0)
            << "z" << z << ": labels differ between the whole zoom level and its tiles";
        auto all = whole(style);
        EXPECT_LE(ft::count_differing(all, ft::stitch(scene, style, z, nw, se), 24),
                  all.width * all.height / 5000)
            << "z" << z;
        // The test means something only if some label does cross a tile edge.
        int crossing = 0;
        for (const auto& l : scene.labels.at(z)) {
            crossing += std::floor(l.box.minx / 256) != std::floor(l.box.maxx / 256) ||
                        std::floor(l.box.miny / 256) != std::floor(l.box.maxy / 256);
        }
        EXPECT_GT(crossing, 0) << "z" << z << ": no label crosses a tile edge";
    }
}

TEST(Labels, PlacedOncePerFeatureWithoutOverlapAndDeterministic) {
    fl::Scene a = ft::fixture_scene(), b = ft::fixture_scene();
    auto style = style_file("control");
    fl::place_labels(a, style, 5, 12);
    fl::place_labels(b, style, 5, 12);
    for (int z = 5; z <= 12; ++z) {
        const auto& la = a.labels[z];
        const auto& lb = b.labels[z];
        ASSERT_EQ(la.size(), lb.size()) << "z" << z;
        std::set<std::string> seen;
        for (std::size_t i = 0; i < la.size(); ++i) {
            EXPECT_EQ(la[i].text, lb[i].text);
            EXPECT_EQ(la[i].x, lb[i].x);
            EXPECT_EQ(la[i].y, lb[i].y);
            EXPECT_EQ(la[i].x, std::round(la[i].x)) << "labels sit on whole global pixels";
            EXPECT_TRUE(seen.insert(la[i].feature).second)
                << "z" << z << ": " << la[i].text << " placed twice";
        }
    }
    // At z10 every fixture place has room: the changed places and Aleppo are labelled.
    std::set<std::string> texts;
    for (const auto& l : a.labels[10]) texts.insert(l.text);
    for (const char* t : {"Aleppo", "Saraqib", "Khan Shaykhun", "مارع"})
        EXPECT_TRUE(texts.count(t)) << t;
}

TEST(Labels, ChangedPlacesWinCollisions) {
    // Two places at the same spot: only one label fits; the changed one must get it.
    fl::MercatorProjector proj;
    fl::Scene s = ft::fixture_scene();
    using C = fl::Controller;
    s.places = {
        ft::make_place(proj, "t:big", "Bigtown", 37.0, 36.0, C::government, C::government, 500000),
        ft::make_place(proj, "t:small", "Smallvillage", 37.0, 36.0, C::opposition, C::government,
                       2000)};
    fl::place_labels(s, style_file("control"), 9, 9);
    std::vector<std::string> order;
    for (const auto& l : s.labels[9]) {
        if (l.feature == "t:big" || l.feature == "t:small") order.push_back(l.text);
    }
    ASSERT_FALSE(order.empty());
    EXPECT_EQ(order[0], "Smallvillage");
}

// A character no installed font has leaves that label out, with one warning naming it (not
// one per zoom), and never fails the render: the other labels are placed as before.
TEST(Labels, UncoveredCharacterLeavesTheLabelOutWithOneWarning) {
    fl::MercatorProjector proj;
    fl::Scene s = ft::fixture_scene();
    // U+10FFFD: a private-use character no font has.
    s.places = {ft::make_place(proj, "t:x", "Bad\xF4\x8F\xBF\xBDname", 37.0, 36.0,
                               fl::Controller::sdf, fl::Controller::sdf, 500000),
                ft::make_place(proj, "t:y", "Goodname", 36.6, 35.8, fl::Controller::sdf,
                               fl::Controller::sdf, 500000)};
    ASSERT_NO_THROW(fl::place_labels(s, style_file("control"), 7, 9));
    ASSERT_EQ(s.label_warnings.size(), 1u);
    EXPECT_NE(s.label_warnings[0].find("label \"Bad"), std::string::npos) << s.label_warnings[0];
    EXPECT_NE(s.label_warnings[0].find("t:x"), std::string::npos) << s.label_warnings[0];
    EXPECT_NE(s.label_warnings[0].find("U+10FFFD"), std::string::npos) << s.label_warnings[0];
    bool good = false;
    for (int z = 7; z <= 9; ++z) {
        for (const auto& l : s.labels[z]) {
            EXPECT_EQ(l.text.find("Bad"), std::string::npos) << "z" << z;
            good = good || l.text == "Goodname";
        }
    }
    EXPECT_TRUE(good);
    // Drawing the scene goes on without the label.
    const auto img = fl::render_extent(
        s, style_file("control"),
        ft::union_bounds(fl::tile_for_lonlat(37.0, 36.0, 8), fl::tile_for_lonlat(37.0, 36.0, 8)),
        256, 256, 8);
    EXPECT_EQ(img.width, 256);
}

TEST(Labels, ArabicIsShapedRightToLeftAndJoined) {
    // "حلب" (Aleppo) and a mixed string, against reference renderings made with Noto Naskh
    // Arabic: joined letters in right-to-left order, Latin left to right beside them.
    const std::string font = "Noto Sans,Noto Naskh Arabic";
    ft::expect_matches_reference("arabic-halab-z0@1x", fl::render_text("حلب", font, 32));
    ft::expect_matches_reference("arabic-mixed-z0@1x",
                                 fl::render_text("مارع (Mare') حلب", font, 24));
    // Joined forms: the shaped word is not the three isolated letters side by side.
    auto word = fl::render_text("حلب", font, 32);
    auto apart = fl::render_text("ح ل ب", font, 32);
    EXPECT_LT(word.width, apart.width);
}

TEST(Visual, ControlStyleTiles) {
    const auto& scene = labelled_scene();
    auto style = style_file("control");
    ft::expect_matches_reference(
        "control-aleppo-z6@1x",
        fl::render_tile(scene, style, fl::tile_for_lonlat(37.16, 36.20, 6)));
    ft::expect_matches_reference(
        "control-aleppo-z8@1x",
        fl::render_tile(scene, style, fl::tile_for_lonlat(37.16, 36.20, 8)));
    ft::expect_matches_reference(
        "control-saraqib-z10@1x",
        fl::render_tile(scene, style, fl::tile_for_lonlat(36.80, 35.86, 10)));
    // Khan Shaykhun is contested in the fixture: a hatched dot with a ring in the old colour.
    ft::expect_matches_reference(
        "control-khan-shaykhun-z11@2x",
        fl::render_tile(scene, style, fl::tile_for_lonlat(36.64, 35.44, 11), 2));
    ft::expect_matches_reference(
        "control-aleppo-z8@2x",
        fl::render_tile(scene, style, fl::tile_for_lonlat(37.16, 36.20, 8), 2));
}

TEST(Visual, OverlayStyleIsTransparent) {
    fl::Scene scene = ft::fixture_scene();
    auto style = style_file("overlay");
    fl::place_labels(scene, style, 8, 8);
    auto img = fl::render_tile(scene, style, fl::tile_for_lonlat(37.16, 36.20, 8));
    EXPECT_EQ(img.rgba[3], 0) << "the overlay's corner is transparent";
    ft::expect_matches_reference("overlay-aleppo-z8@1x", img);
}

TEST(Render, ParallelTilesEqualSequentialTiles) {
    // render_extent is a pure function of its inputs: Pango/Cairo state is per call and per
    // thread, so tiles rendered on 4 threads at once equal the same tiles rendered one by one.
    const auto& scene = labelled_scene();
    auto style = style_file("control");
    std::vector<fl::TileId> tiles;
    for (int z : {8, 9}) {
        const fl::TileId c = fl::tile_for_lonlat(37.16, 36.20, z);
        for (int dx = -1; dx <= 1; ++dx) {
            for (int dy = -1; dy <= 1; ++dy) tiles.push_back({z, c.x + dx, c.y + dy});
        }
    }
    std::vector<fl::Image> seq, par(tiles.size());
    for (const auto& t : tiles) seq.push_back(fl::render_tile(scene, style, t));
    std::vector<std::thread> pool;
    std::atomic<std::size_t> next{0};
    for (int i = 0; i < 4; ++i) {
        pool.emplace_back([&] {
            for (std::size_t k = next++; k < tiles.size(); k = next++)
                par[k] = fl::render_tile(scene, style, tiles[k]);
        });
    }
    for (auto& t : pool) t.join();
    for (std::size_t k = 0; k < tiles.size(); ++k)
        EXPECT_EQ(seq[k].rgba, par[k].rgba) << "tile " << k;
}
