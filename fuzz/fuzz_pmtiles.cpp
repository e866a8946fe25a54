// PMTiles reading (shard archives read back by `frontline merge`): a damaged or hostile
// archive is an Error, never a crash, a hang or an unbounded allocation. Also: whatever
// decodes as a directory encodes back to the same entries.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/error.hpp"
#include "fuzz_util.hpp"
#include "tiles/pmtiles.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fl = frontline;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const auto entries = fl::decode_pm_directory(bytes, "fuzz");
        if (fl::decode_pm_directory(fl::encode_pm_directory(entries), "fuzz") != entries)
            std::abort();
    } catch (const fl::Error&) {
    }
    try {
        fl::PmtilesReader r(fl::fuzz::input_file("pmtiles", data, size));
        r.metadata();
        // Lookups walk the root and leaves; for_each is not called, as a valid archive may
        // address billions of tiles through run-lengths.
        const auto root = r.root();
        for (std::size_t i = 0; i < root.size() && i < 16; ++i) {
            try {
                r.tile(fl::pmtiles_tile(root[i].tile_id));
            } catch (const fl::Error&) {
            }
        }
        r.tile({0, 0, 0});
    } catch (const fl::Error&) {
    }
    return 0;
}
