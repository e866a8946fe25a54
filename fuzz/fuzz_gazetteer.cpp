// Gazetteer files: the curated TSV, GeoNames dump rows and variants. Bad rows must be
// reported as frontline::Error, never crash; coordinates that load are in range.
#include <cstdint>
#include <cstdlib>

#include "common/error.hpp"
#include "fuzz_util.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fl = frontline;
    auto file = fl::fuzz::input_file("gazetteer.tsv", data, size);
    for (int kind = 0; kind < 2; ++kind) {
        try {
            fl::Gazetteer g;
            if (kind == 0) {
                g.add_curated(file);
            } else {
                g.add_geonames(file);
            }
            for (const auto& p : g.places()) {
                if (!(p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180)) std::abort();
            }
            if (!g.places().empty()) (void)fl::lookup(g, g.places().front().name);
        } catch (const fl::Error&) {
        }
    }
    return 0;
}
