// PNG encoding and decoding with libpng.
#pragma once

#include <string>
#include <string_view>

#include "render/image.hpp"

namespace frontline {

struct PngOptions {
    int compression_level = 6;  // zlib level
    // Above 256 colours: reduce to a palette (the 256 most frequent colours kept exactly,
    // rarer anti-aliasing blends mapped to the nearest) instead of writing RGBA.
    bool quantize = true;
};

// Encodes to PNG bytes: an 8-bit palette PNG when the image has at most 256 distinct
// colours (typical of map tiles: flat fills) or `quantize` is on, RGBA otherwise.
std::string encode_png(const Image& img, const PngOptions& opt = {});

// Decodes any PNG to straight RGBA; throws Error("png", where, ...) on corrupt data.
Image decode_png(std::string_view bytes, const std::string& where = "PNG");

}  // namespace frontline
