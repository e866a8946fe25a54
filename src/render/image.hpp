// A plain RGBA image (straight, not premultiplied alpha), the contract between the renderer
// and the PNG encoder.
#pragma once

#include <cstdint>
#include <vector>

namespace frontline {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // width * height * 4, row-major, top row first

    std::uint32_t pixel(int x, int y) const {
        const std::uint8_t* p = &rgba[(static_cast<std::size_t>(y) * width + x) * 4];
        return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
               (std::uint32_t{p[2]} << 8) | p[3];
    }
};

}  // namespace frontline
