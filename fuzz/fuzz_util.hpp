// Shared by the fuzz targets: parsers that read files get the input through a per-process
// file in /dev/shm (or /tmp), and only frontline::Error may escape a parser.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

namespace frontline::fuzz {

inline std::filesystem::path input_file(const char* name, const std::uint8_t* data,
                                        std::size_t size) {
    static const std::filesystem::path dir =
        std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
    std::filesystem::path p = dir / ("frontline-fuzz-" + std::to_string(::getpid()) + "-" + name);
    std::FILE* f = std::fopen(p.c_str(), "wb");
    if (f) {
        if (size) std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    return p;
}

}  // namespace frontline::fuzz
