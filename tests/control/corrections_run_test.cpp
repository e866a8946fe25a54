// --corrections through the whole data stage on the seed articles: applied, noted, listed in
// corrections.tsv; a bad row refused with file and line before any output.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "pipeline/pipeline.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {
fl::RunOptions data_only(const std::string& name) {
    auto opt = fl::default_run_options();
    opt.inputs = {fl::test::seeds_dir()};
    opt.out_dir = fl::test::scratch(name);
    opt.render = false;
    opt.web = false;
    return opt;
}

nlohmann::json place_on(const std::filesystem::path& out, const char* day, const char* id) {
    auto j = nlohmann::json::parse(
        fl::read_file(out / "control" / (std::string(day) + ".geojson"), "test"));
    for (const auto& f : j["features"]) {
        if (f["properties"]["place_id"] == id) return f["properties"];
    }
    return nullptr;
}
}  // namespace

TEST(CorrectionsRun, AppliedNotedAndListed) {
    auto opt = data_only("corrections_run");
    const auto file = opt.out_dir.parent_path() / "corrections_run.tsv";
    fl::write_file_atomic(file,
                          "action\ttarget\tcontroller\tdate\tnote\n"
                          "set\tgn:169389\tgovernment\t2024-12-02\ttest: an editor's decision\n");
    opt.corrections = file;
    fl::run_pipeline(opt);
    const auto before = place_on(opt.out_dir, "2024-12-01", "gn:169389");  // Idlib
    const auto after = place_on(opt.out_dir, "2024-12-02", "gn:169389");
    ASSERT_FALSE(before.is_null());
    ASSERT_FALSE(after.is_null());
    EXPECT_EQ(before["controller"], "opposition");
    EXPECT_EQ(after["controller"], "government");
    EXPECT_EQ(after["status"], "corrected");
    EXPECT_NE(after["note"].get<std::string>().find("an editor's decision"), std::string::npos);
    const auto listed = fl::read_file(opt.out_dir / "corrections.tsv", "test");
    EXPECT_NE(listed.find("set\tgn:169389\tgovernment\t2024-12-02"), std::string::npos) << listed;
}

TEST(CorrectionsRun, BadRowRefusedWithFileAndLine) {
    auto opt = data_only("corrections_bad_run");
    const auto file = opt.out_dir.parent_path() / "corrections_bad_run.tsv";
    fl::write_file_atomic(file,
                          "action\ttarget\tcontroller\tdate\tnote\n"
                          "set\tgn:169389\tgovernment\t2024-12-02\tfine\n"
                          "reject\t2024-11-29/gn:1/capture/sna\t\t\tno such event\n");
    opt.corrections = file;
    try {
        fl::run_pipeline(opt);
        ADD_FAILURE() << "a correction of an unknown event was accepted";
    } catch (const fl::Error& e) {
        EXPECT_EQ(e.exit_code(), fl::kExitInputError);
        EXPECT_NE(std::string(e.what()).find("corrections_bad_run.tsv line 3: unknown event id"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(opt.out_dir / "control"));
}
