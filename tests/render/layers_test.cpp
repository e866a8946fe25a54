// The layer set (render/layers.hpp): names for a timeline, which day and style each layer
// draws, where the styles come from (given, beside the main style, or defaulted), and the
// errors for names that are not layers.
#include "render/layers.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "test_util.hpp"

namespace fl = frontline;
namespace fs = std::filesystem;

namespace {

// A minimal valid style named `name` (its name tells the files apart).
std::string style_json(const std::string& name) {
    return R"({"version": 8, "name": ")" + name +
           R"(", "layers": [{"id": "bg", "type": "background"}]})";
}

fs::path write_style(const fs::path& dir, const std::string& file, const std::string& name) {
    fs::create_directories(dir);
    fl::write_file_atomic(dir / file, style_json(name));
    return dir / file;
}

std::vector<fl::ControlDay> timeline() {
    std::vector<fl::ControlDay> days(3);
    days[0].date = *fl::parse_iso_date("2024-11-26");
    days[1].date = *fl::parse_iso_date("2024-11-27");
    days[2].date = *fl::parse_iso_date("2024-11-28");
    return days;
}

}  // namespace

TEST(Layers, NamesAndDaysOfTheShippedStyles) {
    const fl::LayerSet set({fl::test::source_dir() / "styles" / "control.json", {}, {}});
    const auto days = timeline();
    const std::vector<std::string> want = {"control-2024-11-26",
                                           "control-2024-11-27",
                                           "control-2024-11-28",
                                           "control",
                                           "changes",
                                           "overlay"};
    EXPECT_EQ(set.names(days), want);
    for (const auto& n : want) EXPECT_TRUE(set.contains(n, days)) << n;
    EXPECT_EQ(set.changes_path().filename(), "changes.json");
    EXPECT_EQ(set.overlay_path().filename(), "overlay.json");

    const auto first = set.resolve("control-2024-11-26", days);
    EXPECT_EQ(first.kind, fl::LayerKind::day);
    EXPECT_EQ(first.day, &days[0]);
    EXPECT_EQ(first.style->style.name, "control");
    EXPECT_EQ(first.description,
              "Control of places in Aleppo and Idlib governorates on 2024-11-26; rings: changed "
              "since 2024-11-26");
    const auto control = set.resolve("control", days);
    EXPECT_EQ(control.kind, fl::LayerKind::control);
    EXPECT_EQ(control.day, &days[2]);
    EXPECT_EQ(control.style, first.style);                                  // one style read once
    EXPECT_EQ(control.style->text, fl::read_style_text(set.style_path()));  // palette resolved
    const auto changes = set.resolve("changes", days);
    EXPECT_EQ(changes.kind, fl::LayerKind::changes);
    EXPECT_EQ(changes.day, &days[2]);
    EXPECT_EQ(changes.style->style.name, "changes");
    EXPECT_EQ(changes.description,
              "Changes of control of places in Aleppo and Idlib governorates from 2024-11-26 to "
              "2024-11-28; ring: the controller before");
    const auto overlay = set.resolve("overlay", days);
    EXPECT_EQ(overlay.kind, fl::LayerKind::overlay);
    EXPECT_EQ(overlay.style->style.name, "overlay");
}

TEST(Layers, UnknownNamesAreClearUsageErrors) {
    const fl::LayerSet set({fl::test::source_dir() / "styles" / "control.json", {}, {}});
    const auto days = timeline();
    auto problem = [&](const std::string& name) {
        EXPECT_FALSE(set.contains(name, days)) << name;
        return set.find(name, days);
    };
    auto l = problem("roads");
    EXPECT_EQ(l.problem, fl::LayerProblem::unknown);
    EXPECT_EQ(l.message,
              "unknown layer \"roads\": expected control, changes, overlay or control-YYYY-MM-DD "
              "(2024-11-26 to 2024-11-28)");
    EXPECT_EQ(problem("control-2024-13-01").problem, fl::LayerProblem::not_a_date);
    l = problem("control-2024-12-25");
    EXPECT_EQ(l.problem, fl::LayerProblem::no_day);
    EXPECT_EQ(l.message,
              "no control day 2024-12-25: the timeline runs from 2024-11-26 to 2024-11-28");
    EXPECT_FALSE(set.contains("control", {}));
    EXPECT_EQ(set.find("control", {}).problem, fl::LayerProblem::no_day);
    try {
        set.resolve("roads", days);
        ADD_FAILURE() << "no error for an unknown layer";
    } catch (const fl::Error& e) {
        EXPECT_EQ(e.exit_code(), fl::kExitUsage);
        EXPECT_EQ(std::string(e.what()),
                  "layer error: roads: unknown layer \"roads\": expected control, changes, "
                  "overlay or control-YYYY-MM-DD (2024-11-26 to 2024-11-28)");
    }
}

