// Where Frontline finds the files it reads at run time (gazetteer/, lexicon/, styles/, data/,
// web/): one decision, made here, used by every default path. No source path is compiled in.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

namespace frontline {

// The directories data_dir() considers, in order:
//   1. $FRONTLINE_DATA, if set and not empty (then it is the only one);
//   2. <directory of the executable>/../share/frontline (an install: P/bin/frontline reads
//      P/share/frontline; also the build tree's test and benchmark programs, one level down);
//   3. <directory of the executable>/share/frontline (the build tree: CMake links
//      build/<preset>/share/frontline/* to the source tree, so the build tree looks like an
//      install).
// The executable is found through /proc/self/exe.
std::vector<std::filesystem::path> data_dir_candidates();

// The first candidate holding a gazetteer/ directory, or nothing.
std::optional<std::filesystem::path> find_data_dir();

// find_data_dir(), or an Error ("data", exit code 1) naming the directories tried and saying
// to set FRONTLINE_DATA. Decided once per process.
const std::filesystem::path& data_dir();

// For defaults shown before anything is read (option defaults in --help): find_data_dir(), or
// the first candidate when there is none. Never throws; reading from it then fails, so a
// command that needs the data calls data_dir() first for the clear message.
std::filesystem::path default_data_dir();

}  // namespace frontline
