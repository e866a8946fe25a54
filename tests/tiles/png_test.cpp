// PNG round trips for palette and RGBA images, and rejection of corrupt data.
#include "tiles/png.hpp"

#include <gtest/gtest.h>

#include <cstring>

#include "common/error.hpp"

namespace fl = frontline;

namespace {
fl::Image gradient(int w, int h, bool many_colours) {
    fl::Image img{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 4)};
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            auto* p = &img.rgba[(static_cast<std::size_t>(y) * w + x) * 4];
            p[0] = static_cast<std::uint8_t>(many_colours ? x : (x / 64) * 60);
            p[1] = static_cast<std::uint8_t>(many_colours ? y : 10);
            p[2] = 200;
            p[3] = static_cast<std::uint8_t>(x % 2 ? 255 : 128);
        }
    }
    return img;
}
}  // namespace

TEST(Png, PaletteRoundTrip) {
    auto img = gradient(256, 256, false);
    std::string bytes = fl::encode_png(img);
    ASSERT_GT(bytes.size(), 8u);
    EXPECT_EQ(static_cast<unsigned char>(bytes[25]), 3) << "colour type should be palette";
    auto back = fl::decode_png(bytes);
    EXPECT_EQ(back.width, 256);
    EXPECT_EQ(back.height, 256);
    EXPECT_EQ(back.rgba, img.rgba);
}

TEST(Png, RgbaRoundTripWithoutQuantizing) {
    auto img = gradient(256, 256, true);
    fl::PngOptions opt;
    opt.quantize = false;
    std::string bytes = fl::encode_png(img, opt);
    EXPECT_EQ(static_cast<unsigned char>(bytes[25]), 6) << "colour type should be RGBA";
    EXPECT_EQ(fl::decode_png(bytes).rgba, img.rgba);
}

TEST(Png, CorruptDataIsAnError) {
    std::string bytes = fl::encode_png(gradient(64, 64, true));
    EXPECT_THROW(fl::decode_png(bytes.substr(0, bytes.size() / 2), "half.png"), fl::Error);
    EXPECT_THROW(fl::decode_png("not a png at all", "text.png"), fl::Error);
}

TEST(Png, QuantizingKeepsFrequentColoursExact) {
    // A flat tile (two fills) plus a diagonal of 300 distinct rare colours.
    fl::Image img{256, 256, std::vector<std::uint8_t>(256 * 256 * 4)};
    for (int y = 0; y < 256; ++y) {
        for (int x = 0; x < 256; ++x) {
            auto* p = &img.rgba[(static_cast<std::size_t>(y) * 256 + x) * 4];
            const bool left = x < 128;
            p[0] = left ? 250 : 0;
            p[1] = left ? 248 : 158;
            p[2] = left ? 243 : 115;
            p[3] = 255;
        }
    }
    for (int i = 0; i < 300; ++i) {
        auto* p = &img.rgba[(static_cast<std::size_t>(i % 256) * 256 + (i * 7) % 256) * 4];
        p[0] = static_cast<std::uint8_t>(i);
        p[1] = static_cast<std::uint8_t>(255 - i % 256);
        p[2] = static_cast<std::uint8_t>(i / 2);
    }
    std::string bytes = fl::encode_png(img);
    EXPECT_EQ(static_cast<unsigned char>(bytes[25]), 3) << "colour type should be palette";
    auto back = fl::decode_png(bytes);
    // The flat fills survive exactly; only rare colours may move.
    EXPECT_EQ(back.pixel(10, 200), img.pixel(10, 200));
    EXPECT_EQ(back.pixel(200, 201), img.pixel(200, 201));
    std::size_t changed = 0;
    for (std::size_t i = 0; i < img.rgba.size(); i += 4) {
        if (std::memcmp(&img.rgba[i], &back.rgba[i], 4) != 0) ++changed;
    }
    EXPECT_LE(changed, 300u);
    EXPECT_EQ(fl::encode_png(img), bytes) << "quantization must be deterministic";
}

