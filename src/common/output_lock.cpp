// flock-based output locking and clean-up after killed runs.
#include "common/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "common/option_error.hpp"

namespace frontline {

namespace fs = std::filesystem;

namespace {

std::string shown(const fs::path& p) {
    return shorten_path(p.string());
}

}  // namespace

void check_output_dir(const fs::path& dir) {
    std::error_code ec;
    const fs::path full = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    if (!ec && full == full.root_path()) {
        throw OptionError("output", OptionError::literal(shown(dir)),
                          "refusing to write into the root directory; give {out} a directory of "
                          "its own, e.g. {out} out");
    }
    if (const char* home = std::getenv("HOME"); home && *home && !ec) {
        std::error_code hec;
        const fs::path h = fs::weakly_canonical(home, hec);
        if (!hec && h == full && h != h.root_path()) {
            throw OptionError("output", OptionError::literal(shown(dir)),
                              "refusing to write into your home directory itself; give {out} a "
                              "directory of its own, e.g. {out} out");
        }
    }
    if (!fs::is_directory(dir, ec)) return;  // missing: created; not a directory: fails later
    if (fs::exists(dir / ".frontline.lock", ec)) return;  // an earlier Frontline output
    // Empty but for a version-control placeholder (the repository's out/.gitkeep)?
    bool empty = true;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name != ".gitkeep" && name != ".gitignore" && name != ".keep") empty = false;
    }
    if (ec || empty) return;  // (unreadable: fails when the lock is taken)
    throw OptionError("output", OptionError::literal(shown(dir)),
                      "directory is not empty and holds no Frontline output (no .frontline.lock); "
                      "refusing to write or clean up there: give {out} a new or empty directory");
}

OutputLock::OutputLock(const fs::path& dir) {
    check_output_dir(dir);
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

std::size_t remove_stale_temporaries(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return 0;
    std::vector<fs::path> victims;
    auto consider = [&](const fs::directory_entry& e) {
        if (e.is_regular_file(ec) && !e.is_symlink(ec) &&
            is_temporary_name(e.path().filename().string()))
            victims.push_back(e.path());
    };
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
        consider(*it);
    // The folders a run writes; symbolic links to folders are not followed.
    for (const char* sub : {"control", "tiles", "figures", "web"}) {
        const fs::path d = dir / sub;
        std::error_code sec;
        if (fs::is_symlink(d, sec) || !fs::is_directory(d, sec)) continue;
        for (auto it = fs::recursive_directory_iterator(d, sec);
             !sec && it != fs::recursive_directory_iterator(); it.increment(sec))
            consider(*it);
    }
    std::size_t removed = 0;
    for (const auto& v : victims) removed += fs::remove(v, ec) ? 1 : 0;
    return removed;
}

}  // namespace frontline
