// URL and query parsing of `frontline serve`: valid routes and hostile inputs.
#include <gtest/gtest.h>

#include "serve/request.hpp"

using namespace frontline::serve;

namespace {

int status_of(const std::string& target) {
    try {
        parse_target(target);
    } catch (const RequestError& e) {
        return e.status;
    }
    return 200;
}

}  // namespace

TEST(Request, Tiles) {
    auto r = std::get<TileRequest>(parse_target("/tiles/control/7/76/50.png"));
    EXPECT_EQ(r.layer, "control");
    EXPECT_EQ(r.tile, (frontline::TileId{7, 76, 50}));
    EXPECT_EQ(r.scale, 1);
    auto r2 = std::get<TileRequest>(parse_target("/tiles/control-2024-11-30/7/76/50@2x.png?v=3"));
    EXPECT_EQ(r2.layer, "control-2024-11-30");
    EXPECT_EQ(r2.scale, 2);
    EXPECT_EQ(std::get<TileJsonRequest>(parse_target("/tiles/changes.json")).layer, "changes");
    EXPECT_TRUE(std::holds_alternative<HealthRequest>(parse_target("/health")));
    EXPECT_TRUE(std::holds_alternative<EventsRequest>(parse_target("/events.geojson")));
    EXPECT_EQ(std::get<ControlRequest>(parse_target("/control/2024-11-29.geojson")).date,
              "2024-11-29");
    // Percent-encoded digits are fine: decoding happens once, before validation.
    EXPECT_EQ(std::get<TileRequest>(parse_target("/tiles/control/%37/76/50.png")).tile.z, 7);
}

TEST(Request, AbsurdTileNumbers) {
    EXPECT_EQ(status_of("/tiles/control/99/0/0.png"), 404);  // outside the grid
    EXPECT_EQ(status_of("/tiles/control/23/0/0.png"), 404);
    EXPECT_EQ(status_of("/tiles/control/1/2/0.png"), 404);
    EXPECT_EQ(status_of("/tiles/control/1/0/2.png"), 404);
    EXPECT_EQ(status_of("/tiles/control/-1/0/0.png"), 400);
    EXPECT_EQ(status_of("/tiles/control/a/0/0.png"), 400);
    EXPECT_EQ(status_of("/tiles/control/1/0/0x.png"), 400);
    EXPECT_EQ(status_of("/tiles/control/99999999999999999999/0/0.png"), 400);
    EXPECT_EQ(status_of("/tiles/control/22/4194303/4194303.png"), 200);
    EXPECT_EQ(status_of("/tiles/control/22/4194304/0.png"), 404);
    EXPECT_EQ(status_of("/tiles/control/1/0/0.jpg"), 400);
    EXPECT_EQ(status_of("/tiles/control/1/0/.png"), 400);
    EXPECT_EQ(status_of("/tiles/control/1/0/0"), 400);
    EXPECT_EQ(status_of("/tiles/control/1/0/ 0.png"), 400);
    EXPECT_EQ(status_of("/tiles/control/1/0/+0.png"), 400);
}

TEST(Request, Traversal) {
    for (const char* t :
         {"/tiles/../../etc/passwd.json", "/tiles/..%2f..%2fetc/1/0/0.png",
          "/tiles/%2e%2e/1/0/0.png", "/tiles/%2E%2E.json", "/tiles/%252e%252e/1/0/0.png",
          "/tiles/%252e%252e%252fetc.json", "/control/..%2f..%2fetc%2fpasswd",
          "/tiles/a%00b/1/0/0.png", "/tiles/a%5cb.json", "/tiles/./x.json", "/tiles/%/1/0/0.png",
          "/tiles/%zz.json", "/control/2024-11-29.geojson%00.png", "/tiles/.hidden.json",
          "tiles/x.json", ""}) {
        EXPECT_EQ(status_of(t), 400) << t;
    }
    EXPECT_EQ(status_of("/../../etc/passwd"), 400);
    EXPECT_EQ(status_of("/etc/passwd"), 404);
    EXPECT_EQ(status_of("/tiles"), 404);
    std::string long_target = "/";
    long_target.append(5000, 'a');
    EXPECT_EQ(status_of(long_target), 400);
}

TEST(Request, WebPage) {
    EXPECT_EQ(std::get<PageRequest>(parse_target("/")).path, "index.html");
    EXPECT_EQ(std::get<PageRequest>(parse_target("/?day=2024-11-30&chrome=0")).path, "index.html");
    EXPECT_EQ(std::get<PageRequest>(parse_target("/embed.html?view=changes")).path, "embed.html");
    EXPECT_EQ(std::get<PageRequest>(parse_target("/snippets.md")).path, "snippets.md");
    EXPECT_EQ(std::get<PageRequest>(parse_target("/web/data.js")).path, "web/data.js");
    EXPECT_EQ(std::get<PageRequest>(parse_target("/web/leaflet/images/layers-2x.png")).path,
              "web/leaflet/images/layers-2x.png");
    EXPECT_EQ(std::get<PageRequest>(parse_target("/web/app.js?v=0123abcd")).path, "web/app.js");
    // Only the page's own names at the top; nothing deeper than web/leaflet/images/.
    EXPECT_EQ(status_of("/mentions.geojson"), 404);
    EXPECT_EQ(status_of("/index.htm"), 404);
    EXPECT_EQ(status_of("/web"), 404);
    EXPECT_EQ(status_of("/web/a/b/c/d.js"), 404);
    for (const char* t :
         {"/web/../events.csv", "/web/%2e%2e/events.csv", "/web/..%2fevents.csv",
          "/web/.frontline.lock", "/web/.data.js.tmp123", "/web/%2edata.js", "/web/a%00.js",
          "/web/a%5c..%5cb.js", "/web/leaflet/%252e%252e/x.js", "/web/a b.js", "/web//app.js",
          "/web/leaflet/..", "/?a=%zz", "/web/app.js?%"}) {
        EXPECT_EQ(status_of(t), 400) << t;
    }
}

