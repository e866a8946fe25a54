// Control areas: Voronoi cells clipped, cut to max_km and dissolved by controller.
#include "control/areas.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace fl = frontline;

namespace {
// A lon/lat square of about 44 km x 44 km near Aleppo.
fl::GeoMultiPolygon square(double lon0 = 37.0, double lat0 = 36.0, double d = 0.5) {
    fl::GeoPolygon p;
    p.outer() = {
        {lon0, lat0}, {lon0, lat0 + d}, {lon0 + d, lat0 + d}, {lon0 + d, lat0}, {lon0, lat0}};
    fl::bg::correct(p);
    return fl::GeoMultiPolygon{p};
}

const fl::ControlArea* of(const std::vector<fl::ControlArea>& areas, fl::Controller c) {
    for (const auto& a : areas) {
        if (a.controller == c) return &a;
    }
    return nullptr;
}
}  // namespace

TEST(Areas, TwoSitesSplitTheGroundAtTheBisector) {
    std::vector<fl::AreaSite> sites = {{"w", 37.1, 36.25, fl::Controller::opposition},
                                       {"e", 37.4, 36.25, fl::Controller::government}};
    fl::AreaOptions opt;
    opt.max_km = 1000;  // no unknown ground
    auto areas = fl::control_areas(sites, square(), opt);
    ASSERT_EQ(areas.size(), 2u);
    const auto* w = of(areas, fl::Controller::opposition);
    const auto* e = of(areas, fl::Controller::government);
    ASSERT_TRUE(w && e);
    EXPECT_NEAR(w->area_km2, e->area_km2, 0.02 * w->area_km2);
    EXPECT_EQ(w->place_ids, std::vector<std::string>{"w"});
    // The opposition cell holds the western half: its points are west of the bisector.
    for (const auto& poly : w->geom) {
        for (const auto& p : poly.outer()) EXPECT_LE(p.x(), 37.25 + 1e-6);
    }
}

TEST(Areas, GroundFarFromAnyPlaceIsUnknown) {
    std::vector<fl::AreaSite> sites = {{"a", 37.25, 36.25, fl::Controller::sdf}};
    auto areas = fl::control_areas(sites, square());
    const auto* sdf = of(areas, fl::Controller::sdf);
    const auto* unknown = of(areas, fl::Controller::unknown);
    ASSERT_TRUE(sdf && unknown);
    // A disc of 15 km (drawn with 48 segments): pi * 15^2 = 706.9 km2.
    EXPECT_NEAR(sdf->area_km2, 706.9, 10);
    EXPECT_GT(unknown->area_km2, 1000);
}

TEST(Areas, SameControllerDissolvesAndDuplicatesShareACell) {
    std::vector<fl::AreaSite> sites = {{"a", 37.1, 36.1, fl::Controller::government},
                                       {"b", 37.4, 36.4, fl::Controller::government},
                                       {"c", 37.4, 36.4, fl::Controller::government}};
    auto areas = fl::control_areas(sites, square());
    const auto* g = of(areas, fl::Controller::government);
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->place_ids, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(of(areas, fl::Controller::opposition), nullptr);
}

TEST(Areas, EmptyClipOrNoSites) {
    EXPECT_TRUE(fl::control_areas({{"a", 37.1, 36.1, fl::Controller::government}}, {}).empty());
    auto areas = fl::control_areas({}, square());
    ASSERT_EQ(areas.size(), 1u);
    EXPECT_EQ(areas[0].controller, fl::Controller::unknown);
}

TEST(Areas, GeoJsonHasOneMultiPolygonPerController) {
    std::vector<fl::AreaSite> sites = {{"w", 37.1, 36.25, fl::Controller::opposition},
                                       {"e", 37.4, 36.25, fl::Controller::government}};
    auto j = nlohmann::json::parse(fl::control_areas_geojson(fl::control_areas(sites, square()),
                                                             *fl::parse_iso_date("2024-11-30")));
    EXPECT_EQ(j["date"], "2024-11-30");
    ASSERT_EQ(j["features"].size(), 3u);
    for (const auto& f : j["features"]) {
        EXPECT_EQ(f["geometry"]["type"], "MultiPolygon");
        EXPECT_TRUE(f["properties"].contains("place_ids"));
    }
}
