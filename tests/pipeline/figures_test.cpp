// Figures of the tile layers (pipeline/figures.hpp): the layer and day chosen, bad options
// rejected with messages naming the option, files written at 1x and @2x, a changes figure
// different from a day figure, and the default set with its index.
#include "pipeline/figures.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "common/option_error.hpp"
#include "geo/boundaries.hpp"
#include "test_util.hpp"
#include "tiles/png.hpp"

namespace fl = frontline;
namespace ft = frontline::test;

namespace {

const fl::Gazetteer& gazetteer() {
    static const fl::Gazetteer g = fl::Gazetteer::load_dir(ft::source_dir() / "gazetteer");
    return g;
}

// The baseline day, then two days on which Aleppo (gn:170063) and its old city went to the
// opposition.
const std::vector<fl::ControlDay>& days() {
    static const std::vector<fl::ControlDay> d = [] {
        const auto b =
            fl::read_baseline(ft::source_dir() / "data/baseline/2024-11-26.tsv", gazetteer());
        auto days = fl::build_timeline(b, {}, *fl::parse_iso_date("2024-11-28"));
        for (std::size_t i = 1; i < days.size(); ++i) {
            for (const char* id : {"gn:170063", "fl:aleppo-old-city"}) {
                auto& st = days[i].places.at(id);
                st.controller = fl::Controller::opposition;
                st.status = "confirmed";
            }
        }
        return days;
    }();
    return d;
}

fl::RenderJobOptions job() {
    fl::RenderJobOptions o;
    o.boundaries = fl::default_boundaries_path();
    o.style = ft::source_dir() / "styles" / "control.json";
    return o;
}

fl::FigureMaker& maker() {
    static fl::FigureMaker m(gazetteer(), days(), job());
    return m;
}

template <typename F>
void expect_usage_error(F&& f, const std::string& needle) {
    try {
        f();
        ADD_FAILURE() << "no error; expected one mentioning " << needle;
    } catch (const fl::OptionError& e) {
        // Named the library's way ({bbox}), never by a flag; `needle` as the CLI spells them.
        EXPECT_EQ(e.exit_code(), fl::kExitUsage) << e.what();
        EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << e.what();
        const std::string flags =
            e.spelled([](std::string_view n) { return "--" + std::string(n); });
        EXPECT_NE(flags.find(needle), std::string::npos) << flags;
    }
}

fl::FigureOptions aleppo(const std::string& layer) {
    fl::FigureOptions o;
    o.layer = layer;
    o.width = 480;
    o.height = 400;
    o.frame.center = std::array<double, 2>{37.16, 36.2};
    o.frame.zoom = 10;
    o.scales = {1};
    return o;
}

}  // namespace

TEST(Figures, LayersAreThoseOfTheTileJob) {
    const auto l = maker().layers();
    const std::vector<std::string> want = {"control-2024-11-26",
                                           "control-2024-11-27",
                                           "control-2024-11-28",
                                           "control",
                                           "changes",
                                           "overlay"};
    EXPECT_EQ(l, want);
}

TEST(Figures, BadOptionsAreUsageErrorsNamingTheOption) {
    auto o = aleppo("control-2024-12-25");
    expect_usage_error([&] { maker().draw(o); },
                       "--day: no control day 2024-12-25: the timeline runs from 2024-11-26 to "
                       "2024-11-28");
    o.layer = "control-2024-13-01";
    expect_usage_error([&] { maker().draw(o); }, "not a date");
    o.layer = "roads";
    expect_usage_error([&] { maker().draw(o); }, "--layer: unknown layer \"roads\"");
    o = aleppo("control");
    o.frame.center = std::array<double, 2>{-47.9, -15.8};  // Brasilia: no boundary data there
    expect_usage_error([&] { maker().draw(o); }, "outside the area the map data covers");
    o = aleppo("control");
    o.width = 0;
    expect_usage_error([&] { maker().draw(o); }, "--size");
    o = aleppo("control");
    o.width = 8193;
    expect_usage_error([&] { maker().draw(o); }, "at most 8192");

    const auto wh = fl::parse_figure_size("800x600");
    ASSERT_TRUE(wh);
    EXPECT_EQ((*wh)[0], 800);
    EXPECT_EQ((*wh)[1], 600);
    for (const char* bad : {"800", "0x600", "800x", "x600", "-800x600", "800x600x2", "8e2x600"})
        EXPECT_FALSE(fl::parse_figure_size(bad)) << bad;
    const auto c = fl::parse_center("37.16,36.2");
    ASSERT_TRUE(c);
    EXPECT_EQ((*c)[0], 37.16);
    for (const char* bad : {"37.16", "a,b", "37.16,36.2,1"})
        EXPECT_FALSE(fl::parse_center(bad)) << bad;
    // The range is fit_frame()'s to check.
    EXPECT_TRUE(fl::parse_center("200,36"));
}

