// Generations of an output directory: staging, the one-rename switch, and recovery.
#include "common/generation.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc 2.28)
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "common/atomic_file.hpp"
#include "common/error.hpp"

namespace frontline {

namespace fs = std::filesystem;

namespace {

// Flushes the file system holding `p` (syncfs(2)); a failure is not fatal to the run (the
// data are written, only not yet forced to disk).
void sync_file_system(const fs::path& p) {
    const int fd = ::open(p.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::syncfs(fd);
    ::close(fd);
}

// fsync(2) of a directory, so a rename inside it is on disk.
void sync_directory(const fs::path& p) {
    const int fd = ::open(p.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

[[noreturn]] void fail(const fs::path& p, const std::string& what, int err) {
    throw Error("output", shorten_path(p.string()), what + ": " + fs_problem(err),
                kExitOutputError);
}

// The link DIR/<name> points at: .frontline-current/<name>.
fs::path link_target(const std::string& name) {
    return fs::path(std::string(kCurrentDir)) / name;
}

// True if `p` is a symbolic link made by us (to .frontline-current/<its name>).
bool is_our_link(const fs::path& p) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(p, ec))) return false;
    const fs::path t = fs::read_symlink(p, ec);
    return !ec && t == link_target(p.filename().string());
}

bool exists_nofollow(const fs::path& p) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(p, ec));
}

// Regular files below `root` (not following links to folders), as sorted relative paths.
std::vector<std::string> files_below(const fs::path& root) {
    std::vector<std::string> out;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return out;
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code fec;
        if (it->is_symlink(fec) || !it->is_regular_file(fec)) continue;
        if (is_temporary_name(it->path().filename().string())) continue;
        out.push_back(it->path().lexically_relative(root).generic_string());
    }
    if (ec) fail(root, "cannot list", ec.value());
    std::sort(out.begin(), out.end());
    return out;
}

// Puts `from` at `to` as a hard link (a copy where links are not possible).
void link_or_copy(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (ec) fail(to.parent_path(), "cannot create directory", ec.value());
    if (::link(from.c_str(), to.c_str()) == 0) return;
    if (errno == EEXIST) return;
    write_file_atomic(to, read_file(from, "output"));
}

// Removes our links in `dir` whose name the generation `current` does not have.
void remove_stale_links(const fs::path& dir, const fs::path& current) {
    std::error_code ec;
    std::vector<fs::path> stale;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (is_our_link(e.path()) && !exists_nofollow(current / e.path().filename()))
            stale.push_back(e.path());
    }
    for (const auto& p : stale) fs::remove(p, ec);
}

}  // namespace

const std::vector<std::string>& output_names() {
    static const std::vector<std::string> names = {
        "mentions.geojson", "events.geojson", "events.csv", "corrections.tsv",
        "control",          "tiles",          "figures",    "web",
        "index.html",       "embed.html",     "snippets.md"};
    return names;
}

Generation::Generation(const fs::path& dir)
    : dir_(dir),
      current_(dir / std::string(kCurrentDir)),
      staging_(dir / std::string(kStagingDir)) {
    std::error_code ec;
    const fs::path old = dir / std::string(kOldDir);
    // A switch without RENAME_EXCHANGE killed half-way: the previous generation comes back.
    if (exists_nofollow(old)) {
        if (!exists_nofollow(current_)) {
            if (::rename(old.c_str(), current_.c_str()) != 0) fail(old, "cannot restore", errno);
        } else {
            fs::remove_all(old, ec);
            if (ec) fail(old, "cannot remove", ec.value());
        }
    }
    // A killed run's staging folder, or the old generation a run could not remove.
    fs::remove_all(staging_, ec);
    if (ec) fail(staging_, "cannot remove", ec.value());
    // An output of an older Frontline: its files and folders move into .frontline-current.
    for (const auto& name : output_names()) {
        const fs::path p = dir / name;
        if (!exists_nofollow(p) || fs::is_symlink(fs::symlink_status(p, ec))) continue;
        if (exists_nofollow(current_ / name)) continue;  // not ours to move: left alone
        fs::create_directories(current_, ec);
        if (ec) fail(current_, "cannot create directory", ec.value());
        if (::rename(p.c_str(), (current_ / name).c_str()) != 0) fail(p, "cannot move", errno);
    }
    // Links: one per published name; a link to a name no longer published goes.
    for (const auto& e : fs::directory_iterator(current_, ec)) {
        const std::string name = e.path().filename().string();
        const fs::path p = dir / name;
        if (name == kOutputList || exists_nofollow(p)) continue;
        std::error_code lec;
        fs::create_symlink(link_target(name), p, lec);
        if (lec) fail(p, "cannot create link", lec.value());
    }
    remove_stale_links(dir, current_);
    // The previous outputs are removed after the switch: a folder of them that cannot be
    // changed (a read-only mount, no permission) fails the run now, before any work, not
    // after publishing with the old generation stuck beside the new one.
    std::set<std::string> checked;
    for (const auto& rel : files_below(current_)) {
        const std::string folder = fs::path(rel).parent_path().generic_string();
        if (!checked.insert(folder).second) continue;
        if (::access((current_ / folder).c_str(), W_OK) != 0) {
            fail(dir / rel, "cannot replace the previous output (its folder is not writable)",
                 errno);
        }
    }
    fs::create_directories(staging_, ec);
    if (ec) fail(staging_, "cannot create directory", ec.value());
}

