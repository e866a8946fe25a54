// Pyramids: XYZ layout, MBTiles 1.3 against the spec (metadata, TMS rows, deduplicated
// images), TileJSON 3.0.0, @2x tiles, and byte-identical output for 1 and 2 threads.
#include "tiles/pyramid.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <set>

#include "common/atomic_file.hpp"
#include "render/renderer.hpp"
#include "test_util.hpp"
#include "tiles/tiles_fixture.hpp"

namespace fl = frontline;
namespace fs = std::filesystem;

namespace {

using fl::test::options;
using fl::test::scene;
using fl::test::style;
using fl::test::tree;

struct Db {
    sqlite3* db = nullptr;
    explicit Db(const fs::path& p) {
        EXPECT_EQ(sqlite3_open_v2(p.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    }
    ~Db() { sqlite3_close(db); }
    std::vector<std::vector<std::string>> query(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        std::vector<std::vector<std::string>> rows;
        EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK)
            << sqlite3_errmsg(db);
        while (st && sqlite3_step(st) == SQLITE_ROW) {
            std::vector<std::string> r;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                const void* b = sqlite3_column_blob(st, i);
                r.emplace_back(static_cast<const char*>(b),
                               static_cast<std::size_t>(sqlite3_column_bytes(st, i)));
            }
            rows.push_back(r);
        }
        sqlite3_finalize(st);
        return rows;
    }
};

}  // namespace

TEST(Pyramid, OneAndTwoThreadsGiveIdenticalBytes) {
    auto d1 = fl::test::scratch("pyr_j1"), d2 = fl::test::scratch("pyr_j2");
    auto s = scene();
    auto st = style();
    auto a = fl::render_pyramid(s, st, options(d1, 1));
    auto b = fl::render_pyramid(s, st, options(d2, 2));
    EXPECT_EQ(a.tiles, b.tiles);
    auto t1 = tree(d1), t2 = tree(d2);
    ASSERT_EQ(t1.size(), t2.size());
    EXPECT_TRUE(t1 == t2) << "XYZ tree or MBTiles differ between -j1 and -j2";
}

TEST(Pyramid, TilesAreCutFromFixedMetatiles) {
    // Every tile is drawn inside its aligned kMetatile block cut to the region, so a tile's
    // bytes are those of that block's piece, and far fewer images are drawn than tiles.
    auto dir = fl::test::scratch("pyr_meta");
    auto s = scene();
    auto st = style();
    auto opt = options(dir, 2);
    opt.minzoom = opt.maxzoom = 10;
    const auto stats = fl::render_pyramid(s, st, opt);
    EXPECT_LT(stats.metatiles * 8, stats.tiles) << stats.metatiles << " metatiles";
    const fl::TileId nw = fl::tile_for_lonlat(opt.lonlat.minx, opt.lonlat.maxy, 10);
    const fl::TileId se = fl::tile_for_lonlat(opt.lonlat.maxx, opt.lonlat.miny, 10);
    const fl::TileId t = fl::tile_for_lonlat(37.16, 36.20, 10);  // Aleppo's tile
    const fl::Metatile m = fl::metatile_of(t, 2, nw, se);
    EXPECT_EQ(m.nx * m.ny, 16) << "@2x tiles are drawn 4 x 4";
    const auto block = fl::render_block(s, st, 10, m.x0, m.y0, m.nx, m.ny, 2);
    EXPECT_EQ(
        fl::read_file(dir / "test" / "10" / std::to_string(t.x) / (std::to_string(t.y) + "@2x.png"),
                      "test"),
        fl::encode_png(fl::cut_tile(block, t.x - m.x0, t.y - m.y0, 2), opt.png));
}

