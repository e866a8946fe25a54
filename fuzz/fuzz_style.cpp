// Style JSON: unknown keys and bad values are Errors naming the key, never crashes. The input
// is read as a style in a per-process folder holding the shipped palette, so the seeds
// (styles/*.json, which name their colours "@name") get past the palette references to the
// checks behind them, and the references themselves are fuzzed.
#include <cstdint>
#include <cstdio>
#include <filesystem>

#include "common/error.hpp"
#include "fuzz_util.hpp"
#include "render/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fl = frontline;
    namespace fs = std::filesystem;
    static const fs::path dir = [] {
        const fs::path in = fl::fuzz::input_file("style", nullptr, 0);
        fs::remove(in);
        fs::create_directories(in);
        fs::copy_file(fs::path(FRONTLINE_SOURCE_DIR) / "styles" / fl::kPaletteFile,
                      in / fl::kPaletteFile, fs::copy_options::overwrite_existing);
        return in;
    }();
    try {
        const fs::path file = dir / "style.json";
        if (std::FILE* f = std::fopen(file.c_str(), "wb")) {
            if (size) std::fwrite(data, 1, size, f);
            std::fclose(f);
        }
        (void)fl::read_style(file);
    } catch (const fl::Error&) {
    }
    return 0;
}
