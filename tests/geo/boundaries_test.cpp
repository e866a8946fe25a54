// Boundaries: Natural Earth from the set-up cache, with UN OCHA's Syrian governorates
// (data/boundaries/) in place of Natural Earth's.
#include "geo/boundaries.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "common/error.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {

std::set<std::string> syrian_names(const fl::Boundaries& b) {
    std::set<std::string> out;
    for (const auto& a : b.admin1) {
        if (a.country == "SY") out.insert(a.name);
    }
    return out;
}

const fl::AdminArea& area(const fl::Boundaries& b, const std::string& name) {
    auto it = std::find_if(b.admin1.begin(), b.admin1.end(),
                           [&](const fl::AdminArea& a) { return a.name == name; });
    if (it == b.admin1.end()) throw std::runtime_error("no governorate " + name);
    return *it;
}

}  // namespace

TEST(Boundaries, SyrianGovernoratesAreOchasWithTheNewsNames) {
    fl::BoundaryOptions o;
    o.source = fl::default_boundaries_path();
    const auto b = fl::read_boundaries(o);
    const auto names = syrian_names(b);
    // OCHA's "Idleb" and "Lattakia" under the names the news uses; no Natural Earth left.
    for (const char* n : {"Aleppo", "Idlib", "Hama", "Latakia", "Raqqa", "Homs"})
        EXPECT_EQ(names.count(n), 1u) << n;
    EXPECT_EQ(names.count("Hamah"), 0u);
    EXPECT_EQ(names.count("Ar Raqqah"), 0u);
    EXPECT_TRUE(area(b, "Aleppo").focus);
    EXPECT_TRUE(area(b, "Idlib").focus);
    EXPECT_FALSE(area(b, "Hama").focus);
    // The neighbours still come from the source.
    EXPECT_TRUE(std::any_of(b.admin1.begin(), b.admin1.end(),
                            [](const fl::AdminArea& a) { return a.country == "TR"; }));
    // Aleppo city lies inside OCHA's Aleppo governorate, Saraqib inside Idlib, Morek in Hama.
    auto inside = [&](const char* gov, double lon, double lat) {
        return fl::bg::within(fl::GeoPoint(lon, lat), area(b, gov).geom);
    };
    EXPECT_TRUE(inside("Aleppo", 37.16, 36.20));
    EXPECT_TRUE(inside("Idlib", 36.80, 35.86));
    EXPECT_TRUE(inside("Hama", 36.68, 35.38));
    EXPECT_FALSE(inside("Idlib", 36.68, 35.38));
}

TEST(Boundaries, WithoutTheOchaExtractTheSourcesOwn) {
    fl::BoundaryOptions o;
    o.source = fl::default_boundaries_path();
    o.syria_dir.clear();
    const auto names = syrian_names(fl::read_boundaries(o));
    EXPECT_EQ(names.count("Hamah"), 1u);
    EXPECT_EQ(names.count("Hama"), 0u);
}

TEST(Boundaries, AMissingExtractIsAnErrorNamingIt) {
    fl::BoundaryOptions o;
    o.source = fl::default_boundaries_path();
    o.syria_dir = fl::test::scratch("boundaries_missing");
    try {
        fl::read_boundaries(o);
        ADD_FAILURE() << "no error";
    } catch (const fl::Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("syria_admin1.geojson"), std::string::npos) << what;
        EXPECT_NE(what.find("derive.sh"), std::string::npos) << what;
    }
}
