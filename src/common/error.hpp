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

class Error : public std::runtime_error {
  public:
    // what() reads "<subsystem> error: <where>: <message>", e.g.
    // "gazetteer error: gazetteer/curated.tsv line 212: latitude 95.1 out of range".
    Error(std::string subsystem, std::string where, const std::string& message,
          ExitCode code = kExitInputError)
        : std::runtime_error(subsystem + " error: " + (where.empty() ? "" : where + ": ") +
                             message),
          subsystem_(std::move(subsystem)),
          where_(std::move(where)),
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
