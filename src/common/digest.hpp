// A 128-bit content digest for deduplicating tiles and fingerprinting their inputs (two independent
// 64-bit hashes: FNV-1a and a multiply-rotate hash). Not cryptographic; collisions between the few
// thousand tiles of a run are vanishingly unlikely (~n^2 / 2^129).
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

namespace frontline {

struct Digest {
    std::uint64_t a = 0, b = 0;
    friend bool operator==(const Digest&, const Digest&) = default;
    std::string hex() const {
        static const char* k = "0123456789abcdef";
        std::string s(32, '0');
        for (int i = 0; i < 16; ++i) {
            s[i] = k[(a >> (60 - 4 * i)) & 0xF];
            s[16 + i] = k[(b >> (60 - 4 * i)) & 0xF];
        }
        return s;
    }
};

inline Digest digest(std::string_view data) {
    std::uint64_t h1 = 0xcbf29ce484222325ULL;
    for (unsigned char c : data) {
        h1 ^= c;
        h1 *= 0x100000001b3ULL;
    }
    std::uint64_t h2 = 0x9E3779B97F4A7C15ULL ^ data.size();
    std::size_t i = 0;
    for (; i + 8 <= data.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, data.data() + i, 8);
        h2 = (h2 ^ (w * 0xff51afd7ed558ccdULL)) * 0xc4ceb9fe1a85ec53ULL;
        h2 = (h2 << 31) | (h2 >> 33);
    }
    for (; i < data.size(); ++i) h2 = (h2 ^ static_cast<unsigned char>(data[i])) * 0x100000001b3ULL;
    h2 ^= h2 >> 29;
    return {h1, h2};
}

struct DigestHash {
    std::size_t operator()(const Digest& d) const {
        return static_cast<std::size_t>(d.a ^ (d.b * 31));
    }
};

}  // namespace frontline
