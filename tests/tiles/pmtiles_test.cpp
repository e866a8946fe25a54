// PMTiles v3 against the spec: TileIDs (spec 4.1's table), directory bytes (spec 4.2), the
// 127-byte header (spec 3), identical contents stored once and runs of repeated tiles, leaf
// directories when the root would pass 16 KiB, and a rendered pyramid read back tile by
// tile, byte-identical to the XYZ files.
#include "tiles/pmtiles.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "test_util.hpp"
#include "tiles/pyramid.hpp"
#include "tiles/tiles_fixture.hpp"

namespace fl = frontline;
namespace fs = std::filesystem;

namespace {

std::uint64_t id(int z, int x, int y) {
    return fl::pmtiles_tile_id({z, x, y});
}

// Distinct small contents of pseudo-random lengths (1..200 bytes), so directories do not
// compress to nothing and no two tiles share content.
std::string content(std::uint64_t i) {
    std::string s = std::to_string(i) + ':';
    std::uint64_t h = (i + 1) * 0x9E3779B97F4A7C15ULL;  // mixed, so lengths do not repeat
    h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ULL;
    const std::uint64_t len = (h ^ (h >> 32)) % 200;
    s.append(static_cast<std::size_t>(len), static_cast<char>('a' + i % 26));
    return s;
}

}  // namespace

TEST(PmtilesTileId, SpecTable) {
    // Spec 4.1's table.
    EXPECT_EQ(id(0, 0, 0), 0u);
    EXPECT_EQ(id(1, 0, 0), 1u);
    EXPECT_EQ(id(1, 0, 1), 2u);
    EXPECT_EQ(id(1, 1, 1), 3u);
    EXPECT_EQ(id(1, 1, 0), 4u);
    EXPECT_EQ(id(2, 0, 0), 5u);
    EXPECT_EQ(id(12, 3423, 1763), 19078479u);
    // The first ID of each zoom follows all tiles of the zooms before it.
    EXPECT_EQ(id(3, 0, 0), 21u);
    EXPECT_EQ(id(8, 0, 0), 21845u);
    EXPECT_EQ(id(12, 0, 0), 5592405u);
}

TEST(PmtilesTileId, RoundTripsAndWalksTheHilbertCurve) {
    for (int z = 0; z <= 7; ++z) {
        const int n = 1 << z;
        std::set<std::uint64_t> ids;
        for (int x = 0; x < n; ++x) {
            for (int y = 0; y < n; ++y) {
                const std::uint64_t i = id(z, x, y);
                ids.insert(i);
                EXPECT_EQ(fl::pmtiles_tile(i), (fl::TileId{z, x, y})) << i;
            }
        }
        // The zoom's IDs are one contiguous block...
        ASSERT_EQ(ids.size(), static_cast<std::size_t>(n) * n);
        EXPECT_EQ(*ids.begin(), id(z, 0, 0));
        EXPECT_EQ(*ids.rbegin() - *ids.begin() + 1, ids.size());
        // ... and consecutive IDs are neighbouring tiles (what makes it a Hilbert curve).
        for (std::uint64_t i = *ids.begin(); i < *ids.rbegin(); ++i) {
            const auto a = fl::pmtiles_tile(i), b = fl::pmtiles_tile(i + 1);
            EXPECT_EQ(std::abs(a.x - b.x) + std::abs(a.y - b.y), 1) << "IDs " << i;
        }
    }
    // Large zooms: the inverse still agrees.
    for (const fl::TileId t : {fl::TileId{20, 612345, 401234}, fl::TileId{31, 2147483647, 5}}) {
        EXPECT_EQ(fl::pmtiles_tile(fl::pmtiles_tile_id(t)), t);
    }
    EXPECT_THROW(id(2, 4, 0), fl::Error);
}

TEST(PmtilesDirectory, SpecEncoding) {
    // TileIDs 5, 42, 69 delta-encoded as 5, 37, 27 (spec 4.2); the second blob follows the
    // first (offset written 0), the third does not (offset + 1).
    std::vector<fl::PmEntry> e = {{5, 0, 10, 1}, {42, 10, 20, 1}, {69, 100, 300, 2}};
    const std::string bytes = fl::encode_pm_directory(e);
    const std::string expected = {3, 5, 37, 27, 1, 1, 2, 10, 20, static_cast<char>(0xAC),
                                  2, 1, 0,  101};
    EXPECT_EQ(bytes, expected);  // 300 is the varint AC 02
    EXPECT_EQ(fl::decode_pm_directory(bytes, "test"), e);
    EXPECT_THROW(fl::decode_pm_directory(bytes.substr(0, bytes.size() - 1), "test"), fl::Error);
    EXPECT_THROW(fl::decode_pm_directory(std::string(1, '\0'), "test"), fl::Error);
}

