// Tile rendering throughput: renders the default region's pyramid with the default style (or
// --style F) on N threads (default 1) and prints one JSON line (tiles, seconds, tiles/s,
// bytes, bbox).
// bench/mapnik_compare.py runs it beside Mapnik on the same tiles. It validates its output
// (a z8 tile over Aleppo decodes and is not blank) before it reports a figure.
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <set>

#include "common/atomic_file.hpp"
#include "control/timeline.hpp"
#include "geo/boundaries.hpp"
#include "pipeline/pipeline.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "tiles/pyramid.hpp"

namespace fl = frontline;

int main(int argc, char** argv) {
    int minzoom = 5, maxzoom = 10, threads = 1;
    std::filesystem::path out = "/tmp/frontline-render-bench";
    std::filesystem::path style_path;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--minzoom"))
            minzoom = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--maxzoom"))
            maxzoom = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "-j"))
            threads = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--out"))
            out = argv[i + 1];
        else if (!std::strcmp(argv[i], "--style"))
            style_path = argv[i + 1];
    }
    try {
        auto ro = fl::default_run_options();
        auto gaz = fl::Gazetteer::load_dir(ro.gazetteer_dir);
        auto baseline = fl::read_baseline(ro.baseline, gaz);
        auto days = fl::build_timeline(baseline, {}, baseline.date);
        fl::BoundaryOptions bopt;
        bopt.source = ro.tiles.boundaries;
        auto scene = fl::build_scene(fl::read_boundaries(bopt), gaz, days.back());
        auto style = fl::read_style(style_path.empty() ? ro.tiles.style : style_path);
        std::filesystem::remove_all(out);
        fl::PyramidOptions p;
        p.layer = "bench";
        p.minzoom = minzoom;
        p.maxzoom = maxzoom;
        p.lonlat = scene.focus_lonlat;
        p.tiles_dir = out;
        p.threads = threads;
        p.mbtiles = false;  // like for like with Mapnik: PNG files only
        p.pmtiles = false;
        const auto t0 = std::chrono::steady_clock::now();
        auto stats = fl::render_pyramid(scene, style, p);
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        // Validate: the tile over Aleppo at z8 (if rendered) is a real, non-blank PNG.
        if (minzoom <= 8 && maxzoom >= 8) {
            auto img = fl::decode_png(fl::read_file(
                fl::tile_path(p, fl::tile_for_lonlat(37.1612, 36.2012, 8), 1), "bench"));
            std::set<std::uint32_t> colours;
            for (int y = 0; y < img.height; y += 4)
                for (int x = 0; x < img.width; x += 4) colours.insert(img.pixel(x, y));
            if (img.width != 256 || colours.size() < 4) {
                std::cerr
                    << "render_bench: validation failed: z8 Aleppo tile is blank or wrong size\n";
                return 1;
            }
        }
        std::cout << "{\"renderer\":\"frontline\",\"tiles\":" << stats.tiles << ",\"seconds\":" << s
                  << ",\"tiles_per_s\":" << stats.tiles / s << ",\"bytes\":" << stats.bytes
                  << ",\"bbox\":[" << p.lonlat.minx << ',' << p.lonlat.miny << ',' << p.lonlat.maxx
                  << ',' << p.lonlat.maxy << "],\"minzoom\":" << minzoom
                  << ",\"maxzoom\":" << maxzoom << ",\"threads\":" << threads << "}\n";
    } catch (const std::exception& e) {
        std::cerr << "render_bench: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
