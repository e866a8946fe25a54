// GeoNames import: filter a dump to the region and merge it into the extract.
#include "gazetteer/import.hpp"

#include <charconv>
#include <map>
#include <string>
#include <string_view>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "text/article.hpp"

namespace frontline {

namespace {

constexpr double kLatMin = 32.0, kLatMax = 38.0, kLonMin = 35.0, kLonMax = 42.5;

// Splits one line on tabs into at most 20 fields; returns the count.
std::size_t split_tabs(std::string_view line, std::string_view (&f)[20]) {
    std::size_t n = 0, start = 0;
    while (n < 20) {
        std::size_t t = line.find('\t', start);
        f[n++] = line.substr(start, t == std::string_view::npos ? t : t - start);
        if (t == std::string_view::npos) break;
        start = t + 1;
    }
    return n;
}

bool parse(std::string_view s, double& v) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

// Calls fn(line) for every line of `text` (CR stripped, empty lines skipped).
template <class Fn>
void for_lines(std::string_view text, Fn fn) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view l = text.substr(pos, nl - pos);
        pos = nl + 1;
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (!l.empty()) fn(l);
    }
}

}  // namespace

ImportStats import_geonames(const std::filesystem::path& dump, const std::filesystem::path& base,
                            const std::filesystem::path& out_dir) {
    ImportStats st;
    std::map<long, std::string> rows;  // geonameid -> line, sorted
    std::string_view f[20];
    if (!base.empty() && std::filesystem::exists(base)) {
        const std::string text = read_file(base, "gazetteer");
        for_lines(text, [&](std::string_view l) {
            long id = 0;
            split_tabs(l, f);
            std::from_chars(f[0].data(), f[0].data() + f[0].size(), id);
            rows[id] = std::string(l);
        });
    }
    const std::string text = read_file(dump, "gazetteer", kMaxDumpBytes);
    // Rows go into JSON outputs later: refuse bad bytes now, naming the dump's line.
    std::size_t bad_line = 0;
    if (auto problem = text_problem(text, bad_line); !problem.empty())
        throw Error("gazetteer", at_line(dump.string(), bad_line), problem);
    for_lines(text, [&](std::string_view l) {
        ++st.read;
        // GeoNames readme.txt, table "geoname": 19 columns; 4 latitude, 5 longitude,
        // 6 feature class, 7 feature code (0-based).
        double lat = 0, lon = 0;
        long id = 0;
        if (split_tabs(l, f) != 19 || !parse(f[4], lat) || !parse(f[5], lon) ||
            std::from_chars(f[0].data(), f[0].data() + f[0].size(), id).ec != std::errc()) {
            ++st.skipped;
            return;
        }
        const bool capital = f[7] == "PPLC";
        const bool in_box = lat >= kLatMin && lat <= kLatMax && lon >= kLonMin && lon <= kLonMax;
        const bool kept_class =
            f[6].size() == 1 && std::string_view("PSATLR").find(f[6][0]) != std::string_view::npos;
        if (!capital && !(in_box && kept_class)) return;
        ++st.kept;
        rows[id] = std::string(l);
    });
    std::string out;
    for (const auto& [id, line] : rows) {
        out += line;
        out += '\n';
    }
    st.total = rows.size();
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec)
        throw Error("output", out_dir.string(), "cannot create directory: " + ec.message(),
                    kExitOutputError);
    write_file_atomic(out_dir / "geonames_region.txt", out);
    return st;
}

}  // namespace frontline
