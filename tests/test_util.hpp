// Helpers shared by the tests: paths to the repo, the seeds and a scratch directory.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace frontline::test {

inline std::filesystem::path source_dir() {
    return FRONTLINE_SOURCE_DIR;
}
inline std::filesystem::path seeds_dir() {
    return source_dir().parent_path() / "shared" / "seeds";
}

// A fresh, empty directory for one test. ctest runs every test in its own process and in
// parallel, so the directory name carries the process id: two tests using the same name
// never share (or delete) each other's files.
inline std::filesystem::path scratch(const std::string& name) {
    const char* base = std::getenv("FRONTLINE_TEST_TMP");
    std::filesystem::path p = std::filesystem::path(base ? base : "/tmp/frontline-test") /
                              (name + "." + std::to_string(::getpid()));
    std::filesystem::remove_all(p);
    std::filesystem::create_directories(p);
    return p;
}

}  // namespace frontline::test
