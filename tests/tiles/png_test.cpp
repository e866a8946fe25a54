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
