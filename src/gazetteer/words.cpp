// Loading gazetteer/words.tsv.
#include "gazetteer/words.hpp"

#include <utility>

#include "common/data_dir.hpp"
#include "gazetteer/normalize.hpp"
#include "text/tsv.hpp"

namespace frontline {

namespace {

const std::pair<std::string_view, WordSet GeoWords::*> kKinds[] = {
    {"name_break", &GeoWords::name_break},
    {"name_joiner", &GeoWords::name_joiner},
    {"generic_opening", &GeoWords::generic_opening},
    {"group_head", &GeoWords::group_head},
    {"title", &GeoWords::title},
    {"cue_governorate", &GeoWords::cue_governorate},
    {"cue_populated", &GeoWords::cue_populated},
    {"cue_airfield", &GeoWords::cue_airfield},
    {"cue_qualifier", &GeoWords::cue_qualifier},
    {"item_ender", &GeoWords::item_ender},
    {"slot_word", &GeoWords::slot_word},
    {"person_after", &GeoWords::person_after},
    {"speech_verb", &GeoWords::speech_verb},
    {"day_or_month", &GeoWords::day_or_month},
    {"month_abbreviation", &GeoWords::month_abbreviation},
    {"month_abbreviation_by_number", &GeoWords::month_abbreviation_by_number},
    {"outlet", &GeoWords::outlet},
    {"facility_after", &GeoWords::facility_after},
    {"landmark_after", &GeoWords::landmark_after},
    {"airfield_suffix", &GeoWords::airfield_suffix},
    {"unit_word", &GeoWords::unit_word},
};

}  // namespace

void WordSet::add(std::string word) {
    store_.push_back(std::move(word));
    const std::string_view w = store_.back();
    views_.push_back(w);
    // (load() refuses empty words and words of 64 bytes or more: has() would never find them.)
    if (!w.empty() && w.size() < 64) lengths_ |= std::uint64_t{1} << w.size();
    // The table at most a quarter full, rebuilt (a few hundred words, loaded once).
    std::size_t size = 8;
    while (size < 4 * views_.size()) size *= 2;
    table_.assign(size, std::string_view{});
    mask_ = size - 1;
    for (std::string_view v : views_) {
        if (v.empty() || v.size() >= 64 || has(v)) continue;
        std::size_t i = slot(v);
        while (table_[i].data() != nullptr) i = (i + 1) & mask_;
        table_[i] = v;
    }
}

GeoWords GeoWords::load(const std::filesystem::path& file) {
    GeoWords g;
    TsvReader tsv(file, "gazetteer");
    const auto c_kind = tsv.require_column("kind");
    const auto c_word = tsv.require_column("word");
    while (auto row = tsv.next()) {
        const std::string_view kind = (*row)[c_kind];
        WordSet GeoWords::*set = nullptr;
        for (const auto& [name, member] : kKinds) {
            if (name == kind) set = member;
        }
        if (!set) tsv.fail("unknown word kind '" + std::string(kind) + "'");
        std::string word((*row)[c_word]);
        for (char& c : word) {
            if (c == '_') c = ' ';
            if (c >= 'A' && c <= 'Z') tsv.fail("write words in lower case: '" + word + "'");
        }
        if (word.find_first_not_of(' ') == std::string::npos) tsv.fail("empty word");
        if (word.size() >= 64) tsv.fail("word longer than 63 bytes");
        // The generic openings are compared with folded name keys.
        if (set == &GeoWords::generic_opening) {
            word = fold_word(word);
            if (word.empty()) tsv.fail("generic opening folds to nothing");
        }
        (g.*set).add(std::move(word));
    }
    return g;
}

const GeoWords& load_geo_words() {
    static const GeoWords words = GeoWords::load(data_dir() / "gazetteer" / "words.tsv");
    return words;
}

}  // namespace frontline