TEST(PmtilesHeader, FieldsAtTheirSpecOffsets) {
    fl::PmHeader h;
    h.root_offset = 127;
    h.root_length = 300;
    h.data_offset = 1000;
    h.addressed_tiles = 77;
    h.clustered = true;
    h.minzoom = 5;
    h.maxzoom = 12;
    h.min_lon = 35.5;
    h.min_lat = -35.25;
    h.max_lon = 38.5;
    h.max_lat = 37.0;
    h.center_zoom = 8;
    h.center_lon = 37.0;
    h.center_lat = 36.0;
    const std::string b = fl::encode_pm_header(h);
    ASSERT_EQ(b.size(), 127u);
    EXPECT_EQ(b.substr(0, 7), "PMTiles");
    EXPECT_EQ(b[7], 3);
    EXPECT_EQ(static_cast<unsigned char>(b[8]), 127);  // root offset, little-endian
    EXPECT_EQ(static_cast<unsigned char>(b[16]), 300 & 0xFF);
    EXPECT_EQ(static_cast<unsigned char>(b[17]), 300 >> 8);
    EXPECT_EQ(static_cast<unsigned char>(b[72]), 77);
    EXPECT_EQ(b[96], 1);  // clustered
    EXPECT_EQ(b[97], 2);  // gzip
    EXPECT_EQ(b[98], 1);  // tiles not compressed again
    EXPECT_EQ(b[99], 2);  // PNG
    EXPECT_EQ(b[100], 5);
    EXPECT_EQ(b[101], 12);
    EXPECT_EQ(b[118], 8);
    // min latitude -35.25 -> -352500000 as a little-endian int32 at byte 106.
    std::int32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v |= static_cast<std::int32_t>(static_cast<unsigned char>(b[106 + i])) << (8 * i);
    EXPECT_EQ(v, -352500000);
    const auto back = fl::decode_pm_header(b, "test");
    EXPECT_EQ(back.root_length, 300u);
    EXPECT_EQ(back.data_offset, 1000u);
    EXPECT_DOUBLE_EQ(back.min_lat, -35.25);
    EXPECT_DOUBLE_EQ(back.center_lon, 37.0);
    EXPECT_EQ(back.maxzoom, 12);
    EXPECT_THROW(fl::decode_pm_header(b.substr(0, 100), "test"), fl::Error);
    std::string v2 = b;
    v2[7] = 2;
    EXPECT_THROW(fl::decode_pm_header(v2, "test"), fl::Error);
}

TEST(Pmtiles, IdenticalContentsStoredOnceAndRunsOfRepeats) {
    auto dir = fl::test::scratch("pm_dedupe");
    const fs::path path = dir / "t.pmtiles";
    const std::string a = "content A", b = "the other content";
    {
        fl::PmInfo info;
        info.minzoom = info.maxzoom = 2;
        fl::PmtilesWriter w(path, info);
        // All 16 tiles of zoom 2 (IDs 5..20), added in z/x/y order: the writer sorts.
        for (int x = 0; x < 4; ++x) {
            for (int y = 0; y < 4; ++y) {
                const std::string& c = id(2, x, y) == 10 ? b : a;
                w.add({2, x, y}, c, fl::digest(c));
            }
        }
        w.commit();
    }
    fl::PmtilesReader r(path);
    const auto& h = r.header();
    EXPECT_EQ(h.addressed_tiles, 16u);
    EXPECT_EQ(h.tile_entries, 3u);  // 5..9 a, 10 b, 11..20 a
    EXPECT_EQ(h.tile_contents, 2u);
    EXPECT_EQ(h.data_length, a.size() + b.size());
    EXPECT_EQ(fs::file_size(path), h.data_offset + h.data_length);
    const std::vector<fl::PmEntry> expected = {
        {5, 0, static_cast<std::uint32_t>(a.size()), 5},
        {10, a.size(), static_cast<std::uint32_t>(b.size()), 1},
        {11, 0, static_cast<std::uint32_t>(a.size()), 10}};  // points back: stored once
    EXPECT_EQ(r.root(), expected);
    for (int x = 0; x < 4; ++x) {
        for (int y = 0; y < 4; ++y) EXPECT_EQ(r.tile({2, x, y}), id(2, x, y) == 10 ? b : a);
    }
    EXPECT_FALSE(r.tile({3, 0, 0}));
    std::size_t n = 0;
    r.for_each([&](const fl::TileId&, std::string_view) { ++n; });
    EXPECT_EQ(n, 16u);
    // Only the archive is left: no temporaries.
    EXPECT_EQ(fl::test::tree(dir).size(), 1u);
}

