// Command-line tile options: what users type, and what must be refused.
#include "tiles/tile_options.hpp"

#include <gtest/gtest.h>

namespace fl = frontline;

TEST(TileOptions, ZoomRange) {
    fl::ZoomRange z;
    EXPECT_EQ(fl::parse_zoom_range("5-14", z), "");
    EXPECT_EQ(z.min, 5);
    EXPECT_EQ(z.max, 14);
    EXPECT_EQ(fl::parse_zoom_range("12", z), "");
    EXPECT_EQ(z.min, 12);
    EXPECT_EQ(z.max, 12);
    for (const char* bad : {"", "5-", "-5", "9-5", "5-23", "a-b", "5-10-12", "5 - 10"}) {
        EXPECT_NE(fl::parse_zoom_range(bad, z), "") << bad;
    }
}

TEST(TileOptions, Bbox) {
    fl::BBox b;
    EXPECT_EQ(fl::parse_bbox("36.5,35.5,37.5,36.5", b), "");
    EXPECT_DOUBLE_EQ(b.minx, 36.5);
    EXPECT_DOUBLE_EQ(b.maxy, 36.5);
    for (const char* bad : {"", "1,2,3", "1,2,3,4,5", "37,35,36,36", "36,36,37,35", "x,1,2,3",
                            "-181,0,1,1", "0,-89,1,1", "nan,1,2,3", "36,35,37,36,"}) {
        EXPECT_NE(fl::parse_bbox(bad, b), "") << bad;
    }
}

TEST(TileOptions, Shard) {
    fl::Shard s;
    EXPECT_EQ(fl::parse_shard("2/8", s), "");
    EXPECT_EQ(s.index, 1);
    EXPECT_EQ(s.count, 8);
    for (const char* bad : {"", "0/3", "4/3", "1/0", "1-3", "/3", "1/", "a/b", "-1/3"}) {
        EXPECT_NE(fl::parse_shard(bad, s), "") << bad;
    }
}
