// The tile server's threads together, for real: `frontline serve`'s Server with the real
// on-demand SceneRenderer over the main job's data, asked by several clients at once for
// tiles of several layers (scenes built lazily, metatiles rendered single-flight into the
// shared cache), static images and data files, while a "new run" touches the data and the
// renderer reloads. The answers must be right; under ThreadSanitizer (the `tsan` preset in
// scripts/test.sh) the same test proves the threads share no unsynchronised memory.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <map>
#include <mutex>
#include <thread>

#include "common/atomic_file.hpp"
#include "geo/mercator.hpp"
#include "pipeline/pipeline.hpp"
#include "serve/handler.hpp"
#include "serve/scene_renderer.hpp"
#include "serve/server.hpp"
#include "test_util.hpp"

namespace fl = frontline;
namespace fs = std::filesystem;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// The data stages of the main job on the seeds (no tiles: the server renders them).
const fs::path& data_dir() {
    static const fs::path dir = [] {
        auto d = fl::test::scratch("concurrency_data");
        auto opt = fl::default_run_options();
        opt.inputs = {fl::test::seeds_dir()};
        opt.out_dir = d;
        opt.render = false;
        opt.log = [](const std::string&) {};
        fl::run_pipeline(opt);
        return d;
    }();
    return dir;
}

struct Reply {
    int status = 0;
    std::string body;
};

// One keep-alive client.
class Client {
  public:
    explicit Client(std::uint16_t port) : socket_(io_) {
        socket_.connect({asio::ip::make_address("127.0.0.1"), port});
    }
    Reply get(const std::string& target) {
        http::request<http::empty_body> req{http::verb::get, target, 11};
        req.set(http::field::host, "127.0.0.1");
        http::write(socket_, req);
        http::response<http::string_body> res;
        http::read(socket_, buffer_, res);
        return {static_cast<int>(res.result_int()), std::move(res.body())};
    }

  private:
    asio::io_context io_;
    tcp::socket socket_;
    beast::flat_buffer buffer_;
};

bool is_png(const std::string& b) {
    return b.size() > 8 && b.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0;
}

}  // namespace

TEST(Concurrency, ServerWithRealRendererUnderParallelClients) {
    const fs::path data = data_dir();
    fl::serve::SceneRendererOptions ro;
    ro.data_dir = data;
    ro.maxzoom = 10;
    auto renderer = std::make_shared<fl::serve::SceneRenderer>(ro);
    fl::serve::HandlerOptions ho;
    ho.data_dir = data;
    ho.cache_bytes = 4u << 20;  // small: eviction happens while others read
    fl::serve::ServerOptions so;
    so.port = 0;
    so.io_threads = 2;
    so.render_threads = 2;
    so.handle_signals = false;
    auto server =
        std::make_shared<fl::serve::Server>(so, std::make_shared<fl::serve::Handler>(ho, renderer));
    server->listen();
    std::thread run([server] { server->run(); });
    const auto port = server->port();

    // Tiles around Aleppo on four layers, z7-9; every client asks for all of them, in a
    // different order, so the same metatiles are wanted by several clients at once.
    std::vector<std::string> targets;
    for (const char* layer : {"control", "changes", "overlay", "control-2024-11-27"}) {
        for (int z = 7; z <= 9; ++z) {
            const fl::TileId c = fl::tile_for_lonlat(37.16, 36.20, z);
            for (int dx = -1; dx <= 0; ++dx) {
                targets.push_back("/tiles/" + std::string(layer) + "/" + std::to_string(z) + "/" +
                                  std::to_string(c.x + dx) + "/" + std::to_string(c.y) + ".png");
            }
        }
    }
    targets.push_back("/static.png?center=37.1,36.2&zoom=8&size=300x200");
    targets.push_back("/events.geojson");
    targets.push_back("/health");

    constexpr int kClients = 4;
    std::mutex mutex;
    std::map<std::string, std::string> first_body;  // target -> body first seen
    std::vector<std::string> problems;
    std::atomic<bool> stop_touching{false};
    // A "new run" meanwhile: a day file rewritten with the same content changes the control
    // directory's stamp, so renders reload the days and rebuild scenes while others draw.
    std::thread toucher([&] {
        const fs::path day = data / "control" / "2024-11-27.geojson";
        const std::string bytes = fl::read_file(day, "test");
        for (int i = 0; i < 6 && !stop_touching; ++i) {
            fl::write_file_atomic(day, bytes);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
        clients.emplace_back([&, c] {
            try {
                Client client(port);
                for (std::size_t i = 0; i < targets.size(); ++i) {
                    const std::size_t k = (i + 7 * static_cast<std::size_t>(c)) % targets.size();
                    const std::string& t = targets[c % 2 ? targets.size() - 1 - k : k];
                    Reply r = client.get(t);
                    std::lock_guard lock(mutex);
                    if (r.status != 200) {
                        problems.push_back(t + ": status " + std::to_string(r.status));
                    } else if (t.find(".png") == std::string::npos) {
                        first_body.emplace(t, "");  // health carries counters
                    } else if (!is_png(r.body)) {
                        problems.push_back(t + ": not a PNG");
                    } else if (auto [it, fresh] = first_body.emplace(t, r.body);
                               !fresh && it->second != r.body) {
                        problems.push_back(t + ": clients got different bytes");
                    }
                }
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                problems.push_back(std::string("client: ") + e.what());
            }
        });
    }
    for (auto& t : clients) t.join();
    stop_touching = true;
    toucher.join();
    server->stop();
    run.join();

    for (const auto& p : problems) ADD_FAILURE() << p;
    // Every client asked for every target once, in its own order.
    EXPECT_EQ(first_body.size(), targets.size());
}
