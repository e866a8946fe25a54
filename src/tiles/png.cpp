// libpng in memory: write callbacks into a std::string, read from a string_view.
#include "tiles/png.hpp"

#include <png.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "common/error.hpp"

namespace frontline {

namespace {

void write_cb(png_structp png, png_bytep data, png_size_t len) {
    auto* out = static_cast<std::string*>(png_get_io_ptr(png));
    out->append(reinterpret_cast<const char*>(data), len);
}
void flush_cb(png_structp) {}

struct ReadState {
    std::string_view bytes;
    std::size_t pos = 0;
};

void read_cb(png_structp png, png_bytep data, png_size_t len) {
    auto* st = static_cast<ReadState*>(png_get_io_ptr(png));
    if (st->pos + len > st->bytes.size()) png_error(png, "truncated PNG data");
    std::memcpy(data, st->bytes.data() + st->pos, len);
    st->pos += len;
}

[[noreturn]] void error_cb(png_structp png, png_const_charp msg) {
    auto* where = static_cast<std::string*>(png_get_error_ptr(png));
    *where += std::string(": ") + msg;
    png_longjmp(png, 1);
}
void warning_cb(png_structp, png_const_charp) {}

// The libpng calls live in these two functions, whose frames hold only pointers and plain
// values: libpng reports errors by longjmp, which must not skip C++ destructors.
bool write_png_raw(std::string* out, std::string* err, int w, int h, bool palette, int depth,
                   const png_color* pal, int npal, const png_byte* trans, int ntrans,
                   png_bytep* rows, const PngOptions* opt) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, err, error_cb, warning_cb);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, out, write_cb, flush_cb);
    png_set_compression_level(png, opt->compression_level);
    png_set_compression_strategy(png, opt->zlib_strategy);
    png_set_compression_mem_level(png, 9);
    if (palette) {
        png_set_IHDR(png, info, w, h, depth, PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE,
                     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_set_PLTE(png, info, pal, npal);
        if (ntrans > 0) png_set_tRNS(png, info, trans, ntrans, nullptr);
        png_set_filter(png, PNG_FILTER_TYPE_BASE,
                       opt->palette_filters ? PNG_ALL_FILTERS : PNG_FILTER_NONE);
    } else {
        png_set_IHDR(png, info, w, h, 8, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE,
                     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    }
    png_write_info(png, info);
    if (palette && depth < 8) png_set_packing(png);  // rows hold one index per byte
    png_write_image(png, rows);
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

// Limits what a hostile PNG can make us allocate (tiles are 512 px at most).
constexpr png_uint_32 kMaxDecodeSide = 16384;

bool read_png_raw(ReadState* st, std::string* err, Image* img) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, err, error_cb, warning_cb);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return false;
    }
    png_set_read_fn(png, st, read_cb);
    png_set_user_limits(png, kMaxDecodeSide, kMaxDecodeSide);
    png_read_info(png, info);
    png_set_expand(png);
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    img->width = static_cast<int>(png_get_image_width(png, info));
    img->height = static_cast<int>(png_get_image_height(png, info));
    img->rgba.resize(static_cast<std::size_t>(img->width) * img->height * 4);
    for (int pass = 0; pass < passes; ++pass) {
        for (int y = 0; y < img->height; ++y) {
            png_read_row(png, &img->rgba[static_cast<std::size_t>(y) * img->width * 4], nullptr);
        }
    }
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &info, nullptr);
    return true;
}

}  // namespace