TEST(Pyramid, XyzLayoutAndRetinaTiles) {
    auto dir = fl::test::scratch("pyr_layout");
    auto opt = options(dir, 2);
    auto stats = fl::render_pyramid(scene(), style(), opt);
    auto t = fl::tile_for_lonlat(37.16, 36.20, 8);
    auto p1 = fl::tile_path(opt, t, 1), p2 = fl::tile_path(opt, t, 2);
    EXPECT_EQ(p1, dir / "test" / "8" / std::to_string(t.x) / (std::to_string(t.y) + ".png"));
    EXPECT_EQ(p2, dir / "test" / "8" / std::to_string(t.x) / (std::to_string(t.y) + "@2x.png"));
    EXPECT_EQ(fl::decode_png(fl::read_file(p1, "test")).width, 256);
    EXPECT_EQ(fl::decode_png(fl::read_file(p2, "test")).width, 512);
    std::size_t per_scale = 0;
    for (int z = 5; z <= 8; ++z) per_scale += fl::tiles_covering(opt.lonlat, z).size();
    EXPECT_EQ(stats.tiles, per_scale * 2);
}

TEST(Pyramid, IdenticalTilesAreHardLinked) {
    auto dir = fl::test::scratch("pyr_links");
    auto opt = options(dir, 2);
    opt.lonlat = {30.0, 30.0, 40.0, 40.0};  // much sea and plain land: many identical tiles
    opt.minzoom = opt.maxzoom = 7;
    opt.scales = {1};
    auto stats = fl::render_pyramid(scene(), style(), opt);
    std::size_t linked = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir / "test")) {
        struct stat sb {};
        if (e.is_regular_file() && ::stat(e.path().c_str(), &sb) == 0 && sb.st_nlink > 1) ++linked;
    }
    EXPECT_GT(linked, 10u);
    EXPECT_LT(stats.unique, stats.tiles);
}

TEST(Mbtiles, FollowsSpec13WithTmsRows) {
    auto dir = fl::test::scratch("pyr_mbtiles");
    auto opt = options(dir, 2);
    auto stats = fl::render_pyramid(scene(), style(), opt);
    Db db(dir / "test.mbtiles");
    std::map<std::string, std::string> meta;
    for (auto& r : db.query("SELECT name, value FROM metadata")) meta[r[0]] = r[1];
    for (const char* k :
         {"name", "format", "bounds", "center", "minzoom", "maxzoom", "attribution"}) {
        EXPECT_TRUE(meta.count(k))
            << "metadata lacks " << k << " (MBTiles 1.3, section Content: metadata)";
    }
    EXPECT_EQ(meta["format"], "png");
    EXPECT_EQ(meta["minzoom"], "5");
    EXPECT_EQ(meta["maxzoom"], "8");
    auto count = db.query("SELECT count(*) FROM tiles");
    ASSERT_EQ(count.size(), 1u);
    EXPECT_EQ(std::stoul(std::string(count[0][0].c_str())), stats.tiles / 2);  // scale-1 tiles only
    // TMS flip: XYZ (z, x, y) is stored at row 2^z - 1 - y, with the same bytes as the file.
    auto t = fl::tile_for_lonlat(37.16, 36.20, 8);
    auto rows =
        db.query("SELECT tile_data FROM tiles WHERE zoom_level = 8 AND tile_column = " +
                 std::to_string(t.x) + " AND tile_row = " + std::to_string((1 << 8) - 1 - t.y));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0], fl::read_file(fl::tile_path(opt, t, 1), "test"));
    auto images = db.query("SELECT count(*) FROM images");
    EXPECT_EQ(std::stoul(std::string(images[0][0].c_str())), stats.unique);
}

TEST(TileJson, Has300RequiredKeys) {
    auto opt = options("/tmp", 1);
    auto j = nlohmann::json::parse(fl::tilejson(opt, "test/{z}/{x}/{y}.png"));
    EXPECT_EQ(j["tilejson"], "3.0.0");   // TileJSON 3.0.0 section 3.1: required
    ASSERT_TRUE(j["tiles"].is_array());  // section 3.2: required, array of endpoints
    EXPECT_EQ(j["tiles"][0], "test/{z}/{x}/{y}.png");
    EXPECT_EQ(j["bounds"].size(), 4u);
    EXPECT_EQ(j["center"].size(), 3u);
    EXPECT_GE(j["center"][2].get<int>(), j["minzoom"].get<int>());
}

