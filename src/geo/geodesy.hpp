// Distances on the ground, for the geoparser's and the control stage's "how far apart"
// questions: the great-circle distance, and a local plane in kilometres for geometry over a
// region the size of a governorate (Voronoi cells, nearest neighbours), where the
// equirectangular approximation errs by well under 1% at these latitudes.
#pragma once

#include <array>

namespace frontline {

// Great-circle distance in km (haversine, mean Earth radius 6,371 km).
double distance_km(double lat1, double lon1, double lat2, double lon2);

// Kilometres east and north of (lon0, lat0), with the scale of longitude taken at lat0.
struct LocalPlane {
    double lon0 = 0, lat0 = 0;
    double km_per_deg_lon = 0, km_per_deg_lat = kKmPerDegLat;
    static constexpr double kKmPerDegLat = 110.574;

    static LocalPlane at(double lon0, double lat0);
    std::array<double, 2> to_km(double lon, double lat) const {
        return {(lon - lon0) * km_per_deg_lon, (lat - lat0) * km_per_deg_lat};
    }
    std::array<double, 2> to_lonlat(double x_km, double y_km) const {
        return {x_km / km_per_deg_lon + lon0, y_km / km_per_deg_lat + lat0};
    }
};

}  // namespace frontline
