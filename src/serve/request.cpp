// Request target parsing for `frontline serve`; see request.hpp for the rules.
#include "serve/request.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace frontline::serve {

namespace {

[[noreturn]] void bad(std::string reason) {
    throw RequestError{400, std::move(reason)};
}
[[noreturn]] void not_found(std::string reason) {
    throw RequestError{404, std::move(reason)};
}

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        auto p = s.find(sep, start);
        out.push_back(s.substr(start, p == std::string_view::npos ? p : p - start));
        if (p == std::string_view::npos) break;
        start = p + 1;
    }
    return out;
}

std::optional<double> parse_double(std::string_view s) {
    double v = 0;
    if (s.empty() || s.size() > 32) return std::nullopt;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::vector<double> parse_doubles(std::string_view s, std::size_t n, const char* what) {
    auto parts = split(s, ',');
    if (parts.size() != n) bad(std::string(what) + ": expected " + std::to_string(n) + " numbers");
    std::vector<double> v;
    for (auto p : parts) {
        auto d = parse_double(p);
        if (!d) bad(std::string(what) + ": not a number");
        v.push_back(*d);
    }
    return v;
}

void check_lonlat(double lon, double lat, const char* what) {
    if (lon < -180 || lon > 180 || lat < -kMaxLatitude || lat > kMaxLatitude)
        bad(std::string(what) + ": longitude or latitude out of range");
}

StaticRequest parse_static(std::string_view query) {
    StaticRequest r;
    std::optional<std::string> bbox, center, zoom, size;
    for (auto& [k, v] : parse_query(query)) {
        if (k == "bbox")
            bbox = v;
        else if (k == "center")
            center = v;
        else if (k == "zoom")
            zoom = v;
        else if (k == "size")
            size = v;
        else if (k == "layer")
            r.layer = v;
        else if (k == "scale") {
            if (v != "1" && v != "2") bad("scale: must be 1 or 2");
            r.scale = v == "2" ? 2 : 1;
        } else if (k == "v") {
            // cache-busting version, ignored
        } else {
            bad("unknown parameter: " + k.substr(0, 32));
        }
    }
    if (!valid_layer_name(r.layer)) bad("layer: bad name");
    r.width = r.height = 512;
    if (size) {
        auto x = size->find('x');
        if (x == std::string::npos) bad("size: expected WxH");
        auto w = parse_uint(std::string_view(*size).substr(0, x));
        auto h = parse_uint(std::string_view(*size).substr(x + 1));
        if (!w || !h || *w < 1 || *h < 1) bad("size: expected WxH");
        r.width = *w;
        r.height = *h;
    }
    if (r.width * r.scale > kMaxStaticSide || r.height * r.scale > kMaxStaticSide)
        bad("size: at most " + std::to_string(kMaxStaticSide) + " pixels a side (times scale)");
    std::optional<int> z;
    if (zoom) {
        z = parse_uint(*zoom);
        if (!z || *z > kMaxZoom) bad("zoom: expected 0-" + std::to_string(kMaxZoom));
    }
    if (bbox && center) bad("give bbox or center, not both");
    if (bbox) {
        auto b = parse_doubles(*bbox, 4, "bbox");
        check_lonlat(b[0], b[1], "bbox");
        check_lonlat(b[2], b[3], "bbox");
        if (!(b[0] < b[2] && b[1] < b[3])) bad("bbox: expected minlon,minlat,maxlon,maxlat");
        const FittedView v = fit_bbox(b[0], b[1], b[2], b[3], r.width, r.height, kMaxZoom);
        r.extent_3857 = v.extent_3857;
        r.zoom = z ? *z : v.zoom;
        r.magnify = z ? 1.0 : v.magnify;
    } else if (center) {
        if (!z) bad("center needs zoom");
        auto c = parse_doubles(*center, 2, "center");
        check_lonlat(c[0], c[1], "center");
        r.extent_3857 = view_at(c[0], c[1], *z, r.width, r.height).extent_3857;
        r.zoom = *z;
    } else {
        bad("give bbox=minlon,minlat,maxlon,maxlat or center=lon,lat&zoom=Z");
    }
    return r;
}

TileRequest parse_tile(std::string_view layer, std::string_view zs, std::string_view xs,
                       std::string_view file) {
    TileRequest t;
    t.layer = std::string(layer);
    std::string_view ys;
    if (file.ends_with("@2x.png")) {
        ys = file.substr(0, file.size() - 7);
        t.scale = 2;
    } else if (file.ends_with(".png")) {
        ys = file.substr(0, file.size() - 4);
    } else {
        bad("tile: expected {y}.png or {y}@2x.png");
    }
    auto z = parse_uint(zs), x = parse_uint(xs), y = parse_uint(ys);
    if (!z || !x || !y) bad("tile: z, x and y must be non-negative integers");
    if (*z > kMaxZoom) not_found("tile: zoom outside the grid");
    const long long n = 1LL << *z;
    if (*x >= n || *y >= n) not_found("tile: x or y outside the grid");
    t.tile = {*z, *x, *y};
    return t;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '%') {
            if (i + 2 >= s.size()) return std::nullopt;
            int h = hex(s[i + 1]), l = hex(s[i + 2]);
            if (h < 0 || l < 0) return std::nullopt;
            c = static_cast<char>(h * 16 + l);
            i += 2;
        }
        if (c == '\0') return std::nullopt;
        out.push_back(c);
    }
    return out;
}

