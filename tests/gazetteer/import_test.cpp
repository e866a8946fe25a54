// import_geonames(): the region and capitals kept, other rows dropped, merged by id.
#include "gazetteer/import.hpp"

#include <gtest/gtest.h>

#include "common/atomic_file.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {
std::string row(const std::string& id, const std::string& name, double lat, double lon,
                const std::string& fc, const std::string& code, const std::string& cc,
                const std::string& pop) {
    return id + "\t" + name + "\t" + name + "\t\t" + std::to_string(lat) + "\t" +
           std::to_string(lon) + "\t" + fc + "\t" + code + "\t" + cc + "\t\t09\t\t\t\t" + pop +
           "\t\t300\tAsia/Damascus\t2024-01-01\n";
}
}  // namespace

TEST(ImportGeonames, KeepsRegionAndCapitalsAndMergesById) {
    auto dir = fl::test::scratch("gaz_import");
    fl::write_file_atomic(dir / "base.txt",
                          row("10", "Old Name", 36.0, 37.0, "P", "PPL", "SY", "0") +
                              row("20", "Kept", 36.1, 37.1, "P", "PPL", "SY", "0"));
    fl::write_file_atomic(
        dir / "SY.txt",
        row("10", "Tall Rifat", 36.47, 37.09, "P", "PPL", "SY", "20000") +   // replaces id 10
            row("30", "Nahr Quwayq", 36.2, 37.1, "H", "STM", "SY", "0") +    // water: dropped
            row("40", "Far Village", 50.0, 10.0, "P", "PPL", "DE", "0") +    // outside: dropped
            row("50", "Berlin", 52.5, 13.4, "P", "PPLC", "DE", "3400000") +  // capital: kept
            "60\tbroken row\n");
    auto st = fl::import_geonames(dir / "SY.txt", dir / "base.txt", dir / "out");
    EXPECT_EQ(st.read, 5u);
    EXPECT_EQ(st.kept, 2u);
    EXPECT_EQ(st.skipped, 1u);
    EXPECT_EQ(st.total, 3u);
    auto g = fl::Gazetteer::load_dir(dir / "out");
    EXPECT_EQ(g.size(), 3u);
    ASSERT_NE(g.find_id("gn:10"), nullptr);
    // The replaced row's name, in its newsroom display form ("Tall" -> "Tal").
    EXPECT_EQ(g.find_id("gn:10")->name, "Tal Rifat");
    EXPECT_NE(g.find_id("gn:20"), nullptr);
    EXPECT_NE(g.find_id("gn:50"), nullptr);
    EXPECT_EQ(g.find_id("gn:30"), nullptr);
    auto c = fl::lookup(g, "Tell Rifaat");
    ASSERT_FALSE(c.empty());
    EXPECT_EQ(c.front().place_id, "gn:10");
}
