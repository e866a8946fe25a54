// One writer per output directory. A run takes an exclusive lock on <out>/.frontline.lock
// (flock: released by the kernel when the process dies, even by SIGKILL, so a crashed run
// never leaves a stale lock), then removes temporaries that a killed run left behind.
#pragma once

#include <filesystem>

namespace frontline {

class OutputLock {
  public:
    // Throws Error("output", dir, "another frontline run (pid N) is writing here") if the
    // directory is locked, kExitOutputError if it cannot be created.
    explicit OutputLock(const std::filesystem::path& dir);
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

  private:
    int fd_ = -1;
};

// Removes files named like our temporaries (<name>.tmp.<pid>.<n>, <name>.lnk.<pid>,
// <name>.tmp.<pid>) below `dir`; returns how many. Call only while holding the lock.
std::size_t remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace frontline
