// The timeline is bounded by its evidence: a stray publication date (a typo such as
// 9999-12-31, or a date after today) warns naming the manifest line and never stretches the
// days; --until sets the last day, within a ceiling.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "pipeline/pipeline.hpp"
#include "test_util.hpp"
#include "text/article.hpp"

namespace fl = frontline;
namespace fs = std::filesystem;

namespace {

fl::Date day(const char* iso) {
    return *fl::parse_iso_date(iso);
}

std::vector<fl::Article> dated(std::initializer_list<const char*> dates) {
    std::vector<fl::Article> out;
    std::size_t line = 1;
    for (const char* d : dates) {
        fl::Article a;
        std::ostringstream doc;  // (GCC 12 warns of a false -Wrestrict on "a" + string)
        doc << 'a' << line << ".txt";
        a.doc = doc.str();
        a.published = day(d);
        a.published_at = fl::at_line("in/manifest.tsv", ++line);
        out.push_back(a);
    }
    return out;
}

// A copy of the seeds (linked) with the manifest's row `row` (1-based, after the header)
// dated `date`.
fs::path seeds_with_date(const std::string& name, std::size_t row, const std::string& date) {
    const fs::path dir = fl::test::scratch(name);
    std::string manifest = fl::read_file(fl::test::seeds_dir() / "manifest.tsv", "test");
    std::string out;
    std::size_t line = 0, start = 0;
    while (start < manifest.size()) {
        std::size_t end = manifest.find('\n', start);
        if (end == std::string::npos) end = manifest.size();
        std::string l = manifest.substr(start, end - start);
        if (line == row) {
            const auto tab = l.find('\t');
            const auto tab2 = l.find('\t', tab + 1);
            l = l.substr(0, tab + 1) + date + (tab2 == std::string::npos ? "" : l.substr(tab2));
        }
        out += l + "\n";
        ++line;
        start = end + 1;
    }
    for (const auto& e : fs::directory_iterator(fl::test::seeds_dir())) {
        if (e.path().extension() == ".txt") fs::create_symlink(e.path(), dir / e.path().filename());
    }
    fl::write_file_atomic(dir / "manifest.tsv", out);
    return dir;
}

}  // namespace

TEST(TimelineEnd, AStrayDateWarnsAndDoesNotStretchTheDays) {
    std::vector<std::string> warnings;
    const auto arts = dated({"2024-11-30", "2024-11-30", "2024-12-01", "9999-12-31", "2024-12-04"});
    EXPECT_EQ(fl::to_iso(fl::timeline_end(arts, day("2024-11-26"), day("2026-11-29"), warnings)),
              "2024-12-04");
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("in/manifest.tsv line 5: a4.txt published 9999-12-31"),
              std::string::npos)
        << warnings[0];
    EXPECT_NE(warnings[0].find("after today (2026-11-29)"), std::string::npos) << warnings[0];
}

TEST(TimelineEnd, FarFromTheMedianOrAfterTodayIsAStray) {
    std::vector<std::string> warnings;
    // 1990 is far from the median; 2024-12-20 is after "today".
    const auto arts = dated({"2024-12-01", "1990-01-01", "2024-12-03", "2024-12-02", "2024-12-20"});
    EXPECT_EQ(fl::to_iso(fl::timeline_end(arts, day("2024-11-26"), day("2024-12-10"), warnings)),
              "2024-12-03");
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_NE(warnings[0].find("1990-01-01 is 12754 days from the median publication date "
                               "2024-12-02 (more than 30)"),
              std::string::npos)
        << warnings[0];
    EXPECT_NE(warnings[1].find("2024-12-20 is after today (2024-12-10)"), std::string::npos)
        << warnings[1];
    // Within 30 days of the median: no warning, and it ends the timeline.
    warnings.clear();
    EXPECT_EQ(fl::to_iso(fl::timeline_end(dated({"2024-12-01", "2024-12-31"}), day("2024-11-26"),
                                          day("2025-06-01"), warnings)),
              "2024-12-31");
    EXPECT_TRUE(warnings.empty());
    // No dates: the baseline's day alone.
    EXPECT_EQ(fl::to_iso(fl::timeline_end({}, day("2024-11-26"), day("2025-06-01"), warnings)),
              "2024-11-26");
}

// The whole data stage with one absurd date: it finishes (before, the days ran to 9999 and
// the run ran out of memory) with the seed run's nine days, and the article's events keep
// their date.
TEST(TimelineEnd, RunWithAnAbsurdDateHasTheSeedDays) {
    const fs::path in = seeds_with_date("absurd_in", 5, "9999-12-31");
    auto opt = fl::default_run_options();
    opt.inputs = {in};
    opt.out_dir = fl::test::scratch("absurd_out") / "out";
    opt.render = false;
    opt.web = false;
    std::vector<std::string> log;
    opt.log = [&](const std::string& s) { log.push_back(s); };
    const auto sum = fl::run_pipeline(opt);
    EXPECT_EQ(sum.days, 9u);  // 2024-11-26 .. 2024-12-04
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(opt.out_dir / "control"))
        files += e.path().string().find("-areas") == std::string::npos;
    EXPECT_EQ(files, 9u);
    EXPECT_TRUE(fs::exists(opt.out_dir / "control" / "2024-12-04.geojson"));
    bool warned = false;
    for (const auto& l : log)
        warned = warned || (l.find("manifest.tsv line 6: ") != std::string::npos &&
                            l.find("9999-12-31") != std::string::npos);
    EXPECT_TRUE(warned);

    // --until: the days run to it; before the baseline or ten years on is a usage error.
    opt.until = day("2024-12-10");
    EXPECT_EQ(fl::run_pipeline(opt).days, 15u);
    for (const char* bad : {"2024-11-01", "2040-01-01"}) {
        opt.until = day(bad);
        try {
            fl::run_pipeline(opt);
            ADD_FAILURE() << "--until " << bad << " accepted";
        } catch (const fl::Error& e) {
            EXPECT_EQ(e.exit_code(), fl::kExitUsage) << e.what();
            EXPECT_NE(std::string(e.what()).find(std::string("{until} ") + bad), std::string::npos)
                << e.what();
        }
    }
}
