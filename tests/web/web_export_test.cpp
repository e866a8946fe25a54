// The web page stage on a small run directory: the data script a page reads, the embedding
// snippets, the files copied (page sources, Leaflet) and the errors a user would meet.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "test_util.hpp"
#include "web/web_export.hpp"

using namespace frontline;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& s) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << s;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string tilejson(const std::string& name) {
    return R"({"tilejson":"3.0.0","name":")" + name + R"(","tiles":[")" + name +
           R"(/{z}/{x}/{y}.png"],"minzoom":5,"maxzoom":9,"bounds":[36.1,35.3,38.7,36.9],"center":[37.4,36.1,8],"attribution":"Frontline"})";
}

std::string place(const std::string& id, const std::string& name, double lon, double lat,
                  const std::string& controller, const std::string& status,
                  const std::string& events = "[]") {
    return R"({"type":"Feature","geometry":{"type":"Point","coordinates":[)" + std::to_string(lon) +
           "," + std::to_string(lat) + R"(]},"properties":{"place_id":")" + id +
           R"(","place_name":")" + name + R"(","controller":")" + controller + R"(","status":")" +
           status + R"(","extent":"full","since":"2024-11-26","events":)" + events +
           R"(,"overruled_claims":[],"basis":")" +
           (status == "baseline" ? "held since 2020 (source: test)" : "") + R"("}})";
}

struct WebFixture : ::testing::Test {
    fs::path out, leaflet;
    WebOptions opt;
    void SetUp() override {
        const fs::path dir = test::scratch(
            std::string("web_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        out = dir / "out";
        leaflet = dir / "leaflet" / "dist";
        for (const char* l : {"control", "changes", "control-2024-11-26", "control-2024-11-27"})
            write(out / "tiles" / (std::string(l) + ".json"), tilejson(l));
        write(out / "tiles/control/5/19/12.png", "png");
        write(out / "tiles/control/5/19/12@2x.png", "png2x");
        write(out / "control/2024-11-26.geojson",
              R"({"type":"FeatureCollection","date":"2024-11-26","features":[)" +
                  place("gn:1", "Aleppo", 37.16, 36.2, "government", "baseline") + "," +
                  place("gn:2", "Saraqib", 36.8, 35.86, "government", "baseline") + "]}");
        write(
            out / "control/2024-11-27.geojson",
            R"({"type":"FeatureCollection","date":"2024-11-27","features":[)" +
                place("gn:1", "Aleppo", 37.16, 36.2, "opposition", "claimed",
                      R"(["2024-11-27/gn:1/capture/opposition"])") +
                "," + place("gn:2", "Saraqib", 36.8, 35.86, "government", "baseline") +
                // A reported place the gazetteer lacks: no point for the page's map.
                R"(,{"type":"Feature","geometry":null,"properties":{"place_id":"unlocated:pasif",)"
                R"("place_name":"Pasif","located":false,"controller":"opposition",)"
                R"("status":"confirmed","extent":"full","since":"2024-11-27","events":[]}})"
                "]}");
        write(out / "control/2024-11-27-areas.geojson", R"({"type":"FeatureCollection"})");
        write(
            out / "events.geojson",
            R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[37.16,36.2]},
              "properties":{"id":"2024-11-27/gn:1/capture/opposition","date":"2024-11-27","date_end":"2024-11-27",
              "date_precision":"day","action":"capture","extent":"full","controller":"opposition",
              "controller_before":"government","place_id":"gn:1","place_name":"Aleppo","admin1":"Aleppo",
              "geo_precision":1,"status":"claimed","confidence":0.3,"corroboration":1,
              "sources":[{"doc":"a.txt","sentence_index":2,"sentence":"Rebels said they took Aleppo.","status":"claimed","url":""}]}}]})");
        write(leaflet / "leaflet.js", "/* leaflet js */");
        write(leaflet / "leaflet.css", "/* leaflet css */");
        write(leaflet / "leaflet.js.map", "{}");
        write(leaflet / "images/layers.png", "layers");
        write(leaflet / "images/marker-icon-2x.png", "marker");
        write(leaflet.parent_path() / "LICENSE", "BSD 2-Clause License");
        opt.out_dir = out;
        opt.web_dir = test::source_dir() / "web";
        opt.leaflet_dir = leaflet;
        opt.style = test::source_dir() / "styles" / "control.json";
        opt.articles = {{"a.txt", "2024-11-27", "Example Wire", "https://example.org/a",
                         "Rebels entered the city."}};
        opt.place_kinds = {{"gn:1", "city"}, {"gn:2", "town"}};
    }
    nlohmann::json data() {
        const std::string js = web_data_js(opt);
        const std::string prefix = "window.FRONTLINE_DATA = ";
        auto at = js.find(prefix);
        EXPECT_NE(at, std::string::npos);
        EXPECT_TRUE(js.ends_with(";\n"));
        return nlohmann::json::parse(
            js.substr(at + prefix.size(), js.size() - at - prefix.size() - 2));
    }
};

}  // namespace

