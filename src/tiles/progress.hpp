// Progress reporting for long renders: a bar on a terminal, JSON lines for scripts, or
// nothing. Plugs into PyramidOptions::progress.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace frontline {

enum class ProgressMode { automatic, bar, json, quiet };

// Parses "auto", "bar", "json", "quiet"; nullopt-like: returns false on anything else.
bool parse_progress_mode(const std::string& s, ProgressMode& out);

class ProgressReporter {
  public:
    // `automatic` becomes `bar` when `out` is a terminal and `quiet` otherwise.
    ProgressReporter(ProgressMode mode, std::FILE* out = stderr);
    // Reports `done` of `total` for `what` (e.g. a layer name). Throttled to ~10 lines/s,
    // except the last (done == total), which is always reported.
    void update(const std::string& what, std::size_t done, std::size_t total);
    // Ends a bar line.
    void finish();

    // The text of one update, for tests: a bar line or a JSON object.
    static std::string format(ProgressMode mode, const std::string& what, std::size_t done,
                              std::size_t total, double seconds);

  private:
    ProgressMode mode_;
    std::FILE* out_;
    std::chrono::steady_clock::time_point start_, last_;
    std::string what_;  // the layer being reported; rates restart with each layer
    bool open_line_ = false;
};

}  // namespace frontline
