// Articles named on the command line (geoparse, events).
#pragma once

#include <string>
#include <vector>

#include "text/article.hpp"

namespace frontline::cli {

// The articles of `files`, with publication dates from `manifest` if not empty.
inline std::vector<Article> read_inputs(const std::vector<std::string>& files,
                                        const std::string& manifest) {
    std::vector<std::filesystem::path> in(files.begin(), files.end());
    std::optional<std::filesystem::path> m;
    if (!manifest.empty()) m = manifest;
    return read_articles(in, m);
}

}  // namespace frontline::cli
