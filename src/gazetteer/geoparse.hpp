// Stage 2b: geoparsing. Finds gazetteer names in running text (longest match over tokens)
// and resolves each to one place, or abstains.
#pragma once

#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "text/article.hpp"

namespace frontline {

struct Candidate {
    std::string place_id;
    double score = 0;
    std::string why;  // short human-readable reason for the score
};

struct Mention {
    std::string doc;
    std::size_t start = 0;  // byte offsets into the article text (after a BOM), [start, end)
    std::size_t end = 0;
    std::string surface;  // the text as written
    std::string place_id;
    std::string place_name;
    std::string kind;  // Place::kind()
    double lat = 0;
    double lon = 0;
    bool foreign = false;
    // False for a name in a place slot ("the villages of A, B and C", "the town of X") that
    // resolves to no gazetteer place: place_id is "unlocated:<name_key>", place_name the name
    // as written (articles kept), kind "unlocated", lat/lon 0 and meaningless. Events still
    // count it; writers give it no coordinates; control never colours it.
    bool located = true;
    double score = 0;
    std::string why;                    // why the chosen place scored as it did
    bool abstained = false;             // best score below min_score (only with keep_abstentions)
    std::vector<Candidate> runners_up;  // other candidates for the same words, best first
};

struct GeoparseOptions {
    double min_score = 0.5;  // abstain below this
    // Let cue words choose a governorate over its capital ("Idlib province", "the
    // governorates of Aleppo and Idlib", "villages in Aleppo and Idlib"). Off by default
    // until tests/e2e stops assuming that every "Aleppo" is the city; the CLI turns it on.
    bool governorate_cues = false;
    // Also return the names matched but not resolved, with `abstained` set and the best
    // candidate filled in (for audits and `frontline geoparse --abstentions`).
    bool keep_abstentions = false;
    // Also report names in a place slot that resolve nowhere ("the villages of A, B and C",
    // list items beside resolved places) as unlocated mentions (Mention::located false).
    bool unlocated = false;
};

// Ranked candidates for a name as a user would type it ("Maarat al-Numan"); best first.
std::vector<Candidate> lookup(const Gazetteer& gaz, std::string_view name);

// Every resolved mention in the article, in text order.
std::vector<Mention> geoparse(const Gazetteer& gaz, const Article& article,
                              const GeoparseOptions& opt = {});

}  // namespace frontline
