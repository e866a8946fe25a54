// One writer per output directory, and clean-up of a killed run's temporaries.
#include "common/output_lock.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "test_util.hpp"

namespace fl = frontline;

TEST(OutputLock, SecondWriterIsRefusedWithAClearMessage) {
    auto dir = fl::test::scratch("lock_two");
    fl::OutputLock first(dir);
    // flock locks belong to open file descriptions: a second open in this process conflicts
    // just as another process would.
    try {
        fl::OutputLock second(dir);
        FAIL() << "second writer accepted";
    } catch (const fl::Error& e) {
        std::string w = e.what();
        EXPECT_NE(w.find("another frontline run (pid " + std::to_string(::getpid()) + ")"),
                  std::string::npos)
            << w;
        EXPECT_EQ(e.exit_code(), fl::kExitOutputError);
    }
}

TEST(OutputLock, LockIsReleasedWhenTheHolderDies) {
    auto dir = fl::test::scratch("lock_killed");
    pid_t child = ::fork();
    if (child == 0) {
        fl::OutputLock held(dir);
        ::_exit(0);  // dies holding the lock, without running destructors
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_NO_THROW(fl::OutputLock again(dir));
}

TEST(OutputLock, StaleTemporariesAreRemovedAndOutputsKept) {
    namespace fs = std::filesystem;
    auto dir = fl::test::scratch("lock_stale");
    fl::write_file_atomic(dir / "tiles/control/8/1/2.png", "tile");
    fl::write_file_atomic(dir / "tiles/control/8/1/3.png.frontline-tmp.4242.7", "half");
    fl::write_file_atomic(dir / "tiles/control.mbtiles.frontline-tmp.4242.0", "half");
    fl::write_file_atomic(dir / "tiles/control.pmtiles.frontline-tmp.4242.3.1", "spool");
    fl::write_file_atomic(dir / "events.csv.frontline-tmp.17.2", "half");
    // Not ours: a user's files named like the temporaries of older versions, a name with our
    // mark but no pid, and our mark in a folder a run never writes.
    fl::write_file_atomic(dir / "tiles/control.json.frontline-tmp.x", "kept");
    fl::write_file_atomic(dir / "notes.tmp.2", "kept");
    fl::write_file_atomic(dir / "tiles/old.png.lnk.4242", "kept");
    fl::write_file_atomic(dir / "mine/a.frontline-tmp.1.2", "kept");
    EXPECT_EQ(fl::remove_stale_temporaries(dir), 4u);
    for (const char* kept : {"tiles/control/8/1/2.png", "tiles/control.json.frontline-tmp.x",
                             "notes.tmp.2", "tiles/old.png.lnk.4242", "mine/a.frontline-tmp.1.2"})
        EXPECT_TRUE(fs::exists(dir / kept)) << kept;
    EXPECT_FALSE(fs::exists(dir / "tiles/control.mbtiles.frontline-tmp.4242.0"));
    EXPECT_FALSE(fs::exists(dir / "events.csv.frontline-tmp.17.2"));
}

TEST(OutputLock, TemporaryNamesCarryOurMark) {
    const auto t = fl::temporary_path("out/tiles/control.mbtiles");
    EXPECT_TRUE(fl::is_temporary_name(t.filename().string())) << t;
    EXPECT_EQ(t.filename().string().rfind("control.mbtiles.frontline-tmp.", 0), 0u) << t;
    EXPECT_NE(fl::temporary_path("a"), fl::temporary_path("a"));
    EXPECT_FALSE(fl::is_temporary_name("notes.tmp.2"));
    EXPECT_FALSE(fl::is_temporary_name("a.png.lnk.12"));
    EXPECT_FALSE(fl::is_temporary_name(".frontline-tmp.1.2"));
    EXPECT_FALSE(fl::is_temporary_name("a.frontline-tmp.12"));
}

TEST(OutputLock, RefusesADirectoryThatHoldsNoFrontlineOutput) {
    namespace fs = std::filesystem;
    auto dir = fl::test::scratch("lock_foreign");
    fl::write_file_atomic(dir / "thesis.tex", "mine");
    fl::write_file_atomic(dir / "notes.tmp.2", "mine");
    try {
        fl::OutputLock lock(dir);
        FAIL() << "a directory of someone else's was accepted";
    } catch (const fl::Error& e) {
        EXPECT_EQ(e.exit_code(), fl::kExitUsage);
        EXPECT_NE(std::string(e.what()).find(dir.string()), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("not empty"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(dir / ".frontline.lock"));  // nothing written there
    EXPECT_TRUE(fs::exists(dir / "notes.tmp.2"));
    // A new, an empty and an earlier Frontline output directory are fine.
    EXPECT_NO_THROW(fl::OutputLock a(dir / "new"));
    fs::create_directories(dir / "empty");
    EXPECT_NO_THROW(fl::OutputLock b(dir / "empty"));
    fl::write_file_atomic(dir / "placeholder" / ".gitkeep", "");  // as the repository's out/
    EXPECT_NO_THROW(fl::OutputLock k(dir / "placeholder"));
    fl::write_file_atomic(dir / "new" / "events.csv", "x");
    EXPECT_NO_THROW(fl::OutputLock c(dir / "new"));
}

TEST(OutputLock, RefusesTheRootDirectory) {
    for (const char* root : {"/", "//", "/."}) {
        try {
            fl::check_output_dir(root);
            FAIL() << root << " accepted";
        } catch (const fl::Error& e) {
            EXPECT_EQ(e.exit_code(), fl::kExitUsage);
            EXPECT_NE(std::string(e.what()).find("root directory"), std::string::npos);
        }
    }
}

TEST(ErrorMessages, LongNamesAreShortened) {
    const std::string name(5'000'000, 'a');
    const std::string s = fl::shorten_path("/tmp/" + name + "/x.txt");
    EXPECT_LT(s.size(), 260u);
    EXPECT_EQ(s.rfind("/tmp/aaa", 0), 0u);
    EXPECT_NE(s.find("/x.txt"), std::string::npos);
    EXPECT_EQ(fl::shorten_path("out/events.csv"), "out/events.csv");
    // Never cut inside a UTF-8 character.
    std::string arabic;
    for (int i = 0; i < 300; ++i) arabic += "\xd8\xa8";
    const std::string a = fl::shorten_path(arabic);
    const auto dots = a.find("...");
    ASSERT_NE(dots, std::string::npos);
    EXPECT_EQ(dots % 2, 0u);  // whole two-byte characters before
    EXPECT_EQ(static_cast<unsigned char>(a[dots + 3]), 0xD8);
}
