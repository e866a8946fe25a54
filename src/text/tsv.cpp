// TSV reading with line-accurate errors.
#include "text/tsv.hpp"

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "text/article.hpp"

namespace frontline {

namespace {
void split_tabs(std::string_view line, std::vector<std::string_view>& out) {
    out.clear();
    std::size_t start = 0;
    while (true) {
        std::size_t tab = line.find('\t', start);
        if (tab == std::string_view::npos) {
            out.push_back(line.substr(start));
            return;
        }
        out.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
}
}  // namespace

TsvReader::TsvReader(const std::filesystem::path& path, const char* subsystem, bool has_header)
    : path_(path), subsystem_(subsystem), data_(read_file(path, subsystem)) {
    if (data_.size() >= 3 && data_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
    // Every field ends up in JSON outputs, which must be UTF-8: reject bad bytes here, where
    // the file and line are known.
    std::size_t line = 0;
    if (auto problem = text_problem(std::string_view(data_).substr(pos_), line); !problem.empty()) {
        throw Error(subsystem_, at_line(path_.string(), line), problem);
    }
    if (!has_header) return;
    auto h = next_line();
    if (!h) throw Error(subsystem_, path_.string(), "empty file: expected a header line");
    split_tabs(*h, fields_);
    for (auto f : fields_) header_.emplace_back(f);
}

std::optional<std::string_view> TsvReader::next_line() {
    while (pos_ < data_.size()) {
        std::size_t nl = data_.find('\n', pos_);
        if (nl == std::string::npos) nl = data_.size();
        std::string_view l(data_.data() + pos_, nl - pos_);
        pos_ = nl + 1;
        ++line_;
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (l.empty() || l.front() == '#') continue;
        return l;
    }
    return std::nullopt;
}

std::optional<std::size_t> TsvReader::column(std::string_view name) const {
    for (std::size_t i = 0; i < header_.size(); ++i) {
        if (header_[i] == name) return i;
    }
    return std::nullopt;
}

std::size_t TsvReader::require_column(std::string_view name) const {
    if (auto c = column(name)) return *c;
    throw Error(subsystem_, at_line(path_.string(), 1),
                "header has no column `" + std::string(name) + "`");
}

std::optional<std::vector<std::string_view>> TsvReader::next() {
    auto l = next_line();
    if (!l) return std::nullopt;
    split_tabs(*l, fields_);
    if (!header_.empty() && fields_.size() < header_.size()) {
        // Trailing empty columns may be cut by editors; pad them.
        fields_.resize(header_.size(), std::string_view{});
    }
    return fields_;
}

void TsvReader::fail(const std::string& message) const {
    throw Error(subsystem_, at_line(path_.string(), line_), message);
}

}  // namespace frontline
