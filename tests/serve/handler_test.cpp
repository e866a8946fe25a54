// The request handler of `frontline serve` on a small data directory, with a fake renderer:
// sources in order (XYZ, MBTiles, renderer, empty tile), headers, 304, errors, single-flight.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "serve/handler.hpp"
#include "test_util.hpp"

using namespace frontline::serve;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& s) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << s;
}

class FakeRenderer : public TileRenderer {
  public:
    std::atomic<int> blocks{0};
    std::optional<LayerInfo> layer(const std::string& name) override {
        if (name != "control" && name != "dynamic") return std::nullopt;
        LayerInfo i;
        i.minzoom = 5;
        i.maxzoom = 12;
        i.lonlat = {36, 35, 38, 37};
        return i;
    }
    std::vector<std::pair<frontline::TileId, std::string>> render_block(const std::string& layer,
                                                                        int z, int x0, int y0,
                                                                        int n, int scale) override {
        ++blocks;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::vector<std::pair<frontline::TileId, std::string>> out;
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < n; ++i)
                out.push_back({{z, x0 + i, y0 + j},
                               "png:" + layer + "/" + std::to_string(z) + "/" +
                                   std::to_string(x0 + i) + "/" + std::to_string(y0 + j) + "@" +
                                   std::to_string(scale)});
        return out;
    }
    std::atomic<std::uint64_t> gen{1};
    std::uint64_t generation() override { return gen.load(); }
    std::atomic<bool> fail{false};  // render_static throws, as a bug or a full disk would
    std::string render_static(const StaticRequest& r) override {
        if (fail) throw std::runtime_error("cannot map /srv/secret/font.ttf");
        return "static:" + std::to_string(r.width) + "x" + std::to_string(r.height);
    }
};

struct Fixture : ::testing::Test {
    fs::path dir;
    std::shared_ptr<FakeRenderer> fake = std::make_shared<FakeRenderer>();
    void SetUp() override {
        // One directory per test: ctest runs the tests of this file as parallel processes.
        dir = frontline::test::scratch(
            std::string("serve_handler_") +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        const std::string tj =
            R"({"tilejson":"3.0.0","name":"control","tiles":["control/{z}/{x}/{y}.png"],
            "minzoom":5,"maxzoom":8,"bounds":[36,35,38,37]})";
        write(dir / "tiles/control.json", tj);
        write(dir / "tiles/mb.json", R"({"tilejson":"3.0.0","minzoom":0,"maxzoom":8})");
        write(dir / "tiles/control/7/76/50.png", "file-7-76-50");
        write(dir / "tiles/control/7/76/50@2x.png", "file2x-7-76-50");
        write(dir / "events.geojson", R"({"type":"FeatureCollection","features":[]})");
        write(dir / "control/2024-11-29.geojson", R"({"type":"FeatureCollection"})");
        write(dir / "secret.txt", "secret");
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open((dir / "tiles/mb.mbtiles").c_str(), &db), SQLITE_OK);
        // MBTiles 1.3: TMS rows; XYZ 3/2/1 is row 8 - 1 - 1 = 6.
        sqlite3_exec(db,
                     "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row "
                     "INTEGER, tile_data BLOB); INSERT INTO tiles VALUES (3, 2, 6, 'mb-3-2-1');",
                     nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    Handler make(bool with_renderer) {
        HandlerOptions o;
        o.data_dir = dir;
        o.max_age = 120;
        return Handler(o, with_renderer ? fake : nullptr);
    }
    static HttpResponse get(Handler& h, const std::string& target, const std::string& inm = "") {
        HttpRequest r;
        r.target = target;
        r.host = "tiles.test:8080";
        r.if_none_match = inm;
        return *h.handle(r, true);
    }
};

std::string header(const HttpResponse& r, const std::string& k) {
    for (auto& [n, v] : r.headers)
        if (n == k) return v;
    return "";
}

}  // namespace

// RFC 9112 section 3.2: more than one Host line is a 400, whatever the target.
TEST_F(Fixture, DuplicateHostIs400) {
    auto h = make(false);
    HttpRequest r;
    r.target = "/tiles/control/7/76/50.png";
    r.host = "tiles.test";
    r.host_fields = 2;
    auto res = h.handle(r, true);
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(res->body, "more than one Host header\n");
    r.host_fields = 1;
    EXPECT_EQ(h.handle(r, true)->status, 200);
}

