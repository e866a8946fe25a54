// PNG decoding (tiles read back by merge, the server and tests): corrupt data is an Error.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/error.hpp"
#include "tiles/png.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fl = frontline;
    try {
        auto img =
            fl::decode_png(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
        if (img.rgba.size() != static_cast<std::size_t>(img.width) * img.height * 4) std::abort();
        // Round trip: what decodes must encode and decode to the same pixels.
        if (img.width <= 512 && img.height <= 512) {
            fl::PngOptions o;
            o.quantize = false;
            if (fl::decode_png(fl::encode_png(img, o)).rgba != img.rgba) std::abort();
        }
    } catch (const fl::Error&) {
    }
    return 0;
}
