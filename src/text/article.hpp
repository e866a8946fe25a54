// Stage 1: articles. UTF-8 text files plus optional metadata from a manifest TSV.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"

namespace frontline {

struct Article {
    std::string doc;             // document id: the file name, e.g. "000_1fc6e69f9ab886f9.txt"
    std::filesystem::path path;  // where it was read from
    std::string text;            // UTF-8, validated; a leading BOM removed
    std::optional<Date> published;
    std::string published_at;  // where `published` was read: "<manifest> line N"
    std::string source;        // outlet, if the manifest names one
    std::string url;           // http or https only (safe_link()); others dropped with a warning
    std::vector<std::string> warnings;  // from its manifest row, "<manifest> line N: ..."
};

// One manifest row. Columns by header name: `file` (required), `published`
// (YYYY-MM-DD), and optional `source`, `url`; other columns are ignored. A `url` that is not
// http or https (`javascript:...`, `data:...`) becomes a link in the web page and the events
// nowhere: it is dropped, with a warning naming the manifest line.
struct ManifestEntry {
    std::string file;
    std::optional<Date> published;
    std::string source;
    std::string url;
    std::size_t line = 0;
    std::vector<std::string> warnings;
};

// Whether `url` may become a link: it starts with http:// or https:// (any case) and holds no
// control character or space.
bool safe_link(std::string_view url);

std::vector<ManifestEntry> read_manifest(const std::filesystem::path& manifest);

// Reads one article; throws Error("article", path...) on unreadable or invalid UTF-8 input.
Article read_article(const std::filesystem::path& path);

// Reads articles. `inputs` may name files or directories (every *.txt inside, sorted by
// name). Metadata comes from `manifest` if given, else from a manifest.tsv beside the
// articles when one exists. Manifest rows naming missing files are errors.
std::vector<Article> read_articles(const std::vector<std::filesystem::path>& inputs,
                                   const std::optional<std::filesystem::path>& manifest);

// Checks that `s` is well-formed UTF-8; returns the byte offset of the first bad byte.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// Why `text` (after a BOM) is not UTF-8 text: a NUL byte (a binary file) or invalid UTF-8,
// with a fix; sets `line` (1-based) to where. Empty if the text is fine.
std::string text_problem(std::string_view text, std::size_t& line);

}  // namespace frontline
