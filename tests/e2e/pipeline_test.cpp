// End to end on the seed articles: places resolved where GeoNames puts them, and a real,
// non-blank tile over Aleppo at z8.
#include "pipeline/pipeline.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "common/atomic_file.hpp"
#include "control/areas.hpp"
#include "control/control_io.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geo/boundaries.hpp"
#include "geo/mercator.hpp"
#include "test_util.hpp"
#include "tiles/png.hpp"

namespace fl = frontline;

namespace {
// Runs the pipeline once for all tests here. Not a SetUpTestSuite: an exception there makes
// GoogleTest skip the tests, and a test that cannot fail is no test.
const std::filesystem::path& run_once() {
    static const std::filesystem::path out = [] {
        auto dir = fl::test::scratch("e2e_out");
        auto opt = fl::default_run_options();
        opt.inputs = {fl::test::seeds_dir()};
        opt.out_dir = dir;
        opt.tiles.minzoom = 7;
        opt.tiles.maxzoom = 8;
        fl::run_pipeline(opt);
        return dir;
    }();
    return out;
}

class Pipeline : public ::testing::Test {
  protected:
    void SetUp() override { out_ = &run_once(); }
    const std::filesystem::path* out_ = nullptr;
};
}  // namespace

TEST_F(Pipeline, KeyPlacesResolvedWithin3KmOfGeoNames) {
    auto j = nlohmann::json::parse(fl::read_file(*out_ / "mentions.geojson", "test"));
    // GeoNames coordinates (geonameid): Aleppo 170063, Idlib 169389, Ma`arrat an Nu`man 167611.
    struct Want {
        const char* surface;
        double lat, lon;
    };
    for (Want w : {Want{"Aleppo", 36.20124, 37.16117}, Want{"Idlib", 35.93062, 36.63393},
                   Want{"Maraat al-Numan", 35.6483, 36.67693}}) {
        bool found = false;
        for (const auto& f : j["features"]) {
            // "the governorates of Aleppo and Idlib" rightly resolve to the governorates, whose
            // point is a rough centre: the 3 km check is for the towns.
            if (f["properties"]["surface"] != w.surface ||
                f["properties"]["kind"] == "governorate") {
                continue;
            }
            found = true;
            double lon = f["geometry"]["coordinates"][0], lat = f["geometry"]["coordinates"][1];
            EXPECT_LT(fl::distance_km(lat, lon, w.lat, w.lon), 3.0) << w.surface;
        }
        EXPECT_TRUE(found) << w.surface << " not resolved";
    }
}

TEST_F(Pipeline, EventsTraceToSentences) {
    auto j = nlohmann::json::parse(fl::read_file(*out_ / "events.geojson", "test"));
    ASSERT_GT(j["features"].size(), 0u);
    for (const auto& f : j["features"]) {
        ASSERT_GT(f["properties"]["sources"].size(), 0u);
        for (const auto& s : f["properties"]["sources"]) {
            std::string text =
                fl::read_file(fl::test::seeds_dir() / s["doc"].get<std::string>(), "test");
            EXPECT_NE(text.find(s["sentence"].get<std::string>()), std::string::npos);
        }
    }
}

TEST_F(Pipeline, TileOverAleppoAtZ8IsARealNonBlankPng) {
    auto t = fl::tile_for_lonlat(37.1612, 36.2012, 8);
    auto path =
        *out_ / "tiles" / "control" / "8" / std::to_string(t.x) / (std::to_string(t.y) + ".png");
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    auto img = fl::decode_png(fl::read_file(path, "test"), path.string());
    EXPECT_EQ(img.width, 256);
    EXPECT_EQ(img.height, 256);
    std::set<std::uint32_t> colours;
    for (int y = 0; y < 256; y += 2) {
        for (int x = 0; x < 256; x += 2) colours.insert(img.pixel(x, y));
    }
    EXPECT_GT(colours.size(), 5u) << "tile is (nearly) blank";
}

TEST_F(Pipeline, TileJsonIsValid300) {
    auto j = nlohmann::json::parse(fl::read_file(*out_ / "tiles" / "control.json", "test"));
    EXPECT_EQ(j["tilejson"], "3.0.0");
    ASSERT_TRUE(j["tiles"].is_array());
    EXPECT_EQ(j["minzoom"], 7);
    EXPECT_EQ(j["maxzoom"], 8);
    EXPECT_EQ(j["bounds"].size(), 4u);
    EXPECT_LT(j["bounds"][0].get<double>(), 37.16);
    EXPECT_GT(j["bounds"][2].get<double>(), 37.16);
}

