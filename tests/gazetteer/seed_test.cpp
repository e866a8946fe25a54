// The seed articles (../shared/seeds): every expected place mention resolved, to the right
// place (within 3 km of its GeoNames coordinates, 5 km for curated places), foreign places
// marked foreign, nothing else taken for a place. Fixtures: seed_mentions.tsv and
// seed_nonplaces.tsv beside this file, written by reading the articles.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"
#include "test_util.hpp"
#include "text/article.hpp"
#include "text/tsv.hpp"

namespace fl = frontline;

namespace {

const std::filesystem::path kHere = fl::test::source_dir() / "tests" / "gazetteer";

struct Expected {
    int count = 0;
    double lat = 0, lon = 0;
    bool foreign = false;
};

using Key = std::tuple<std::string, std::string, std::string>;  // doc, surface, place_id

class Seeds : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        gaz_ = new fl::Gazetteer(fl::Gazetteer::load_dir(fl::test::source_dir() / "gazetteer"));
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(fl::test::seeds_dir())) {
            if (e.path().extension() == ".txt") files.push_back(e.path());
        }
        std::sort(files.begin(), files.end());
        articles_ = new std::vector<fl::Article>(fl::read_articles(files, std::nullopt));
        mentions_ = new std::vector<fl::Mention>();
        fl::GeoparseOptions opt;
        opt.governorate_cues = true;
        for (const auto& a : *articles_) {
            auto m = fl::geoparse(*gaz_, a, opt);
            mentions_->insert(mentions_->end(), m.begin(), m.end());
        }
    }
    static void TearDownTestSuite() {
        delete gaz_;
        delete articles_;
        delete mentions_;
    }
    static std::map<Key, Expected> expected() {
        std::map<Key, Expected> out;
        fl::TsvReader tsv(kHere / "seed_mentions.tsv", "test");
        while (auto r = tsv.next()) {
            const auto& f = *r;
            Expected e;
            e.count = std::stoi(std::string(f[3]));
            e.lat = std::stod(std::string(f[4]));
            e.lon = std::stod(std::string(f[5]));
            e.foreign = f[6] == "true";
            out[{std::string(f[0]), std::string(f[1]), std::string(f[2])}] = e;
        }
        return out;
    }
    static fl::Gazetteer* gaz_;
    static std::vector<fl::Article>* articles_;
    static std::vector<fl::Mention>* mentions_;
};

fl::Gazetteer* Seeds::gaz_ = nullptr;
std::vector<fl::Article>* Seeds::articles_ = nullptr;
std::vector<fl::Mention>* Seeds::mentions_ = nullptr;

}  // namespace

TEST_F(Seeds, EveryExpectedPlaceAndNothingElse) {
    ASSERT_EQ(articles_->size(), 5u) << "expected the five seed articles in ../shared/seeds";
    auto want = expected();
    std::map<Key, int> got;
    for (const auto& m : *mentions_) ++got[{m.doc, m.surface, m.place_id}];
    for (const auto& [k, e] : want) {
        auto it = got.find(k);
        EXPECT_EQ(it == got.end() ? 0 : it->second, e.count)
            << std::get<0>(k) << ": \"" << std::get<1>(k) << "\" -> " << std::get<2>(k);
    }
    for (const auto& [k, n] : got) {
        EXPECT_TRUE(want.count(k)) << "unexpected mention " << std::get<0>(k) << ": \""
                                   << std::get<1>(k) << "\" -> " << std::get<2>(k) << " x" << n;
    }
}

TEST_F(Seeds, SyrianPlacesWithin3KmAndForeignMarked) {
    auto want = expected();
    for (const auto& m : *mentions_) {
        auto it = want.find({m.doc, m.surface, m.place_id});
        if (it == want.end()) continue;  // reported by EveryExpectedPlaceAndNothingElse
        const fl::Place* p = gaz_->find_id(m.place_id);
        ASSERT_NE(p, nullptr);
        EXPECT_EQ(m.foreign, it->second.foreign) << m.surface;
        EXPECT_EQ(m.foreign, p->country != "SY") << m.surface;
        if (m.foreign) continue;
        const bool curated = m.place_id.rfind("fl:", 0) == 0;
        // Areas (governorates, the country) carry a centroid: the check is that we chose
        // the right area, i.e. the centroid in the fixture.
        EXPECT_LT(fl::distance_km(m.lat, m.lon, it->second.lat, it->second.lon),
                  curated ? 5.0 : 3.0)
            << m.doc << ": " << m.surface << " -> " << m.place_id;
    }
}

TEST_F(Seeds, NonPlacesAreNotResolved) {
    auto want = expected();
    std::vector<std::string> nonplaces;
    fl::TsvReader tsv(kHere / "seed_nonplaces.tsv", "test");
    while (auto r = tsv.next()) nonplaces.emplace_back((*r)[0]);
    ASSERT_GE(nonplaces.size(), 50u);
    auto is_word = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
    int occurrences = 0;
    for (const auto& a : *articles_) {
        for (const auto& np : nonplaces) {
            for (auto pos = a.text.find(np); pos != std::string::npos;
                 pos = a.text.find(np, pos + 1)) {
                const auto end = pos + np.size();
                if ((pos > 0 && is_word(a.text[pos - 1])) ||
                    (end < a.text.size() && is_word(a.text[end])))
                    continue;
                ++occurrences;
                for (const auto& m : *mentions_) {
                    if (m.doc != a.doc || m.start >= end || m.end <= pos) continue;
                    const bool inside_longer_place = m.start <= pos && m.end >= end &&
                                                     m.surface.size() > np.size() &&
                                                     want.count({m.doc, m.surface, m.place_id});
                    EXPECT_TRUE(inside_longer_place)
                        << a.doc << ": non-place \"" << np << "\" at " << pos << " taken for "
                        << m.place_id << " (\"" << m.surface << "\")";
                }
            }
        }
    }
    EXPECT_GT(occurrences, 100);
}
