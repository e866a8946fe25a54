// The words the geoparser and the gazetteer's indexing read names with (titles, cue words,
// function words, the generic words that open Arabic place names, ...). They live in a data
// file, gazetteer/words.tsv (documented in gazetteer/README.md), like the event stage's
// lexicon/cues.tsv: an analyst adds "spokesperson" or "roundabout" without a compiler.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

// The words of one kind, in file order, with a fast membership test (asked for nearly every
// word of every article: a length filter first, then a small open-addressing table).
class WordSet {
  public:
    WordSet() = default;
    WordSet(WordSet&&) = default;  // the views stay valid: a deque's elements do not move
    WordSet& operator=(WordSet&&) = default;
    WordSet(const WordSet&) = delete;
    WordSet& operator=(const WordSet&) = delete;

    void add(std::string word);
    // `w` is one of the words (exact, byte for byte).
    bool has(std::string_view w) const {
        if (w.empty() || w.size() >= 64 || !((lengths_ >> w.size()) & 1)) return false;
        for (std::size_t i = slot(w);; i = (i + 1) & mask_) {
            const std::string_view s = table_[i];
            if (s.data() == nullptr) return false;
            if (s == w) return true;
        }
    }
    // In file order.
    const std::vector<std::string_view>& words() const { return views_; }

  private:
    // Open addressing on a cheap hash of the length and three bytes: most words asked are
    // none of the set's and stop at the length test or at an empty slot.
    std::size_t slot(std::string_view w) const {
        const std::size_t n = w.size();
        const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(w[i]); };
        return ((n * 0x9E3779B1u) ^ ((byte(0) * 31u + byte(n - 1)) * 2654435761u) ^
                (byte(n / 2) * 40503u)) &
               mask_;
    }
    std::deque<std::string> store_;
    std::vector<std::string_view> views_;  // into store_, in file order
    std::vector<std::string_view> table_ = std::vector<std::string_view>(1);  // empty: null
    std::size_t mask_ = 0;       // table_.size() - 1 (a power of two)
    std::uint64_t lengths_ = 0;  // bit n: a word of n bytes
};

// gazetteer/words.tsv, one WordSet a kind (see gazetteer/README.md, "words.tsv").
struct GeoWords {
    WordSet name_break, name_joiner, generic_opening, group_head, title, cue_governorate,
        cue_populated, cue_airfield, cue_qualifier, item_ender, slot_word, person_after,
        speech_verb, day_or_month, month_abbreviation, month_abbreviation_by_number, outlet,
        facility_after, landmark_after, airfield_suffix, unit_word;

    // Reads a words file (columns `kind`, `word`); errors (Error "gazetteer") name the file
    // and line: an unknown kind, an empty word, a word with upper-case letters.
    static GeoWords load(const std::filesystem::path& file);
};

// The words every geoparse and gazetteer load uses: the data directory's
// gazetteer/words.tsv (common/data_dir.hpp). Loaded once, on first use (thread-safe).
// (Inline: it is asked for every word test of the geoparser. load_geo_words() does the
// loading, once; call geo_words().)
const GeoWords& load_geo_words();
inline const GeoWords& geo_words() {
    static const GeoWords& words = load_geo_words();
    return words;
}

}  // namespace frontline
