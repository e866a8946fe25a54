// Request handling of `frontline serve`: tiles from the XYZ tree, then MBTiles, then the
// on-demand renderer; TileJSON with absolute URLs; the data files; static images.
#include "serve/handler.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "common/error.hpp"
#include "common/json_limits.hpp"
#include "render/image.hpp"
#include "tiles/png.hpp"

namespace frontline::serve {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 64u << 20;  // larger files are not ours: refuse

HttpResponse text(int status, std::string body, std::string cache = "no-store") {
    HttpResponse r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = std::move(body) + "\n";
    r.cache_control = std::move(cache);
    return r;
}

std::optional<std::string> read_file(const fs::path& p) {
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::is_regular_file(st)) return std::nullopt;
    auto size = fs::file_size(p, ec);
    if (ec || size > kMaxFileBytes) return std::nullopt;
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::string s(size, '\0');
    in.read(s.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size) return std::nullopt;
    return s;
}

// RFC 9110 13.1.2: If-None-Match uses weak comparison; "*" matches any current entity.
bool etag_matches(std::string_view header, std::string_view etag) {
    std::size_t i = 0;
    while (i < header.size()) {
        auto comma = header.find(',', i);
        auto tok = header.substr(i, comma == std::string_view::npos ? comma : comma - i);
        while (!tok.empty() && (tok.front() == ' ' || tok.front() == '\t')) tok.remove_prefix(1);
        while (!tok.empty() && (tok.back() == ' ' || tok.back() == '\t')) tok.remove_suffix(1);
        if (tok.starts_with("W/")) tok.remove_prefix(2);
        if (tok == "*" || tok == etag) return true;
        if (comma == std::string_view::npos) break;
        i = comma + 1;
    }
    return false;
}

bool valid_host(std::string_view h) {
    if (h.empty() || h.size() > 255) return false;
    for (char c : h) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
        if (!ok) return false;
    }
    return true;
}

Blob empty_tile(int px) {
    Image img;
    img.width = img.height = px;
    img.rgba.assign(static_cast<std::size_t>(px) * px * 4, 0);
    auto png = encode_png(img);
    auto tag = etag_of(png);
    return Blob{std::move(png), std::move(tag)};
}

// x/y ranges of the tiles of zoom z that intersect a lon/lat box.
bool tile_in_bounds(const TileId& t, const BBox& b) {
    auto nw = tile_for_lonlat(b.minx, b.maxy, t.z);
    auto se = tile_for_lonlat(b.maxx, b.miny, t.z);
    return t.x >= nw.x && t.x <= se.x && t.y >= nw.y && t.y <= se.y;
}

// Media types of the web page's files by extension; anything else is not served.
std::optional<std::string> page_type(const std::string& path) {
    auto ends = [&](const char* ext) { return path.ends_with(ext); };
    if (ends(".html")) return "text/html; charset=utf-8";
    if (ends(".js")) return "text/javascript; charset=utf-8";
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".png")) return "image/png";
    if (ends(".md")) return "text/markdown; charset=utf-8";
    if (ends("/LICENSE")) return "text/plain; charset=utf-8";
    return std::nullopt;
}

}  // namespace

struct Handler::Layer {
    LayerInfo info;
    nlohmann::json tilejson;  // null when the layer exists only in the renderer
    fs::file_time_type mtime{};
};

struct Handler::Mbtiles {
    std::mutex mutex;
    sqlite3* db = nullptr;
    sqlite3_stmt* stmt = nullptr;
    fs::file_time_type mtime{};
    ~Mbtiles() {
        if (stmt) sqlite3_finalize(stmt);
        if (db) sqlite3_close(db);
    }
};

Handler::Handler(HandlerOptions opt, std::shared_ptr<TileRenderer> renderer)
    : opt_(std::move(opt)), renderer_(std::move(renderer)), cache_(opt_.cache_bytes) {
    empty_[0] = empty_tile(256);
    empty_[1] = empty_tile(512);
}

Handler::~Handler() = default;

