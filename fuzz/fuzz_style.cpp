// Style JSON: unknown keys and bad values are Errors naming the key, never crashes.
#include <cstdint>

#include "common/error.hpp"
#include "fuzz_util.hpp"
#include "render/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fl = frontline;
    try {
        (void)fl::read_style(fl::fuzz::input_file("style.json", data, size));
    } catch (const fl::Error&) {
    }
    return 0;
}
