// Gazetteer loading, errors with file and line, and geoparsing with longest match.
#include "gazetteer/gazetteer.hpp"

#include <gtest/gtest.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "gazetteer/geoparse.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {
const char* kHeader =
    "id\tname\talternatenames\tlat\tlon\tfeature_class\tfeature_code\tcountry_"
    "code\tadmin1\tpopulation\t"
    "precision_m\tgeometry_wkt\tsource\n";

fl::Gazetteer small_gazetteer() {
    auto dir = fl::test::scratch("gaz_small");
    fl::write_file_atomic(
        dir / "curated.tsv",
        std::string(kHeader) +
            "fl:aleppo\tAleppo\tHalab,حلب\t36.20124\t37."
            "16117\tP\tPPLA\tSY\t09\t1602264\t1000\t\ttest\n"
            "fl:airport\tAleppo International Airport\tAleppo "
            "airport\t36.1807\t37.2244\tS\tAIRP\tSY\t09\t0\t500\t\ttest\n"
            "fl:maarat\tMaarat al-Numan\tMa'arrat "
            "an-Nu'man\t35.6483\t36.67693\tP\tPPLA2\tSY\t12\t58008\t1000\t\ttest\n"
            "fl:beirut\tBeirut\t\t33.88894\t35.49442\tP\tPPLC\tLB\t\t1916100\t1000\t\ttest\n");
    return fl::Gazetteer::load_dir(dir);
}
}  // namespace

TEST(Gazetteer, BadLatitudeNamesFileAndLine) {
    auto dir = fl::test::scratch("gaz_badlat");
    fl::write_file_atomic(dir / "curated.tsv",
                          std::string(kHeader) +
                              "fl:a\tA\t\t36.2\t37.1\tP\tPPL\tSY\t09\t0\t1000\t\tt\n" +
                              "fl:b\tB\t\t95.1\t37.1\tP\tPPL\tSY\t09\t0\t1000\t\tt\n");
    try {
        fl::Gazetteer::load_dir(dir);
        FAIL() << "latitude 95.1 accepted";
    } catch (const fl::Error& e) {
        std::string w = e.what();
        EXPECT_NE(w.find("gazetteer error: "), std::string::npos) << w;
        EXPECT_NE(w.find("curated.tsv line 3"), std::string::npos) << w;
        EXPECT_NE(w.find("latitude"), std::string::npos) << w;
    }
}

TEST(Gazetteer, DuplicateIdIsAnError) {
    auto dir = fl::test::scratch("gaz_dup");
    fl::write_file_atomic(dir / "curated.tsv",
                          std::string(kHeader) +
                              "fl:a\tA\t\t36.2\t37.1\tP\tPPL\tSY\t09\t0\t1000\t\tt\n" +
                              "fl:a\tB\t\t36.2\t37.1\tP\tPPL\tSY\t09\t0\t1000\t\tt\n");
    EXPECT_THROW(fl::Gazetteer::load_dir(dir), fl::Error);
}

TEST(Geoparse, LongestMatchAndOffsets) {
    auto g = small_gazetteer();
    fl::Article a;
    a.doc = "t.txt";
    a.text =
        "Rebels took Aleppo International Airport, then Aleppo’s centre and Ma'arrat an-Nu'man.";
    auto m = fl::geoparse(g, a);
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[0].place_id, "fl:airport");
    EXPECT_EQ(m[0].surface, "Aleppo International Airport");
    EXPECT_EQ(a.text.substr(m[0].start, m[0].end - m[0].start), m[0].surface);
    EXPECT_EQ(m[1].place_id, "fl:aleppo");
    EXPECT_EQ(m[1].surface, "Aleppo");
    EXPECT_EQ(m[2].place_id, "fl:maarat");
    EXPECT_EQ(m[2].surface, "Ma'arrat an-Nu'man");
}

TEST(Geoparse, ForeignPlacesAreMarked) {
    auto g = small_gazetteer();
    fl::Article a;
    a.doc = "t.txt";
    a.text = "BEIRUT, Lebanon — reports from Beirut.";
    auto m = fl::geoparse(g, a);
    ASSERT_FALSE(m.empty());
    for (const auto& x : m) EXPECT_TRUE(x.foreign);
}

TEST(Geoparse, LowercaseWordsAreNotPlaces) {
    auto g = small_gazetteer();
    fl::Article a;
    a.doc = "t.txt";
    a.text = "the aleppo of words";
    EXPECT_TRUE(fl::geoparse(g, a).empty());
}

TEST(Gazetteer, ProjectGazetteerLoadsAndResolvesKeyPlaces) {
    auto g = fl::Gazetteer::load_dir(fl::test::source_dir() / "gazetteer");
    EXPECT_GT(g.size(), 200u);
    for (const char* name : {"Aleppo", "Idlib", "Maarat al-Numan", "Saraqib"}) {
        auto c = fl::lookup(g, name);
        ASSERT_FALSE(c.empty()) << name;
        const fl::Place* p = g.find_id(c.front().place_id);
        EXPECT_EQ(p->country, "SY") << name;
    }
}