bool valid_layer_name(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

bool valid_asset_name(std::string_view s) {
    if (s.empty() || s.size() > 64 || s.front() == '.') return false;
    for (char c : s) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

bool valid_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

std::optional<int> parse_uint(std::string_view s) {
    if (s.empty() || s.size() > 9) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::vector<std::pair<std::string, std::string>> parse_query(std::string_view q) {
    std::vector<std::pair<std::string, std::string>> out;
    if (q.empty()) return out;
    auto parts = split(q, '&');
    if (parts.size() > 32) bad("query: too many parameters");
    for (auto p : parts) {
        if (p.empty()) continue;
        auto eq = p.find('=');
        std::string k(p.substr(0, eq)), v(eq == std::string_view::npos ? "" : p.substr(eq + 1));
        for (auto* s : {&k, &v})
            for (auto& c : *s)
                if (c == '+') c = ' ';
        auto dk = percent_decode(k), dv = percent_decode(v);
        if (!dk || !dv) bad("query: malformed percent escape");
        bool replaced = false;
        for (auto& kv : out) {
            if (kv.first == *dk) {
                kv.second = *dv;
                replaced = true;
            }
        }
        if (!replaced) out.emplace_back(std::move(*dk), std::move(*dv));
    }
    return out;
}

Route parse_target(std::string_view target) {
    if (target.empty() || target.front() != '/') bad("target must start with /");
    if (target.size() > 2048) bad("target too long");
    auto qpos = target.find('?');
    std::string_view path = target.substr(0, qpos);
    std::string_view query = qpos == std::string_view::npos ? "" : target.substr(qpos + 1);
    auto raw = split(path.substr(1), '/');
    std::vector<std::string> seg;
    for (auto r : raw) {
        auto d = percent_decode(r);
        if (!d) bad("path: malformed percent escape");
        if (*d == ".." || *d == ".") bad("path: '.' and '..' segments are not allowed");
        if (d->find('/') != std::string::npos || d->find('\\') != std::string::npos)
            bad("path: encoded slash");
        seg.push_back(std::move(*d));
    }
    auto bad_name = [](const std::string& s) { return !valid_layer_name(s); };

    if (seg.size() == 1 && (seg[0].empty() || seg[0] == "index.html" || seg[0] == "embed.html" ||
                            seg[0] == "snippets.md")) {
        parse_query(query);  // validated; the page reads its options in the browser
        return PageRequest{seg[0].empty() ? "index.html" : seg[0]};
    }
    // /web/<file>, /web/leaflet/<file>, /web/leaflet/images/<file>: what `frontline run`
    // writes there (src/web/web_export.cpp), nothing deeper.
    if (seg.size() >= 2 && seg.size() <= 4 && seg[0] == "web") {
        std::string path = "web";
        for (std::size_t i = 1; i < seg.size(); ++i) {
            if (!valid_asset_name(seg[i])) bad("web: bad file name");
            path += "/" + seg[i];
        }
        parse_query(query);
        return PageRequest{path};
    }
    if (seg.size() == 1 && seg[0] == "health") return HealthRequest{};
    if (seg.size() == 1 && seg[0] == "events.geojson") return EventsRequest{};
    if (seg.size() == 1 && seg[0] == "static.png") return parse_static(query);
    if (seg.size() == 2 && seg[0] == "control") {
        if (!seg[1].ends_with(".geojson")) bad("control: expected /control/YYYY-MM-DD.geojson");
        std::string date = seg[1].substr(0, seg[1].size() - 8);
        if (!valid_date(date)) bad("control: expected /control/YYYY-MM-DD.geojson");
        return ControlRequest{date};
    }
    if (seg.size() == 2 && seg[0] == "tiles") {
        if (!seg[1].ends_with(".json")) bad("tiles: expected /tiles/<layer>.json");
        std::string layer = seg[1].substr(0, seg[1].size() - 5);
        if (bad_name(layer)) bad("layer: bad name");
        return TileJsonRequest{layer};
    }
    if (seg.size() == 5 && seg[0] == "tiles") {
        if (bad_name(seg[1])) bad("layer: bad name");
        parse_query(query);  // validated, ignored (versioned URLs add ?v=)
        return parse_tile(seg[1], seg[2], seg[3], seg[4]);
    }
    not_found("no such resource");
}

}  // namespace frontline::serve