TEST(Pmtiles, LeafDirectoriesKeepTheRootWithin16KiB) {
    auto dir = fl::test::scratch("pm_leaves");
    const fs::path path = dir / "big.pmtiles";
    {
        fl::PmInfo info;
        info.minzoom = 0;
        info.maxzoom = 8;
        fl::PmtilesWriter w(path, info);
        for (int z = 0; z <= 8; ++z) {
            for (int x = 0; x < (1 << z); ++x) {
                for (int y = 0; y < (1 << z); ++y) {
                    const std::string c = content(id(z, x, y));
                    w.add({z, x, y}, c, fl::digest(c));
                }
            }
        }
        w.commit();
    }
    fl::PmtilesReader r(path);
    const auto& h = r.header();
    EXPECT_EQ(h.addressed_tiles, 87381u);  // every tile of zooms 0..8
    EXPECT_EQ(h.tile_contents, 87381u);
    EXPECT_GT(h.leaf_length, 0u) << "87,381 distinct entries cannot fit a 16 KiB root";
    EXPECT_LE(h.root_offset + h.root_length, 16384u);
    for (const auto& e : r.root()) EXPECT_EQ(e.run_length, 0u) << "root holds leaves only";
    for (const fl::TileId t : {fl::TileId{0, 0, 0}, fl::TileId{5, 17, 3}, fl::TileId{8, 255, 255},
                               fl::TileId{8, 0, 200}, fl::TileId{7, 100, 27}}) {
        EXPECT_EQ(r.tile(t), content(fl::pmtiles_tile_id(t))) << t.z << "/" << t.x << "/" << t.y;
    }
    std::uint64_t n = 0, last = 0;
    bool ordered = true;
    r.for_each([&](const fl::TileId& t, std::string_view data) {
        const auto i = fl::pmtiles_tile_id(t);
        ordered = ordered && (n == 0 || i > last);
        last = i;
        ++n;
        if (data != content(i)) ADD_FAILURE() << "tile " << i;
    });
    EXPECT_EQ(n, 87381u);
    EXPECT_TRUE(ordered);
}

TEST(Pmtiles, DirectoryBuilderSplitsOnlyWhenNeeded) {
    std::vector<fl::PmEntry> entries;
    for (std::uint64_t i = 0; i < 20000; ++i)
        entries.push_back({i * 2, i * 100, static_cast<std::uint32_t>(1 + i % 97), 1});
    auto one = fl::build_pm_directories(entries, fl::PmCompression::none, 1 << 20);
    EXPECT_EQ(one.leaf_count, 0u);
    EXPECT_TRUE(one.leaves.empty());
    EXPECT_EQ(fl::decode_pm_directory(one.root, "root"), entries);
    auto split = fl::build_pm_directories(entries, fl::PmCompression::none, 200);
    EXPECT_GT(split.leaf_count, 1u);
    EXPECT_LE(split.root.size(), 200u);
    // The leaves, in root order, hold exactly the entries.
    std::vector<fl::PmEntry> back;
    for (const auto& l : fl::decode_pm_directory(split.root, "root")) {
        auto part = fl::decode_pm_directory(split.leaves.substr(l.offset, l.length), "leaf");
        EXPECT_EQ(part.front().tile_id, l.tile_id);
        back.insert(back.end(), part.begin(), part.end());
    }
    EXPECT_EQ(back, entries);
}

