// Loading the event lexicons from lexicon/*.tsv.
#include "events/lexicon.hpp"

#include <cstdlib>
#include <utility>

#include "common/data_dir.hpp"
#include "common/error.hpp"
#include "events/actors.hpp"
#include "text/tsv.hpp"

namespace frontline {

namespace {

// A phrase as matched: folded like the text; '_' stands for a space that must be kept at
// either end (" but " is a clause boundary, "but" inside "butane" is not).
std::string phrase_of(const TsvReader& tsv, std::string_view raw) {
    std::string p = fold_for_matching(raw).text;
    for (char& c : p) {
        if (c == '_') c = ' ';
    }
    if (p.find_first_not_of(' ') == std::string::npos) tsv.fail("empty phrase");
    return p;
}

std::string_view field(const TsvReader& tsv, const std::vector<std::string_view>& row,
                       std::size_t col) {
    if (col >= row.size()) tsv.fail("too few fields");
    return row[col];
}

Controller side_named(const TsvReader& tsv, std::string_view s) {
    if (s == "opposition") return Controller::opposition;
    if (s == "government") return Controller::government;
    if (s == "sdf") return Controller::sdf;
    if (s == "sna") return Controller::sna;
    if (s == "unknown" || s.empty()) return Controller::unknown;
    tsv.fail("unknown side '" + std::string(s) +
             "' (expected opposition, government, sdf, sna or unknown)");
}

ActorRole role_named(const TsvReader& tsv, std::string_view s) {
    if (s == "controller") return ActorRole::controller;
    if (s == "backer") return ActorRole::backer;
    if (s == "speaker") return ActorRole::speaker;
    if (s == "pronoun") return ActorRole::pronoun;
    if (s == "group") return ActorRole::group;
    if (s == "self") return ActorRole::self;
    tsv.fail("unknown role '" + std::string(s) +
             "' (expected controller, backer, speaker, pronoun, group or self)");
}

Shape shape_named(const TsvReader& tsv, std::string_view s) {
    if (s == "object_after") return Shape::object_after;
    if (s == "object_before") return Shape::object_before;
    if (s == "under_control") return Shape::under_control;
    if (s == "handover") return Shape::handover;
    if (s == "advance") return Shape::advance;
    if (s == "establish") return Shape::establish;
    if (s == "evacuate") return Shape::evacuate;
    tsv.fail("unknown shape '" + std::string(s) + "'");
}

const std::pair<std::string_view, std::vector<std::string> Lexicon::*> kCueKinds[] = {
    {"boundary", &Lexicon::boundary},
    {"back_boundary", &Lexicon::back_boundary},
    {"negation", &Lexicon::negation},
    {"failure", &Lexicon::failure},
    {"destination", &Lexicon::destination},
    {"year_not_history", &Lexicon::year_not_history},
    {"locator_span", &Lexicon::locator_span},
    {"held_since", &Lexicon::held_since},
    {"actor_as_modifier", &Lexicon::actor_as_modifier},
    {"vacated", &Lexicon::vacated},
    {"army_troops", &Lexicon::army_troops},
    {"metonym_after", &Lexicon::metonym_after},
    {"defence_noun", &Lexicon::defence_noun},
    {"possessed_part", &Lexicon::possessed_part},
    {"infinitive_fact", &Lexicon::infinitive_fact},
    {"under_verb", &Lexicon::under_verb},
    {"collective_noun", &Lexicon::collective_noun},
    {"nominal_free", &Lexicon::nominal_free},
    {"prevention", &Lexicon::prevention},
    {"modal", &Lexicon::modal},
    {"historic", &Lexicon::historic},
    {"hedge", &Lexicon::hedge},
    {"denial", &Lexicon::denial},
    {"claim", &Lexicon::claim},
    {"speech_forward", &Lexicon::speech_forward},
    {"speech", &Lexicon::speech},
    {"container_noun", &Lexicon::container_noun},
    {"counted_noun", &Lexicon::counted_noun},
    {"locator", &Lexicon::locator},
    {"line_noun", &Lexicon::line_noun},
    {"partial_before", &Lexicon::partial_before},
    {"partial_after", &Lexicon::partial_after},
    {"advance_stem", &Lexicon::advance_stem},
    {"list_intro", &Lexicon::list_intro},
    {"alias_intro", &Lexicon::alias_intro},
    {"denial_back", &Lexicon::denial_back},
    {"oblique", &Lexicon::oblique},
    {"modifier", &Lexicon::modifier},
    {"region_after", &Lexicon::region_after},
    {"adjective_before", &Lexicon::adjective_before},
    {"passive_aux", &Lexicon::passive_aux},
    {"list_break", &Lexicon::list_break},
    {"region_noun", &Lexicon::region_noun},
    {"stative", &Lexicon::stative},
    {"change_marker", &Lexicon::change_marker},
    {"continuation", &Lexicon::continuation},
    {"plural_anaphor", &Lexicon::plural_anaphor},
    {"airport_anaphor", &Lexicon::airport_anaphor},
    {"town_anaphor", &Lexicon::town_anaphor},
};

}  // namespace

Lexicon Lexicon::load_dir(const std::filesystem::path& dir) {
    Lexicon lex;
    {
        TsvReader tsv(dir / "triggers.tsv", "lexicon");
        const auto c_phrase = tsv.require_column("phrase");
        const auto c_action = tsv.require_column("action");
        const auto c_shape = tsv.require_column("shape");
        const auto c_flags = tsv.column("flags");
        while (auto row = tsv.next()) {
            TriggerDef t;
            t.phrase = phrase_of(tsv, field(tsv, *row, c_phrase));
            t.action = std::string(field(tsv, *row, c_action));
            static const std::string_view kActions[] = {"none",     "capture",    "entry",
                                                        "handover", "withdrawal", "recapture",
                                                        "advance",  "contested"};
            bool known = false;
            for (auto a : kActions) known = known || t.action == a;
            if (!known) tsv.fail("unknown action '" + t.action + "'");
            t.shape = shape_named(tsv, field(tsv, *row, c_shape));
            if (c_flags && *c_flags < row->size()) {
                std::string_view flags = (*row)[*c_flags];
                while (!flags.empty()) {
                    auto comma = flags.find(',');
                    std::string_view f = flags.substr(0, comma);
                    if (f == "claim") {
                        t.claim = true;
                    } else if (f == "government") {
                        t.government = true;
                    } else if (f == "speaker") {
                        t.speaker = true;
                    } else if (f == "state") {
                        t.state = true;
                    } else if (f == "nominal") {
                        t.nominal = true;
                    } else if (f == "to_agent") {
                        t.nominal = t.to_agent = true;
                    } else if (f == "expel") {
                        t.expel = true;
                    } else if (!f.empty()) {
                        tsv.fail("unknown flag '" + std::string(f) +
                                 "' (expected claim, government, speaker, state, nominal, "
                                 "to_agent or expel)");
                    }
                    flags = comma == std::string_view::npos ? "" : flags.substr(comma + 1);
                }
            }
            lex.triggers.push_back(std::move(t));
        }
    }
    {
        TsvReader tsv(dir / "actors.tsv", "lexicon");
        const auto c_phrase = tsv.require_column("phrase");
        const auto c_name = tsv.require_column("name");
        const auto c_side = tsv.require_column("side");
        const auto c_role = tsv.require_column("role");
        while (auto row = tsv.next()) {
            ActorInfo a;
            a.phrase = phrase_of(tsv, field(tsv, *row, c_phrase));
            a.name = std::string(field(tsv, *row, c_name));
            if (a.name.empty()) tsv.fail("empty actor name");
            a.side = side_named(tsv, field(tsv, *row, c_side));
            a.role = role_named(tsv, field(tsv, *row, c_role));
            lex.actors.push_back(std::move(a));
        }
    }
    {
        TsvReader tsv(dir / "cues.tsv", "lexicon");
        const auto c_kind = tsv.require_column("kind");
        const auto c_phrase = tsv.require_column("phrase");
        while (auto row = tsv.next()) {
            std::string_view kind = field(tsv, *row, c_kind);
            std::vector<std::string> Lexicon::*list = nullptr;
            for (const auto& [name, member] : kCueKinds) {
                if (name == kind) list = member;
            }
            if (!list) tsv.fail("unknown cue kind '" + std::string(kind) + "'");
            (lex.*list).push_back(phrase_of(tsv, field(tsv, *row, c_phrase)));
        }
    }
    return lex;
}

const Lexicon& lexicon() {
    static const Lexicon lex = [] {
        const char* env = std::getenv("FRONTLINE_LEXICON");
        std::filesystem::path dir =
            env && *env ? std::filesystem::path(env) : data_dir() / "lexicon";
        return Lexicon::load_dir(dir);
    }();
    return lex;
}

}  // namespace frontline
