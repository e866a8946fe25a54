// Errors carry the subsystem and the place (file, line or request) where they happened.
// They are caught in exactly two places: the CLI's main() and (later) the HTTP handler.
#pragma once

#include <stdexcept>
#include <string>

namespace frontline {

// Exit codes, documented in README.md and `frontline --help`.
enum ExitCode : int {
    kExitOk = 0,
    kExitInputError = 1,   // bad input data: article, manifest, gazetteer, style, boundaries
    kExitUsage = 2,        // bad command line
    kExitOutputError = 3,  // could not write output (permissions, disk full)
    kExitInternal = 4,     // a bug: an unexpected exception
};

// A path or name as a message shows it: at most about `max` bytes, its start and end kept
// around "...", cut on UTF-8 character boundaries, so a 20 MB name is never echoed.
inline std::string shorten_path(const std::string& s, std::size_t max = 200) {
    if (s.size() <= max) return s;
    auto boundary = [&](std::size_t i) {  // back to the start of a UTF-8 character
        while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
        return i;
    };
    const std::size_t head = boundary(max / 2);
    const std::size_t tail = boundary(s.size() - max / 2);
    return s.substr(0, head) + "..." + s.substr(tail) + " (" + std::to_string(s.size()) + " bytes)";
}

class Error : public std::runtime_error {
  public:
    // `where` is shown shortened to about kMaxWhere bytes (shorten_path()).
    static constexpr std::size_t kMaxWhere = 240;
    // what() reads "<subsystem> error: <where>: <message>", e.g.
    // "gazetteer error: gazetteer/curated.tsv line 212: latitude 95.1 out of range".
    Error(std::string subsystem, std::string where, const std::string& message,
          ExitCode code = kExitInputError)
        : std::runtime_error(
              subsystem +
              " error: " + (where.empty() ? "" : shorten_path(where, kMaxWhere) + ": ") + message),
          subsystem_(std::move(subsystem)),
          where_(shorten_path(where, kMaxWhere)),
          code_(code) {}

    const std::string& subsystem() const { return subsystem_; }
    const std::string& where() const { return where_; }
    ExitCode exit_code() const { return code_; }

  private:
    std::string subsystem_;
    std::string where_;
    ExitCode code_;
};

// "path line N" as used in every parser's messages.
inline std::string at_line(const std::string& path, std::size_t line) {
    return path + " line " + std::to_string(line);
}

}  // namespace frontline
