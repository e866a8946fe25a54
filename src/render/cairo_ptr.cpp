#include "render/cairo_ptr.hpp"

#include <cstddef>
#include <cstdint>

namespace frontline {

Image image_from_surface(cairo_surface_t* s, int x0, int y0, int width, int height) {
    cairo_surface_flush(s);
    Image img;
    img.width = width;
    img.height = height;
    img.rgba.resize(static_cast<std::size_t>(width) * height * 4);
    const unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(
                              data + static_cast<std::ptrdiff_t>(y + y0) * stride) +
                          x0;
        std::uint8_t* out = &img.rgba[static_cast<std::size_t>(y) * width * 4];
        for (int x = 0; x < width; ++x) {
            const std::uint32_t px = row[x];
            const std::uint32_t a = px >> 24;
            std::uint32_t r = (px >> 16) & 0xFF, g = (px >> 8) & 0xFF, b = px & 0xFF;
            if (a != 0 && a != 255) {  // un-premultiply
                r = (r * 255 + a / 2) / a;
                g = (g * 255 + a / 2) / a;
                b = (b * 255 + a / 2) / a;
            }
            out[x * 4 + 0] = static_cast<std::uint8_t>(r);
            out[x * 4 + 1] = static_cast<std::uint8_t>(g);
            out[x * 4 + 2] = static_cast<std::uint8_t>(b);
            out[x * 4 + 3] = static_cast<std::uint8_t>(a);
        }
    }
    return img;
}

Image image_from_surface(cairo_surface_t* s) {
    return image_from_surface(s, 0, 0, cairo_image_surface_get_width(s),
                              cairo_image_surface_get_height(s));
}

}  // namespace frontline