std::shared_ptr<const Handler::Layer> Handler::layer(const std::string& name) {
    const fs::path json = opt_.data_dir / "tiles" / (name + ".json");
    std::error_code ec;
    auto mtime = fs::last_write_time(json, ec);
    {
        std::lock_guard lock(mutex_);
        auto it = layers_.find(name);
        if (it != layers_.end() &&
            (ec ? it->second->tilejson.is_null()
                : it->second->mtime == mtime && !it->second->tilejson.is_null()))
            return it->second;
    }
    auto l = std::make_shared<Layer>();
    if (!ec) {
        auto bytes = read_file(json);
        if (!bytes) return nullptr;
        auto j = nlohmann::json::parse(*bytes, nullptr, false);
        if (j.is_discarded() || !j.is_object())
            throw Error("serve", json.string(), "TileJSON is not a JSON object");
        if (json_depth(j, kMaxJsonDepth) > kMaxJsonDepth)  // each request copies it
            throw Error("serve", json.string(), "TileJSON nested too deep");
        l->tilejson = std::move(j);
        l->mtime = mtime;
        auto& t = l->tilejson;
        l->info.minzoom = t.value("minzoom", 0);
        l->info.maxzoom = t.value("maxzoom", kMaxZoom);
        // TileJSON 3.0.0 section 3.5: bounds = [left, bottom, right, top] in WGS 84.
        if (t.contains("bounds") && t["bounds"].is_array() && t["bounds"].size() == 4) {
            auto& b = t["bounds"];
            l->info.lonlat = {b[0].get<double>(), b[1].get<double>(), b[2].get<double>(),
                              b[3].get<double>()};
        }
        if (renderer_) {
            if (auto r = renderer_->layer(name))
                l->info.maxzoom = std::max(l->info.maxzoom, r->maxzoom);
        }
    } else if (renderer_) {
        auto r = renderer_->layer(name);
        if (!r) return nullptr;
        l->info = *r;
    } else {
        return nullptr;
    }
    std::lock_guard lock(mutex_);
    if (layers_.size() > 4096) layers_.clear();  // bounded even if layer files come and go
    layers_[name] = l;
    return l;
}

std::optional<std::string> Handler::mbtiles_tile(const std::string& name, const TileId& t) {
    const fs::path path = opt_.data_dir / "tiles" / (name + ".mbtiles");
    std::error_code ec;
    auto mtime = fs::last_write_time(path, ec);
    if (ec) return std::nullopt;
    std::shared_ptr<Mbtiles> m;
    {
        std::lock_guard lock(mutex_);
        auto& slot = mbtiles_[name];
        if (!slot || slot->mtime != mtime) {  // replaced by a new run: reopen
            auto fresh = std::make_shared<Mbtiles>();
            fresh->mtime = mtime;
            if (sqlite3_open_v2(path.c_str(), &fresh->db, SQLITE_OPEN_READONLY, nullptr) !=
                    SQLITE_OK ||
                sqlite3_prepare_v2(fresh->db,
                                   "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND "
                                   "tile_column = ?2 AND tile_row = ?3",
                                   -1, &fresh->stmt, nullptr) != SQLITE_OK) {
                throw Error("serve", path.string(),
                            "not an MBTiles 1.3 file (spec: table or view `tiles`)");
            }
            slot = fresh;
        }
        m = slot;
    }
    std::lock_guard lock(m->mutex);
    sqlite3_reset(m->stmt);
    sqlite3_bind_int(m->stmt, 1, t.z);
    sqlite3_bind_int(m->stmt, 2, t.x);
    sqlite3_bind_int(m->stmt, 3, (1 << t.z) - 1 - t.y);  // MBTiles 1.3: TMS rows
    std::optional<std::string> out;
    if (sqlite3_step(m->stmt) == SQLITE_ROW) {
        auto* p = static_cast<const char*>(sqlite3_column_blob(m->stmt, 0));
        out = std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(m->stmt, 0)));
    }
    sqlite3_reset(m->stmt);
    return out;
}

