// Actors named in news text (lexicon/actors.tsv), folded to the controllers of the map. Foreign
// backers (Russia, Iran, Hezbollah, Turkey) stay named actors that are never controllers
// themselves.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "control/controller.hpp"
#include "events/lexicon.hpp"

namespace frontline {

struct ActorHit {
    std::size_t start = 0;  // offsets into the text given to find_actors
    std::size_t end = 0;
    const ActorInfo* info = nullptr;
};

// Non-overlapping actor phrases in `lower` (already lowercased and folded, see
// fold_for_matching), longest first at each position, in text order.
std::vector<ActorHit> find_actors(std::string_view lower);

// The actor a phrase names, e.g. "Hay’et Tahrir al-Shams" -> Hayat Tahrir al-Sham/opposition.
std::optional<ActorInfo> fold_actor(std::string_view phrase);

// Text folded for matching, with a map back to the original byte offsets: ASCII lowercased,
// typographic apostrophes and quotes to ASCII, dashes to '-', no-break space to ' '.
struct FoldedText {
    std::string text;
    std::vector<std::size_t> orig;  // orig[i]: offset in the original of text[i]; size()+1
    std::size_t to_folded(std::size_t original_offset) const;
};
FoldedText fold_for_matching(std::string_view s);

// Word-bounded search: `w` at or after `from` with no letter or digit on either side.
std::size_t find_word(std::string_view s, std::string_view w, std::size_t from = 0);

}  // namespace frontline
