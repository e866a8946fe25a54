// Tile math against known tiles, and PROJ round trips.
#include "geo/mercator.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace fl = frontline;

TEST(TileMath, AleppoKnownTiles) {
    // Aleppo, 36.2012 N 37.1612 E.
    EXPECT_EQ(fl::tile_for_lonlat(37.1612, 36.2012, 10), (fl::TileId{10, 617, 401}));
    EXPECT_EQ(fl::tile_for_lonlat(37.1612, 36.2012, 12), (fl::TileId{12, 2470, 1605}));
    EXPECT_EQ(fl::tile_for_lonlat(37.1612, 36.2012, 0), (fl::TileId{0, 0, 0}));
}

TEST(TileMath, GridCornersAndClamping) {
    EXPECT_EQ(fl::tile_for_lonlat(-180, 85.05, 3), (fl::TileId{3, 0, 0}));
    EXPECT_EQ(fl::tile_for_lonlat(179.999, -85.05, 3), (fl::TileId{3, 7, 7}));
    EXPECT_EQ(fl::tile_for_lonlat(200, -90, 3), (fl::TileId{3, 7, 7}));  // clamped, never outside
}

TEST(TileMath, TileBoundsTileTheWorld) {
    auto b = fl::tile_bounds_3857({1, 0, 0});
    EXPECT_DOUBLE_EQ(b.minx, -fl::kOriginShift);
    EXPECT_DOUBLE_EQ(b.maxy, fl::kOriginShift);
    EXPECT_NEAR(b.maxx, 0, 1e-6);
    EXPECT_NEAR(b.miny, 0, 1e-6);
}

TEST(Projection, MatchesSphericalMercatorFormula) {
    fl::MercatorProjector p;
    auto m = p.forward(37.1612, 36.2012);
    const double x = 37.1612 * M_PI / 180 * fl::kEarthRadius;
    const double y = std::log(std::tan(M_PI / 4 + 36.2012 * M_PI / 360)) * fl::kEarthRadius;
    EXPECT_NEAR(m[0], x, 1e-3);
    EXPECT_NEAR(m[1], y, 1e-3);
}

TEST(Projection, RoundTrip) {
    fl::MercatorProjector p;
    for (double lat : {-60.0, 0.0, 35.93, 36.2, 80.0}) {
        for (double lon : {-179.0, 0.0, 36.63, 179.0}) {
            auto m = p.forward(lon, lat);
            auto ll = p.inverse(m[0], m[1]);
            EXPECT_NEAR(ll[0], lon, 1e-9);
            EXPECT_NEAR(ll[1], lat, 1e-9);
        }
    }
}