TEST_F(Fixture, FilesAndHeaders) {
    auto h = make(false);
    auto r = get(h, "/tiles/control/7/76/50.png");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "file-7-76-50");
    EXPECT_EQ(r.content_type, "image/png");
    EXPECT_EQ(r.cache_control, "public, max-age=120");
    EXPECT_EQ(r.etag, etag_of("file-7-76-50"));
    EXPECT_EQ(header(r, "Access-Control-Allow-Origin"), "*");
    EXPECT_EQ(get(h, "/tiles/control/7/76/50@2x.png").body, "file2x-7-76-50");

    auto nm = get(h, "/tiles/control/7/76/50.png", r.etag);
    EXPECT_EQ(nm.status, 304);
    EXPECT_TRUE(nm.body.empty());
    EXPECT_EQ(nm.etag, r.etag);
    EXPECT_EQ(get(h, "/tiles/control/7/76/50.png", "\"x\", W/" + r.etag).status, 304);
    EXPECT_EQ(get(h, "/tiles/control/7/76/50.png", "\"other\"").status, 200);

    EXPECT_EQ(get(h, "/events.geojson").content_type, "application/geo+json");
    EXPECT_EQ(get(h, "/control/2024-11-29.geojson").status, 200);
    EXPECT_EQ(get(h, "/control/2024-11-28.geojson").status, 404);
    EXPECT_EQ(get(h, "/health").status, 200);

    HttpRequest post;
    post.method = "POST";
    post.target = "/health";
    EXPECT_EQ(h.handle(post, true)->status, 405);
    HttpRequest head;
    head.method = "HEAD";
    head.target = "/tiles/control/7/76/50.png";
    auto hr = *h.handle(head, true);
    EXPECT_EQ(hr.status, 200);
    EXPECT_TRUE(hr.body.empty());
}

TEST_F(Fixture, EmptyAndOutOfBounds) {
    auto h = make(false);
    // Inside the bounds and zoom range, no file: the shared empty tile.
    auto e1 = get(h, "/tiles/control/7/77/49.png");
    auto e2 = get(h, "/tiles/control/8/153/101.png");
    EXPECT_EQ(e1.status, 200);
    EXPECT_EQ(e1.etag, e2.etag);
    EXPECT_EQ(e1.body.substr(1, 3), "PNG");
    EXPECT_EQ(get(h, "/tiles/control/7/0/0.png").status, 404);      // outside the bounds
    EXPECT_EQ(get(h, "/tiles/control/9/306/203.png").status, 404);  // beyond maxzoom
    EXPECT_EQ(get(h, "/tiles/control/4/9/6.png").status, 404);      // below minzoom
    EXPECT_EQ(get(h, "/tiles/nope/7/76/50.png").status, 404);
    EXPECT_EQ(get(h, "/tiles/control/99/0/0.png").status, 404);
    EXPECT_EQ(get(h, "/tiles/control/x/0/0.png").status, 400);
    EXPECT_FALSE(get(h, "/tiles/control/x/0/0.png").body.empty());
}

TEST_F(Fixture, Mbtiles) {
    auto h = make(false);
    auto r = get(h, "/tiles/mb/3/2/1.png");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "mb-3-2-1");
}

TEST_F(Fixture, TileJson) {
    auto h = make(false);
    auto r = get(h, "/tiles/control.json");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.content_type, "application/json");
    EXPECT_NE(r.body.find("\"http://tiles.test:8080/tiles/control/{z}/{x}/{y}.png?v="),
              std::string::npos)
        << r.body;
    HttpRequest bad;
    bad.target = "/tiles/control.json";
    bad.host = "evil\"host";
    EXPECT_EQ(h.handle(bad, true)->status, 400);
    EXPECT_EQ(get(h, "/tiles/nope.json").status, 404);

    HandlerOptions o;
    o.data_dir = dir;
    o.public_url = "https://maps.example.org/";
    Handler p(o, fake);
    auto pr = get(p, "/tiles/control.json");
    EXPECT_NE(pr.body.find("\"https://maps.example.org/tiles/control/{z}/{x}/{y}.png?v="),
              std::string::npos);
    EXPECT_NE(pr.body.find("\"maxzoom\": 12"), std::string::npos) << pr.body;
}

