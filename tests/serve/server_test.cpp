// `frontline serve` over real sockets on loopback: keep-alive, header limits, slow clients
// dropped by the read timeout while others are answered, graceful stop.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <fstream>
#include <thread>

#include "common/error.hpp"
#include "serve/server.hpp"
#include "test_util.hpp"

using namespace frontline::serve;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

struct Running {
    std::shared_ptr<Server> server;
    std::thread thread;
    explicit Running(const std::filesystem::path& dir,
                     std::vector<std::string> trusted = {"loopback"}) {
        HandlerOptions h;
        h.data_dir = dir;
        ServerOptions o;
        o.trusted_proxies = std::move(trusted);
        o.port = 0;
        o.io_threads = 2;
        o.render_threads = 1;
        o.read_timeout = std::chrono::milliseconds(400);
        o.handle_signals = false;
        o.max_connections = 64;
        server = std::make_shared<Server>(o, std::make_shared<Handler>(h, nullptr));
        server->listen();
        thread = std::thread([s = server] { s->run(); });
    }
    ~Running() {
        server->stop();
        thread.join();
    }
};

// Sends raw bytes, returns everything read until the server closes or `timeout`.
std::string roundtrip(std::uint16_t port, const std::string& req, bool half_close = true,
                      std::chrono::milliseconds timeout = std::chrono::milliseconds(3000)) {
    asio::io_context io;
    tcp::socket s(io);
    s.connect({asio::ip::make_address("127.0.0.1"), port});
    boost::system::error_code wec;
    asio::write(s, asio::buffer(req), wec);
    if (half_close) s.shutdown(tcp::socket::shutdown_send, wec);
    std::string out;
    char buf[4096];
    auto deadline = std::chrono::steady_clock::now() + timeout;
    s.non_blocking(true);
    while (std::chrono::steady_clock::now() < deadline) {
        boost::system::error_code ec;
        auto n = s.read_some(asio::buffer(buf), ec);
        if (ec == asio::error::would_block) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            continue;
        }
        if (ec) break;
        out.append(buf, n);
    }
    return out;
}

}  // namespace

