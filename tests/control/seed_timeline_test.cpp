// The control timeline on the seed articles (../shared/seeds) from the repo's baseline.
#include <gtest/gtest.h>

#include <set>

#include "control/timeline.hpp"
#include "gazetteer/geoparse.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {
struct Run {
    std::vector<fl::Event> events;
    std::vector<fl::ControlDay> days;
};

const Run& run() {
    static const Run r = [] {
        Run out;
        auto gaz = fl::Gazetteer::load_dir(fl::test::source_dir() / "gazetteer");
        std::vector<fl::Event> raw;
        for (const auto& a : fl::read_articles({fl::test::seeds_dir()}, std::nullopt)) {
            auto e = fl::extract_events(a, fl::geoparse(gaz, a));
            raw.insert(raw.end(), e.begin(), e.end());
        }
        out.events = fl::merge_events(std::move(raw));
        auto baseline =
            fl::read_baseline(fl::test::source_dir() / "data" / "baseline" / "2024-11-26.tsv", gaz);
        out.days = fl::build_timeline(baseline, out.events, *fl::parse_iso_date("2024-12-04"));
        return out;
    }();
    return r;
}

const fl::PlaceState& at(const char* date, const char* place) {
    for (const auto& d : run().days) {
        if (fl::to_iso(d.date) == date) return d.places.at(place);
    }
    throw std::runtime_error(std::string("no day ") + date);
}
}  // namespace

TEST(SeedTimeline, BaselineHoldersOn26November) {
    for (const char* id : {"gn:170063", "gn:166331", "fl:zahraa", "gn:164816", "gn:167611",
                           "fl:abu-al-duhur-airbase"}) {
        EXPECT_EQ(at("2024-11-26", id).controller, fl::Controller::government) << id;
    }
    EXPECT_EQ(at("2024-11-26", "gn:169389").controller, fl::Controller::opposition);  // Idlib
    EXPECT_EQ(at("2024-11-26", "fl:aleppo-sheikh-maqsoud").controller, fl::Controller::sdf);
    EXPECT_EQ(at("2024-11-26", "gn:163476").controller, fl::Controller::sdf);  // Tal Rifaat
    for (const char* id : {"gn:174186", "gn:172082", "gn:174018"}) {  // Afrin, Azaz, al-Bab
        EXPECT_EQ(at("2024-11-26", id).controller, fl::Controller::sna) << id;
    }
}

TEST(SeedTimeline, StateOnSaturday30November) {
    const auto& aleppo = at("2024-11-30", "gn:170063");
    // Partial control ("large parts of the city") is contested: the events stage's rule.
    EXPECT_EQ(aleppo.controller, fl::Controller::contested);
    EXPECT_EQ(aleppo.status, "confirmed");
    EXPECT_EQ(at("2024-11-30", "fl:abu-al-duhur-airbase").controller, fl::Controller::opposition);
    EXPECT_EQ(at("2024-11-30", "gn:167611").status, "claimed");
    EXPECT_EQ(at("2024-11-30", "gn:166331").controller, fl::Controller::sdf);
    EXPECT_EQ(at("2024-11-30", "gn:169389").status, "baseline");
    // Before the first report Aleppo is still the government's.
    EXPECT_EQ(at("2024-11-28", "gn:170063").controller, fl::Controller::government);
}

TEST(SeedTimeline, EveryChangePointsToItsEvents) {
    std::set<std::string> ids;
    for (const auto& e : run().events) ids.insert(e.id);
    for (const auto& d : run().days) {
        for (const auto& [id, s] : d.places) {
            if (s.status == "baseline") {
                EXPECT_FALSE(s.basis.empty()) << id;
                continue;
            }
            ASSERT_FALSE(s.event_ids.empty()) << id;
            for (const auto& e : s.event_ids) EXPECT_TRUE(ids.count(e)) << e;
            for (const auto& e : s.overruled_claims) EXPECT_TRUE(ids.count(e)) << e;
        }
    }
}