TEST(Request, Names) {
    EXPECT_TRUE(valid_layer_name("control-2024-11-30"));
    EXPECT_FALSE(valid_layer_name(""));
    EXPECT_FALSE(valid_layer_name(".."));
    EXPECT_FALSE(valid_layer_name("a.b"));
    EXPECT_FALSE(valid_layer_name(std::string(65, 'a')));
    EXPECT_TRUE(valid_asset_name("leaflet.js"));
    EXPECT_TRUE(valid_asset_name("LICENSE"));
    EXPECT_FALSE(valid_asset_name(".."));
    EXPECT_FALSE(valid_asset_name(".hidden"));
    EXPECT_FALSE(valid_asset_name(""));
    EXPECT_FALSE(valid_asset_name("a/b"));
    EXPECT_FALSE(valid_asset_name(std::string(65, 'a')));
    EXPECT_TRUE(valid_date("2024-11-30"));
    EXPECT_FALSE(valid_date("2024-13-30"));
    EXPECT_FALSE(valid_date("2024-1-30"));
    EXPECT_EQ(parse_uint("123"), 123);
    EXPECT_FALSE(parse_uint("1234567890"));
    EXPECT_FALSE(parse_uint("-1"));
    EXPECT_EQ(percent_decode("%41b+"), "Ab+");
    EXPECT_FALSE(percent_decode("%4"));
    EXPECT_FALSE(percent_decode("%"));
    EXPECT_FALSE(percent_decode("%00"));
}

TEST(Request, Query) {
    auto q = parse_query("a=1&b=x+y&a=2&c=%2C&&d");
    ASSERT_EQ(q.size(), 4u);
    EXPECT_EQ(q[0], (std::pair<std::string, std::string>{"a", "2"}));
    EXPECT_EQ(q[1].second, "x y");
    EXPECT_EQ(q[2].second, ",");
    EXPECT_EQ(q[3].second, "");
    std::string many;
    for (int i = 0; i < 40; ++i) {
        many += 'k';
        many += std::to_string(i);
        many += "=1&";
    }
    EXPECT_THROW(parse_query(many), RequestError);
    EXPECT_THROW(parse_query("a=%zz"), RequestError);
}

TEST(Request, StaticImage) {
    auto s = std::get<StaticRequest>(
        parse_target("/static.png?bbox=36.0,35.5,38.0,36.7&size=600x400&layer=changes&scale=2"));
    EXPECT_EQ(s.layer, "changes");
    EXPECT_EQ(s.width, 600);
    EXPECT_EQ(s.height, 400);
    EXPECT_EQ(s.scale, 2);
    EXPECT_GE(s.zoom, 6);
    EXPECT_LE(s.zoom, 8);
    // The extent keeps the image's aspect ratio and covers the box.
    const double w = s.extent_3857.maxx - s.extent_3857.minx;
    const double h = s.extent_3857.maxy - s.extent_3857.miny;
    EXPECT_NEAR(w / h, 1.5, 1e-9);
    EXPECT_LE(s.extent_3857.minx, lon_to_x(36.0) + 1e-6);
    EXPECT_GE(s.extent_3857.maxy, lat_to_y(36.7) - 1e-6);

    auto c = std::get<StaticRequest>(parse_target("/static.png?center=37.1,36.2&zoom=9"));
    EXPECT_EQ(c.zoom, 9);
    EXPECT_EQ(c.width, 512);
    EXPECT_NEAR(c.extent_3857.maxx - c.extent_3857.minx,
                512 * 2 * frontline::kOriginShift / (256 << 9), 1e-6);
}

TEST(Request, StaticImageLimits) {
    for (const char* t :
         {"/static.png", "/static.png?center=37,36", "/static.png?center=37,36&zoom=23",
          "/static.png?center=37,36&zoom=5&size=2049x10",
          "/static.png?center=37,36&zoom=5&size=1025x10&scale=2",
          "/static.png?center=37,36&zoom=5&size=0x10", "/static.png?center=37,36&zoom=5&size=10",
          "/static.png?center=37,36&zoom=5&size=99999999999x1",
          "/static.png?center=37,36&zoom=5&scale=3", "/static.png?center=181,36&zoom=5",
          "/static.png?center=37,89&zoom=5", "/static.png?center=nan,36&zoom=5",
          "/static.png?center=inf,36&zoom=5", "/static.png?center=37&zoom=5",
          "/static.png?bbox=38,35,36,37", "/static.png?bbox=36,35,38",
          "/static.png?bbox=36,35,38,37&center=37,36&zoom=5",
          "/static.png?center=37,36&zoom=5&layer=../x", "/static.png?center=37,36&zoom=5&evil=1"}) {
        EXPECT_EQ(status_of(t), 400) << t;
    }
    EXPECT_EQ(status_of("/static.png?center=37,36&zoom=5&size=2048x2048"), 200);
    EXPECT_EQ(status_of("/static.png?center=37,36&zoom=5&size=1024x1024&scale=2"), 200);
}