namespace {
// `colours` vertical stripes of distinct, far-apart colours; `translucent` of them with alpha.
fl::Image stripes(int colours, int translucent = 0) {
    fl::Image img{64, 64, std::vector<std::uint8_t>(64 * 64 * 4)};
    for (int y = 0; y < 64; ++y) {
        for (int x = 0; x < 64; ++x) {
            const int c = x * colours / 64;
            auto* p = &img.rgba[(static_cast<std::size_t>(y) * 64 + x) * 4];
            p[0] = static_cast<std::uint8_t>(c * 13);
            p[1] = static_cast<std::uint8_t>(255 - c * 7);
            p[2] = static_cast<std::uint8_t>((c * 61) % 256);
            p[3] = c < translucent ? static_cast<std::uint8_t>(40 + c) : 255;
        }
    }
    return img;
}

// The data length of the first chunk of `type`, or -1.
long chunk_length(const std::string& png, const char* type) {
    for (std::size_t i = 8; i + 8 <= png.size();) {
        const auto* b = reinterpret_cast<const unsigned char*>(png.data() + i);
        const long len = (long(b[0]) << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
        if (png.compare(i + 4, 4, type) == 0) return len;
        i += 12 + static_cast<std::size_t>(len);
    }
    return -1;
}
}  // namespace

TEST(Png, SmallestBitDepthForThePalette) {
    for (auto [colours, depth] :
         {std::pair{1, 1}, {2, 1}, {3, 2}, {4, 2}, {5, 4}, {16, 4}, {17, 8}, {64, 8}}) {
        const auto img = stripes(colours);
        const std::string png = fl::encode_png(img);
        EXPECT_EQ(static_cast<unsigned char>(png[24]), depth) << colours << " colours";
        EXPECT_EQ(static_cast<unsigned char>(png[25]), 3) << "palette";
        EXPECT_EQ(chunk_length(png, "PLTE"), 3 * colours);
        EXPECT_EQ(fl::decode_png(png).rgba, img.rgba) << colours << " colours round trip";
    }
}

TEST(Png, TrnsOnlyAsLongAsTheTranslucentEntries) {
    EXPECT_EQ(chunk_length(fl::encode_png(stripes(10)), "tRNS"), -1) << "opaque: no tRNS";
    // Translucent colours are the last stripes by frequency order too, so they must be moved
    // to the front of the palette for a short tRNS.
    for (int translucent : {1, 3}) {
        const auto img = stripes(10, translucent);
        const std::string png = fl::encode_png(img);
        EXPECT_EQ(chunk_length(png, "tRNS"), translucent);
        EXPECT_EQ(fl::decode_png(png).rgba, img.rgba);
    }
}

TEST(Png, RareNearColoursShareAnEntryWithinTheError) {
    // Two fills, plus 40 rare blends each within 5 of the first fill and 10 rare colours far
    // from both: the near blends merge (error at most max_colour_error), the far ones stay.
    fl::Image img = stripes(2);
    const std::uint32_t fill = img.pixel(0, 0);
    for (int i = 0; i < 50; ++i) {
        auto* p = &img.rgba[(static_cast<std::size_t>(i) * 64 + 5) * 4];
        if (i < 40) {
            p[0] = static_cast<std::uint8_t>(p[0] + 1 + i % 3);
            p[2] = static_cast<std::uint8_t>(p[2] + i % 4);
        } else {
            p[0] = 128;
            p[1] = static_cast<std::uint8_t>(i * 20 % 256);  // 20 apart: no merging
            p[2] = 7;
        }
    }
    const std::string png = fl::encode_png(img);
    EXPECT_EQ(chunk_length(png, "PLTE"), 3 * (2 + 10));
    const auto back = fl::decode_png(png);
    int max_err = 0;
    for (std::size_t i = 0; i < img.rgba.size(); ++i)
        max_err = std::max(max_err, std::abs(int(img.rgba[i]) - int(back.rgba[i])));
    EXPECT_GT(max_err, 0);
    EXPECT_LE(max_err, 8);
    EXPECT_EQ(back.pixel(0, 63), fill) << "the fills stay exact";
    // Without quantising, every colour is kept.
    fl::PngOptions exact;
    exact.quantize = false;
    EXPECT_EQ(fl::decode_png(fl::encode_png(img, exact)).rgba, img.rgba);
}