TEST_F(WebFixture, DataScriptHoldsWhatThePageShows) {
    auto d = data();
    EXPECT_EQ(d["days"], nlohmann::json({"2024-11-26", "2024-11-27"}));  // areas files ignored
    EXPECT_EQ(d["baseline"], "2024-11-26");
    EXPECT_EQ(d["latest"], "2024-11-27");
    EXPECT_EQ(d["bounds"], nlohmann::json({36.1, 35.3, 38.7, 36.9}));
    EXPECT_EQ(d["maxzoom"], 9);
    EXPECT_TRUE(d["retina"]);
    EXPECT_EQ(d["layers"].size(), 4u);
    EXPECT_TRUE(d["layers"].contains("control-2024-11-27"));

    ASSERT_EQ(d["places"].size(), 2u);  // not the unlocated Pasif: it has no point
    EXPECT_EQ(d["places"][0]["name"], "Aleppo");
    EXPECT_EQ(d["places"][0]["kind"], "city");
    EXPECT_EQ(d["places"][0]["basis"], "held since 2020 (source: test)");
    const auto& day2 = d["states"]["2024-11-27"];
    ASSERT_EQ(day2.size(), 2u);
    EXPECT_EQ(day2[0]["controller"], "opposition");
    EXPECT_EQ(day2[0]["status"], "claimed");
    EXPECT_EQ(day2[0]["changed"], true);
    EXPECT_EQ(day2[0]["events"][0], "2024-11-27/gn:1/capture/opposition");
    EXPECT_EQ(day2[1]["changed"], false);
    EXPECT_EQ(d["states"]["2024-11-26"][0]["changed"], false);

    ASSERT_EQ(d["events"].size(), 1u);
    EXPECT_EQ(d["events"][0]["status"], "claimed");
    EXPECT_EQ(d["events"][0]["sources"][0]["sentence"], "Rebels said they took Aleppo.");
    EXPECT_EQ(d["articles"]["a.txt"]["source"], "Example Wire");
    EXPECT_EQ(d["articles"]["a.txt"]["published"], "2024-11-27");

    // The legend's colours are the style's (styles/control.json, the `places` circles).
    std::map<std::string, std::string> colour;
    for (const auto& c : d["controllers"]) colour[c["id"]] = c["color"];
    EXPECT_EQ(colour["government"], "#d55e00");
    EXPECT_EQ(colour["opposition"], "#009e73");
    EXPECT_EQ(colour["contested"], "#cc79a7");
    EXPECT_EQ(d["version"].get<std::string>().size(), 16u);
    EXPECT_EQ(web_data_js(opt), web_data_js(opt));  // deterministic: same run, same bytes
}

