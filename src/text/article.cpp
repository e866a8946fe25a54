// Article and manifest reading with validation (UTF-8, dates, missing files).
#include "text/article.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <sstream>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "text/tsv.hpp"

namespace frontline {

namespace fs = std::filesystem;

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    const auto* u = reinterpret_cast<const unsigned char*>(s.data());
    while (i < s.size()) {
        unsigned c = u[i];
        std::size_t n;
        unsigned min;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1;
            min = 0x80;
            c &= 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            min = 0x800;
            c &= 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            min = 0x10000;
            c &= 0x07;
        } else {
            return i;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size() || (u[i + k] & 0xC0) != 0x80) return i;
            c = (c << 6) | (u[i + k] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return i;
        i += n + 1;
    }
    return std::nullopt;
}

std::string text_problem(std::string_view text, std::size_t& line) {
    // Binary first: a PDF, an image or a word-processor file saved as .txt has NUL bytes and
    // would otherwise be reported as mere bad UTF-8.
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + nul, '\n'));
        return "binary file, not text (NUL byte at byte " + std::to_string(nul) + ")";
    }
    if (auto bad = find_invalid_utf8(text)) {
        const auto at = text.begin() + static_cast<std::ptrdiff_t>(*bad);
        line = 1 + static_cast<std::size_t>(std::count(text.begin(), at, '\n'));
        const std::size_t line_start =
            text.rfind('\n', *bad) == std::string_view::npos ? 0 : text.rfind('\n', *bad) + 1;
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*bad]));
        return "invalid UTF-8 at byte " + std::to_string(*bad) + " (column " +
               std::to_string(*bad - line_start + 1) + ", byte " + hex +
               "); convert the file to UTF-8, e.g. iconv -f WINDOWS-1256 -t UTF-8";
    }
    return "";
}

Article read_article(const fs::path& path) {
    Article a;
    a.path = path;
    a.doc = path.filename().string();
    a.text = read_file(path, "article");
    if (a.text.size() >= 3 && a.text.compare(0, 3, "\xEF\xBB\xBF") == 0) a.text.erase(0, 3);
    std::size_t line = 0;
    if (auto problem = text_problem(a.text, line); !problem.empty()) {
        throw Error("article", at_line(path.string(), line), problem);
    }
    return a;
}

bool safe_link(std::string_view url) {
    auto starts = [&](std::string_view scheme) {
        if (url.size() <= scheme.size()) return false;
        for (std::size_t i = 0; i < scheme.size(); ++i) {
            if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
        }
        return true;
    };
    if (!starts("http://") && !starts("https://")) return false;
    return std::none_of(url.begin(), url.end(),
                        [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

std::vector<ManifestEntry> read_manifest(const fs::path& manifest) {
    TsvReader tsv(manifest, "article");
    const std::size_t c_file = tsv.require_column("file");
    const auto c_pub = tsv.column("published");
    const auto c_src = tsv.column("source");
    const auto c_url = tsv.column("url");
    std::vector<ManifestEntry> out;
    while (auto row = tsv.next()) {
        ManifestEntry e;
        e.line = tsv.line();
        e.file = std::string((*row)[c_file]);
        if (e.file.empty()) tsv.fail("empty `file` column");
        if (c_pub && !(*row)[*c_pub].empty()) {
            e.published = parse_iso_date((*row)[*c_pub]);
            if (!e.published) {
                tsv.fail("`published` is not a date YYYY-MM-DD: \"" + std::string((*row)[*c_pub]) +
                         "\"");
            }
        }
        if (c_src) e.source = std::string((*row)[*c_src]);
        if (c_url) e.url = std::string((*row)[*c_url]);
        if (!e.url.empty() && !safe_link(e.url)) {
            std::size_t cut = std::min<std::size_t>(e.url.size(), 60);
            while (cut < e.url.size() && cut > 0 && (e.url[cut] & 0xC0) == 0x80) --cut;
            std::string shown = e.url.substr(0, cut);
            for (char& c : shown) {
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
            }
            e.warnings.push_back(at_line(manifest.string(), e.line) + ": `url` \"" + shown +
                                 (cut < e.url.size() ? "..." : "") +
                                 "\" is not an http or https address: not linked");
            e.url.clear();
        }
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<Article> read_articles(const std::vector<fs::path>& inputs,
                                   const std::optional<fs::path>& manifest) {
    std::vector<fs::path> files;
    std::optional<fs::path> found_manifest = manifest;
    // File-system failures (a symlink loop, a name too long, no permission) are input
    // errors naming the path, never exceptions of std::filesystem.
    auto fail = [](const fs::path& p, const std::string& what, const std::error_code& ec) {
        throw Error("article", p.string(), what + fs_problem(ec.value()));
    };
    auto exists = [&](const fs::path& p) {
        std::error_code ec;
        const bool yes = fs::exists(p, ec);
        if (ec && ec != std::errc::no_such_file_or_directory) fail(p, "cannot read: ", ec);
        return yes;
    };
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            std::vector<fs::path> here;
            fs::directory_iterator it(in, ec), end;
            for (; !ec && it != end; it.increment(ec)) {
                std::error_code fec;
                if (it->path().extension() == ".txt" && it->is_regular_file(fec))
                    here.push_back(it->path());
            }
            if (ec) fail(in, "cannot list the directory: ", ec);
            std::sort(here.begin(), here.end());
            files.insert(files.end(), here.begin(), here.end());
            if (!found_manifest && exists(in / "manifest.tsv"))
                found_manifest = in / "manifest.tsv";
        } else if (exists(in)) {
            files.push_back(in);
            if (!found_manifest && exists(in.parent_path() / "manifest.tsv")) {
                found_manifest = in.parent_path() / "manifest.tsv";
            }
        } else {
            if (ec && ec != std::errc::no_such_file_or_directory) fail(in, "cannot read: ", ec);
            throw Error("article", in.string(), "no such file or directory");
        }
    }
    std::map<std::string, ManifestEntry> meta;
    if (found_manifest) {
        for (auto& e : read_manifest(*found_manifest)) {
            fs::path target = found_manifest->parent_path() / e.file;
            std::error_code ec;
            if (!fs::exists(target, ec)) {
                throw Error(
                    "article", at_line(found_manifest->string(), e.line),
                    (ec && ec != std::errc::no_such_file_or_directory
                         ? "manifest names a file that cannot be read: " +
                               shorten_path(target.string()) + ": " + fs_problem(ec.value())
                         : "manifest names a missing file: " + shorten_path(target.string())));
            }
            meta[fs::path(e.file).filename().string()] = std::move(e);
        }
    }
    std::vector<Article> out;
    out.reserve(files.size());
    for (const auto& f : files) {
        Article a = read_article(f);
        if (auto it = meta.find(a.doc); it != meta.end()) {
            a.published = it->second.published;
            a.published_at = at_line(found_manifest->string(), it->second.line);
            a.source = it->second.source;
            a.url = it->second.url;
            a.warnings = it->second.warnings;
        }
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace frontline
