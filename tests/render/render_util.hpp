// Shared by the render tests: a small scene on real boundaries with hand-made places (so the
// references do not move when the gazetteer or the baseline change), and reference-image
// comparison with an HTML report.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "common/atomic_file.hpp"
#include "geo/boundaries.hpp"
#include "render/image.hpp"
#include "render/renderer.hpp"
#include "render/scene.hpp"
#include "test_util.hpp"
#include "tiles/png.hpp"

namespace frontline::test {

inline ScenePlace make_place(const MercatorProjector& proj, const std::string& id,
                             const std::string& name, double lon, double lat, Controller now,
                             Controller before, long population, const std::string& kind = "town") {
    ScenePlace p;
    auto m = proj.forward(lon, lat);
    p.x = m[0];
    p.y = m[1];
    p.controller = now;
    p.place_id = id;
    p.importance =
        std::clamp((std::log10(std::max<double>(population, 1000)) - 3.0) / 3.3, 0.0, 1.0);
    p.props = {{"id", id},
               {"name", name},
               {"kind", kind},
               {"controller", std::string(to_string(now))},
               {"controller_before", std::string(to_string(before))},
               {"changed", now != before},
               {"status", "confirmed"},
               {"population", population},
               {"importance", p.importance}};
    return p;
}

// Natural Earth boundaries from the set-up cache, read once per test binary.
inline const Boundaries& boundaries() {
    static const Boundaries b = [] {
        BoundaryOptions o;
        o.source = default_boundaries_path();
        return read_boundaries(o);
    }();
    return b;
}

// The fixture scene: real boundaries, nine places of the offensive with made-up states (one
// named in Arabic), the M5 highway, one place with a label crossing a z8 tile edge.
inline Scene fixture_scene() {
    Gazetteer none;
    ControlDay empty;
    Scene s = build_scene(boundaries(), none, empty);
    MercatorProjector proj;
    using C = Controller;
    struct Site {
        const char* id;
        const char* name;
        double lon, lat;
        C now, before;
        long population;
        const char* kind;
    };
    const Site sites[] = {
        {"t:kafr-nasih", "Kafr Nasih", 36.545, 36.06, C::unknown, C::unknown, 0, "village"},
        {"t:khan-shaykhun", "Khan Shaykhun", 36.64, 35.44, C::contested, C::government, 35000,
         "town"},
        {"t:mare", "مارع", 37.05, 36.57, C::sna, C::sna, 15000, "town"},
        {"t:tall-rifat", "Tall Rifat", 37.10, 36.47, C::sdf, C::sdf, 20000, "town"},
        {"t:saraqib", "Saraqib", 36.80, 35.86, C::opposition, C::government, 30000, "town"},
        {"t:al-bab", "Al Bab", 37.52, 36.37, C::sna, C::sna, 60000, "town"},
        {"t:maarat", "Maarrat an Numan", 36.68, 35.65, C::government, C::government, 60000, "town"},
        {"t:manbij", "Manbij", 37.95, 36.53, C::sdf, C::sdf, 100000, "town"},
        {"t:idlib", "Idlib", 36.63, 35.93, C::opposition, C::opposition, 165000, "city"},
        {"t:aleppo", "Aleppo", 37.16, 36.20, C::opposition, C::government, 2000000, "city"},
    };
    std::vector<AreaSite> now, before;
    for (const Site& p : sites) {
        s.places.push_back(
            make_place(proj, p.id, p.name, p.lon, p.lat, p.now, p.before, p.population, p.kind));
        now.push_back({p.id, p.lon, p.lat, p.now});
        before.push_back({p.id, p.lon, p.lat, p.before});
    }
    const GeoMultiPolygon clip = focus_clip(boundaries());
    set_control_areas(s, control_areas(now, clip), control_areas(before, clip));
    SceneLine m5;
    m5.props = {{"id", "t:m5"}, {"name", "M5 highway"}, {"ref", "M5"}, {"kind", "road"}};
    m5.bbox = {1e300, 1e300, -1e300, -1e300};
    for (auto [lon, lat] : {std::pair{37.16, 36.20},
                            {36.98, 36.07},
                            {36.81, 35.86},
                            {36.68, 35.65},
                            {36.65, 35.44}}) {
        auto m = proj.forward(lon, lat);
        m5.merc.emplace_back(m[0], m[1]);
        m5.bbox = {std::min(m5.bbox.minx, m[0]), std::min(m5.bbox.miny, m[1]),
                   std::max(m5.bbox.maxx, m[0]), std::max(m5.bbox.maxy, m[1])};
    }
    s.roads = {m5};
    return s;
}

// Pixels where any channel differs by more than `channel_tolerance`.
inline long count_differing(const Image& a, const Image& b, int channel_tolerance,
                            Image* diff = nullptr) {
    if (a.width != b.width || a.height != b.height)
        return static_cast<long>(a.width) * a.height + 1;
    long n = 0;
    if (diff) *diff = a;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
        bool differs = false;
        for (int c = 0; c < 4; ++c)
            differs =
                differs || std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])) > channel_tolerance;
        n += differs;
        if (diff) {
            // Differences in red over a faded copy of the expected image.
            const std::uint8_t g = static_cast<std::uint8_t>(200 + a.rgba[i + 1] / 5);
            diff->rgba[i] = differs ? 255 : g;
            diff->rgba[i + 1] = differs ? 0 : g;
            diff->rgba[i + 2] = differs ? 0 : g;
            diff->rgba[i + 3] = 255;
        }
    }
    return n;
}

