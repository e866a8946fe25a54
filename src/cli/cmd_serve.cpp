// `frontline serve`: tiles, TileJSON and data over HTTP (serve/server.hpp), rendering missing
// tiles on demand (serve/scene_renderer.hpp) unless --no-render.
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "cli/shared_options.hpp"
#include "serve/scene_renderer.hpp"
#include "serve/server.hpp"

namespace frontline::cli {

namespace {

struct Options {
    serve::HandlerOptions handler;
    serve::ServerOptions server;
    serve::SceneRendererOptions render;  // with `render` on
    bool render_on_demand = true;
};

// What the command line gives, before the values CLI11 cannot check are parsed.
struct Args {
    serve::HandlerOptions handler;
    serve::ServerOptions server;
    serve::SceneRendererOptions render;
    std::string listen = "127.0.0.1:8080", data = "out";
    std::size_t cache_mb = 256;
    int timeout_ms = 10000;
    bool no_render = false;
    std::vector<std::string> trusted;
    MapSources map;
};

Options finish(const Args& a, const GlobalOptions& global) {
    Options o;
    o.handler = a.handler;
    o.server = a.server;
    o.render = a.render;
    serve::parse_listen(a.listen, o.server);
    if (!a.trusted.empty()) serve::parse_trusted_proxies(a.trusted, o.server);
    o.handler.data_dir = a.data;
    o.handler.cache_bytes = a.cache_mb << 20;
    o.server.read_timeout = std::chrono::milliseconds(a.timeout_ms);
    o.render_on_demand = !a.no_render;
    o.render.data_dir = a.data;
    o.render.gazetteer_dir = global.gazetteer_dir;
    o.render.boundaries = a.map.boundaries;
    o.render.style = a.map.style;
    o.render.changes_style = a.map.changes_style;
    o.render.overlay_style = a.map.overlay_style;
    return o;
}

int run(Options o) {
    o.server.log = [](const std::string& s) { std::cerr << "frontline serve: " << s << "\n"; };
    o.handler.log = o.server.log;
    o.render.log = o.server.log;
    std::shared_ptr<serve::TileRenderer> renderer;
    if (o.render_on_demand) renderer = std::make_shared<serve::SceneRenderer>(o.render);
    serve::Server server(o.server, std::make_shared<serve::Handler>(o.handler, renderer));
    server.listen();
    std::cerr << "frontline serve: listening on http://" << o.server.address << ":" << server.port()
              << " (data " << o.handler.data_dir.string() << ")" << std::endl;
    server.run();
    return kExitOk;
}

}  // namespace

void add_serve(CLI::App& app, const GlobalOptions& global, std::vector<Command>& commands) {
    auto args = std::make_shared<Args>();
    Args& a = *args;
    a.map = default_map_sources();
    auto* cmd = app.add_subcommand("serve", "Serve tiles, TileJSON and data over HTTP");
    cmd->add_option("--data", a.data, "Output directory of `frontline run`")->capture_default_str();
    cmd->add_option("--listen", a.listen, "HOST:PORT (port 0: any free port)")
        ->capture_default_str();
    cmd->add_option("--public-url", a.handler.public_url,
                    "Base of the absolute URLs in TileJSON (default: from the Host header)");
    cmd->add_option("--max-age", a.handler.max_age, "Cache-Control max-age, seconds")
        ->capture_default_str();
    cmd->add_option("--threads", a.server.io_threads, "I/O threads (0: all cores)");
    cmd->add_option("--render-threads", a.server.render_threads,
                    "On-demand render threads (0: all cores)");
    cmd->add_option("--cache-mb", a.cache_mb, "Memory for rendered tiles, MiB")
        ->capture_default_str();
    cmd->add_option("--render-maxzoom", a.render.maxzoom, "Deepest zoom rendered on demand")
        ->capture_default_str()
        ->check(CLI::Range(0, 22));
    cmd->add_option("--read-timeout", a.timeout_ms, "Request header timeout, ms")
        ->capture_default_str();
    cmd->add_option("--max-connections", a.server.max_connections, "Open connections")
        ->capture_default_str();
    add_map_sources(cmd, a.map, "OGR boundary source", "Style file");
    cmd->add_flag("--no-render", a.no_render, "Serve files only; missing tiles are empty");
    cmd->add_option("--trusted-proxy", a.trusted,
                    "Peer whose X-Forwarded-Proto is believed: an IP address, loopback "
                    "(default) or none; repeat for several");
    commands.push_back({cmd, [args, &global] { return run(finish(*args, global)); }});
}

}  // namespace frontline::cli
