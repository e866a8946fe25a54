// Atomic file writes (temp + rename) and whole-file reads with clear errors.
#include "common/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "common/error.hpp"

namespace frontline {

namespace {
std::atomic<unsigned> g_counter{0};

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
    throw Error("output", path.string(), what + ": " + std::strerror(errno), kExitOutputError);
}
}  // namespace

std::filesystem::path temporary_path(const std::filesystem::path& target) {
    std::filesystem::path tmp = target;
    tmp += std::string(kTemporaryMark) + std::to_string(::getpid()) + "." +
           std::to_string(g_counter++);
    return tmp;
}

bool is_temporary_name(std::string_view f) {
    const auto at = f.find(kTemporaryMark);
    if (at == std::string_view::npos || at == 0) return false;
    // <pid>.<n>[.<digits>...]
    std::string_view rest = f.substr(at + kTemporaryMark.size());
    int parts = 0;
    while (true) {
        const auto dot = rest.find('.');
        const std::string_view part = rest.substr(0, dot);
        if (part.empty() || part.find_first_not_of("0123456789") != std::string_view::npos)
            return false;
        ++parts;
        if (dot == std::string_view::npos) break;
        rest.remove_prefix(dot + 1);
    }
    return parts >= 2;
}

void write_file_atomic(const std::filesystem::path& path, std::string_view data) {
    std::error_code ec;
    if (path.has_parent_path()) {
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) {
            throw Error("output", path.parent_path().string(),
                        "cannot create directory: " + ec.message(), kExitOutputError);
        }
    }
    // Unique per process and call, so parallel writers never share a temp file.
    const std::filesystem::path tmp = temporary_path(path);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail(path, "cannot create temporary file");
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            int saved = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            errno = saved;
            fail(path, "write failed");
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        fail(path, "close failed");
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        fail(path, "rename failed");
    }
}

std::string fs_problem(int err) {
    std::string m = std::strerror(err);
    switch (err) {
        case ELOOP:
            return m + " (a symbolic link loop?): fix or remove the link";
        case ENAMETOOLONG:
            return m + ": give a shorter path";
        case EACCES:
        case EPERM:
            return m + ": check the permissions of the file and its folders";
        case EISDIR:
            return m + ": give a file, not a directory";
        case ENOTDIR:
            return m + ": a part of the path is a file, not a directory";
        case ENOENT:
            return m + ": check the path";
        default:
            return m;
    }
}

std::string read_file(const std::filesystem::path& path, const char* subsystem,
                      std::uintmax_t max_bytes) {
    const std::string shown = shorten_path(path.string());
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) throw Error(subsystem, shown, "cannot open file: " + fs_problem(errno));
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw Error(subsystem, shown, "cannot read: " + fs_problem(errno));
    if (S_ISDIR(st.st_mode)) throw Error(subsystem, shown, "a directory, not a file: give a file");
    if (!S_ISREG(st.st_mode)) {
        throw Error(subsystem, shown,
                    "not a regular file (a device, pipe or socket): give a file saved on disk");
    }
    const auto too_large = [&](std::uintmax_t n) {
        return Error(subsystem, shown,
                     "file too large: " + std::to_string(n) + " bytes, more than the limit of " +
                         std::to_string(max_bytes) + " (" + std::to_string(max_bytes >> 20) +
                         " MiB)");
    };
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) throw too_large(st.st_size);
    std::string data;
    data.reserve(static_cast<std::size_t>(st.st_size));
    char buf[1 << 16];
    while (true) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw Error(subsystem, shown, "read failed: " + fs_problem(errno));
        }
        if (n == 0) break;
        data.append(buf, static_cast<std::size_t>(n));
        if (data.size() > max_bytes) throw too_large(data.size());  // grew while read
    }
    return data;
}

}  // namespace frontline