Generation::~Generation() {
    if (committed_) return;
    std::error_code ec;
    fs::remove_all(staging_, ec);
}

void Generation::commit(const std::function<bool(const fs::path&)>& keep,
                        const std::function<void(const std::string&)>& log) {
    const std::vector<std::string> written = files_below(staging_);
    const std::set<std::string> wrote(written.begin(), written.end());
    std::set<std::string> listed(written.begin(), written.end());
    // The previous run's list: what is not on it is a user's file.
    std::set<std::string> previous;
    const bool has_list = exists_nofollow(current_ / std::string(kOutputList));
    if (has_list) {
        const std::string text = read_file(current_ / std::string(kOutputList), "output");
        std::size_t at = 0;
        while (at < text.size()) {
            const auto nl = text.find('\n', at);
            const auto end = nl == std::string::npos ? text.size() : nl;
            if (end > at) previous.insert(text.substr(at, end - at));
            at = end + 1;
        }
    }
    for (const auto& rel : files_below(current_)) {
        if (rel == kOutputList || wrote.count(rel)) continue;
        const bool users = has_list && !previous.count(rel);
        if (!users && !(keep && keep(fs::path(rel)))) continue;  // dropped with the old folder
        link_or_copy(current_ / rel, staging_ / rel);
        if (!users) listed.insert(rel);
    }
    std::string list;
    for (const auto& rel : listed) list += rel + "\n";
    write_file_atomic(staging_ / std::string(kOutputList), list);

    // A link for every top-level name of the new generation (a dangling link reads as a
    // missing file until the switch).
    std::vector<fs::path> made;
    auto undo = [&] {
        std::error_code ec;
        for (const auto& p : made) fs::remove(p, ec);
    };
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(staging_, ec)) {
        const std::string name = e.path().filename().string();
        if (name == kOutputList) continue;
        const fs::path p = dir_ / name;
        if (is_our_link(p)) continue;
        if (exists_nofollow(p)) {
            undo();
            throw Error("output", shorten_path(p.string()),
                        "not a link of Frontline's (to " + link_target(name).string() +
                            "): move it away so that this run's " + name + " can be shown there",
                        kExitOutputError);
        }
        std::error_code lec;
        fs::create_symlink(link_target(name), p, lec);
        if (lec) {
            undo();
            fail(p, "cannot create link", lec.value());
        }
        made.push_back(p);
    }
    if (ec) {
        undo();
        fail(staging_, "cannot list", ec.value());
    }

    // Durable before visible: the new generation's files reach the disk (one syncfs for the
    // whole file system, far cheaper than an fsync per tile) before the switch names them,
    // and the folder holding the switch after it, so a power cut shows one generation whole.
    sync_file_system(staging_);

    // The switch: one rename.
    fs::path old_generation = staging_;
    if (!exists_nofollow(current_)) {
        if (::rename(staging_.c_str(), current_.c_str()) != 0) {
            const int err = errno;
            undo();
            fail(current_, "cannot publish", err);
        }
    } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, current_.c_str(),
                           RENAME_EXCHANGE) != 0) {
        const int err = errno;
        if (err != EINVAL && err != ENOSYS && err != ENOTSUP) {
            undo();
            fail(current_, "cannot publish", err);
        }
        // A file system without RENAME_EXCHANGE (NFS): two renames. A run killed between
        // them leaves .frontline-old, which the next run puts back.
        old_generation = dir_ / std::string(kOldDir);
        if (::rename(current_.c_str(), old_generation.c_str()) != 0) {
            const int e2 = errno;
            undo();
            fail(current_, "cannot publish", e2);
        }
        if (::rename(staging_.c_str(), current_.c_str()) != 0) {
            const int e2 = errno;
            ::rename(old_generation.c_str(), current_.c_str());
            undo();
            fail(current_, "cannot publish", e2);
        }
    }
    committed_ = true;
    sync_directory(dir_);

    // Published. What follows only tidies up; a failure is a warning.
    fs::remove_all(old_generation, ec);
    if (ec && log) {
        log("warning: cannot remove the previous outputs " + shorten_path(old_generation.string()) +
            ": " + ec.message() + " (the next run removes them)");
    }
    remove_stale_links(dir_, current_);
}

}  // namespace frontline