// The web page of the run (src/web): present, with Leaflet copied from the pinned npm install,
// and its data script carrying the same events and sentences as events.geojson.
TEST_F(Pipeline, WebPageCarriesTheRunsEventsAndSources) {
    const auto leaflet = fl::test::source_dir() / "web/node_modules/leaflet/dist/leaflet.js";
    ASSERT_TRUE(std::filesystem::exists(leaflet))
        << "Leaflet is not installed: run `npm ci` in web/ (scripts/setup.sh does)";
    for (const char* f : {"index.html", "embed.html", "snippets.md", "web/app.js", "web/app.css",
                          "web/leaflet/leaflet.css", "web/leaflet/LICENSE"}) {
        EXPECT_TRUE(std::filesystem::exists(*out_ / f)) << f;
    }
    EXPECT_EQ(fl::read_file(*out_ / "web/leaflet/leaflet.js", "test"),
              fl::read_file(leaflet, "test"));
    std::string js = fl::read_file(*out_ / "web/data.js", "test");
    const std::string prefix = "window.FRONTLINE_DATA = ";
    const auto at = js.find(prefix);
    ASSERT_NE(at, std::string::npos);
    auto d =
        nlohmann::json::parse(js.substr(at + prefix.size(), js.rfind(';') - at - prefix.size()));
    auto ev = nlohmann::json::parse(fl::read_file(*out_ / "events.geojson", "test"));
    ASSERT_EQ(d["events"].size(), ev["features"].size());
    for (std::size_t i = 0; i < d["events"].size(); ++i) {
        const auto& a = d["events"][i];
        const auto& b = ev["features"][i]["properties"];
        EXPECT_EQ(a["id"], b["id"]);
        ASSERT_EQ(a["sources"].size(), b["sources"].size());
        for (std::size_t k = 0; k < a["sources"].size(); ++k)
            EXPECT_EQ(a["sources"][k]["sentence"], b["sources"][k]["sentence"]);
        for (const auto& s : a["sources"]) {
            const auto& art = d["articles"][s["doc"].get<std::string>()];
            EXPECT_EQ(art["published"].get<std::string>().size(), 10u) << s["doc"];
            EXPECT_FALSE(art["lede"].get<std::string>().empty()) << s["doc"];
        }
    }
    EXPECT_EQ(d["days"].front(), "2024-11-26");
    EXPECT_EQ(d["maxzoom"], 8);
}

TEST_F(Pipeline, WritesTheDefaultFiguresWithAnIndex) {
    // out/figures/figures.json lists each figure; every file exists at its size (and @2x).
    const auto dir = *out_ / "figures";
    const auto j = nlohmann::json::parse(fl::read_file(dir / "figures.json", "test"));
    ASSERT_GE(j["figures"].size(), 5u);
    EXPECT_EQ(j["figures"][0]["baseline"], "2024-11-26");
    for (const auto& f : j["figures"]) {
        ASSERT_EQ(f["files"].size(), 2u);
        const auto png = fl::decode_png(fl::read_file(dir / f["file"].get<std::string>(), "test"));
        EXPECT_EQ(png.width, f["width"].get<int>()) << f["name"];
        EXPECT_EQ(png.height, f["height"].get<int>()) << f["name"];
        EXPECT_TRUE(std::filesystem::exists(dir / f["files"][1].get<std::string>()));
    }
}

// The control areas of every day of the seed run cover the focus region exactly once: no
// piece lost to a failed polygon operation (OCHA's detailed borders once dropped a fifth of
// the government's area) and none counted twice.
TEST_F(Pipeline, ControlAreasTileTheFocusRegionEveryDay) {
    const fl::Gazetteer gaz = fl::Gazetteer::load_dir(fl::test::source_dir() / "gazetteer");
    fl::BoundaryOptions bo;
    bo.source = fl::default_boundaries_path();
    const fl::GeoMultiPolygon clip = fl::focus_clip(fl::read_boundaries(bo));
    const double want = fl::bg::area(clip);
    ASSERT_GT(want, 2.0);  // Aleppo and Idlib governorates, in square degrees
    const auto days = fl::read_control_days(*out_ / "control");
    ASSERT_GT(days.size(), 3u);
    for (const auto& day : days) {
        double got = 0;
        for (const auto& a : fl::control_areas(fl::area_sites(gaz, day), clip))
            got += fl::bg::area(a.geom);
        EXPECT_NEAR(got, want, want * 1e-3) << fl::to_iso(day.date);
    }
}
