// Control days written as GeoJSON and read back (read_control_days: `frontline static` and
// `frontline serve` read a run's timeline from out/control/).
#include "control/control_io.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {

const fl::Gazetteer& gazetteer() {
    static const fl::Gazetteer g = fl::Gazetteer::load_dir(fl::test::source_dir() / "gazetteer");
    return g;
}

fl::ControlDay day(const char* date, fl::Controller aleppo) {
    fl::ControlDay d;
    d.date = *fl::parse_iso_date(date);
    fl::PlaceState st;
    st.place_id = "gn:170063";  // Aleppo
    st.controller = aleppo;
    st.status = "confirmed";
    st.since = d.date;
    d.places[st.place_id] = st;
    return d;
}

}  // namespace

TEST(ControlIo, DaysRoundTripInDateOrderAndAreaFilesAreSkipped) {
    const auto dir = fl::test::scratch("control_io");
    const auto a = day("2024-11-26", fl::Controller::government);
    const auto b = day("2024-11-30", fl::Controller::opposition);
    fl::write_file_atomic(dir / "2024-11-30.geojson", fl::control_day_geojson(b, gazetteer()));
    fl::write_file_atomic(dir / "2024-11-26.geojson", fl::control_day_geojson(a, gazetteer()));
    // The estimated areas beside them carry the same date but no places.
    fl::write_file_atomic(dir / "2024-11-30-areas.geojson",
                          R"({"type":"FeatureCollection","date":"2024-11-30","features":[]})");
    const auto days = fl::read_control_days(dir);
    ASSERT_EQ(days.size(), 2u);
    EXPECT_EQ(fl::to_iso(days[0].date), "2024-11-26");
    EXPECT_EQ(fl::to_iso(days[1].date), "2024-11-30");
    ASSERT_EQ(days[1].places.count("gn:170063"), 1u);
    const auto& st = days[1].places.at("gn:170063");
    EXPECT_EQ(st.controller, fl::Controller::opposition);
    EXPECT_EQ(st.status, "confirmed");
    EXPECT_EQ(fl::to_iso(st.since), "2024-11-30");
}

TEST(ControlIo, BadFilesAreInputErrorsNamingTheFile) {
    const auto dir = fl::test::scratch("control_io_bad");
    EXPECT_THROW(fl::read_control_days(dir), fl::Error);  // no days at all
    fl::write_file_atomic(dir / "2024-11-26.geojson",
                          R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                          R"("properties":{"place_id":"gn:170063","controller":"rebels"}}]})");
    try {
        fl::read_control_days(dir);
        ADD_FAILURE() << "no error";
    } catch (const fl::Error& e) {
        EXPECT_EQ(e.exit_code(), fl::kExitInputError);
        const std::string what = e.what();
        EXPECT_NE(what.find("2024-11-26.geojson"), std::string::npos) << what;
        EXPECT_NE(what.find("unknown controller \"rebels\""), std::string::npos) << what;
    }
    fl::write_file_atomic(dir / "2024-11-26.geojson", "[1, 2");
    EXPECT_THROW(fl::read_control_days(dir), fl::Error);
}

TEST(ControlIo, UnlocatedPlacesHaveNoGeometryAndKeepTheirName) {
    auto d = day("2024-11-30", fl::Controller::opposition);
    fl::PlaceState st;
    st.place_id = "unlocated:pasif";
    st.name = "Pasif";
    st.controller = fl::Controller::opposition;
    st.status = "confirmed";
    st.since = d.date;
    d.places[st.place_id] = st;
    fl::PlaceState nameless;  // neither in the gazetteer nor named: not written
    nameless.place_id = "unlocated:nameless";
    d.places[nameless.place_id] = nameless;
    const auto text = fl::control_day_geojson(d, gazetteer());
    const auto j = nlohmann::json::parse(text);
    ASSERT_EQ(j["features"].size(), 2u);
    const auto& f = j["features"][1];
    EXPECT_EQ(f["properties"]["place_id"], "unlocated:pasif");
    EXPECT_EQ(f["properties"]["place_name"], "Pasif");
    EXPECT_EQ(f["properties"]["located"], false);
    EXPECT_TRUE(f["geometry"].is_null());
    EXPECT_EQ(j["features"][0]["geometry"]["type"], "Point");  // Aleppo
    const auto dir = fl::test::scratch("control_io_unlocated");
    fl::write_file_atomic(dir / "2024-11-30.geojson", text);
    const auto back = fl::read_control_days(dir);
    EXPECT_EQ(back[0].places.at("unlocated:pasif").name, "Pasif");
    EXPECT_EQ(back[0].places.at("unlocated:pasif").controller, fl::Controller::opposition);
    EXPECT_TRUE(back[0].places.at("gn:170063").name.empty());
}