std::optional<HttpResponse> Handler::handle(const HttpRequest& req, bool allow_render) {
    std::optional<HttpResponse> r;
    try {
        // RFC 9112 section 3.2: more than one Host line is a 400 (which one names the site?).
        if (req.host_fields > 1) throw RequestError{400, "more than one Host header"};
        if (req.method == "OPTIONS") {
            r = HttpResponse{};
            r->status = 204;
            r->headers = {{"Access-Control-Allow-Methods", "GET, HEAD, OPTIONS"},
                          {"Access-Control-Allow-Headers", "If-None-Match"},
                          {"Access-Control-Max-Age", "86400"}};
        } else if (req.method != "GET" && req.method != "HEAD") {
            r = text(405, "method not allowed");
            r->headers.emplace_back("Allow", "GET, HEAD, OPTIONS");
        } else {
            r = route(req, allow_render);
            if (!r) return r;
        }
    } catch (const RequestError& e) {
        r = text(e.status, e.reason, e.status == 404 ? "public, max-age=60" : "no-store");
    } catch (const std::exception& e) {
        if (opt_.log)
            opt_.log("internal error on " + shorten_path(req.target, 200) + ": " + e.what());
        r = text(500, "internal error");
    }
    r->headers.emplace_back("Access-Control-Allow-Origin", "*");
    if (r->status == 200 && !r->etag.empty()) {
        r->headers.emplace_back("Access-Control-Expose-Headers", "ETag");
        if (!req.if_none_match.empty() && etag_matches(req.if_none_match, r->etag)) {
            r->status = 304;
            r->body.clear();
        }
    }
    if (req.method == "HEAD") r->body.clear();  // the server keeps Content-Length of GET
    return r;
}

