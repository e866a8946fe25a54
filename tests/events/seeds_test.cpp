// The events the issue lists, on the real seed articles (read from ../shared/seeds, never
// copied into the repo) with the real gazetteer.
#include <gtest/gtest.h>

#include "events/event.hpp"
#include "gazetteer/geoparse.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {

struct Seeds {
    std::vector<fl::Event> events;
    std::vector<fl::Mention> mentions;
};

const Seeds& seeds() {
    static const Seeds s = [] {
        Seeds out;
        auto gaz = fl::Gazetteer::load_dir(fl::test::source_dir() / "gazetteer");
        std::vector<fl::Event> raw;
        for (const auto& a : fl::read_articles({fl::test::seeds_dir()}, std::nullopt)) {
            auto m = fl::geoparse(gaz, a);
            auto e = fl::extract_events(a, m);
            raw.insert(raw.end(), e.begin(), e.end());
            out.mentions.insert(out.mentions.end(), m.begin(), m.end());
        }
        out.events = fl::merge_events(std::move(raw));
        fl::annotate_places(out.events, gaz);
        return out;
    }();
    return s;
}

std::vector<const fl::Event*> on(const std::string& place_id) {
    std::vector<const fl::Event*> out;
    for (const auto& e : seeds().events) {
        if (e.place_id == place_id) out.push_back(&e);
    }
    return out;
}

bool resolved(const std::string& place_id) {
    for (const auto& m : seeds().mentions) {
        if (m.place_id == place_id) return true;
    }
    return false;
}

std::string describe(const std::string& place_id) {
    std::string out;
    for (const auto* e : on(place_id)) {
        out += e->id + " " + e->status + " " + e->extent + "; ";
    }
    return out.empty() ? "no events" : out;
}

}  // namespace

TEST(Seeds, AleppoCityLargePartsConcededByTheArmy) {
    ASSERT_TRUE(resolved("gn:170063"));
    bool ok = false;
    for (const auto* e : on("gn:170063")) {
        // Partial control is contested (the annotation guide's rule).
        if (e->controller != fl::Controller::contested || e->status != "confirmed" ||
            e->extent != "partial") {
            continue;
        }
        for (const auto& s : e->sources) {
            bool army = s.sentence.find("military") != std::string::npos ||
                        s.sentence.find("army") != std::string::npos;
            ok = ok || (army && s.status == "confirmed");
        }
    }
    EXPECT_TRUE(ok) << describe("gn:170063");
}

TEST(Seeds, AbuAlDuhurAirbaseIsOneEventFromThreeArticles) {
    ASSERT_TRUE(resolved("fl:abu-al-duhur-airbase"));
    auto ev = on("fl:abu-al-duhur-airbase");
    ASSERT_EQ(ev.size(), 1u) << describe("fl:abu-al-duhur-airbase");
    EXPECT_EQ(ev[0]->controller, fl::Controller::opposition);
    EXPECT_EQ(ev[0]->action, "capture");
    EXPECT_EQ(ev[0]->corroboration, 3u);
    EXPECT_EQ(ev[0]->sources.size(), 3u);
    EXPECT_EQ(ev[0]->admin1, "Idlib");
}

TEST(Seeds, MaaratAlNumanIsAClaimedOppositionCapture) {
    ASSERT_TRUE(resolved("gn:167611"));
    auto ev = on("gn:167611");
    ASSERT_EQ(ev.size(), 1u) << describe("gn:167611");
    EXPECT_EQ(ev[0]->controller, fl::Controller::opposition);
    EXPECT_EQ(ev[0]->status, "claimed");
}

TEST(Seeds, PlacesHandedOverToTheSdfAreClaimed) {
    for (const char* id : {"fl:aleppo-international-airport", "gn:166331", "fl:zahraa",
                           "fl:aleppo-industrial-zone", "fl:tal-hasil", "fl:tal-aran"}) {
        ASSERT_TRUE(resolved(id)) << id << " not resolved by the geoparser";
        bool ok = false;
        for (const auto* e : on(id)) {
            ok = ok || (e->action == "handover" && e->controller == fl::Controller::sdf &&
                        e->controller_before == fl::Controller::government &&
                        e->status == "claimed" && fl::to_iso(e->date) == "2024-11-30");
        }
        EXPECT_TRUE(ok) << id << ": " << describe(id);
    }
}

// Both articles name the highway only by description ("a key highway that links Aleppo to the
// capital, Damascus"; "a crucial highway linking Aleppo to the capital"); curated.tsv has both
// descriptions as alternate names of fl:m5-highway.
TEST(Seeds, AleppoDamascusHighwayDescriptionsResolveToTheM5) {
    for (const std::string phrase :
         {"highway that links Aleppo to the capital", "highway linking Aleppo to the capital"}) {
        bool found = false;
        for (const auto& m : seeds().mentions) {
            found = found || (m.surface == phrase && m.place_id == "fl:m5-highway");
        }
        EXPECT_TRUE(found) << '"' << phrase << "\" does not resolve to fl:m5-highway";
    }
}

TEST(Seeds, AleppoDamascusHighwayIsAClaimedOppositionCaptureFromBothArticles) {
    auto ev = on("fl:m5-highway");
    ASSERT_EQ(ev.size(), 1u) << describe("fl:m5-highway");
    EXPECT_EQ(ev[0]->controller, fl::Controller::opposition);
    EXPECT_EQ(ev[0]->action, "capture");
    EXPECT_EQ(ev[0]->status, "claimed");
    EXPECT_EQ(ev[0]->sources.size(), 2u) << describe("fl:m5-highway");
}

TEST(Seeds, NoEventsFromPromisesQuestionsAirstrikesOrContainers) {
    for (const auto& e : seeds().events) {
        for (const auto& s : e.sources) {
            for (const char* bad : {"expel", "hit back", "airstrikes", "air attacks", "warplanes",
                                    "towns and villages in Aleppo and Idlib"}) {
                EXPECT_EQ(s.sentence.find(bad), std::string::npos) << e.id << ": " << s.sentence;
            }
        }
    }
    EXPECT_TRUE(on("gn:169389").empty()) << "Idlib city: " << describe("gn:169389");
    EXPECT_TRUE(on("gn:170654").empty()) << "Damascus: " << describe("gn:170654");
}