namespace {

// Builds the palette and the indexed pixels. Exact when the image has at most 256 colours
// and `max_error` is 0. Otherwise (quantising) colours are taken by frequency: a colour
// covering at least 1% of the image (the flat fills that make up most of a map tile) always
// gets its own entry; a rarer one (anti-aliasing blends along edges and dots) is mapped to
// the nearest entry so far if that is within `max_error` (Euclidean RGBA distance), and gets
// an entry of its own otherwise; past 256 entries every further colour goes to its nearest.
// Ties are broken by colour value, so output is deterministic. Returns false if the image
// needs RGBA (more than 256 colours and quantising off).
bool build_palette(const Image& img, const PngOptions& opt, std::vector<std::uint32_t>& palette,
                   std::vector<std::uint8_t>& indexed) {
    const std::size_t n = static_cast<std::size_t>(img.width) * img.height;
    std::unordered_map<std::uint32_t, std::uint32_t> count;
    count.reserve(512);
    std::uint32_t last = 0;
    std::uint32_t* last_count = nullptr;
    for (std::size_t i = 0; i < n; ++i) {
        std::uint32_t v;
        std::memcpy(&v, &img.rgba[i * 4], 4);
        if (last_count && v == last) {
            ++*last_count;
            continue;
        }
        last_count = &++count[v];
        last = v;
    }
    if (count.size() > 256 && !opt.quantize) return false;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_freq(count.begin(), count.end());
    std::sort(by_freq.begin(), by_freq.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    auto channel = [](std::uint32_t v, int c) {
        return static_cast<int>(reinterpret_cast<const std::uint8_t*>(&v)[c]);
    };
    auto nearest = [&](std::uint32_t v, long& best_d) {
        int best = 0;
        best_d = -1;
        for (std::size_t p = 0; p < palette.size(); ++p) {
            long d = 0;
            for (int c = 0; c < 4; ++c) {
                const long diff = channel(v, c) - channel(palette[p], c);
                d += diff * diff;
            }
            if (best_d < 0 || d < best_d) {
                best_d = d;
                best = static_cast<int>(p);
            }
        }
        return best;
    };
    const long max_d = opt.quantize ? static_cast<long>(opt.max_colour_error) *
                                          static_cast<long>(opt.max_colour_error)
                                    : 0;
    const std::size_t frequent = n / 100;
    std::unordered_map<std::uint32_t, std::uint8_t> index;
    index.reserve(count.size());
    palette.clear();
    for (const auto& [v, c] : by_freq) {
        if (palette.size() < 256 && (c >= frequent || max_d == 0)) {
            index.emplace(v, static_cast<std::uint8_t>(palette.size()));
            palette.push_back(v);
            continue;
        }
        long d = 0;
        const int best = nearest(v, d);
        if (palette.size() < 256 && d > max_d) {
            index.emplace(v, static_cast<std::uint8_t>(palette.size()));
            palette.push_back(v);
        } else {
            index.emplace(v, static_cast<std::uint8_t>(best));
        }
    }
    indexed.resize(n);
    std::uint8_t last_i = 0;
    for (std::size_t i = 0; i < n; ++i) {
        std::uint32_t v;
        std::memcpy(&v, &img.rgba[i * 4], 4);
        if (i == 0 || v != last) {
            last_i = index.at(v);
            last = v;
        }
        indexed[i] = last_i;
    }
    return true;
}

}  // namespace

std::string encode_png(const Image& img, const PngOptions& opt) {
    std::vector<std::uint32_t> palette;
    std::vector<std::uint8_t> indexed;
    if (!build_palette(img, opt, palette, indexed)) palette.clear();

    const bool use_palette = !palette.empty();
    // tRNS lists alpha for the first entries only; later ones are opaque (PNG 11.3.2.1). So
    // translucent entries go first and the chunk ends at the last of them. The order within
    // each group stays by frequency; `remap` takes old indices to new ones.
    std::vector<std::uint8_t> remap(palette.size());
    std::vector<png_color> pal;
    std::vector<png_byte> trans;
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < palette.size(); ++i) {
            const auto* b = reinterpret_cast<const std::uint8_t*>(&palette[i]);
            if ((b[3] != 255) != (pass == 0)) continue;
            remap[i] = static_cast<std::uint8_t>(pal.size());
            pal.push_back({b[0], b[1], b[2]});
            if (pass == 0) trans.push_back(b[3]);
        }
    }
    bool identity = true;
    for (std::size_t i = 0; i < remap.size(); ++i) identity = identity && remap[i] == i;
    if (!identity) {
        for (auto& v : indexed) v = remap[v];
    }
    // The smallest bit depth that holds the palette (PNG allows 1, 2, 4 and 8 for palettes):
    // a one- or two-colour tile (sea, plain land) is a 1-bit image.
    const std::size_t n = pal.size();
    const int depth = n <= 2 ? 1 : n <= 4 ? 2 : n <= 16 ? 4 : 8;
    std::vector<png_bytep> rows(static_cast<std::size_t>(img.height));
    for (int y = 0; y < img.height; ++y) {
        rows[y] = const_cast<png_bytep>(
            use_palette ? &indexed[static_cast<std::size_t>(y) * img.width]
                        : &img.rgba[static_cast<std::size_t>(y) * img.width * 4]);
    }

    std::string out;
    std::string err = "PNG encode";
    if (!write_png_raw(&out, &err, img.width, img.height, use_palette, depth, pal.data(),
                       static_cast<int>(pal.size()), trans.data(), static_cast<int>(trans.size()),
                       rows.data(), &opt)) {
        throw Error("png", "encode", err, kExitOutputError);
    }
    return out;
}

Image decode_png(std::string_view bytes, const std::string& where) {
    std::string err = where;
    if (bytes.size() < 8 ||
        png_sig_cmp(reinterpret_cast<png_const_bytep>(bytes.data()), 0, 8) != 0) {
        throw Error("png", where, "not a PNG (bad signature)");
    }
    Image img;
    ReadState st{bytes, 0};
    if (!read_png_raw(&st, &err, &img)) throw Error("png", where, err);
    return img;
}

}  // namespace frontline
