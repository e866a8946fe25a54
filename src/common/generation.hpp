// All or nothing: a run's outputs are published together or not at all.
//
// An output directory DIR keeps its outputs in DIR/.frontline-current/ and shows each of its
// top-level entries through a fixed relative symbolic link (DIR/tiles ->
// .frontline-current/tiles, DIR/events.csv -> .frontline-current/events.csv, ...), so readers
// keep the paths out/tiles/<layer>/z/x/y.png, out/control/<date>.geojson, ... A run writes
// its whole output into DIR/.frontline-next/ (unchanged tiles hard-linked from the current
// one), then exchanges the two folders with one renameat2(RENAME_EXCHANGE): before it every
// path shows the previous run, after it the new one. A run that fails or is killed before
// that leaves the previous outputs as they were; its staging folder is removed (on failure
// at once, after a kill by the next run). The names the current run does not write (days,
// layers, tiles, figures of an earlier run) are gone with the old folder.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

inline constexpr std::string_view kCurrentDir = ".frontline-current";
inline constexpr std::string_view kStagingDir = ".frontline-next";
inline constexpr std::string_view kOldDir = ".frontline-old";  // only without RENAME_EXCHANGE
// The list of files a run wrote (relative paths, sorted), kept in the generation folder: a
// file there that is not on the list is a user's, carried into the next generation.
inline constexpr std::string_view kOutputList = ".frontline-outputs";

// The top-level names a run may write. In an output of an older Frontline (no
// .frontline-current) these are real files and folders; the first run moves them into
// .frontline-current and links them (a one-time step, not atomic).
const std::vector<std::string>& output_names();

class Generation {
  public:
    // Call while holding the directory's OutputLock. Finishes or undoes what a killed run
    // left (an old staging folder, a half-made switch, missing or stale links), moves an
    // older layout into .frontline-current, and creates an empty staging folder.
    explicit Generation(const std::filesystem::path& dir);
    // Without commit(): removes the staging folder (the previous outputs stay as they were).
    ~Generation();
    Generation(const Generation&) = delete;
    Generation& operator=(const Generation&) = delete;

    // Where the run writes (DIR/.frontline-next).
    const std::filesystem::path& staging() const { return staging_; }
    // The published outputs of the previous run (DIR/.frontline-current; may not exist).
    const std::filesystem::path& current() const { return current_; }

    // Publishes the staging folder. Files of the current generation the run did not write
    // are carried into the new one (hard links) if they are a user's (not on the output
    // list) or `keep(relative path)` says so (`frontline merge` keeps all but tiles/);
    // everything else of the previous run is dropped. Then the list is written, the links
    // for new top-level names are made, the folders are exchanged, and the old generation
    // and links to names no longer written are removed (failures there are warnings, given
    // to `log`: the new outputs are published already).
    void commit(const std::function<bool(const std::filesystem::path&)>& keep = {},
                const std::function<void(const std::string&)>& log = {});

  private:
    std::filesystem::path dir_, current_, staging_;
    bool committed_ = false;
};

}  // namespace frontline
