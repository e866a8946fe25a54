// Manifest TSV (file, published, source, url).
#include <cstdint>

#include "common/error.hpp"
#include "fuzz_util.hpp"
#include "text/article.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fl = frontline;
    try {
        (void)fl::read_manifest(fl::fuzz::input_file("manifest.tsv", data, size));
    } catch (const fl::Error&) {
    }
    return 0;
}