TEST(Incremental, UnchangedInputsAreNotRenderedAgainAndPurgeListNamesChanges) {
    auto dir = fl::test::scratch("pyr_incremental");
    auto opt = options(dir, 2);
    opt.scales = {1};
    // A fingerprint that changes only for one tile: as if an event moved one place.
    const auto target = fl::tile_for_lonlat(37.16, 36.20, 8);
    int generation = 0;
    opt.fingerprint = [&](const fl::TileId& t, int) {
        return fl::digest(t == target ? "aleppo-" + std::to_string(generation) : "same");
    };
    auto first = fl::render_pyramid(scene(), style(), opt);
    EXPECT_EQ(first.reused, 0u);
    EXPECT_EQ(first.changed, first.tiles) << "a first run changes every tile";
    const auto before = tree(dir);

    auto second = fl::render_pyramid(scene(), style(), opt);
    EXPECT_EQ(second.reused, second.tiles);
    EXPECT_EQ(second.changed, 0u);
    EXPECT_EQ(fl::read_file(dir / "test.changed", "test"), "");

    // The one tile's inputs change and so does its picture (the scene gains a place there).
    generation = 1;
    auto s2 = scene();
    s2.places.push_back(s2.places.front());
    s2.places.back().controller = fl::Controller::government;
    s2.places.back().x += 3000;
    auto third = fl::render_pyramid(s2, style(), opt);
    EXPECT_EQ(third.reused, third.tiles - 1) << "only the changed tile is rendered";
    EXPECT_EQ(third.changed, 1u);
    EXPECT_EQ(fl::read_file(dir / "test.changed", "test"),
              "test/8/" + std::to_string(target.x) + "/" + std::to_string(target.y) + ".png\n");
    // A damaged file is rendered again even when its inputs did not change.
    auto victim = fl::tile_path(opt, fl::tile_for_lonlat(36.0, 35.2, 7), 1);
    fl::write_file_atomic(victim, "garbage");
    auto fourth = fl::render_pyramid(s2, style(), opt);
    EXPECT_EQ(fourth.reused, fourth.tiles - 1);
    EXPECT_EQ(fl::read_file(victim, "test"), before.at(fs::relative(victim, dir).string()));
}

TEST(Incremental, SameInputsOnAnotherLayerAreReadBackNotDrawn) {
    auto dir = fl::test::scratch("pyr_cross_layer");
    fl::XyzStore store;
    auto opt = options(dir, 2);
    opt.scales = {1};
    opt.store = &store;
    opt.fingerprint = [](const fl::TileId&, int) { return fl::digest("same inputs"); };
    auto a = fl::render_pyramid(scene(), style(), opt);
    opt.layer = "test-next-day";
    auto b = fl::render_pyramid(scene(), style(), opt);
    EXPECT_EQ(a.reused, 0u);
    EXPECT_EQ(b.reused, b.tiles);
    auto t = fl::tile_for_lonlat(37.16, 36.20, 8);
    opt.layer = "test";
    const auto first = fl::read_file(fl::tile_path(opt, t, 1), "test");
    opt.layer = "test-next-day";
    EXPECT_EQ(fl::read_file(fl::tile_path(opt, t, 1), "test"), first);
}

// A tile whose bytes equal a tile already linked to it (an incremental run: the first copy
// reused, the second drawn again with the same bytes) is left as it is. rename(2) of two
// links to one file does nothing, which left the link's temporary name behind.
TEST(XyzStore, RelinkingTheSameFileLeavesNoTemporary) {
    namespace fs = std::filesystem;
    auto dir = fl::test::scratch("xyz_relink");
    const fs::path a = dir / "a" / "1.png", b = dir / "b" / "1.png";
    fl::write_file_atomic(a, "png bytes");
    fs::create_directories(b.parent_path());
    fs::create_hard_link(a, b);
    fl::XyzStore store;
    store.note(a, fl::digest("png bytes"));
    EXPECT_FALSE(store.put(b, "png bytes", fl::digest("png bytes")));  // linked, not written
    EXPECT_TRUE(fs::equivalent(a, b));
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"1.png", "1.png", "a", "b"}));
}