// References and reports are written losslessly (no palette quantisation).
inline PngOptions lossless() {
    PngOptions o;
    o.compression_level = 9;
    o.quantize = false;
    return o;
}

inline bool accepting() {
    const char* v = std::getenv("FRONTLINE_ACCEPT_REFERENCE");
    return v && std::string(v) == "1";
}

// Compares `actual` with tests/render/ref/<name>.png (name: <case>-z<zoom>@<scale>x). With
// FRONTLINE_ACCEPT_REFERENCE=1 the reference is (re)written instead. On failure writes
// <build>/test-tmp/visual/<name>.html showing expected, actual and the difference.
inline void expect_matches_reference(const std::string& name, const Image& actual,
                                     long max_differing = 0, int channel_tolerance = 8) {
    const auto ref = source_dir() / "tests" / "render" / "ref" / (name + ".png");
    if (accepting()) {
        write_file_atomic(ref, encode_png(actual, lossless()));
        std::cout << "accepted reference " << ref << "\n";
        return;
    }
    ASSERT_TRUE(std::filesystem::exists(ref))
        << ref << " missing; run with FRONTLINE_ACCEPT_REFERENCE=1 to create it, then look at it";
    Image expected = decode_png(read_file(ref, "png"), ref.string());
    Image diff;
    const long n = count_differing(expected, actual, channel_tolerance, &diff);
    if (n <= max_differing) return;
    const char* base = std::getenv("FRONTLINE_TEST_TMP");
    const auto dir = std::filesystem::path(base ? base : "/tmp/frontline-test") / "visual";
    write_file_atomic(dir / (name + "-expected.png"), encode_png(expected, lossless()));
    write_file_atomic(dir / (name + "-actual.png"), encode_png(actual, lossless()));
    if (expected.width == actual.width && expected.height == actual.height) {
        write_file_atomic(dir / (name + "-diff.png"), encode_png(diff, lossless()));
    }
    const std::string html =
        "<!doctype html><meta charset=utf-8><title>" + name +
        "</title><style>body{font:14px sans-serif}"
        "img{image-rendering:pixelated;border:1px solid #999;margin:4px}</style><h1>" +
        name + ": " + std::to_string(n) + " pixels differ (allowed " +
        std::to_string(max_differing) +
        ")</h1><p>expected, actual, difference (red)</p><img src=\"" + name +
        "-expected.png\"><img src=\"" + name + "-actual.png\"><img src=\"" + name +
        "-diff.png\"><p>Accept with FRONTLINE_ACCEPT_REFERENCE=1 once the new "
        "rendering is right.</p>\n";
    write_file_atomic(dir / (name + ".html"), html);
    ADD_FAILURE() << name << ": " << n << " pixels differ from " << ref << " (allowed "
                  << max_differing << "); report: " << (dir / (name + ".html")).string();
}

// Tiles of zoom z covering `lonlat`, stitched into one image.
inline Image stitch(const Scene& scene, const Style& style, int z, const TileId& nw,
                    const TileId& se, int scale = 1) {
    const int ts = 256 * scale;
    Image out;
    out.width = (se.x - nw.x + 1) * ts;
    out.height = (se.y - nw.y + 1) * ts;
    out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
    for (int x = nw.x; x <= se.x; ++x) {
        for (int y = nw.y; y <= se.y; ++y) {
            Image t = render_tile(scene, style, {z, x, y}, scale);
            for (int row = 0; row < ts; ++row) {
                std::copy_n(&t.rgba[static_cast<std::size_t>(row) * ts * 4], ts * 4,
                            &out.rgba[(static_cast<std::size_t>((y - nw.y) * ts + row) * out.width +
                                       (x - nw.x) * ts) *
                                      4]);
            }
        }
    }
    return out;
}

inline BBox union_bounds(const TileId& nw, const TileId& se) {
    BBox a = tile_bounds_3857(nw), b = tile_bounds_3857(se);
    return {a.minx, b.miny, b.maxx, a.maxy};
}

}  // namespace frontline::test