// Only http(s) addresses reach the page as links: an article or source URL of another scheme
// (an events.geojson from an older run, an article list built by hand) is written empty.
TEST_F(WebFixture, OnlyHttpUrlsReachThePage) {
    opt.articles = {{"a.txt", "2024-11-27", "Example Wire", "javascript:alert(1)", "Lede."},
                    {"b.txt", "2024-11-27", "Other", "https://example.org/b", "Lede."}};
    std::string ev;
    {
        std::ifstream in(out / "events.geojson");
        ev.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::string empty_url = R"("url":"")";
    ASSERT_NE(ev.find(empty_url), std::string::npos);
    ev.replace(ev.find(empty_url), empty_url.size(),
               R"("url":"data:text/html,<script>x</script>")");
    write(out / "events.geojson", ev);
    auto d = data();
    EXPECT_EQ(d["articles"]["a.txt"]["url"], "");
    EXPECT_EQ(d["articles"]["b.txt"]["url"], "https://example.org/b");
    EXPECT_EQ(d["events"][0]["sources"][0]["url"], "");
    EXPECT_EQ(web_data_js(opt).find("javascript:"), std::string::npos);
    EXPECT_EQ(web_data_js(opt).find("data:text"), std::string::npos);
}

TEST_F(WebFixture, SnippetsAreCopyReady) {
    opt.public_url = "https://maps.example.org/syria/";
    const std::string md = web_snippets_md(opt);
    for (const char* want :
         {"<iframe src=\"https://maps.example.org/syria/embed.html?day=2024-11-27\"",
          "https://maps.example.org/syria/tiles/control/{z}/{x}/{y}{r}.png",
          "https://maps.example.org/syria/tiles/control/{z}/{x}/{y}{ratio}.png",
          "https://maps.example.org/syria/web/leaflet/leaflet.js", "tileSize: 256",
          "bounds: [36.1, 35.3, 38.7, 36.9]", "[[35.3, 36.1], [36.9, 38.7]]", "maxNativeZoom: 9",
          "CC BY 4.0", "GeoNames", "Natural Earth", "control-2024-11-26", "15 km"}) {
        EXPECT_NE(md.find(want), std::string::npos) << want << "\n" << md;
    }
    EXPECT_EQ(md.find("tileSize: 512"), std::string::npos);
    EXPECT_EQ(md.find("example.org/frontline"), std::string::npos);  // no placeholder left

    // Without @2x tiles the templates have no retina suffix.
    fs::remove(out / "tiles/control/5/19/12@2x.png");
    const std::string flat = web_snippets_md(opt);
    EXPECT_EQ(flat.find("{y}{r}"), std::string::npos);
    EXPECT_NE(flat.find("{y}.png"), std::string::npos);
    EXPECT_EQ(flat.find("{y}{ratio}"), std::string::npos);
}

TEST_F(WebFixture, WritesThePageAndLeaflet) {
    auto sum = write_web(opt);
    EXPECT_EQ(sum.days, 2u);
    EXPECT_EQ(sum.layers, 4u);
    EXPECT_EQ(slurp(out / "index.html"), slurp(opt.web_dir / "index.html"));
    EXPECT_EQ(slurp(out / "embed.html"), slurp(opt.web_dir / "embed.html"));
    EXPECT_EQ(slurp(out / "web/app.js"), slurp(opt.web_dir / "app.js"));
    EXPECT_EQ(slurp(out / "web/app.css"), slurp(opt.web_dir / "app.css"));
    EXPECT_EQ(slurp(out / "web/leaflet/leaflet.js"), "/* leaflet js */");
    EXPECT_EQ(slurp(out / "web/leaflet/leaflet.css"), "/* leaflet css */");
    EXPECT_EQ(slurp(out / "web/leaflet/images/layers.png"), "layers");
    EXPECT_EQ(slurp(out / "web/leaflet/images/marker-icon-2x.png"), "marker");
    EXPECT_EQ(slurp(out / "web/leaflet/LICENSE"), "BSD 2-Clause License");
    EXPECT_FALSE(fs::exists(out / "web/leaflet/leaflet.js.map"));
    EXPECT_TRUE(slurp(out / "web/data.js").starts_with("// Generated by `frontline run`"));
    EXPECT_TRUE(fs::exists(out / "snippets.md"));
    EXPECT_EQ(sum.files, 11u);
    // The pages load what was written, by relative paths (file://, any server prefix).
    const std::string index = slurp(out / "index.html");
    for (const char* src : {"src=\"web/leaflet/leaflet.js\"", "src=\"web/data.js\"",
                            "src=\"web/app.js\"", "href=\"web/leaflet/leaflet.css\""}) {
        EXPECT_NE(index.find(src), std::string::npos) << src;
        EXPECT_NE(slurp(out / "embed.html").find(src), std::string::npos) << src;
    }
    // Atomic writes leave no temporaries behind.
    for (const auto& e : fs::recursive_directory_iterator(out))
        EXPECT_NE(e.path().filename().string().front(), '.') << e.path();
}

TEST_F(WebFixture, LeafletMissingSaysHowToInstallIt) {
    opt.leaflet_dir = out / "nowhere";
    try {
        write_web(opt);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.subsystem(), "web");
        EXPECT_NE(std::string(e.what()).find("npm ci"), std::string::npos) << e.what();
        EXPECT_NE(e.where().find("nowhere/leaflet.js"), std::string::npos) << e.where();
    }
    EXPECT_FALSE(fs::exists(out / "index.html"));
}

TEST_F(WebFixture, RunWithoutTilesIsAnError) {
    fs::remove_all(out / "tiles");
    try {
        web_data_js(opt);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no TileJSON"), std::string::npos) << e.what();
    }
}

TEST_F(WebFixture, MalformedControlDayNamesTheFile) {
    write(out / "control/2024-11-27.geojson", "{\"type\": \"FeatureCollection\", ");
    try {
        web_data_js(opt);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(e.where().find("2024-11-27.geojson"), std::string::npos) << e.what();
    }
}

TEST(Lede, FirstSentenceShortenedAtAWord) {
    EXPECT_EQ(lede_of("Rebels entered Aleppo. The army withdrew."), "Rebels entered Aleppo.");
    std::string longer = "In a significant turn of events, ";
    for (int i = 0; i < 10; ++i) longer += "Syria\u2019s military announced a withdrawal ";
    longer += "from Aleppo.";
    const std::string l = lede_of(longer);
    EXPECT_LE(l.size(), kLedeBytes + 3);  // + the ellipsis
    EXPECT_TRUE(l.ends_with("\u2026"));
    EXPECT_TRUE(l.starts_with("In a significant turn of events, Syria\u2019s military"));
    EXPECT_NE(l[l.size() - 4], ' ');
    EXPECT_EQ(lede_of(""), "");
}