TEST(Figures, ChangesFigureDiffersFromTheDayFigure) {
    fl::FigureRecord day_rec, changes_rec;
    const auto day = maker().draw(aleppo("control-2024-11-28"), &day_rec);
    const auto changes = maker().draw(aleppo("changes"), &changes_rec);
    ASSERT_EQ(day.size(), 1u);
    EXPECT_EQ(day_rec.day, "2024-11-28");
    EXPECT_EQ(changes_rec.day, "2024-11-28");
    EXPECT_EQ(changes_rec.baseline, "2024-11-26");
    EXPECT_NE(changes_rec.date_line.find("From 26 November 2024 to 28 November 2024"),
              std::string::npos);
    EXPECT_NE(day_rec.date_line.find("As of 28 November 2024"), std::string::npos);
    const auto& a = day[0].image;
    const auto& b = changes[0].image;
    ASSERT_EQ(a.width, b.width);
    long differ = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4)
        differ += a.pixel(int(i / 4 % a.width), int(i / 4 / a.width)) !=
                  b.pixel(int(i / 4 % b.width), int(i / 4 / b.width));
    EXPECT_GT(differ, 1000) << "the changes view fades unchanged places";

    // The baseline day has no ring: its legend has no "Changed since" row.
    fl::FigureRecord base_rec;
    const auto base = maker().draw(aleppo("control-2024-11-26"), &base_rec);
    EXPECT_NE(base_rec.date_line.find("(the baseline)"), std::string::npos);
    long base_differ = 0;
    for (std::size_t i = 0; i < a.rgba.size(); ++i)
        base_differ += a.rgba[i] != base[0].image.rgba[i];
    EXPECT_GT(base_differ, 1000) << "Aleppo changed colour between the two days";
}

TEST(Figures, WriteGivesAPngAndItsAt2xTwin) {
    const auto dir = ft::scratch("figure_write");
    auto o = aleppo("control");
    o.scales = {1, 2};
    o.title = "Aleppo, 28 November";
    const auto rec = maker().write(o, dir / "aleppo.png");
    ASSERT_EQ(rec.files.size(), 2u);
    EXPECT_EQ(rec.files[0], dir / "aleppo.png");
    EXPECT_EQ(rec.files[1], dir / "aleppo@2x.png");
    EXPECT_EQ(rec.title, "Aleppo, 28 November");
    const auto one = fl::decode_png(fl::read_file(rec.files[0], "test"));
    const auto two = fl::decode_png(fl::read_file(rec.files[1], "test"));
    EXPECT_EQ(one.width, 480);
    EXPECT_EQ(one.height, 400);
    EXPECT_EQ(two.width, 960);
    EXPECT_EQ(two.height, 800);
    // Written atomically: no temporary left beside them.
    std::size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) n += !e.path().empty();
    EXPECT_EQ(n, 2u);
}

TEST(Figures, DefaultSetAndIndex) {
    const auto dir = ft::scratch("figure_defaults");
    const auto recs = maker().write_defaults(dir);
    const auto j = nlohmann::json::parse(fl::read_file(dir / "figures.json", "test"));
    EXPECT_NE(j["attribution"].get<std::string>().find("GeoNames (CC BY 4.0)"), std::string::npos);
    std::set<std::string> names;
    for (const auto& f : j["figures"]) {
        names.insert(f["name"].get<std::string>());
        ASSERT_EQ(f["files"].size(), 2u) << f.dump();
        const auto one = fl::decode_png(fl::read_file(dir / f["files"][0].get<std::string>(), "t"));
        const auto two = fl::decode_png(fl::read_file(dir / f["files"][1].get<std::string>(), "t"));
        EXPECT_EQ(one.width, f["width"].get<int>());
        EXPECT_EQ(one.height, f["height"].get<int>());
        EXPECT_EQ(two.width, 2 * one.width);
        EXPECT_EQ(two.height, 2 * one.height);
        EXPECT_EQ(f["bbox"].size(), 4u);
        EXPECT_FALSE(f["title"].get<std::string>().empty());
    }
    EXPECT_EQ(names,
              (std::set<std::string>{"governorates", "changes", "before", "after", "aleppo"}));
    const auto& fig = j["figures"];
    auto find = [&](const std::string& n) {
        for (const auto& f : fig)
            if (f["name"] == n) return f;
        return nlohmann::json();
    };
    EXPECT_EQ(find("before")["layer"], "control-2024-11-26");
    EXPECT_EQ(find("after")["layer"], "control");
    EXPECT_EQ(find("before")["bbox"], find("after")["bbox"]) << "before and after line up";
    EXPECT_EQ(find("changes")["layer"], "changes");
    // The city figure is centred on Aleppo.
    const auto b = find("aleppo")["bbox"];
    EXPECT_NEAR((b[0].get<double>() + b[2].get<double>()) / 2, 37.16, 0.05);
    EXPECT_NEAR((b[1].get<double>() + b[3].get<double>()) / 2, 36.20, 0.05);
}
