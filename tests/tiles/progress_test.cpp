// Progress lines: the bar and the JSON carry the numbers a user reads.
#include "tiles/progress.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fl = frontline;

TEST(Progress, JsonLineHasCountsAndRate) {
    auto j = nlohmann::json::parse(
        fl::ProgressReporter::format(fl::ProgressMode::json, "control", 50, 200, 2.0));
    EXPECT_EQ(j["layer"], "control");
    EXPECT_EQ(j["done"], 50);
    EXPECT_EQ(j["total"], 200);
    EXPECT_DOUBLE_EQ(j["tiles_per_s"].get<double>(), 25.0);
    EXPECT_DOUBLE_EQ(j["seconds_left"].get<double>(), 6.0);
}

TEST(Progress, BarShowsFractionDoneAndTimeLeft) {
    auto s = fl::ProgressReporter::format(fl::ProgressMode::bar, "control", 100, 200, 4.0);
    EXPECT_NE(s.find("[###############...............]"), std::string::npos) << s;
    EXPECT_NE(s.find("100/200 tiles"), std::string::npos) << s;
    EXPECT_NE(s.find("25 tiles/s"), std::string::npos) << s;
    EXPECT_NE(s.find("4 s left"), std::string::npos) << s;
}

TEST(Progress, ModesParse) {
    fl::ProgressMode m;
    EXPECT_TRUE(fl::parse_progress_mode("json", m));
    EXPECT_EQ(m, fl::ProgressMode::json);
    EXPECT_FALSE(fl::parse_progress_mode("loud", m));
}
