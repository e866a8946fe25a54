// PNG encoding and decoding with libpng.
#pragma once

#include <string>
#include <string_view>

#include "render/image.hpp"

namespace frontline {

// Defaults chosen by measurement: the 935 tiles of the default region at z5-12, drawn with
// bench/mapnik_equivalent.json and with styles/control.json, re-encoded each way (bytes and
// encode time per tile on one core):
// - max_colour_error 8: 808 KB -> 463 KB (-43%; -46% with control.json); changes 0.31% of
//   pixels (edge blends), by at most 7 per channel. 4 gives -35%, 16 gives -50% with errors
//   up to 15.
// - zlib level 6, default strategy: level 9 is 9% smaller but 2.3x the encode time; Z_RLE is
//   25% faster but 1-5% larger once colours are merged; Z_FILTERED is the same as default.
// - no row filters on palette images: adaptive filtering is 21-26% larger and slower.
// - bit depth 1/2/4 for palettes of at most 2/4/16 colours (always on): -7% to -5%.
struct PngOptions {
    int compression_level = 6;  // zlib level
    int zlib_strategy = 0;      // zlib strategy: Z_DEFAULT_STRATEGY (0), Z_FILTERED (1), Z_RLE (3)
    bool palette_filters = false;  // adaptive row filters for palette images (else none)
    // Reduce any image to a palette: colours covering 1% of the image or more kept exactly,
    // rarer ones (anti-aliasing blends) merged as below, at most 256. Off: exact, palette if
    // the image has at most 256 colours, RGBA otherwise (visual references use this).
    bool quantize = true;
    // With `quantize`: a rare colour within this distance of a more frequent one shares its
    // palette entry (Euclidean distance in RGBA, 0-255 per channel; 0 keeps every colour).
    int max_colour_error = 8;
};

// Encodes to PNG bytes: a palette PNG of the smallest bit depth (1, 2, 4 or 8) when the image
// has at most 256 distinct colours (typical of map tiles: flat fills) or `quantize` is on,
// RGBA otherwise. A tRNS chunk only when some palette entry is translucent, as short as the
// translucent entries (they come first).
std::string encode_png(const Image& img, const PngOptions& opt = {});

// Decodes any PNG to straight RGBA; throws Error("png", where, ...) on corrupt data.
Image decode_png(std::string_view bytes, const std::string& where = "PNG");

}  // namespace frontline