std::optional<HttpResponse> Handler::route(const HttpRequest& req, bool allow_render) {
    const Route rt = parse_target(req.target);
    const std::string cache = "public, max-age=" + std::to_string(opt_.max_age);
    auto ok = [&](std::string type, std::string body, std::string etag = {}) {
        HttpResponse r;
        r.content_type = std::move(type);
        r.etag = etag.empty() ? etag_of(body) : std::move(etag);
        r.body = std::move(body);
        r.cache_control = cache;
        return r;
    };

    if (std::holds_alternative<HealthRequest>(rt)) {
        auto s = cache_.stats();
        nlohmann::ordered_json j = {{"status", "ok"},
                                    {"renders", s.renders},
                                    {"cache_hits", s.hits},
                                    {"cache_misses", s.misses},
                                    {"cache_bytes", s.bytes},
                                    {"cache_entries", s.entries},
                                    {"renderer", renderer_ != nullptr}};
        HttpResponse r;
        r.content_type = "application/json";
        r.body = j.dump() + "\n";
        r.cache_control = "no-store";
        return r;
    }
    if (std::holds_alternative<EventsRequest>(rt)) {
        auto b = read_file(opt_.data_dir / "events.geojson");
        if (!b) throw RequestError{404, "no events.geojson in the data directory"};
        return ok("application/geo+json", std::move(*b));
    }
    if (auto* c = std::get_if<ControlRequest>(&rt)) {
        auto b = read_file(opt_.data_dir / "control" / (c->date + ".geojson"));
        if (!b) throw RequestError{404, "no control day " + c->date};
        return ok("application/geo+json", std::move(*b));
    }
    if (auto* pg = std::get_if<PageRequest>(&rt)) {
        auto type = page_type(pg->path);
        if (!type) throw RequestError{404, "no such resource"};
        auto b = read_file(opt_.data_dir / pg->path);
        if (!b) {
            throw RequestError{404, pg->path == "index.html"
                                        ? "no web page in the data directory (`frontline run` "
                                          "writes it after the tiles)"
                                        : "no such file"};
        }
        HttpResponse r = ok(*type, std::move(*b));
        // Leaflet's files change only with web/package-lock.json; the page, its data and app
        // change with every run, so they are revalidated (ETag, 304) on every load.
        if (!pg->path.starts_with("web/leaflet/")) r.cache_control = "no-cache";
        return r;
    }
    if (auto* tj = std::get_if<TileJsonRequest>(&rt)) {
        auto l = layer(tj->layer);
        if (!l || l->tilejson.is_null()) throw RequestError{404, "no such layer"};
        std::string base = opt_.public_url;
        if (base.empty()) {
            if (!valid_host(req.host)) throw RequestError{400, "missing or invalid Host header"};
            base = (req.forwarded_proto == "https" ? "https://" : "http://") + req.host;
        }
        while (!base.empty() && base.back() == '/') base.pop_back();
        nlohmann::json j = l->tilejson;
        // TileJSON 3.0.0 section 3.1: `tiles` is an array of URL templates; absolute here so a
        // client that fetched the JSON from anywhere can use them.
        // Versioned URLs: a new run rewrites the TileJSON, which changes `v`, so clients and
        // caches keyed by URL (nginx, CDNs, browsers) fetch new tiles without any purge; open
        // source nginx cannot purge proxy_cache entries by key. The server ignores `v`.
        std::ostringstream v;
        v << std::hex << static_cast<unsigned long long>(l->mtime.time_since_epoch().count());
        j["tiles"] = {base + "/tiles/" + tj->layer + "/{z}/{x}/{y}.png?v=" + v.str()};
        j["maxzoom"] = l->info.maxzoom;
        return ok("application/json", j.dump(2) + "\n");
    }
    if (auto* t = std::get_if<TileRequest>(&rt)) {
        auto l = layer(t->layer);
        if (!l) throw RequestError{404, "no such layer"};
        if (t->tile.z < l->info.minzoom || t->tile.z > l->info.maxzoom)
            throw RequestError{404, "tile: zoom outside the layer's range"};
        if (!tile_in_bounds(t->tile, l->info.lonlat))
            throw RequestError{404, "tile: outside the layer's bounds"};
        const auto& [z, x, y] = t->tile;
        const fs::path file = opt_.data_dir / "tiles" / t->layer / std::to_string(z) /
                              std::to_string(x) /
                              (std::to_string(y) + (t->scale == 2 ? "@2x.png" : ".png"));
        if (auto b = read_file(file)) return ok("image/png", std::move(*b));
        if (t->scale == 1) {
            if (auto b = mbtiles_tile(t->layer, t->tile)) return ok("image/png", std::move(*b));
        }
        if (renderer_ && renderer_->layer(t->layer)) {
            const std::string gen = std::to_string(renderer_->generation()) + ":";
            const std::string key = gen + t->layer + "/" + std::to_string(z) + "/" +
                                    std::to_string(x) + "/" + std::to_string(y) + "@" +
                                    std::to_string(t->scale);
            if (auto b = cache_.get(key)) return ok("image/png", b->bytes, b->etag);
            if (!allow_render) return std::nullopt;
            const int n = std::min(opt_.metatile, 1 << z);
            const int x0 = x / n * n, y0 = y / n * n;
            const std::string flight = gen + t->layer + "/" + std::to_string(z) + "/" +
                                       std::to_string(x0) + "/" + std::to_string(y0) + "@" +
                                       std::to_string(t->scale);
            const std::string lname = t->layer;
            const int scale = t->scale;
            const int tz = z;  // clang 14 cannot capture a structured binding in a lambda
            auto b = cache_.get_or_render(key, flight, [&] {
                RenderCache::Entries e;
                for (auto& [id, png] : renderer_->render_block(lname, tz, x0, y0, n, scale)) {
                    e.emplace_back(gen + lname + "/" + std::to_string(id.z) + "/" +
                                       std::to_string(id.x) + "/" + std::to_string(id.y) + "@" +
                                       std::to_string(scale),
                                   std::move(png));
                }
                return e;
            });
            if (b) return ok("image/png", b->bytes, b->etag);
        }
        const Blob& e = empty_[t->scale == 2 ? 1 : 0];
        return ok("image/png", e.bytes, e.etag);
    }
    if (auto* s = std::get_if<StaticRequest>(&rt)) {
        if (!renderer_) throw RequestError{404, "static images need the renderer (--render)"};
        if (!renderer_->layer(s->layer)) throw RequestError{404, "no such layer"};
        const std::string key = std::to_string(renderer_->generation()) + ":static?" + req.target;
        if (auto b = cache_.get(key)) return ok("image/png", b->bytes, b->etag);
        if (!allow_render) return std::nullopt;
        auto b = cache_.get_or_render(key, key, [&] {
            return RenderCache::Entries{{key, renderer_->render_static(*s)}};
        });
        if (!b) throw RequestError{500, "static image not rendered"};
        return ok("image/png", b->bytes, b->etag);
    }
    throw RequestError{404, "no such resource"};
}

}  // namespace frontline::serve
