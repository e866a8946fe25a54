// Atomic output: every file Frontline writes goes to a temporary file in the same
// directory and is renamed into place, so a reader never sees a half-written file.
#pragma once

#include <filesystem>
#include <string_view>

namespace frontline {

// Writes `data` to `path` atomically (temp file + fsync + rename). Creates parent
// directories. Throws Error("output", path, ...) with kExitOutputError on failure.
void write_file_atomic(const std::filesystem::path& path, std::string_view data);

// Reads a whole file; throws Error(subsystem, path, ...) if it cannot be read.
std::string read_file(const std::filesystem::path& path, const char* subsystem);

}  // namespace frontline
