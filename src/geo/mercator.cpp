// Tile grid arithmetic and the PROJ-backed EPSG:4326 <-> EPSG:3857 transform.
#include "geo/mercator.hpp"

#include <proj.h>

#include <algorithm>
#include <cmath>

#include "common/error.hpp"

namespace frontline {

TileId tile_for_lonlat(double lon, double lat, int z) {
    const double n = std::ldexp(1.0, z);
    lat = std::clamp(lat, -kMaxLatitude, kMaxLatitude);
    const double lat_rad = lat * kPi / 180.0;
    int x = static_cast<int>(std::floor((lon + 180.0) / 360.0 * n));
    int y = static_cast<int>(std::floor((1.0 - std::asinh(std::tan(lat_rad)) / kPi) / 2.0 * n));
    const int max = static_cast<int>(n) - 1;
    return {z, std::clamp(x, 0, max), std::clamp(y, 0, max)};
}

FittedView fit_bbox(double west, double south, double east, double north, double width,
                    double height, int max_zoom) {
    const double x0 = lon_to_x(west), x1 = lon_to_x(east);
    const double y0 = lat_to_y(south), y1 = lat_to_y(north);
    const double res = std::max((x1 - x0) / width, (y1 - y0) / height);
    FittedView v;
    v.exact_zoom = std::log2(2 * kOriginShift / (256 * res));
    v.zoom = std::clamp(static_cast<int>(std::floor(v.exact_zoom + 0.25)), 0, max_zoom);
    v.magnify = std::exp2(v.exact_zoom - v.zoom);
    const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    v.extent_3857 = {cx - res * width / 2, cy - res * height / 2, cx + res * width / 2,
                     cy + res * height / 2};
    return v;
}

FittedView view_at(double lon, double lat, int zoom, double width, double height) {
    const double res = 2 * kOriginShift / (256.0 * std::ldexp(1.0, zoom));
    const double cx = lon_to_x(lon), cy = lat_to_y(lat);
    FittedView v;
    v.exact_zoom = zoom;
    v.zoom = zoom;
    v.extent_3857 = {cx - res * width / 2, cy - res * height / 2, cx + res * width / 2,
                     cy + res * height / 2};
    return v;
}

BBox tile_bounds_3857(const TileId& t) {
    const double size = 2 * kOriginShift / std::ldexp(1.0, t.z);
    return {-kOriginShift + t.x * size, kOriginShift - (t.y + 1) * size,
            -kOriginShift + (t.x + 1) * size, kOriginShift - t.y * size};
}

struct MercatorProjector::Impl {
    PJ_CONTEXT* ctx = nullptr;
    PJ* pj = nullptr;
};

MercatorProjector::MercatorProjector() : impl_(std::make_unique<Impl>()) {
    impl_->ctx = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(impl_->ctx, "EPSG:4326", "EPSG:3857", nullptr);
    if (!raw) {
        proj_context_destroy(impl_->ctx);
        throw Error(
            "geo", "PROJ",
            "cannot create EPSG:4326 -> EPSG:3857 transformation (is proj-data installed?)");
    }
    // EPSG:4326 is latitude-first; normalise to the lon, lat order we use everywhere.
    impl_->pj = proj_normalize_for_visualization(impl_->ctx, raw);
    proj_destroy(raw);
    if (!impl_->pj) {
        proj_context_destroy(impl_->ctx);
        throw Error("geo", "PROJ", "cannot normalise axis order");
    }
}

MercatorProjector::~MercatorProjector() {
    proj_destroy(impl_->pj);
    proj_context_destroy(impl_->ctx);
}

std::array<double, 2> MercatorProjector::forward(double lon, double lat) const {
    lat = std::clamp(lat, -kMaxLatitude, kMaxLatitude);
    PJ_COORD c = proj_coord(lon, lat, 0, 0);
    PJ_COORD r = proj_trans(impl_->pj, PJ_FWD, c);
    return {r.xy.x, r.xy.y};
}

std::array<double, 2> MercatorProjector::inverse(double x, double y) const {
    PJ_COORD c = proj_coord(x, y, 0, 0);
    PJ_COORD r = proj_trans(impl_->pj, PJ_INV, c);
    return {r.lp.lam, r.lp.phi};
}

}  // namespace frontline
