#include "geo/geodesy.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace frontline {

double distance_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double r = std::numbers::pi / 180.0;
    const double a = std::sin((lat2 - lat1) * r / 2), b = std::sin((lon2 - lon1) * r / 2);
    const double h = a * a + std::cos(lat1 * r) * std::cos(lat2 * r) * b * b;
    return 2 * 6371.0 * std::asin(std::sqrt(std::min(1.0, h)));
}

LocalPlane LocalPlane::at(double lon0, double lat0) {
    LocalPlane p;
    p.lon0 = lon0;
    p.lat0 = lat0;
    p.km_per_deg_lon = 111.320 * std::cos(lat0 * std::numbers::pi / 180);
    return p;
}

}  // namespace frontline
