// Web Mercator (EPSG:3857) and the XYZ tile grid. PROJ does the datum-aware transform;
// the tile grid arithmetic is the standard one (y = 0 at the north edge).
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <memory>

namespace frontline {

constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthRadius = 6378137.0;           // EPSG:3857 sphere
constexpr double kOriginShift = kPi * kEarthRadius;  // half the world, m
constexpr double kMaxLatitude = 85.0511287798066;

struct TileId {
    int z = 0;
    int x = 0;
    int y = 0;
    friend bool operator==(const TileId&, const TileId&) = default;
};

struct BBox {  // in the unit of context: degrees (lon/lat) or metres (EPSG:3857)
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
};

// The tile containing lon/lat at zoom z (clamped to the grid).
TileId tile_for_lonlat(double lon, double lat, int z);
// The tile's extent in EPSG:3857 metres.
BBox tile_bounds_3857(const TileId& t);
// Metres to global pixel coordinates at zoom z for `tile_size` pixel tiles.
inline double world_px(double z_scale, double metres_x) {
    return (metres_x + kOriginShift) / (2 * kOriginShift) * z_scale;
}

// The spherical Web Mercator formulas, for frame fitting and request parsing where a PROJ
// context per call would cost more than the arithmetic (the tiles use MercatorProjector).
inline double lon_to_x(double lon) {
    return lon * kPi / 180.0 * kEarthRadius;
}
inline double lat_to_y(double lat) {
    return std::log(std::tan(kPi / 4 + lat * kPi / 360.0)) * kEarthRadius;
}
inline double y_to_lat(double y) {
    return (2 * std::atan(std::exp(y / kEarthRadius)) - kPi / 2) * 180 / kPi;
}

// What a width x height pixel map of a lon/lat box shows, as `frontline static --bbox` and the
// server's /static.png?bbox= both draw it: the box widened about its centre to the map's
// aspect ratio (nothing is stretched), the exact zoom of that resolution, and the whole style
// zoom at most 0.25 below it with the style's pixel sizes magnified by 2^(exact - zoom), so a
// fitted map's text is 0.84 to 1.68 times the tiles' (text of a finer zoom scaled down to half
// is too small to read). `zoom` is clamped to 0..max_zoom; check `exact_zoom` to refuse a box
// too small.
struct FittedView {
    BBox extent_3857;
    double exact_zoom = 0;
    int zoom = 0;
    double magnify = 1;
};
FittedView fit_bbox(double west, double south, double east, double north, double width,
                    double height, int max_zoom);
// A map centred on lon/lat at a whole zoom: magnify 1.
FittedView view_at(double lon, double lat, int zoom, double width, double height);

// A PROJ transformation between EPSG:4326 (lon, lat order) and EPSG:3857. Each object owns
// its own PROJ context, so use one per thread.
class MercatorProjector {
  public:
    MercatorProjector();
    ~MercatorProjector();
    MercatorProjector(const MercatorProjector&) = delete;
    MercatorProjector& operator=(const MercatorProjector&) = delete;

    std::array<double, 2> forward(double lon, double lat) const;  // -> metres
    std::array<double, 2> inverse(double x, double y) const;      // -> lon, lat

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace frontline