TEST(Pmtiles, PyramidArchiveMatchesTheXyzTiles) {
    auto dir = fl::test::scratch("pm_pyramid");
    auto opt = fl::test::options(dir, 2);
    auto stats = fl::render_pyramid(fl::test::scene(), fl::test::style(), opt);
    fl::PmtilesReader r(dir / "test.pmtiles");
    const auto& h = r.header();
    EXPECT_EQ(h.tile_type, fl::PmTileType::png);
    EXPECT_EQ(h.tile_compression, fl::PmCompression::none);
    EXPECT_EQ(h.internal_compression, fl::PmCompression::gzip);
    EXPECT_TRUE(h.clustered);
    EXPECT_EQ(h.minzoom, 5);
    EXPECT_EQ(h.maxzoom, 8);
    EXPECT_NEAR(h.min_lon, opt.lonlat.minx, 1e-7);
    EXPECT_NEAR(h.min_lat, opt.lonlat.miny, 1e-7);
    EXPECT_NEAR(h.max_lon, opt.lonlat.maxx, 1e-7);
    EXPECT_NEAR(h.max_lat, opt.lonlat.maxy, 1e-7);
    EXPECT_NEAR(h.center_lon, 37.0, 1e-7);
    EXPECT_NEAR(h.center_lat, 36.0, 1e-7);
    EXPECT_EQ(h.center_zoom, 8);
    EXPECT_EQ(h.root_offset, 127u);
    EXPECT_LE(h.root_offset + h.root_length, 16384u);
    auto meta = nlohmann::json::parse(r.metadata());
    EXPECT_EQ(meta.at("name"), "test");
    EXPECT_EQ(meta.at("type"), "overlay");
    EXPECT_EQ(meta.at("version"), "1.0.0");
    EXPECT_NE(meta.at("attribution").get<std::string>().find("GeoNames"), std::string::npos);
    // Every 256 px tile, fetched by z/x/y through the directory, is the XYZ file's bytes.
    std::size_t tiles = 0;
    std::set<std::string> distinct;
    for (int z = opt.minzoom; z <= opt.maxzoom; ++z) {
        for (const auto& t : fl::tiles_covering(opt.lonlat, z)) {
            const std::string file = fl::read_file(fl::tile_path(opt, t, 1), "test");
            auto got = r.tile(t);
            ASSERT_TRUE(got) << t.z << "/" << t.x << "/" << t.y;
            EXPECT_TRUE(*got == file) << t.z << "/" << t.x << "/" << t.y;
            distinct.insert(file);
            ++tiles;
        }
    }
    EXPECT_EQ(h.addressed_tiles, tiles);
    EXPECT_EQ(h.tile_contents, distinct.size());
    EXPECT_EQ(stats.unique, distinct.size());  // the MBTiles file agrees
    EXPECT_FALSE(r.tile(fl::tile_for_lonlat(-70, 40, 6))) << "a tile outside the layer";
}

TEST(Pmtiles, GovernoratesZ5To12FitOneRootDirectory) {
    // The default pyramid (z5-12 over the two governorates' envelope) with every tile
    // distinct, the worst case for the directory: still one root under 16 KiB, no leaves.
    auto dir = fl::test::scratch("pm_z12");
    const fl::BBox gov{35.5, 34.9, 38.8, 36.9};
    fl::PmInfo info;
    info.minzoom = 5;
    info.maxzoom = 12;
    std::size_t n = 0;
    {
        fl::PmtilesWriter w(dir / "z12.pmtiles", info);
        for (int z = 5; z <= 12; ++z) {
            for (const auto& t : fl::tiles_covering(gov, z)) {
                const std::string c = content(fl::pmtiles_tile_id(t)) + std::string(3000, 'p');
                w.add(t, c, fl::digest(c));
                ++n;
            }
        }
        w.commit();
    }
    fl::PmtilesReader r(dir / "z12.pmtiles");
    EXPECT_GT(n, 1000u);
    EXPECT_EQ(r.header().addressed_tiles, n);
    EXPECT_EQ(r.header().leaf_length, 0u);
    EXPECT_LE(r.header().root_offset + r.header().root_length, 16384u);
}

TEST(Pmtiles, NoCommitLeavesNothing) {
    auto dir = fl::test::scratch("pm_rollback");
    {
        fl::PmtilesWriter w(dir / "x.pmtiles", {});
        w.add({0, 0, 0}, "abc", fl::digest("abc"));
        EXPECT_THROW(w.add({0, 0, 0}, "abd", fl::digest("abd")), fl::Error);
    }
    EXPECT_TRUE(fs::is_empty(dir));
}

TEST(Pmtiles, CorruptArchivesAreErrorsNamingTheFile) {
    auto dir = fl::test::scratch("pm_corrupt");
    fl::write_file_atomic(dir / "short.pmtiles", "PMTiles");
    try {
        fl::PmtilesReader r(dir / "short.pmtiles");
        ADD_FAILURE() << "no error";
    } catch (const fl::Error& e) {
        EXPECT_NE(std::string(e.what()).find("short.pmtiles"), std::string::npos) << e.what();
    }
    // A valid archive cut inside its tile data: the header points past the end.
    {
        fl::PmtilesWriter w(dir / "ok.pmtiles", {});
        w.add({0, 0, 0}, "some tile bytes", fl::digest("some tile bytes"));
        w.commit();
    }
    std::string bytes = fl::read_file(dir / "ok.pmtiles", "test");
    fl::write_file_atomic(dir / "cut.pmtiles", bytes.substr(0, bytes.size() - 4));
    EXPECT_THROW(fl::PmtilesReader(dir / "cut.pmtiles"), fl::Error);
    // Garbage in the root directory.
    bytes[130] = static_cast<char>(bytes[130] ^ 0x5A);
    fl::write_file_atomic(dir / "bad.pmtiles", bytes);
    fl::PmtilesReader bad(dir / "bad.pmtiles");
    EXPECT_THROW(bad.tile({0, 0, 0}), fl::Error);
}
