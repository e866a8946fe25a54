// Atomic output: every file Frontline writes goes to a temporary file in the same
// directory and is renamed into place, so a reader never sees a half-written file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace frontline {

// Every temporary Frontline writes is named "<target>.frontline-tmp.<pid>.<n>" (a writer may
// add ".<digits>" for a second file of its own). remove_stale_temporaries() removes only names
// of this form, so a user's "notes.tmp.2" is never touched.
inline constexpr std::string_view kTemporaryMark = ".frontline-tmp.";

// A fresh temporary name for `target`, in the same directory: unique per process and call.
std::filesystem::path temporary_path(const std::filesystem::path& target);

// True for a file name temporary_path() makes (with or without a writer's ".<digits>").
bool is_temporary_name(std::string_view filename);

// Writes `data` to `path` atomically (temp file + rename): a reader sees the old file or the
// new one, never a part. Not fsynced one by one (a run writes thousands of tiles): a run's
// outputs reach the disk together before they are published (common/generation.hpp). Creates
// parent directories. Throws Error("output", path, ...) with kExitOutputError on failure.
void write_file_atomic(const std::filesystem::path& path, std::string_view data);

// The largest input read whole (articles, manifests, gazetteer TSVs, styles, ...): 256 MiB
// (README). A GeoNames dump for `gazetteer import-geonames` may be larger (kMaxDumpBytes).
inline constexpr std::uintmax_t kMaxInputBytes = std::uintmax_t{256} << 20;
inline constexpr std::uintmax_t kMaxDumpBytes = std::uintmax_t{4} << 30;

// Reads a whole file. Throws Error(subsystem, path, ..., kExitInputError), naming the path
// (shortened) and what to do, if it cannot be opened (missing, permission denied, a symlink
// loop, a name too long), is not a regular file after following symbolic links (a directory,
// /dev/zero, a FIFO), or is larger than `max_bytes`.
std::string read_file(const std::filesystem::path& path, const char* subsystem,
                      std::uintmax_t max_bytes = kMaxInputBytes);

// The message for a failed file-system call on `path`: the OS error and a hint for the
// common ones (a symlink loop, a name too long, permission denied, a directory).
std::string fs_problem(int err);

}  // namespace frontline
