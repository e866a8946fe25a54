#include "common/data_dir.hpp"

#include <cstdlib>
#include <string>
#include <system_error>

#include "common/error.hpp"

namespace frontline {

namespace fs = std::filesystem;

namespace {

bool holds_data(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir / "gazetteer", ec);
}

}  // namespace

std::vector<fs::path> data_dir_candidates() {
    if (const char* env = std::getenv("FRONTLINE_DATA"); env && *env) return {fs::path(env)};
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {};
    const fs::path bin = exe.parent_path();
    return {(bin.parent_path() / "share" / "frontline").lexically_normal(),
            (bin / "share" / "frontline").lexically_normal()};
}

std::optional<fs::path> find_data_dir() {
    for (const auto& d : data_dir_candidates())
        if (holds_data(d)) return d;
    return std::nullopt;
}

fs::path default_data_dir() {
    if (auto d = find_data_dir()) return *d;
    const auto c = data_dir_candidates();
    return c.empty() ? fs::path("share/frontline") : c.front();
}

const fs::path& data_dir() {
    static const fs::path dir = [] {
        if (auto d = find_data_dir()) return *d;
        const auto tried = data_dir_candidates();
        std::string where;
        for (const auto& d : tried) where += (where.empty() ? "" : ", ") + d.string();
        if (where.empty()) where = "/proc/self/exe (unreadable)";
        const bool from_env = std::getenv("FRONTLINE_DATA") && *std::getenv("FRONTLINE_DATA");
        throw Error("data", where,
                    std::string(from_env ? "FRONTLINE_DATA names no Frontline data directory"
                                         : "no Frontline data directory found") +
                        " (one holding gazetteer/, lexicon/, styles/, data/ and web/); set "
                        "FRONTLINE_DATA to it, e.g. FRONTLINE_DATA=/usr/local/share/frontline");
    }();
    return dir;
}

}  // namespace frontline
