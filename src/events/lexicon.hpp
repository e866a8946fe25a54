// The event lexicons: trigger phrases, actor names and their sides, and cue words
// (attribution, negation, history, partial control, ...). They live in data files (the
// source tree's lexicon/ directory, documented in lexicon/README.md) so that an analyst can
// add "wrested" or "Ankara-backed factions" without a compiler.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "control/controller.hpp"

namespace frontline {

enum class Shape {
    object_after,   // "<actor> captured <places>"
    object_before,  // "<places> fell to <actor>", "<places> are now controlled by <actor>"
    under_control,  // "<places> ... under rebel control" / "under the control of <actor>"
    handover,       // "<actor> handed over <places> to <actor>"
    advance,        // "<actor> advanced towards <place>"
    establish,      // "prevented them from establishing fixed positions": contested
    evacuate,       // "<loser> evacuated <places>": the winner is the other side in context
};

struct TriggerDef {
    std::string phrase;  // lowercase, folded (see fold_for_matching)
    std::string action;  // capture, entry, handover, withdrawal, recapture, advance, contested
    Shape shape = Shape::object_after;
    bool claim = false;       // the phrase itself marks a claim ("claimed control of")
    bool government = false;  // the actor is the government whoever is named ("restored")
    bool speaker = false;     // the actor is whoever says it ("liberated")
    bool state = false;       // describes who holds a place ("controlled by"): an event only
                              // after a change marker ("now controlled by")
    bool nominal = false;     // a noun of change ("capture of"): only its own agent acts
    bool to_agent = false;    // a noun of loss ("fall of"): the winner is named after "to"
    bool expel = false;       // "drove <side> from <places>": only places after the side driven
                              // out and "from"/"out of"
};

enum class ActorRole {
    controller,  // a side that can hold ground: opposition, government, SDF, SNA
    backer,      // a foreign backer: named, fights for `side`, never holds ground itself
    speaker,     // "sources", "witnesses": attributes statements, has no side
    pronoun,     // "they", "their": resolved to the nearest actor before it
    group,       // "the factions", "the fighters": a side named earlier in the article
    self,        // "we", "our forces": the side that speaks (the sentence's speaker)
};

struct ActorInfo {
    std::string phrase;  // lowercase, apostrophes folded to '
    std::string name;    // canonical name for actor1/actor2
    Controller side = Controller::unknown;
    ActorRole role = ActorRole::controller;
};

struct Lexicon {
    std::vector<TriggerDef> triggers;
    std::vector<ActorInfo> actors;
    // Cue lists, one per `kind` of cues.tsv (see lexicon/README.md).
    std::vector<std::string> boundary, back_boundary, negation, modal, historic, hedge, denial,
        claim, speech_forward, speech, container_noun, counted_noun, locator, line_noun,
        partial_before, partial_after, advance_stem, list_intro, oblique, modifier, region_after,
        adjective_before, passive_aux, list_break, region_noun, stative, change_marker,
        continuation, plural_anaphor, airport_anaphor, town_anaphor, alias_intro, denial_back,
        failure, destination, year_not_history, locator_span, held_since, actor_as_modifier,
        vacated, army_troops, metonym_after, defence_noun, possessed_part, infinitive_fact,
        under_verb, collective_noun, nominal_free, prevention;

    // Reads triggers.tsv, actors.tsv and cues.tsv from `dir`; errors (Error "lexicon") name
    // the file and line.
    static Lexicon load_dir(const std::filesystem::path& dir);
};

// The lexicon every extraction uses: $FRONTLINE_LEXICON if set, else the data directory's
// lexicon/ (common/data_dir.hpp). Loaded once, on first use (thread-safe).
const Lexicon& lexicon();

}  // namespace frontline
