// Tile option values: what users type, and what must be refused.
#include "tiles/tile_options.hpp"

#include <gtest/gtest.h>

#include "common/option_error.hpp"
#include "tiles/pyramid.hpp"

namespace fl = frontline;

TEST(TileOptions, ZoomRange) {
    auto z = fl::parse_zoom_range("5-14");
    ASSERT_TRUE(z);
    EXPECT_EQ(z->min, 5);
    EXPECT_EQ(z->max, 14);
    z = fl::parse_zoom_range("12");
    ASSERT_TRUE(z);
    EXPECT_EQ(z->min, 12);
    EXPECT_EQ(z->max, 12);
    for (const char* bad : {"", "5-", "-5", "9-5", "5-23", "a-b", "5-10-12", "5 - 10"}) {
        EXPECT_FALSE(fl::parse_zoom_range(bad)) << bad;
    }
}

TEST(TileOptions, Bbox) {
    const auto b = fl::parse_bbox("36.5,35.5,37.5,36.5");
    ASSERT_TRUE(b);
    EXPECT_DOUBLE_EQ(b->minx, 36.5);
    EXPECT_DOUBLE_EQ(b->maxy, 36.5);
    for (const char* bad : {"", "1,2,3", "1,2,3,4,5", "37,35,36,36", "36,36,37,35", "x,1,2,3",
                            "-181,0,1,1", "0,-89,1,1", "nan,1,2,3", "36,35,37,36,"}) {
        EXPECT_FALSE(fl::parse_bbox(bad)) << bad;
    }
}

TEST(TileOptions, Shard) {
    const auto s = fl::parse_shard("2/8");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->index, 1);
    EXPECT_EQ(s->count, 8);
    for (const char* bad : {"", "0/3", "4/3", "1/0", "1-3", "/3", "1/", "a/b", "-1/3"}) {
        EXPECT_FALSE(fl::parse_shard(bad)) << bad;
    }
}

// The zoom ceiling: a range inside 0-22 whose pyramid would not fit in memory is refused
// with a usage error that names a range that fits, before anything is listed or drawn. The
// options are named the library's way ({zoom}); the command line says --zoom.
TEST(TileOptions, DeepZoomOverTheRegionIsRefusedNotAllocated) {
    const fl::BBox region{35.9, 35.2, 38.8, 36.9};  // about Aleppo and Idlib governorates
    EXPECT_LT(fl::count_tiles(region, 5, 12), fl::kMaxTilesPerLayer);
    EXPECT_NO_THROW(fl::check_tile_count(region, 5, 12));
    EXPECT_GT(fl::count_tiles(region, 22, 22), std::uint64_t{500'000'000});
    try {
        fl::check_tile_count(region, 22, 22);
        FAIL() << "zoom 22-22 accepted";
    } catch (const fl::OptionError& e) {
        EXPECT_EQ(e.exit_code(), fl::kExitUsage);
        const std::string m = e.what();
        EXPECT_NE(m.find("{zoom} 22-22"), std::string::npos) << m;
        EXPECT_NE(m.find("smaller {bbox}"), std::string::npos) << m;
        const std::string flags =
            e.spelled([](std::string_view n) { return "--" + std::string(n); });
        EXPECT_NE(flags.find("tiles error: --zoom 22-22: "), std::string::npos) << flags;
        EXPECT_NE(flags.find("smaller --bbox"), std::string::npos) << flags;
    }
    try {
        fl::check_tile_count(region, 5, 22);
        FAIL() << "zoom 5-22 accepted";
    } catch (const fl::OptionError& e) {
        // The deepest zoom that fits is offered, and it does fit.
        const std::string m = e.what();
        const auto at = m.find("give {zoom} 5-");
        ASSERT_NE(at, std::string::npos) << m;
        const int fits = std::stoi(m.substr(at + 14));
        EXPECT_GE(fits, 12);
        EXPECT_NO_THROW(fl::check_tile_count(region, 5, fits));
        EXPECT_THROW(fl::check_tile_count(region, 5, fits + 1), fl::Error);
    }
    // A small box may go deep.
    EXPECT_NO_THROW(fl::check_tile_count({37.15, 36.19, 37.17, 36.21}, 22, 22));
}
