// Shared by the tile tests: a small synthetic scene, pyramid options over it, and a
// directory tree read into memory for byte comparisons.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "common/atomic_file.hpp"
#include "render/style.hpp"
#include "test_util.hpp"
#include "tiles/pyramid.hpp"

namespace frontline::test {

namespace fl = frontline;
namespace fs = std::filesystem;

inline fl::Scene scene() {
    fl::MercatorProjector proj;
    fl::Scene s;
    fl::SceneArea a;
    a.focus = true;
    fl::GeoPolygon poly;
    for (auto [lon, lat] :
         {std::pair{36.2, 35.6}, {37.4, 35.7}, {37.5, 36.5}, {36.4, 36.4}, {36.2, 35.6}}) {
        auto m = proj.forward(lon, lat);
        poly.outer().emplace_back(m[0], m[1]);
    }
    a.merc.push_back(poly);
    a.bbox = {-1e9, -1e9, 1e9, 1e9};
    s.admin1.push_back(a);
    auto m = proj.forward(37.16, 36.20);
    s.places.push_back({m[0], m[1], fl::Controller::opposition, 1.0, "aleppo"});
    return s;
}

inline fl::PyramidOptions options(const fs::path& dir, int threads) {
    fl::PyramidOptions o;
    o.layer = "test";
    o.minzoom = 5;
    o.maxzoom = 8;
    o.lonlat = {35.5, 35.0, 38.5, 37.0};
    o.tiles_dir = dir;
    o.threads = threads;
    o.scales = {1, 2};
    return o;
}

inline fl::Style style() {
    return fl::read_style(fl::test::source_dir() / "styles" / "control.json");
}

inline std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file())
            out[fs::relative(e.path(), dir).string()] = fl::read_file(e.path(), "test");
    }
    return out;
}

}  // namespace frontline::test
