// All or nothing: a generation is published by commit() only; without it the previous
// outputs stay; what the new run does not write is gone, a user's files are kept.
#include "common/generation.hpp"

#include <gtest/gtest.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "test_util.hpp"

namespace fl = frontline;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    return fl::read_file(p, "test");
}
void publish(const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& files) {
    fl::Generation g(dir);
    for (const auto& [rel, text] : files) fl::write_file_atomic(g.staging() / rel, text);
    g.commit();
}
}  // namespace

TEST(Generation, CommitPublishesThroughLinksAndDropsWhatTheRunNoLongerWrites) {
    const auto dir = fl::test::scratch("gen_commit");
    publish(dir, {{"events.csv", "one"},
                  {"control/2024-12-01.geojson", "a"},
                  {"control/2024-12-02.geojson", "b"},
                  {"figures/x.png", "x"}});
    EXPECT_TRUE(fs::is_symlink(dir / "control"));
    EXPECT_EQ(slurp(dir / "events.csv"), "one");
    EXPECT_EQ(slurp(dir / "control/2024-12-02.geojson"), "b");
    publish(dir, {{"events.csv", "two"}, {"control/2024-12-01.geojson", "a2"}});
    EXPECT_EQ(slurp(dir / "events.csv"), "two");
    EXPECT_EQ(slurp(dir / "control/2024-12-01.geojson"), "a2");
    EXPECT_FALSE(fs::exists(dir / "control/2024-12-02.geojson"));
    // figures/ is no longer written: its link goes too.
    EXPECT_FALSE(fs::exists(fs::symlink_status(dir / "figures")));
    EXPECT_FALSE(fs::exists(dir / std::string(fl::kStagingDir)));
}

TEST(Generation, WithoutCommitThePreviousOutputsStay) {
    const auto dir = fl::test::scratch("gen_fail");
    publish(dir, {{"events.csv", "one"}, {"tiles/a/5/1/2.png", "t"}});
    try {
        fl::Generation g(dir);
        fl::write_file_atomic(g.staging() / "events.csv", "half");
        fl::write_file_atomic(g.staging() / "index.html", "new");
        throw std::runtime_error("disk full");
    } catch (const std::runtime_error&) {
    }
    EXPECT_EQ(slurp(dir / "events.csv"), "one");
    EXPECT_EQ(slurp(dir / "tiles/a/5/1/2.png"), "t");
    EXPECT_FALSE(fs::exists(fs::symlink_status(dir / "index.html")));
    EXPECT_FALSE(fs::exists(dir / std::string(fl::kStagingDir)));
}

TEST(Generation, AUsersFileInOurFoldersIsCarriedAndMergeKeepsTheRest) {
    const auto dir = fl::test::scratch("gen_user");
    publish(dir, {{"events.csv", "one"}, {"tiles/a.json", "{}"}});
    fl::write_file_atomic(dir / "tiles" / "mine.txt", "mine");
    publish(dir, {{"tiles/b.json", "{}"}});
    EXPECT_EQ(slurp(dir / "tiles/mine.txt"), "mine");  // not on the run's list: a user's
    EXPECT_FALSE(fs::exists(dir / "tiles/a.json"));
    EXPECT_FALSE(fs::exists(dir / "events.csv"));
    publish(dir, {{"events.csv", "two"}, {"tiles/b.json", "{}"}});
    {
        fl::Generation g(dir);  // as `frontline merge`: tiles/ replaced, the rest kept
        fl::write_file_atomic(g.staging() / "tiles/c.json", "{}");
        g.commit([](const fs::path& rel) { return *rel.begin() != "tiles"; });
    }
    EXPECT_EQ(slurp(dir / "events.csv"), "two");
    EXPECT_FALSE(fs::exists(dir / "tiles/b.json"));
    EXPECT_EQ(slurp(dir / "tiles/mine.txt"), "mine");
    publish(dir, {{"tiles/c.json", "{}"}});  // kept, so ours: a run without it drops it
    EXPECT_FALSE(fs::exists(dir / "events.csv"));
    EXPECT_EQ(slurp(dir / "tiles/mine.txt"), "mine");
}

TEST(Generation, AnOlderLayoutIsMovedInAndAKilledStagingIsRemoved) {
    const auto dir = fl::test::scratch("gen_migrate");
    fl::write_file_atomic(dir / "events.csv", "old");
    fl::write_file_atomic(dir / "control/2024-12-01.geojson", "old");
    fl::write_file_atomic(dir / "notes.txt", "mine");
    fl::write_file_atomic(dir / std::string(fl::kStagingDir) / "events.csv", "killed");
    {
        fl::Generation g(dir);
        EXPECT_FALSE(fs::exists(g.staging() / "events.csv"));
        EXPECT_EQ(slurp(dir / "events.csv"), "old");
        EXPECT_TRUE(fs::is_symlink(dir / "control"));
    }
    EXPECT_EQ(slurp(dir / "control/2024-12-01.geojson"), "old");
    EXPECT_EQ(slurp(dir / "notes.txt"), "mine");
    EXPECT_FALSE(fs::is_symlink(dir / "notes.txt"));
}