TEST_F(Fixture, Traversal) {
    auto h = make(true);
    for (const char* t :
         {"/tiles/../secret.txt", "/tiles/%2e%2e/secret.txt", "/tiles/%252e%252e/secret.json",
          "/tiles/..%2fsecret.json", "/control/..%2fsecret.txt",
          "/tiles/control/7/76/..%2f..%2f..%2fsecret.txt"}) {
        auto r = get(h, t);
        EXPECT_TRUE(r.status == 400 || r.status == 404) << t;
        EXPECT_EQ(r.body.find("secret"), std::string::npos) << t;
    }
}

TEST_F(Fixture, WebPage) {
    write(dir / "index.html", "<!doctype html><title>index</title>");
    write(dir / "embed.html", "<!doctype html><title>embed</title>");
    write(dir / "snippets.md", "# Embedding this map");
    write(dir / "web/data.js", "window.FRONTLINE_DATA = {};");
    write(dir / "web/app.css", "body {}");
    write(dir / "web/leaflet/leaflet.js", "/* leaflet */");
    write(dir / "web/leaflet/LICENSE", "BSD-2-Clause");
    write(dir / "web/leaflet/images/layers.png", "png-bytes");
    write(dir / "web/notes.txt", "not a page file");
    write(dir / "web/.data.js.tmp1", "a temporary");
    auto h = make(false);

    auto root = get(h, "/");
    EXPECT_EQ(root.status, 200);
    EXPECT_EQ(root.body, "<!doctype html><title>index</title>");
    EXPECT_EQ(root.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(root.cache_control, "no-cache");  // a new run changes the page: revalidate
    EXPECT_EQ(get(h, "/", root.etag).status, 304);
    EXPECT_EQ(get(h, "/?day=2024-11-29&chrome=0").body, root.body);
    EXPECT_EQ(get(h, "/index.html").body, root.body);
    EXPECT_EQ(get(h, "/embed.html").body, "<!doctype html><title>embed</title>");
    EXPECT_EQ(get(h, "/snippets.md").content_type, "text/markdown; charset=utf-8");
    auto data = get(h, "/web/data.js");
    EXPECT_EQ(data.content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(data.cache_control, "no-cache");
    EXPECT_EQ(get(h, "/web/app.css").content_type, "text/css; charset=utf-8");
    auto leaflet = get(h, "/web/leaflet/leaflet.js");
    EXPECT_EQ(leaflet.body, "/* leaflet */");
    EXPECT_EQ(leaflet.cache_control, "public, max-age=120");  // pinned by the lockfile
    EXPECT_EQ(get(h, "/web/leaflet/LICENSE").content_type, "text/plain; charset=utf-8");
    EXPECT_EQ(get(h, "/web/leaflet/images/layers.png").content_type, "image/png");

    // Only the page's file types, never temporaries, never outside the data directory.
    EXPECT_EQ(get(h, "/web/notes.txt").status, 404);
    EXPECT_EQ(get(h, "/web/.data.js.tmp1").status, 400);
    EXPECT_EQ(get(h, "/web/missing.js").status, 404);
    EXPECT_EQ(get(h, "/secret.txt").status, 404);
    for (const char* t : {"/web/../secret.txt", "/web/%2e%2e/secret.txt", "/web/..%2fsecret.txt",
                          "/web/leaflet/%252e%252e/secret.txt", "/web/leaflet/../../secret.txt"}) {
        auto r = get(h, t);
        EXPECT_TRUE(r.status == 400 || r.status == 404) << t;
        EXPECT_EQ(r.body.find("secret"), std::string::npos) << t;
    }
}

TEST_F(Fixture, NoWebPageYet) {
    auto h = make(false);
    auto r = get(h, "/");
    EXPECT_EQ(r.status, 404);
    EXPECT_NE(r.body.find("frontline run"), std::string::npos) << r.body;
}

TEST_F(Fixture, RendersMetatilesOnce) {
    auto h = make(true);
    HttpRequest q;
    q.target = "/tiles/control/10/616/402.png";
    EXPECT_FALSE(h.handle(q, false).has_value());  // needs rendering: not on an I/O thread

    // 16 requests for the tiles of one metatile at once: one render.
    std::vector<std::thread> ts;
    std::vector<std::string> bodies(16);
    for (int i = 0; i < 16; ++i) {
        ts.emplace_back([&, i] {
            HttpRequest r;
            r.target = "/tiles/control/10/" + std::to_string(616 + i % 4) + "/" +
                       std::to_string(400 + i / 4) + ".png";
            bodies[i] = h.handle(r, true)->body;
        });
    }
    for (auto& t : ts) t.join();
    EXPECT_EQ(fake->blocks.load(), 1);
    EXPECT_EQ(bodies[5], "png:control/10/617/401@1");
    // Now served from the cache without the render pool.
    auto cached = h.handle(q, false);
    ASSERT_TRUE(cached.has_value());
    EXPECT_EQ(cached->body, "png:control/10/616/402@1");
    EXPECT_EQ(fake->blocks.load(), 1);
    // Files on disk win over rendering.
    EXPECT_EQ(get(h, "/tiles/control/7/76/50.png").body, "file-7-76-50");
    // A layer known only to the renderer.
    EXPECT_EQ(get(h, "/tiles/dynamic/6/38/25.png").status, 200);
    EXPECT_EQ(get(h, "/tiles/dynamic/13/0/0.png").status, 404);
    EXPECT_EQ(h.cache_stats().renders, 2u);
    // New data (a new run): cached renders of the old data are not served again.
    fake->gen = 2;
    EXPECT_FALSE(h.handle(q, false).has_value());
    EXPECT_EQ(get(h, q.target).status, 200);
    EXPECT_EQ(fake->blocks.load(), 3);
}

TEST_F(Fixture, StaticImages) {
    auto h = make(true);
    auto r = get(h, "/static.png?center=37,36&zoom=8&size=300x200");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "static:300x200");
    EXPECT_EQ(get(h, "/static.png?center=37,36&zoom=8&size=3000x200").status, 400);
    EXPECT_EQ(get(h, "/static.png?center=37,36&zoom=8&layer=nope").status, 404);
    auto no = make(false);
    EXPECT_EQ(get(no, "/static.png?center=37,36&zoom=8").status, 404);
}

// A failure inside the server is a 500 whose body tells the client nothing about the
// machine (no exception text, no path); the details go to the log.
TEST_F(Fixture, InternalErrorIs500WithoutDetailsWhichGoToTheLog) {
    HandlerOptions o;
    o.data_dir = dir;
    std::vector<std::string> logged;
    o.log = [&](const std::string& s) { logged.push_back(s); };
    Handler h(o, fake);
    fake->fail = true;
    auto r = get(h, "/static.png?center=37,36&zoom=8&size=300x200");
    EXPECT_EQ(r.status, 500);
    EXPECT_EQ(r.body.find("secret"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("cannot map"), std::string::npos) << r.body;
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_NE(logged[0].find("/srv/secret/font.ttf"), std::string::npos) << logged[0];
    EXPECT_NE(logged[0].find("/static.png"), std::string::npos) << logged[0];
}

TEST(RenderCache, BoundedLru) {
    RenderCache c(100);
    for (int i = 0; i < 20; ++i) {
        c.get_or_render("k" + std::to_string(i), "f" + std::to_string(i), [&] {
            return RenderCache::Entries{{"k" + std::to_string(i), std::string(30, 'x')}};
        });
    }
    EXPECT_LE(c.stats().bytes, 100u);
    EXPECT_EQ(c.stats().entries, 3u);
    EXPECT_TRUE(c.get("k19"));
    EXPECT_FALSE(c.get("k0"));
    EXPECT_THROW(c.get_or_render(
                     "e", "e", []() -> RenderCache::Entries { throw std::runtime_error("boom"); }),
                 std::runtime_error);
    // A failed flight does not block later attempts.
    EXPECT_TRUE(c.get_or_render("e", "e", [] { return RenderCache::Entries{{"e", "ok"}}; }));
}