TEST(Server, AnswersAndLimits) {
    auto dir = frontline::test::scratch("serve_server");
    std::ofstream(dir / "events.geojson") << "{}";
    Running r(dir);
    const auto port = r.server->port();
    ASSERT_NE(port, 0);

    auto ok = roundtrip(port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(ok.rfind("HTTP/1.1 200 OK", 0), 0u) << ok;

    // Two requests on one keep-alive connection.
    auto two = roundtrip(port,
                         "GET /events.geojson HTTP/1.1\r\nHost: x\r\n\r\n"
                         "GET /events.geojson HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(std::count(two.begin(), two.end(), '{'), 2) << two;

    auto big = roundtrip(
        port, "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
    EXPECT_EQ(big.rfind("HTTP/1.1 431", 0), 0u) << big.substr(0, 100);

    auto garbage = roundtrip(port, "HELLO\r\n\r\n");
    EXPECT_EQ(garbage.rfind("HTTP/1.1 400", 0), 0u) << garbage;

    auto body =
        roundtrip(port, "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
    EXPECT_EQ(body.rfind("HTTP/1.1 413", 0), 0u) << body;

    auto trav = roundtrip(port, "GET /tiles/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(trav.rfind("HTTP/1.1 400", 0), 0u) << trav;
}

TEST(Server, SlowClientsAreDropped) {
    auto dir = frontline::test::scratch("serve_slow");
    Running r(dir);
    const auto port = r.server->port();
    // A client that never finishes its header is closed after the read timeout (400 ms)...
    auto t0 = std::chrono::steady_clock::now();
    std::thread slow([&] {
        auto out = roundtrip(port, "GET /health HTTP/1.1\r\nHost:", false);
        EXPECT_EQ(out, "");
    });
    // ...while other clients are answered meanwhile.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto ok = roundtrip(port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(ok.rfind("HTTP/1.1 200", 0), 0u);
    slow.join();
    auto took = std::chrono::steady_clock::now() - t0;
    EXPECT_LT(took, std::chrono::milliseconds(2500));
}

TEST(Server, ParseListen) {
    ServerOptions o;
    parse_listen("127.0.0.1:9000", o);
    EXPECT_EQ(o.address, "127.0.0.1");
    EXPECT_EQ(o.port, 9000);
    parse_listen(":0", o);
    EXPECT_EQ(o.port, 0);
    parse_listen("[::1]:8080", o);
    EXPECT_EQ(o.address, "::1");
    EXPECT_THROW(parse_listen("localhost:80", o), frontline::Error);
    EXPECT_THROW(parse_listen("1.2.3.4:99999", o), frontline::Error);
}

// RFC 9112 section 3.2: a request with two Host lines is a 400, not an answer for the first.
TEST(Server, DuplicateHostIsRefused) {
    auto dir = frontline::test::scratch("serve_dup_host");
    Running r(dir);
    auto one = roundtrip(r.server->port(), "GET /health HTTP/1.1\r\nHost: a\r\n\r\n");
    EXPECT_EQ(one.rfind("HTTP/1.1 200", 0), 0u) << one;
    auto two = roundtrip(r.server->port(), "GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
    EXPECT_EQ(two.rfind("HTTP/1.1 400", 0), 0u) << two;
    EXPECT_NE(two.find("more than one Host header"), std::string::npos) << two;
}

// X-Forwarded-Proto names the scheme of the TileJSON's tile URLs only when the peer is a
// trusted proxy (loopback by default); from another peer it is ignored.
TEST(Server, ForwardedProtoOnlyFromTrustedProxies) {
    auto dir = frontline::test::scratch("serve_forwarded");
    std::filesystem::create_directories(dir / "tiles");
    std::ofstream(dir / "tiles/control.json")
        << R"({"tilejson":"3.0.0","minzoom":5,"maxzoom":8,"bounds":[36,35,38,37]})";
    const std::string req =
        "GET /tiles/control.json HTTP/1.1\r\nHost: t.test\r\nX-Forwarded-Proto: https\r\n"
        "Connection: close\r\n\r\n";
    {
        Running r(dir);  // the test client is on loopback: trusted by default
        auto out = roundtrip(r.server->port(), req);
        EXPECT_NE(out.find("\"https://t.test/tiles/control/"), std::string::npos) << out;
    }
    {
        Running r(dir, {"192.0.2.1"});  // only another address is trusted
        auto out = roundtrip(r.server->port(), req);
        EXPECT_NE(out.find("\"http://t.test/tiles/control/"), std::string::npos) << out;
        EXPECT_EQ(out.find("https://"), std::string::npos) << out;
    }
}

TEST(Server, TrustedProxyAddresses) {
    const std::vector<std::string> loop = {"loopback"};
    EXPECT_TRUE(trusted_proxy("127.0.0.1", loop));
    EXPECT_TRUE(trusted_proxy("127.0.1.2", loop));
    EXPECT_TRUE(trusted_proxy("::1", loop));
    EXPECT_TRUE(trusted_proxy("::ffff:127.0.0.1", loop));
    EXPECT_FALSE(trusted_proxy("10.0.0.5", loop));
    EXPECT_FALSE(trusted_proxy("not an address", loop));
    EXPECT_FALSE(trusted_proxy("127.0.0.1", {}));
    EXPECT_TRUE(trusted_proxy("10.0.0.5", {"10.0.0.5"}));
    EXPECT_TRUE(trusted_proxy("::ffff:10.0.0.5", {"10.0.0.5"}));
    EXPECT_FALSE(trusted_proxy("10.0.0.6", {"10.0.0.5"}));

    ServerOptions o;
    parse_trusted_proxies({"none"}, o);
    EXPECT_TRUE(o.trusted_proxies.empty());
    parse_trusted_proxies({"loopback", "10.0.0.5"}, o);
    EXPECT_EQ(o.trusted_proxies, (std::vector<std::string>{"loopback", "10.0.0.5"}));
    EXPECT_THROW(parse_trusted_proxies({"proxy.example.org"}, o), frontline::Error);
}
