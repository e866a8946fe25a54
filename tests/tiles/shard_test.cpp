// Sharding: three shards merged equal one unsharded run, byte for byte (XYZ, MBTiles and
// PMTiles).
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "common/error.hpp"
#include "tiles/merge.hpp"
#include "tiles/tiles_fixture.hpp"

namespace fl = frontline;

TEST(Shards, ThreeShardsMergedEqualOneRun) {
    auto s = fl::test::scene();
    auto st = fl::test::style();
    auto single = fl::test::scratch("shard_single");
    fl::render_pyramid(s, st, fl::test::options(single / "tiles", 2));
    std::vector<std::filesystem::path> shards;
    std::size_t tiles = 0;
    for (int k = 0; k < 3; ++k) {
        auto dir = fl::test::scratch("shard_" + std::to_string(k));
        auto opt = fl::test::options(dir / "tiles", 1);
        opt.shard_index = k;
        opt.shard_count = 3;
        tiles += fl::render_pyramid(s, st, opt).tiles;
        shards.push_back(dir);
    }
    auto merged = fl::test::scratch("shard_merged");
    fl::merge_shards(shards, merged);
    auto a = fl::test::tree(single), b = fl::test::tree(merged);
    // The purge list and state are per-shard lists, concatenated by the merge: same lines,
    // another order. Compare them as sets; everything else byte for byte.
    for (const char* list : {"tiles/test.changed", "tiles/test.state"}) {
        auto lines = [](const std::string& t) {
            std::multiset<std::string> out;
            std::istringstream in(t);
            for (std::string l; std::getline(in, l);) out.insert(l);
            return out;
        };
        EXPECT_EQ(lines(a.at(list)), lines(b.at(list))) << list;
        a.erase(list);
        b.erase(list);
    }
    EXPECT_EQ(tiles * 1, a.size() - 2)
        << "every tile in exactly one shard (+2: the MBTiles and PMTiles files)";
    ASSERT_EQ(a.size(), b.size());
    for (const auto& [path, bytes] : a) {
        ASSERT_TRUE(b.count(path)) << path << " missing after merge";
        EXPECT_TRUE(b.at(path) == bytes) << path << " differs after merge";
    }
}

TEST(Shards, ShardOutOfRangeIsAUsageError) {
    auto opt = fl::test::options(fl::test::scratch("shard_bad"), 1);
    opt.shard_index = 3;
    opt.shard_count = 3;
    EXPECT_THROW(fl::render_pyramid(fl::test::scene(), fl::test::style(), opt), fl::Error);
}

TEST(Shards, MergeOfNonShardIsAnError) {
    EXPECT_THROW(
        fl::merge_shards({fl::test::scratch("not_a_shard")}, fl::test::scratch("merge_out")),
        fl::Error);
}
