// A small TSV reader shared by every tab-separated input (manifest, gazetteer, baseline).
// Rows are addressed by header name; errors name the file and line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

class TsvReader {
  public:
    // Reads the whole file; the first non-empty line is the header. `subsystem` names the
    // error's origin ("gazetteer", "article", "control").
    TsvReader(const std::filesystem::path& path, const char* subsystem, bool has_header = true);

    std::optional<std::size_t> column(std::string_view name) const;
    std::size_t require_column(std::string_view name) const;

    // Next data row (fields split on TAB; CR stripped; blank lines and lines starting with
    // '#' skipped), or nullopt at end. Fields view into the reader's buffer.
    std::optional<std::vector<std::string_view>> next();
    std::size_t line() const { return line_; }
    const std::filesystem::path& path() const { return path_; }

    [[noreturn]] void fail(const std::string& message) const;

  private:
    std::filesystem::path path_;
    const char* subsystem_;
    std::string data_;
    std::size_t pos_ = 0;
    std::size_t line_ = 0;
    std::vector<std::string> header_;
    std::vector<std::string_view> fields_;
    std::optional<std::string_view> next_line();
};

}  // namespace frontline
