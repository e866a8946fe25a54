// One writer per output directory. A run takes an exclusive lock on <out>/.frontline.lock
// (flock: released by the kernel when the process dies, even by SIGKILL, so a crashed run
// never leaves a stale lock), then removes temporaries that a killed run left behind.
#pragma once

#include <filesystem>

namespace frontline {

class OutputLock {
  public:
    // Throws Error("output", dir, "another frontline run (pid N) is writing here") if the
    // directory is locked, kExitOutputError if it cannot be created, and what
    // check_output_dir() throws for a directory that is not ours.
    explicit OutputLock(const std::filesystem::path& dir);
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

  private:
    int fd_ = -1;
};

// Refuses (OptionError "output", naming the directory and {out}) an output directory that is the
// root directory or the user's home, or one that exists, is not empty and holds no
// `.frontline.lock` (the file every run and merge writes first): Frontline never writes into,
// or cleans up, a directory of someone else's. A missing or empty directory, or an earlier
// Frontline output, is accepted (empty: nothing but .gitkeep, .gitignore or .keep). OutputLock
// calls it first.
void check_output_dir(const std::filesystem::path& dir);

// Removes files named like our temporaries (temporary_path(): <name>.frontline-tmp.<pid>.<n>)
// directly in `dir` and below the folders a run writes (control, tiles, figures, web); returns
// how many. Anything else, and any other folder, is left alone. Call only while holding the
// lock. (Since runs are all or nothing those folders are links into .frontline-current, not
// followed here: a killed run's temporaries are in its staging folder, which Generation
// removes whole; this finds those an older Frontline left.)
std::size_t remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace frontline
