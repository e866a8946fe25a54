// Progress output. The bar redraws one line with '\r'; JSON lines carry the same numbers.
#include "tiles/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace frontline {

bool parse_progress_mode(const std::string& s, ProgressMode& out) {
    if (s == "auto")
        out = ProgressMode::automatic;
    else if (s == "bar")
        out = ProgressMode::bar;
    else if (s == "json")
        out = ProgressMode::json;
    else if (s == "quiet")
        out = ProgressMode::quiet;
    else
        return false;
    return true;
}

ProgressReporter::ProgressReporter(ProgressMode mode, std::FILE* out)
    : mode_(mode), out_(out), start_(std::chrono::steady_clock::now()) {
    if (mode_ == ProgressMode::automatic)
        mode_ = ::isatty(::fileno(out_)) ? ProgressMode::bar : ProgressMode::quiet;
}

std::string ProgressReporter::format(ProgressMode mode, const std::string& what, std::size_t done,
                                     std::size_t total, double seconds) {
    const double rate = seconds > 0 ? done / seconds : 0;
    const double left = rate > 0 ? (total - std::min(done, total)) / rate : 0;
    char buf[256];
    if (mode == ProgressMode::json) {
        std::snprintf(buf, sizeof buf,
                      "{\"layer\":\"%s\",\"done\":%zu,\"total\":%zu,\"tiles_per_s\":%.1f,\"seconds_"
                      "left\":%.1f}",
                      what.c_str(), done, total, rate, left);
        return buf;
    }
    const int width = 30;
    const int filled =
        total ? static_cast<int>(std::lround(width * static_cast<double>(done) / total)) : width;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, '.');
    std::snprintf(buf, sizeof buf, "%-22.22s [%s] %zu/%zu tiles, %.0f tiles/s, %.0f s left",
                  what.c_str(), bar.c_str(), done, total, rate, left);
    return buf;
}

void ProgressReporter::update(const std::string& what, std::size_t done, std::size_t total) {
    if (mode_ == ProgressMode::quiet) return;
    const auto now = std::chrono::steady_clock::now();
    if (what != what_) {  // a new layer: its own rate and time left
        finish();
        what_ = what;
        start_ = now;
    }
    if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double s = std::chrono::duration<double>(now - start_).count();
    if (mode_ == ProgressMode::json) {
        std::fprintf(out_, "%s\n", format(mode_, what, done, total, s).c_str());
    } else {
        std::fprintf(out_, "\r%s", format(mode_, what, done, total, s).c_str());
        open_line_ = true;
        if (done >= total) finish();
    }
    std::fflush(out_);
}

void ProgressReporter::finish() {
    if (open_line_) std::fputc('\n', out_);
    open_line_ = false;
}

}  // namespace frontline
