// The tile server's request handler, free of networking so it is unit-tested directly: from
// a method, target and a few headers to a response. This is the HTTP error boundary: every
// exception ends here as a 4xx/5xx (see common/error.hpp).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "serve/render_cache.hpp"
#include "serve/tile_renderer.hpp"

namespace frontline::serve {

struct HandlerOptions {
    std::filesystem::path data_dir = "out";
    std::string public_url;  // e.g. https://tiles.example.org; empty: from the request's Host
    int max_age = 3600;      // Cache-Control max-age of tiles and data, seconds
    std::size_t cache_bytes = 256u << 20;  // rendered tiles and static images kept in memory
    int metatile = 4;                      // on-demand rendering renders metatile^2 tiles at once
    // Where an internal error's details go (the 500 answer carries none: no exception text or
    // path reaches a client). Null: nowhere.
    std::function<void(const std::string&)> log;
};

struct HttpRequest {
    std::string method = "GET";
    std::string target;
    std::string host;             // Host header
    std::size_t host_fields = 1;  // how many Host header lines (more than one: 400)
    std::string if_none_match;    // If-None-Match header
    // X-Forwarded-Proto, as set by the nginx configuration; the server passes it on only from
    // a trusted proxy (ServerOptions::trusted_proxies), else leaves it empty.
    std::string forwarded_proto;
};

struct HttpResponse {
    int status = 200;
    std::string content_type;
    std::string body;
    std::string etag;
    std::string cache_control;
    std::vector<std::pair<std::string, std::string>> headers;  // others (Allow, ...)
};

class Handler {
  public:
    // `renderer` may be null: missing tiles inside a layer's bounds are then the empty tile.
    Handler(HandlerOptions opt, std::shared_ptr<TileRenderer> renderer);
    ~Handler();

    // nullopt when the answer needs rendering and `allow_render` is false: the server then
    // calls again from its render pool so slow renders never block the I/O threads.
    std::optional<HttpResponse> handle(const HttpRequest& req, bool allow_render);

    CacheStats cache_stats() const { return cache_.stats(); }
    const HandlerOptions& options() const { return opt_; }

  private:
    struct Layer;
    struct Mbtiles;
    std::optional<HttpResponse> route(const HttpRequest& req, bool allow_render);
    std::shared_ptr<const Layer> layer(const std::string& name);
    std::optional<std::string> mbtiles_tile(const std::string& layer, const TileId& t);

    HandlerOptions opt_;
    std::shared_ptr<TileRenderer> renderer_;
    RenderCache cache_;
    Blob empty_[2];  // shared empty tiles, 256 and 512 px
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<const Layer>> layers_;
    std::unordered_map<std::string, std::shared_ptr<Mbtiles>> mbtiles_;
};

}  // namespace frontline::serve
