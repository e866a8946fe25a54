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
    auto dir = fl::test::scratch("lock_stale");
    fl::write_file_atomic(dir / "tiles/control/8/1/2.png", "tile");
    fl::write_file_atomic(dir / "tiles/control/8/1/3.png.tmp.4242.7", "half");
    fl::write_file_atomic(dir / "tiles/control.mbtiles.tmp.4242", "half");
    fl::write_file_atomic(dir / "tiles/control/8/1/4.png.lnk.4242", "half");
    fl::write_file_atomic(dir / "tiles/control.json.tmp.x", "not ours: kept");
    fl::write_file_atomic(dir / "tmp.12", "not ours: kept");
    EXPECT_EQ(fl::remove_stale_temporaries(dir), 3u);
    EXPECT_TRUE(std::filesystem::exists(dir / "tiles/control.json.tmp.x"));
    EXPECT_TRUE(std::filesystem::exists(dir / "tiles/control/8/1/2.png"));
    EXPECT_FALSE(std::filesystem::exists(dir / "tiles/control.mbtiles.tmp.4242"));
}
