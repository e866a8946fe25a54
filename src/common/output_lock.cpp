// flock-based output locking and clean-up after killed runs.
#include "common/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace frontline {

namespace fs = std::filesystem;

OutputLock::OutputLock(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw Error("output", dir.string(), "cannot create directory: " + ec.message(),
                    kExitOutputError);
    const fs::path p = dir / ".frontline.lock";
    fd_ = ::open(p.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) {
        throw Error("output", p.string(),
                    std::string("cannot open lock file: ") + std::strerror(errno),
                    kExitOutputError);
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        char buf[32] = {0};
        ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
        ::close(fd_);
        fd_ = -1;
        std::string pid = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "?";
        while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
        throw Error("output", dir.string(),
                    "another frontline run (pid " + pid +
                        ") is writing to this directory; wait for it or use --out",
                    kExitOutputError);
    }
    const std::string me = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) == 0) {
        [[maybe_unused]] ssize_t w = ::pwrite(fd_, me.data(), me.size(), 0);
    }
}

OutputLock::~OutputLock() {
    if (fd_ >= 0) {
        ::flock(fd_, LOCK_UN);
        ::close(fd_);
    }
}

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// <name>.tmp.<pid>, <name>.tmp.<pid>.<n> or <name>.lnk.<pid>, as write_file_atomic(),
// MbtilesWriter and XyzStore name their temporaries.
bool is_temporary(std::string_view f) {
    for (std::string_view mark : {".tmp.", ".lnk."}) {
        const auto at = f.rfind(mark);
        if (at == std::string_view::npos || at == 0) continue;
        std::string_view rest = f.substr(at + mark.size());
        const auto dot = rest.find('.');
        if (dot == std::string_view::npos ? all_digits(rest)
                                          : mark == ".tmp." && all_digits(rest.substr(0, dot)) &&
                                                all_digits(rest.substr(dot + 1))) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::size_t remove_stale_temporaries(const fs::path& dir) {
    std::size_t removed = 0;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return 0;
    std::vector<fs::path> victims;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && is_temporary(it->path().filename().string())) {
            victims.push_back(it->path());
        }
    }
    for (const auto& v : victims) removed += fs::remove(v, ec) ? 1 : 0;
    return removed;
}

}  // namespace frontline
