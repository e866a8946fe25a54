// The evaluation sets in gazetteer/eval: spelling variants must resolve to the place they
// mean (>= 98%), capitalised non-place words must not be taken for places (<= 1%). Both via
// lookup() and via geoparse() of a short sentence around the string.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"
#include "test_util.hpp"
#include "text/tsv.hpp"

namespace fl = frontline;

namespace {

const fl::Gazetteer& project_gazetteer() {
    static const fl::Gazetteer g = fl::Gazetteer::load_dir(fl::test::source_dir() / "gazetteer");
    return g;
}

std::vector<std::vector<std::string>> read_eval(const char* file) {
    std::vector<std::vector<std::string>> rows;
    fl::TsvReader tsv(fl::test::source_dir() / "gazetteer" / "eval" / file, "eval");
    while (auto row = tsv.next()) {
        std::vector<std::string> r;
        for (auto f : *row) r.emplace_back(f);
        rows.push_back(std::move(r));
    }
    return rows;
}

fl::GeoparseOptions options() {
    fl::GeoparseOptions o;
    o.governorate_cues = true;
    return o;
}

fl::Article sentence(const std::string& before, const std::string& s, const std::string& after) {
    fl::Article a;
    a.doc = "eval";
    a.text = before + s + after;
    return a;
}

// The mention covering [b, e) of the text, or nullptr.
const fl::Mention* mention_at(const std::vector<fl::Mention>& ms, std::size_t b, std::size_t e) {
    for (const auto& m : ms) {
        if (m.start < e && m.end > b) return &m;
    }
    return nullptr;
}

}  // namespace

TEST(Eval, VariantsResolveToTheirPlace) {
    const auto& g = project_gazetteer();
    auto rows = read_eval("variants.tsv");
    ASSERT_GE(rows.size(), 200u);
    int lookup_ok = 0, parse_ok = 0;
    const std::string before = "Fighting was reported in ", after = " on Monday.";
    for (const auto& r : rows) {
        const std::string& variant = r[0];
        const std::string& expected = r[1];
        ASSERT_NE(g.find_id(expected), nullptr) << expected;
        auto c = fl::lookup(g, variant);
        if (!c.empty() && c.front().place_id == expected) {
            ++lookup_ok;
        } else {
            std::cerr << "lookup miss: " << variant << " -> "
                      << (c.empty() ? "(none)" : c.front().place_id) << ", expected " << expected
                      << "\n";
        }
        auto a = sentence(before, variant, after);
        auto ms = fl::geoparse(g, a, options());
        const fl::Mention* m = mention_at(ms, before.size(), before.size() + variant.size());
        if (m && m->place_id == expected) {
            ++parse_ok;
        } else {
            std::cerr << "geoparse miss: " << a.text << " -> "
                      << (m ? m->place_id + " \"" + m->surface + "\"" : "(none)") << ", expected "
                      << expected << "\n";
        }
    }
    const double n = static_cast<double>(rows.size());
    std::cout << "variants: lookup " << lookup_ok << "/" << rows.size() << " ("
              << 100.0 * lookup_ok / n << "%), geoparse " << parse_ok << "/" << rows.size() << " ("
              << 100.0 * parse_ok / n << "%)\n";
    EXPECT_GE(lookup_ok / n, 0.98);
    EXPECT_GE(parse_ok / n, 0.98);
}

// The same variants at the start of a sentence, where every word is capitalised.
TEST(Eval, VariantsResolveAtSentenceStart) {
    const auto& g = project_gazetteer();
    auto rows = read_eval("variants.tsv");
    int ok = 0;
    const std::string before = "Clashes went on. ", after = " was shelled overnight.";
    for (const auto& r : rows) {
        auto a = sentence(before, r[0], after);
        auto ms = fl::geoparse(g, a, options());
        const fl::Mention* m = mention_at(ms, before.size(), before.size() + r[0].size());
        if (m && m->place_id == r[1]) {
            ++ok;
        } else {
            std::cerr << "sentence-start miss: " << a.text << " -> "
                      << (m ? m->place_id + " \"" + m->surface + "\"" : "(none)") << ", expected "
                      << r[1] << "\n";
        }
    }
    const double n = static_cast<double>(rows.size());
    std::cout << "variants at sentence start: " << ok << "/" << rows.size() << " ("
              << 100.0 * ok / n << "%)\n";
    EXPECT_GE(ok / n, 0.98);
}

TEST(Eval, NonPlacesAreNotTakenForPlaces) {
    const auto& g = project_gazetteer();
    auto rows = read_eval("nonplaces.tsv");
    ASSERT_GE(rows.size(), 100u);
    int taken = 0;
    // Three contexts a non-place appears in: as a subject, after "by", after a comma.
    const std::vector<std::pair<std::string, std::string>> contexts = {
        {"", " said on Monday that fighting continued."},
        {"The statement was issued by ", " on Monday."},
        {"On Saturday, ", " reported clashes near the front."},
    };
    for (const auto& r : rows) {
        const std::string& text = r[0];
        bool wrong = false;
        for (const auto& [before, after] : contexts) {
            auto a = sentence(before, text, after);
            auto ms = fl::geoparse(g, a, options());
            if (const auto* m = mention_at(ms, before.size(), before.size() + text.size())) {
                std::cerr << "non-place taken: " << a.text << " -> " << m->place_id << " \""
                          << m->surface << "\" score " << m->score << "\n";
                wrong = true;
            }
        }
        taken += wrong;
    }
    const double n = static_cast<double>(rows.size());
    std::cout << "non-places taken for places: " << taken << "/" << rows.size() << " ("
              << 100.0 * taken / n << "%)\n";
    EXPECT_LE(taken / n, 0.01);
}

// How much the folding rules alone achieve: the same variants against GeoNames and the
// curated overlay without variants.tsv (which lists spellings the rules cannot reach).
// Informational floor; the rules in normalize.cpp were chosen by this figure.
TEST(Eval, FoldingAloneWithoutVariantsFile) {
    fl::Gazetteer g;
    g.add_geonames(fl::test::source_dir() / "gazetteer" / "geonames_region.txt");
    g.add_curated(fl::test::source_dir() / "gazetteer" / "curated.tsv");
    auto rows = read_eval("variants.tsv");
    int ok = 0;
    for (const auto& r : rows) {
        auto c = fl::lookup(g, r[0]);
        if (!c.empty() && c.front().place_id == r[1]) {
            ++ok;
        } else {
            std::cerr << "folding alone misses: " << r[0] << " -> "
                      << (c.empty() ? "(none)" : c.front().place_id) << ", expected " << r[1]
                      << "\n";
        }
    }
    const double n = static_cast<double>(rows.size());
    std::cout << "folding alone (no variants.tsv): " << ok << "/" << rows.size() << " ("
              << 100.0 * ok / n << "%)\n";
    EXPECT_GE(ok / n, 0.80);
}