TEST(Layers, ChangesStyleDefaultsToTheMainStyle) {
    const auto dir = fl::test::scratch("layers_alone");
    const auto main = write_style(dir, "main.json", "main");
    const fl::LayerSet set({main, {}, {}});
    EXPECT_EQ(set.changes_path(), main);
    const auto days = timeline();
    const auto changes = set.resolve("changes", days);
    EXPECT_EQ(changes.style, set.resolve("control", days).style);
    EXPECT_EQ(changes.style->style.name, "main");
}

TEST(Layers, NoOverlayStyleNoOverlayLayer) {
    const auto dir = fl::test::scratch("layers_no_overlay");
    const auto main = write_style(dir, "main.json", "main");
    write_style(dir, "changes.json", "beside");
    const fl::LayerSet set({main, {}, {}});
    const auto days = timeline();
    EXPECT_FALSE(set.has_overlay());
    EXPECT_TRUE(set.overlay_path().empty());
    const auto names = set.names(days);
    EXPECT_EQ(names.back(), "changes");
    EXPECT_EQ(std::count(names.begin(), names.end(), "overlay"), 0);
    EXPECT_FALSE(set.contains("overlay", days));
    const auto l = set.find("overlay", days);
    EXPECT_EQ(l.problem, fl::LayerProblem::no_overlay);
    EXPECT_FALSE(l.layer);
    EXPECT_EQ(set.resolve("changes", days).style->style.name, "beside");
}

TEST(Layers, GivenStylesWinOverFilesBeside) {
    const auto dir = fl::test::scratch("layers_given");
    const auto main = write_style(dir / "a", "control.json", "main");
    write_style(dir / "a", "changes.json", "changes-beside");
    write_style(dir / "a", "overlay.json", "overlay-beside");
    const auto changes = write_style(dir / "b", "c.json", "changes-given");
    const auto overlay = write_style(dir / "b", "o.json", "overlay-given");
    const fl::LayerSet set({main, changes, overlay});
    EXPECT_EQ(set.changes_path(), changes);
    EXPECT_EQ(set.overlay_path(), overlay);
    const auto days = timeline();
    EXPECT_EQ(set.resolve("changes", days).style->style.name, "changes-given");
    EXPECT_EQ(set.resolve("overlay", days).style->style.name, "overlay-given");
    EXPECT_EQ(set.resolve("overlay", days).style->text, style_json("overlay-given"));

    // Beside the main style when not given.
    const fl::LayerSet beside({main, {}, {}});
    EXPECT_EQ(beside.resolve("changes", days).style->style.name, "changes-beside");
    EXPECT_EQ(beside.resolve("overlay", days).style->style.name, "overlay-beside");
}

TEST(Layers, StylesAreReadWhenFirstUsed) {
    const auto dir = fl::test::scratch("layers_lazy");
    const auto main = write_style(dir, "control.json", "main");
    fl::write_file_atomic(dir / "overlay.json", R"({"version": 8, "layers": [{"id": "x"}]})");
    const fl::LayerSet set({main, {}, {}});
    const auto days = timeline();
    EXPECT_TRUE(set.has_overlay());
    EXPECT_EQ(set.resolve("control", days).style->style.name, "main");  // overlay not read yet
    EXPECT_THROW(set.resolve("overlay", days), fl::Error);
    EXPECT_THROW(set.read_styles(), fl::Error);
}
