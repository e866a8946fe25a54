// Longest-match geoparsing over folded tokens, then scoring of each match's candidates from
// the place (prior), the name that matched (strong or alternate) and the words around it.
//
// Steps per article:
//   1. tokenize (normalize.hpp); find longest gazetteer names starting at name-like tokens;
//   2. per match, read the context: a cue word before or after ("Idlib province", "the city
//      of Hama", "villages in Aleppo and Idlib"), whether the match is only part of a longer
//      capitalised name that is not a place ("Hayat Tahrir al-Sham", "Resul Serdar"), and
//      whether a title or speech verb makes it a person ("spokesman X", "said X");
//   3. governorate cues spread over coordinated names ("the governorates of Aleppo and Idlib");
//   4. admin1 of the unambiguous mentions favours candidates of ambiguous ones;
//   5. rank; keep the best if its score reaches GeoparseOptions::min_score, else abstain.
#include "gazetteer/geoparse.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <map>
#include <numeric>

#include "gazetteer/normalize.hpp"
#include "gazetteer/words.hpp"

namespace frontline {

namespace {

// What a cue word says the name is.
enum class Cue { none, governorate, populated, airfield };

// A set of bytes, tested by table look-up: for scans that test every byte of a text
// (std::string_view::find on a set would call memchr per byte).
class CharSet {
  public:
    constexpr explicit CharSet(std::string_view chars) {
        for (char c : chars) in_[static_cast<unsigned char>(c)] = true;
    }
    constexpr bool has(char c) const { return in_[static_cast<unsigned char>(c)]; }
    // True if any byte of `s` is in the set: s.find_first_of(chars) != npos.
    constexpr bool any_in(std::string_view s) const {
        return std::any_of(s.begin(), s.end(), [this](char c) { return has(c); });
    }

  private:
    bool in_[256] = {};
};

// std::stable_sort by `start`, moving each element once: matches and mentions carry strings
// and vectors, costly to move about during a sort. Often they are in order already.
template <class T>
void stable_sort_by_start(std::vector<T>& v) {
    auto by_start = [](const T& a, const T& b) { return a.start < b.start; };
    if (std::is_sorted(v.begin(), v.end(), by_start)) return;
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return by_start(v[a], v[b]); });
    std::vector<T> sorted;
    sorted.reserve(v.size());
    for (std::size_t i : order) sorted.push_back(std::move(v[i]));
    v = std::move(sorted);
}

// Punctuation that ends a name, clause or sentence (find_first_of sets, as tables).
constexpr CharSet kNameBreaks(".,;:!?()\"\n/[]");
constexpr CharSet kClauseBreaks(".;:!?()\"\n");
constexpr CharSet kClauseOrCommaBreaks(".;:!?()\"\n,");
constexpr CharSet kSentenceEnds(".!?\n");
constexpr CharSet kStops(".;:!?");
constexpr CharSet kSlotBreaks(".;!?()\"\n");
constexpr CharSet kDateBreaks(".,;");
constexpr CharSet kSentenceOrSemicolon(".!?;\n");
constexpr CharSet kWordsBeforeBreaks(".!?;()\"\n");

std::string lower(std::string_view w) {
    std::string s(w);
    for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return s;
}

// Capitalised words that do not make a longer proper name: sentence-initial function words,
// title-case prepositions in headlines, days, months, compass qualifiers.
bool breaks_names(std::string_view lw) {
    return geo_words().name_break.has(lw);
}

// Folded keys of the generic words that open Arabic place names ("Kafr X" village of X, "Tal
// X" hill of X, "Deir X" monastery of X, "Umm X", "Abu X", "Bab X" gate of X, ...): a
// gazetteer name made of one of them alone is not the place of a longer name.
bool generic_key(std::string_view key) {
    return key.find(' ') == std::string_view::npos && geo_words().generic_opening.has(key);
}

// Lower-case words that may sit inside a proper name ("Syrian Observatory for Human Rights").
bool joins_names(std::string_view lw) {
    return geo_words().name_joiner.has(lw);
}

// The first word of an armed group's name: "Ahrar al-Sham", "Jaish al-Izza", "Liwa ...".
bool is_group_head(std::string_view w) {
    return geo_words().group_head.has(w);
}

// Titles, roles and kinship words ("spokesman X", "X, the researcher", "his brother X").
bool is_title(std::string_view lw) {
    return geo_words().title.has(lw);
}

Cue cue_of(std::string_view lw) {
    const GeoWords& w = geo_words();
    if (w.cue_governorate.has(lw)) return Cue::governorate;
    if (w.cue_populated.has(lw)) return Cue::populated;
    if (w.cue_airfield.has(lw)) return Cue::airfield;
    return Cue::none;
}

// A matched name in the text, before ranking.
struct Match {
    std::size_t first = 0;  // token indices [first, last]
    std::size_t last = 0;
    std::size_t start = 0;  // byte offsets
    std::size_t end = 0;
    std::string key;
    const KeyEntry* entry = nullptr;
    Cue cue = Cue::none;
    std::string cue_why;
    bool cue_plural = false;  // the cue is a plural before a list ("the provinces of A, B and C")
    double penalty = 0;       // context penalties for every candidate
    std::string penalty_why;
    bool acronym = false;  // all capitals, at most 4 letters ("SANA", "TASS")
    bool road = false;     // starts with a lower-case road word ("highway that links ...")
    // A landmark named by a lower-case description ("the historic citadel"): the landmark
    // the gazetteer knows by it, unless the sentence names only places far from it.
    bool described = false;
    // Matched by consonant skeleton only (no exact name key): `fuzzy_ids` are the places,
    // `entry` is null. Resolved by context in geoparse() or dropped.
    bool fuzzy = false;
    std::vector<std::uint32_t> fuzzy_ids;
    std::string skel;
    bool slot = false;     // a place slot before it ("the villages of", "captured", "near")
    bool in_list = false;  // coordinated with another matched name ("A, B and C")
    // A name in a place slot or list that matched nothing: reported as unlocated (entry
    // null, not fuzzy) when GeoparseOptions::unlocated is set.
    bool unlocated = false;
    // An exact name with a foreign candidate that is not a capital or country ("Suruç"):
    // in a Syrian article's place slot a Syrian namesake may be meant. `alt_ids` are the
    // Syrian places of the same consonant skeleton when the name has no Syrian candidate.
    bool foreign_namesake = false;
    std::vector<std::uint32_t> alt_ids;
    std::string alt_skel;
    // The area named right after the list this name is an item of, or after the name itself
    // ("A, B and C in northern Aleppo", "X, located west of Aleppo", "... in the western
    // Aleppo countryside"): the start of that area name's match (npos if none) and the
    // compass directions named with it (kNorth, ...).
    std::size_t area_at = std::string_view::npos;
    unsigned area_dir = 0;
    // An item of a list of city neighbourhoods ("the A, B and C neighbourhoods", "the
    // districts of A and B"): a place of the city the article is about, not a far town.
    bool district = false;
};

constexpr unsigned kNorth = 1, kSouth = 2, kEast = 4, kWest = 8;
// Match::area_dir: the area is relative to the city ("west of Aleppo"), not its governorate.
constexpr unsigned kRelative = 16;

// The compass directions a word names ("northwestern" -> kNorth | kWest), 0 if none.
unsigned compass(std::string_view lw) {
    unsigned d = 0;
    auto has = [&](std::string_view w) { return lw.find(w) != std::string_view::npos; };
    if (!(has("north") || has("south") || has("east") || has("west"))) return 0;
    if (lw.size() > 12) return 0;
    if (has("north")) d |= kNorth;
    if (has("south")) d |= kSouth;
    if (has("east")) d |= kEast;
    if (has("west")) d |= kWest;
    return d;
}

// One item of a comma/"and" list in a clause, as byte offsets.
struct Item {
    std::size_t start = 0;
    std::size_t end = 0;
    bool name = false;  // looks like a place name: 1-5 capitalised words (articles allowed)
};

bool is_acronym(std::string_view surface) {
    std::size_t letters = 0;
    for (char c : surface) {
        if (c >= 'A' && c <= 'Z') {
            ++letters;
        } else if (c != '.') {
            return false;
        }
    }
    return letters >= 2 && letters <= 4;
}

// Names matched by consonant skeleton only need this much context (see resolve_fuzzy()).
constexpr double kFuzzyMinScore = 0.75;
// A place this populous matched by a long skeleton needs less of it.
constexpr long kFuzzyTownPopulation = 20000;
// Two exact candidates in Syria more than 10 km apart whose scores differ by less: abstain.
constexpr double kExactCoinToss = 0.02;
// ... unless the places named beside it favour the runner-up by this much more.
constexpr double kNeighboursDecide = 0.05;

// Two fuzzy candidates more than 10 km apart whose scores differ by less than this: abstain.
constexpr double kCoinToss = 0.05;

// A list of places whose other items lie this close to one namesake of an item is about
// that namesake's area (see geoparse()).
constexpr double kListNearKm = 20.0;
// A short or alternate-only name in a list of places, resolved this far (and twice the
// list's own spread) from the centre of the list's other places: abstain.
constexpr double kListFarKm = 30.0;
// ... unless its place is a town at least this large, named by its name or a long alternate
// name: "Aleppo, Hama and Homs to Damascus" and "towards Palmyra and As-Sukhnah" name the
// towns themselves, whatever the list's spread.
constexpr double kListFarTownPopulation = 40000;
// A foreign village smaller than this among Syrian list items is taken for one of them (a
// foreign town of its name, "Baalbek", is itself).
constexpr double kForeignHamletPopulation = 5000;
// A list item read by consonant skeleton alone (see near_list in geoparse()): its place
// must lie within 1.5 times the list's spread of the list's centre, clamped to this range,
// and be the only place of the skeleton there (namesakes closer than kListAreaSameKm are
// one place written twice, as OCHA and GeoNames often do).
constexpr double kListAreaMinKm = 6.0;
constexpr double kListAreaMaxKm = 15.0;
constexpr double kListAreaSameKm = 3.0;
// An exact match whose only places are OCHA communities this far from the article's
// places is read by skeleton too (see geoparse()).
constexpr double kFarMinorKm = 150.0;
// An OCHA community in a list or place slot this far from every place its sentence names
// clearly abstains (unlocated).
constexpr double kSentenceFarKm = 100.0;
// An item of a list of neighbourhoods lies this close to the city the article is about.
constexpr double kDistrictKm = 12.0;
// A list of at least kConsensusItems places whose items mostly have a reading (their name, a
// namesake, or a spelling of the same consonant skeleton) within kConsensusKm of one spot is
// about that area: an item read far from it, or not at all, takes its reading within
// kConsensusReachKm of the area's centre (see list_consensus()).
constexpr std::size_t kConsensusItems = 4;
constexpr double kConsensusKm = 15.0;
constexpr double kConsensusReachKm = 25.0;
// ... and an item read further than this from the area, with none near it, is unlocated.
constexpr double kConsensusFarKm = 60.0;
// How far (in tokens) a list of neighbourhoods is scanned from one of its items.
constexpr std::size_t kListScanTokens = 40;

std::string km_text(double km) {
    return std::to_string(static_cast<int>(km + 0.5)) + " km";
}

bool is_minor(const Place& p) {
    return p.id.rfind("oc:", 0) == 0 || p.id.rfind("csr:", 0) == 0;
}

bool is_capital_or_country(const Place& p) {
    return p.feature_code == "PPLC" || p.feature_class == 'A';
}

// Scores every candidate of a match; best first. `admin1` counts the Syrian governorates of
// the document's unambiguous mentions (may be null).
std::vector<Candidate> rank(const Gazetteer& gaz, const Match& m,
                            const std::map<std::string, int>* admin1, bool governorate_cues) {
    std::vector<Candidate> out;
    const KeyEntry& e = *m.entry;
    out.reserve(e.ids.size() + 1);
    const bool stop = gaz.stop_listed(m.key);
    // A name that is also a foreign capital or a country ("Doha") is never one of OCHA's
    // small namesakes.
    bool foreign_capital = false;
    if (e.ids.size() > 1) {
        for (std::size_t k = 0; k < e.ids.size(); ++k) {
            const Place& p = gaz.place(e.ids[k]);
            foreign_capital |= e.strong[k] && p.foreign() && is_capital_or_country(p);
        }
    }
    for (std::size_t k = 0; k < e.ids.size(); ++k) {
        const Place& p = gaz.place(e.ids[k]);
        Candidate c;
        c.place_id = p.id;
        double s = 0.6;
        std::string why;
        // Known only from OCHA's community list: small places whose names are often common
        // words or given names ("Rami", "Hayat", "On"); a lower prior, and never a name of
        // three letters or fewer on its own.
        const bool minor = is_minor(p);
        auto add = [&](double d, std::string_view w) {
            s += d;
            if (!why.empty()) why += ", ";
            why += w;
        };
        if (p.country == "SY") {
            add(0.2, "in Syria");
            if (p.admin1 == "09" || p.admin1 == "12") add(0.1, "Aleppo/Idlib");
            // A small place in a governorate neither on the front nor named in the article.
            if (minor && admin1 && p.admin1 != "09" && p.admin1 != "12" && p.admin1 != "10" &&
                !admin1->count(p.admin1))
                add(-0.2, "far from the governorates in the news");
        } else {
            add(0, "foreign");
        }
        if (minor) {
            if (m.key.size() <= 3 || foreign_capital) continue;
            add(-0.15, "OCHA community only");
        }
        if (m.road && p.feature_class != 'R') continue;
        if (p.population > 0)
            add(std::min(0.09, 0.015 * std::log10(static_cast<double>(p.population))),
                "population " + std::to_string(p.population));
        if (p.feature_class == 'A') add(0.05, "admin area");
        if (!e.strong[k]) {
            if (p.country == "SY")
                add(-0.03, "alternate name");
            else if (is_capital_or_country(p))
                add(-0.1, "alternate name of a foreign capital");
            else
                add(-0.35, "only an alternate name of a foreign place");
        }
        // "SANA", "TASS", "SSG": agencies and bodies, unless a country ("US", "UK").
        if (m.acronym && p.feature_class != 'A') add(-0.4, "acronym");
        switch (m.cue) {
            case Cue::governorate:
                if (p.feature_code == "ADM1") add(0.15, m.cue_why);
                break;
            case Cue::populated:
                if (p.feature_class == 'P') add(0.05, m.cue_why);
                if (p.feature_class == 'A') add(-0.3, m.cue_why);
                // "the city of Afrin", "the town of X": not a hamlet known only to OCHA's
                // list when a namesake is a town.
                if (minor && p.population == 0 && p.feature_code == "PPL" && e.ids.size() > 1 &&
                    (m.cue_why.find("\"city\"") != std::string::npos ||
                     m.cue_why.find("\"town\"") != std::string::npos))
                    add(-0.15,
                        "a village, not a " +
                            std::string(m.cue_why.find("\"city\"") != std::string::npos ? "city"
                                                                                        : "town"));
                break;
            case Cue::airfield:
                if (p.feature_class == 'S') add(0.1, m.cue_why);
                break;
            case Cue::none:
                break;
        }
        if (admin1 && e.ids.size() > 1 && p.country == "SY") {
            auto it = admin1->find(p.admin1);
            if (it != admin1->end()) add(0.04, "governorate co-mentioned");
        }
        if (stop) add(-0.6, "stop-listed name");
        if (m.penalty != 0) add(-m.penalty, m.penalty_why);
        c.score = std::clamp(s, 0.0, 1.0);
        c.why = std::move(why);
        out.push_back(std::move(c));
    }
    // A governorate cue on a governorate's capital means the governorate ("Idlib province").
    if (governorate_cues && m.cue == Cue::governorate && !out.empty()) {
        auto best = std::max_element(
            out.begin(), out.end(),
            [](const Candidate& a, const Candidate& b) { return a.score < b.score; });
        const Place* p = gaz.find_id(best->place_id);
        if (p && p->feature_class == 'P' &&
            (p->feature_code == "PPLA" || p->feature_code == "PPLC")) {
            if (const Place* g = gaz.governorate(p->country, p->admin1)) {
                bool present = false;
                for (const auto& c : out) present |= c.place_id == g->id;
                if (!present) {
                    Candidate c;
                    c.place_id = g->id;
                    c.score = std::min(1.0, best->score + 0.02);
                    c.why = "governorate of " + p->name + ", " + m.cue_why;
                    out.push_back(std::move(c));
                }
            }
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    return out;
}

bool is_english_article_word(std::string_view w) {
    // Tokens that fold to an Arabic article but are also English words: only joined to a
    // name by a hyphen do they count as part of it ("as-Safira", not "as Aleppo").
    return w == "an" || w == "as" || w == "at" || w == "An" || w == "As" || w == "At" ||
           w == "ad" || w == "Ad";
}

// Text between two tokens is only blanks or a hyphen: they may belong to one name.
bool joined(std::string_view gap) {
    if (gap.empty()) return false;
    for (char c : gap) {
        if (c != ' ' && c != '-') return false;
    }
    return true;
}

class Parser {
  public:
    Parser(const Gazetteer& gaz, std::string_view text, bool unlocated)
        : gaz_(gaz), text_(text), unlocated_(unlocated) {
        toks_ = tokenize(text);
        lower_text_ = lower(text);
        members_.reserve(toks_.size());
        for (std::size_t i = 0; i < toks_.size(); ++i)
            members_.push_back(toks_[i].name_like && !toks_[i].key.empty() &&
                               !breaks_names(lower_word(i)));
    }

    std::vector<Match> matches() {
        std::vector<Match> out;
        // A Match is large: growing the vector would move every one made so far. News
        // names a place every 10-20 words; this leaves room for one every 8.
        out.reserve(toks_.size() / 8 + 1);
        const std::size_t max_n = std::min(gaz_.max_name_tokens(), 2 * kMaxNameTokens);
        std::string key;
        for (std::size_t i = 0; i < toks_.size();) {
            const Token& t0 = toks_[i];
            if (t0.key.empty()) {
                ++i;
                continue;
            }
            // A lower-case start: only a landmark's description of two or more words
            // ("the field artillery college", "the 3000 apartment project"), see landmark().
            const bool described = !(t0.name_like || starts_ordinal(i) || starts_road(i));
            if (described && !gaz_.starts_description(t0.key)) {
                ++i;
                continue;
            }
            std::size_t best_n = 0;
            const KeyEntry* best = nullptr;
            std::string best_key;
            key.clear();
            std::size_t content = 0;
            for (std::size_t n = 1; n <= max_n && i + n <= toks_.size(); ++n) {
                const Token& t = toks_[i + n - 1];
                // A sentence or clause break ends any name.
                if (n > 1 && kNameBreaks.any_in(gap(i + n - 2))) break;
                if (t.key.empty()) continue;  // an article inside the name
                if (content++ > 0) key.push_back(' ');
                key += t.key;
                const auto [e, prefix] = gaz_.find_key_info(key);
                if (e) {
                    best = e;
                    best_n = n;
                    best_key = key;
                }
                if (!prefix) break;
            }
            if (described) {
                if (!best || content < 2 || best_key.find(' ') == std::string::npos ||
                    !landmark(*best)) {
                    ++i;
                    continue;
                }
            }
            // An exact name that is only the start of a longer capitalised name ("Tal" of
            // "Tal Rafaat", "Kafr" of "Kafr Bisin"): the whole name by skeleton, if any.
            std::size_t after = i + best_n;  // the next word, articles skipped
            while (after < toks_.size() && toks_[after].key.empty() && joined(gap(after - 1)))
                ++after;
            if (best && after < toks_.size() && joined(gap(after - 1)) && name_member(after)) {
                if (std::size_t n = translated_match(i, out)) {
                    i += n;
                    continue;
                }
                if (std::size_t n = fuzzy_match(i, out)) {
                    i += n;
                    continue;
                }
                // A generic word alone ("Kafr" of "Kafr Basma", "Tal" of "Tal Bazo"): a
                // village the gazetteer calls just "Kafr" is not meant. The whole capitalised
                // name is left to the place slots and lists (unlocated there).
                if (generic_key(best_key)) {
                    i = after;
                    while (i < toks_.size() && (toks_[i].key.empty() || name_member(i)) &&
                           joined(gap(i - 1)))
                        ++i;
                    continue;
                }
            }
            if (!best) {
                if (std::size_t n = translated_match(i, out)) {
                    i += n;
                    continue;
                }
                if (std::size_t n = fuzzy_match(i, out)) {
                    i += n;
                } else {
                    ++i;
                }
                continue;
            }
            Match m;
            m.first = i;
            m.last = i + best_n - 1;
            m.start = toks_[i].start;
            // Include a preceding article joined by a hyphen or spelled al/el ("al-Bab").
            if (i > 0 && toks_[i - 1].key.empty()) {
                std::string_view g = gap(i - 1);
                if (g == "-" || (g == " " && !is_english_article_word(word(i - 1))))
                    m.start = toks_[i - 1].start;
            }
            m.end = toks_[m.last].end;
            m.key = std::move(best_key);
            m.entry = best;
            m.acronym = is_acronym(text_.substr(m.start, m.end - m.start));
            m.road = !t0.name_like && starts_road(i);
            m.described = described;
            foreign_namesake(m);
            read_context(m);
            out.push_back(std::move(m));
            i += best_n;
        }
        spread_governorate_cues(out);
        mark_slots(out);
        mark_areas(out);
        if (unlocated_) find_unlocated(out);
        return out;
    }

  private:
    const Gazetteer& gaz_;
    std::string_view text_;
    bool unlocated_ = false;  // also look for unlocated names (GeoparseOptions::unlocated)
    std::vector<Token> toks_;
    std::string lower_text_;     // text_ with ASCII letters in lower case (see lower_word())
    std::vector<char> members_;  // name_member() of each token
    // list_items()'s cache: the items of the clause [items_from_, items_to_).
    mutable std::vector<Item> items_;
    mutable std::size_t items_from_ = std::string_view::npos;
    mutable std::size_t items_to_ = std::string_view::npos;

    // English for Jabal and Tal: "Zawiya Mountains", "Mount Zawiya" = Jabal al-Zawiya,
    // "Eis hill" = Tal al-Eis. Returns the tokens consumed (0 if none).
    std::size_t translated_match(std::size_t i, std::vector<Match>& out) const {
        // Cheap test first: "Mount"/"Mt" here, or "Mountain(s)"/"Hill(s)" within 5 words.
        bool maybe = false;
        for (std::size_t j = i; j < toks_.size() && j < i + 6 && !maybe; ++j) {
            const std::string_view w = word(j);
            maybe = (w.size() >= 4 && (w[0] == 'M' || w[0] == 'm' || w[0] == 'H' || w[0] == 'h') &&
                     (w.substr(1, 3) == "oun" || w.substr(1, 3) == "ill")) ||
                    (j == i && (w == "Mt" || w == "Mount"));
        }
        if (!maybe) return 0;
        std::string prefix;
        std::size_t from = i, last = i;
        const std::string_view lw = lower_word(i);
        if ((lw == "mount" || lw == "mt") && i + 1 < toks_.size() && joined(gap(i))) {
            prefix = "jabal";
            from = i + 1;
        }
        // The name words: from `from` while name members (articles allowed inside).
        std::size_t end = from;
        std::string key;
        for (std::size_t j = from; j < toks_.size() && j < from + 4; ++j) {
            if (j > from && !joined(gap(j - 1))) break;
            if (toks_[j].key.empty()) continue;
            if (!name_member(j) ||
                one_of(lower_word(j), {"mountains", "mountain", "mount", "mts", "hill", "hills"}))
                break;
            if (!key.empty()) key.push_back(' ');
            key += toks_[j].key;
            end = j;
        }
        if (key.empty()) return 0;
        last = end;
        if (prefix.empty()) {
            if (end + 1 >= toks_.size() || !joined(gap(end))) return 0;
            const std::string_view after = lower_word(end + 1);
            if (one_of(after, {"mountains", "mountain", "mount", "mts"}))
                prefix = "jabal";
            else if (one_of(after, {"hill", "hills"}))
                prefix = "tal";
            else
                return 0;
            last = end + 1;
        }
        const std::string k2 = prefix + " " + key;
        const KeyEntry* e = gaz_.find_entry(k2);
        if (!e) return 0;
        Match m;
        m.first = i;
        m.last = last;
        m.start = toks_[i].start;
        if (i > 0 && toks_[i - 1].key.empty() && gap(i - 1) == "-") m.start = toks_[i - 1].start;
        m.end = toks_[last].end;
        m.key = k2;
        m.entry = e;
        read_context(m);
        out.push_back(std::move(m));
        return last - i + 1;
    }

    // A capitalised name with no exact key: the longest run of name words (articles may sit
    // inside: "Qubtan al-Jabal") whose consonant skeleton names Syrian places. Returns the
    // tokens consumed (0 if none).
    std::size_t fuzzy_match(std::size_t i, std::vector<Match>& out) const {
        if (!name_member(i) || toks_[i].key.size() < 3 || !fuzzy_word(word(i))) return 0;
        if (i > 0 && joined(gap(i - 1)) && name_member(i - 1)) return 0;
        std::vector<std::size_t> run{i};
        for (std::size_t j = i + 1; j < toks_.size() && run.size() < 6; ++j) {
            if (!joined(gap(j - 1))) break;
            const std::string_view lw = lower_word(j);
            if (toks_[j].key.empty() || lw == "al" || lw == "el") {
                run.push_back(j);
                continue;
            }
            if (!name_member(j)) break;
            run.push_back(j);
        }
        while (!run.empty() && toks_[run.back()].key.empty()) run.pop_back();
        for (std::size_t n = run.size(); n >= 1; --n) {
            const std::size_t last = run[n - 1];
            if (toks_[last].key.empty()) continue;
            const std::string_view span =
                text_.substr(toks_[i].start, toks_[last].end - toks_[i].start);
            // The whole run must be a place: a name followed by more name words ("Hayat
            // Tahrir") is left alone, so only the full run is tried when it ends the name.
            if (n < run.size()) break;
            std::string skel = skeleton(span);
            std::vector<std::uint32_t> ids;
            if (skel.size() >= 3) {
                if (const auto* v = gaz_.find_skeleton(skel)) ids = *v;
            }
            // "Tal X" (the hill of X), "Jabal X" (the hill or mountain at X) where only the
            // village X is known: X's places.
            static const std::string kJabal = fold_word("jabal"), kJebel = fold_word("jebel");
            if (n >= 2 &&
                (toks_[i].key == "tal" || toks_[i].key == kJabal || toks_[i].key == kJebel)) {
                std::size_t r = i + 1;
                while (r <= last && toks_[r].key.empty()) ++r;
                if (r <= last) {
                    const std::string_view rest =
                        text_.substr(toks_[r].start, toks_[last].end - toks_[r].start);
                    auto add_ids = [&](const std::vector<std::uint32_t>* v) {
                        if (!v) return;
                        for (auto id : *v) {
                            if (gaz_.place(id).feature_class == 'P' &&
                                std::find(ids.begin(), ids.end(), id) == ids.end())
                                ids.push_back(id);
                        }
                    };
                    if (const KeyEntry* e = gaz_.find_entry(name_key(rest))) add_ids(&e->ids);
                    const std::string rs = skeleton(rest);
                    if (rs.size() >= 3) add_ids(gaz_.find_skeleton(rs));
                    if (!ids.empty() && skel.size() < 3)
                        skel = (toks_[i].key == "tal" ? "tl+" : "jbl+") + rs;
                }
            }
            if (ids.empty()) continue;
            Match m;
            m.first = i;
            m.last = last;
            m.start = toks_[i].start;
            if (i > 0 && toks_[i - 1].key.empty()) {
                std::string_view g = gap(i - 1);
                if (g == "-" || (g == " " && !is_english_article_word(word(i - 1))))
                    m.start = toks_[i - 1].start;
            }
            m.end = toks_[last].end;
            m.key = name_key(span);
            if (gaz_.stop_listed(m.key)) return 0;
            m.fuzzy = true;
            m.fuzzy_ids = std::move(ids);
            m.skel = std::move(skel);
            m.acronym = is_acronym(span);
            read_context(m);
            out.push_back(std::move(m));
            return last - i + 1;
        }
        return 0;
    }

    // Sets Match::foreign_namesake and, for a name with no Syrian candidate, the Syrian
    // places of its skeleton ("Suruc", the Turkish town, is also Sruj سروج near Hama).
    void foreign_namesake(Match& m) const {
        if (m.acronym || m.road) return;
        bool syrian = false, foreign = false;
        for (std::uint32_t id : m.entry->ids) {
            const Place& p = gaz_.place(id);
            if (p.country == "SY")
                syrian = true;
            else if (!is_capital_or_country(p) && p.feature_class != 'A')
                foreign = true;
        }
        m.foreign_namesake = foreign;
        if (!foreign || syrian) return;
        std::string skel = skeleton(text_.substr(m.start, m.end - m.start));
        if (skel.size() < 3) return;
        if (const auto* v = gaz_.find_skeleton(skel)) {
            m.alt_ids = *v;
            m.alt_skel = std::move(skel);
        }
    }

    // A word that may start a fuzzily matched name: not a demonym or language ("Syrian",
    // "Kurdish", "Lebanese"), not capitals like an acronym ("IDPs").
    static bool fuzzy_word(std::string_view w) {
        auto ends = [&](std::string_view suf) {
            return w.size() > suf.size() + 2 && w.substr(w.size() - suf.size()) == suf;
        };
        if (ends("ian") || ends("ish") || ends("ese") || ends("ians") || ends("ists") ||
            ends("ist") || ends("ism"))
            return false;
        return !(w.size() >= 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z');
    }

    // True if [start, end) is a place-name-like phrase: 1-5 words, each capitalised (or an
    // article, "bin", "ibn", "abu"), the first not a function word, month or title.
    bool name_phrase(std::size_t start, std::size_t end) const {
        if (start >= end) return false;
        static constexpr CharSet kNotInNames("0123456789\"()");
        if (kNotInNames.any_in(text_.substr(start, end - start))) return false;
        // The tokens inside [start, end), from the article's tokenization.
        auto t = std::partition_point(toks_.begin(), toks_.end(),
                                      [start](const Token& k) { return k.start < start; });
        std::size_t content = 0, words = 0;
        for (bool first = true; t != toks_.end() && t->end <= end; ++t, first = false) {
            if (++words > 5) return false;
            const std::string_view w = text_.substr(t->start, t->end - t->start);
            if (t->key.empty()) continue;
            const std::string_view lw = lower_word(static_cast<std::size_t>(t - toks_.begin()));
            if (one_of(lw, {"bin", "ibn", "al", "el"})) continue;
            if (!t->name_like || breaks_names(lw) || is_title(lw)) return false;
            if (first && !fuzzy_word(w)) return false;
            ++content;
        }
        return content > 0;
    }

    // The comma/"and"/"or" items of the clause around byte `pos`; `self` is the index of
    // the item holding pos.
    const std::vector<Item>& list_items(std::size_t pos, std::size_t& self) const {
        static constexpr CharSet kOpens(".!?;:\n(\""), kCloses(".!?;:\n)\"");
        std::size_t b = pos, e = pos;
        while (b > 0 && !kOpens.has(text_[b - 1])) --b;
        while (e < text_.size() && !kCloses.has(text_[e])) ++e;
        // A dot inside a word ("U.S.") or after an initial does not end the clause: good
        // enough to ignore here, lists of villages carry no such dots.
        // Every match of a clause asks for the same items: the last clause's are kept.
        if (b != items_from_ || e != items_to_) {
            items_ = split_items(b, e);
            items_from_ = b;
            items_to_ = e;
        }
        const std::vector<Item>& items = items_;
        self = items.size();
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].start <= pos && pos < std::max(items[i].end, items[i].start + 1)) self = i;
        }
        return items;
    }

    // The comma/"and"/"or" items of the clause [b, e).
    std::vector<Item> split_items(std::size_t b, std::size_t e) const {
        std::vector<Item> items;
        std::size_t k = b;
        auto push = [&](std::size_t from, std::size_t to) {
            while (from < to && (text_[from] == ' ' || text_[from] == ',')) ++from;
            for (std::string_view lead : {"and ", "or "}) {
                if (text_.substr(from, lead.size()) == lead) from += lead.size();
            }
            while (to > from && text_[to - 1] == ' ') --to;
            if (from >= to) return;  // ", and": one separator
            Item it;
            it.start = from;
            it.end = to;
            it.name = name_phrase(from, to);
            // "... al-Shir and Soubin in addition to the town of Khattab", "... and Hawar on
            // Friday": the name that opens the item, before a word that cannot continue one.
            // Only an item that opens like a name, and within a name's five words.
            const bool opens_name = (text_[from] >= 'A' && text_[from] <= 'Z') ||
                                    text_.substr(from, 3) == "al-" ||
                                    text_.substr(from, 3) == "el-";
            if (!it.name && opens_name) {
                std::size_t words = 0;
                for (std::size_t sp = text_.find(' ', from);
                     sp != std::string_view::npos && sp < to && ++words <= 5;
                     sp = text_.find(' ', sp + 1)) {
                    const std::size_t w = sp + 1;
                    std::size_t we = w;
                    while (we < to && text_[we] != ' ') ++we;
                    // (A list item's opening name ends before "in", "on", "during", ...:
                    // "Soubin in addition to ...".)
                    if (!geo_words().item_ender.has(text_.substr(w, we - w))) continue;
                    if (name_phrase(from, sp)) {
                        it.end = sp;
                        it.name = true;
                    }
                    break;
                }
            }
            items.push_back(it);
        };
        std::size_t from = b;
        while (k < e) {
            if (text_[k] == ',') {
                push(from, k);
                from = k + 1;
            } else if (text_[k] == ' ' && k + 1 < text_.size() &&
                       (text_[k + 1] == 'a' || text_[k + 1] == 'o') &&
                       (text_.substr(k, 5) == " and " || text_.substr(k, 4) == " or ")) {
                const std::size_t len = text_[k + 1] == 'a' ? 5 : 4;
                push(from, k);
                from = k + len - 1;
                k += len - 1;
                continue;
            }
            ++k;
        }
        push(from, e);
        return items;
    }

    // A list of place names: at least three name items, the item and one neighbour among
    // them.
    static bool place_list(const std::vector<Item>& items, std::size_t self) {
        if (self >= items.size() || !items[self].name) return false;
        std::size_t names = 0;
        for (const auto& it : items) names += it.name;
        const bool neighbour =
            (self > 0 && items[self - 1].name) || (self + 1 < items.size() && items[self + 1].name);
        return names >= 3 && neighbour;
    }

    // The start of the capitalised name that ends [start, end) ("... the villages of Kafr
    // X" -> "Kafr X"), or `start` if the text does not end in one.
    std::size_t trailing_name(std::size_t start, std::size_t end) const {
        auto t = std::partition_point(toks_.begin(), toks_.end(),
                                      [end](const Token& k) { return k.end <= end; });
        if (t == toks_.begin()) return start;
        std::size_t j = static_cast<std::size_t>(t - toks_.begin()) - 1;
        if (toks_[j].end != end || !name_member(j)) return start;
        std::size_t first = j;
        for (std::size_t n = 0; j > 0 && n < 5; ++n) {
            if (!joined(gap(j - 1)) || toks_[j - 1].start < start) break;
            --j;
            if (toks_[j].key.empty()) continue;
            if (!name_member(j)) break;
            first = j;
        }
        return name_phrase(toks_[first].start, end) ? toks_[first].start : start;
    }

    // The word before byte `pos` (lower case) and the one before it, in the same clause.
    std::pair<std::string, std::string> words_before(std::size_t pos) const {
        // First token ending after pos (tokens are in text order).
        const std::size_t t = static_cast<std::size_t>(
            std::partition_point(toks_.begin(), toks_.end(),
                                 [pos](const Token& k) { return k.end <= pos; }) -
            toks_.begin());
        std::pair<std::string, std::string> out;
        if (t == 0) return out;
        if (kWordsBeforeBreaks.any_in(text_.substr(toks_[t - 1].end, pos - toks_[t - 1].end)))
            return out;
        out.first = lower_word(t - 1);
        if (t >= 2) out.second = lower_word(t - 2);
        return out;
    }

    // One word that opens a sentence and that the sentence goes on after without a comma or
    // "and" ("Clashes were reported in ..."): its capital says nothing.
    bool sentence_opening_word(const Item& it) const {
        const std::string_view name = text_.substr(it.start, it.end - it.start);
        if (name.find(' ') != std::string_view::npos || name.find('-') != std::string_view::npos)
            return false;
        std::size_t p = it.start;
        while (p > 0 && text_[p - 1] == ' ') --p;
        if (p > 0 && std::string_view(".!?\n").find(text_[p - 1]) == std::string_view::npos)
            return false;
        return it.end + 1 < text_.size() && text_[it.end] == ' ' &&
               std::islower(static_cast<unsigned char>(text_[it.end + 1]));
    }

    // Names in a place slot that matched nothing (see Match::unlocated): items of a list of
    // place names, and the name after "the villages of", "the town of", ... .
    void find_unlocated(std::vector<Match>& ms) const {
        std::vector<Match> add;
        // The matches overlapping [a, b): they are in text order and do not overlap, so
        // their ends are ordered too.
        auto overlapping = [&](std::size_t a, std::size_t b) {
            auto lo = std::partition_point(ms.begin(), ms.end(),
                                           [a](const Match& m) { return m.end <= a; });
            auto hi = lo;
            while (hi != ms.end() && hi->start < b) ++hi;
            return std::make_pair(lo, hi);
        };
        auto covered = [&](std::size_t a, std::size_t b) {
            const auto [lo, hi] = overlapping(a, b);
            for (auto it = lo; it != hi; ++it) {
                const Match& m = *it;
                // "Tal" of "Tal Bazo": a penalised part of the item does not cover it.
                if (m.penalty > 0 && m.start >= a && m.end <= b && m.end - m.start < b - a)
                    continue;
                // A fuzzy match may be dropped later: geoparse() then reports the name as
                // unlocated (the unlocated match is skipped if the fuzzy one resolves).
                if (m.fuzzy) continue;
                if (m.start < b && a < m.end) return true;
            }
            return false;
        };
        auto located = [&](const Item& it) {
            const auto [lo, hi] = overlapping(it.start, it.end);
            for (auto m = lo; m != hi; ++m) {
                if (m->start >= it.start && m->end <= it.end && m->penalty <= 0) return true;
            }
            return false;
        };
        std::size_t done_until = 0;
        for (const auto& m : ms) {
            if (m.penalty > 0 || m.start < done_until) continue;
            std::size_t self = 0;
            const std::vector<Item>& items = list_items(m.start, self);
            if (!items.empty()) done_until = items.back().end;
            // "the villages of A, B and C": the slot covers the names that follow it.
            bool in_slot = false;
            for (std::size_t i = 0; i < items.size(); ++i) {
                const Item& it = items[i];
                // The name where the slot opens may end a longer item ("Rebels took the
                // villages of A"): the match that ends the item.
                std::size_t name_start = it.start;
                bool trailing = false;  // an unmatched name ending a longer item
                if (!it.name) {
                    in_slot = false;
                    const auto [lo, hi] = overlapping(it.start, it.end);
                    for (auto m2 = lo; m2 != hi; ++m2) {
                        if (m2->end == it.end && m2->start > it.start) name_start = m2->start;
                    }
                    if (name_start == it.start) {
                        name_start = trailing_name(it.start, it.end);
                        trailing = name_start != it.start;
                    }
                    if (name_start == it.start) continue;
                }
                const auto [w1, w2] = words_before(name_start);
                if (one_of(w1, {"villages", "towns", "village", "town"}) ||
                    (w1 == "of" &&
                     one_of(w2, {"villages", "towns", "village", "town", "neighbourhoods",
                                 "neighborhoods", "neighbourhood", "neighborhood"})))
                    in_slot = true;
                Item cand = it;
                if (trailing && in_slot) {
                    cand.start = name_start;
                    cand.name = true;
                }
                if (!cand.name) continue;
                if (covered(cand.start, cand.end)) continue;
                // A list: the unbroken run of name items around this one holds >= 3 names,
                // >= 2 of them placed ("HTS, Ahrar al-Sham and Jaish al-Izza" beside a list
                // of towns in the same clause is not one).
                std::size_t a = i, b = i;
                while (a > 0 && items[a - 1].name) --a;
                while (b + 1 < items.size() && items[b + 1].name) ++b;
                std::size_t run_placed = 0;
                for (std::size_t r = a; r <= b; ++r) run_placed += located(items[r]);
                const bool list = b - a + 1 >= 3 && run_placed >= 2;
                if (!(in_slot || list)) continue;
                // "Clashes were reported in A, B and C": one word opening the sentence, cut
                // from the clause that goes on after it, is the sentence's subject written
                // with a capital because it opens the sentence, not a list item.
                if (!in_slot && sentence_opening_word(cand)) continue;
                Match u;
                u.start = cand.start;
                u.end = cand.end;
                u.key = name_key(text_.substr(cand.start, cand.end - cand.start));
                if (u.key.size() < 3 || gaz_.stop_listed(u.key)) continue;
                // A person ("X, head of ...", "X said", "activists X and Y"), an outlet, a
                // navigation line.
                if (person_after(cand.end) || breadcrumb(cand.start, cand.end) ||
                    title_before(cand.start))
                    continue;
                // Armed groups and brigades: "Ahrar al-Sham", "Jaish al-Izza", "Liwa ...".
                if (is_group_head(u.key.substr(0, u.key.find(' ')))) continue;
                u.unlocated = true;
                u.slot = in_slot;
                u.in_list = list;
                add.push_back(std::move(u));
            }
        }
        for (auto& u : add) ms.push_back(std::move(u));
        stable_sort_by_start(ms);
    }

    // Place slots and lists (see Match::slot, Match::in_list): fuzzy matches need one, and
    // lists decide homonyms and weak matches of exact ones (geoparse()).
    void mark_slots(std::vector<Match>& ms) const {
        auto list_gap = [](std::string_view g) {
            return g == ", " || g == " and " || g == ", and " || g == " or " || g == " & " ||
                   g == ", or ";
        };
        for (std::size_t k = 0; k < ms.size(); ++k) {
            Match& m = ms[k];
            if (k > 0 && list_gap(text_.substr(ms[k - 1].end, m.start - ms[k - 1].end)))
                m.in_list = true;
            if (k + 1 < ms.size() && list_gap(text_.substr(m.end, ms[k + 1].start - m.end)))
                m.in_list = true;
            if (!m.in_list) {
                std::size_t self = 0;
                const auto& items = list_items(m.start, self);
                m.in_list = place_list(items, self) && items[self].start == m.start &&
                            items[self].end == m.end;
            }
            // The word before the name (its article skipped).
            std::size_t f = m.first;
            if (f > 0 && toks_[f - 1].start == m.start) --f;
            if (f == 0) continue;
            std::string_view g = gap(f - 1);
            // "the following areas: A, B"; not after a speaker label ("BYLINE: Armed rebels").
            if (g.find(':') != std::string_view::npos) {
                if (!speaker_label(toks_[f - 1].end)) m.slot = true;
                continue;
            }
            if (kSlotBreaks.any_in(g)) continue;
            const std::string_view lw = lower_word(f - 1);
            if (geo_words().slot_word.has(lw)) m.slot = true;
            if (lw == "as" && f >= 2 && lower_word(f - 2) == "such") m.slot = true;
        }
    }

    // Whether byte `pos` lies in a transcript's speaker label: the text from its line's start
    // to a colon on that line (at most 60 bytes) has letters and none in lower case
    // ("MARTIN:", "RUTH SHERLOCK, BYLINE:", "UNIDENTIFIED PERSON #1:").
    bool speaker_label(std::size_t pos) const {
        // (Only the 60 bytes around `pos` are read: a long paragraph costs nothing.)
        constexpr std::size_t kMax = 60;
        const std::size_t from = pos > kMax ? pos - kMax : 0;
        const std::size_t nl =
            pos == 0 ? std::string_view::npos : text_.substr(from, pos - from).rfind('\n');
        if (nl == std::string_view::npos && from > 0) return false;
        const std::size_t line = nl == std::string_view::npos ? 0 : from + nl + 1;
        const std::size_t colon =
            text_.substr(0, std::min(text_.size(), line + kMax)).find(':', pos);
        if (colon == std::string_view::npos) return false;
        const std::string_view label = text_.substr(line, colon - line);
        bool letters = false;
        int words = 0;
        for (std::size_t i = 0; i < label.size(); ++i) {
            const auto u = static_cast<unsigned char>(label[i]);
            if (label[i] == '\n' || std::islower(u) || u >= 0x80) return false;
            letters = letters || std::isupper(u);
            if (std::isupper(u) && (i == 0 || label[i - 1] == ' ')) ++words;
        }
        // (A name and a role, four words at most: not a headline in capitals, "REBELS
        // SEIZE X: MONITOR".)
        return letters && words <= 4;
    }

    // Whether every place a match may name is known from OCHA's community lists alone.
    bool only_minor(const Match& m) const {
        if (!m.entry) return false;
        return std::all_of(m.entry->ids.begin(), m.entry->ids.end(),
                           [&](std::uint32_t id) { return is_minor(gaz_.place(id)); });
    }

    // A Syrian governorate capital (or governorate) among the places a name may be.
    const Place* area_place(const Match& m) const {
        if (m.fuzzy || !m.entry || m.penalty > 0) return nullptr;
        const Place* gov = nullptr;
        for (std::uint32_t id : m.entry->ids) {
            const Place& p = gaz_.place(id);
            if (p.country != "SY") continue;
            if (p.feature_class == 'P' && (p.feature_code == "PPLA" || p.feature_code == "PPLC"))
                return &p;
            if (p.feature_code == "ADM1") gov = &p;
        }
        return gov;
    }

    // Only list separators and the names of other items lie between a and b ("A, Tal X
    // and B").
    bool list_between(const Match& a, const Match& b) const {
        for (std::size_t j = a.last + 1; j < toks_.size() && toks_[j].start < b.start; ++j) {
            const std::string_view lw = lower_word(j);
            if (!(toks_[j].key.empty() || lw == "and" || lw == "or" || lw == "the" ||
                  name_member(j)))
                return false;
        }
        const std::string_view g = text_.substr(a.end, b.start - a.end);
        if (kClauseBreaks.any_in(g)) return false;
        return g.find(',') != std::string_view::npos || g.find(" and ") != std::string_view::npos ||
               g.find(" or ") != std::string_view::npos;
    }

    // Match::area_at, area_dir and district (see there).
    void mark_areas(std::vector<Match>& ms) const {
        for (std::size_t a = 0; a < ms.size(); ++a) {
            const Match& am = ms[a];
            if (!area_place(am)) continue;
            // Not one of two areas ("in Raqqa and Hasakah"): the items may lie in either.
            if (am.last + 1 < toks_.size() && one_of(lower_word(am.last + 1), {"and", "or"}) &&
                !kStops.any_in(gap(am.last)))
                continue;
            if (a + 1 < ms.size() && text_.substr(am.end, ms[a + 1].start - am.end) == ", ")
                continue;
            // The words before the area name, back to the name that ends the list: "in",
            // "the", "of", directions, "countryside", "located", ... and nothing else.
            std::size_t f = am.first;
            if (f > 0 && toks_[f - 1].start == am.start) --f;
            unsigned dir = 0;
            bool in = false, of_dir = false, located = false;
            std::size_t j = f;
            std::string prev;  // the word after the one read (text order)
            for (std::size_t n = 0; j > 0 && n < 6; ++n) {
                // (No comma inside the phrase: "Aleppo in the north, Hama in the centre"
                // names no area "in northern Hama".)
                if (kClauseOrCommaBreaks.any_in(gap(j - 1))) break;
                const std::string_view lw = lower_word(j - 1);
                const unsigned d = compass(lw);
                if (d) {
                    dir |= d;
                    of_dir |= prev == "of";
                } else if (lw == "in") {
                    in = true;
                } else if (one_of(lw, {"located", "lying", "situated"})) {
                    located = true;
                } else if (!one_of(lw, {"the", "of", "rural", "countryside", "parts", "part",
                                        "areas", "area", "province", "governorate", "city"})) {
                    break;
                }
                prev = lw;
                --j;
                // The phrase starts here if a name ends just before it (a comma allowed).
                if (j > 0 && (in || of_dir || located)) {
                    const std::string_view g = gap(j - 1);
                    if (g != " " && g != ", " && g != "," && g != " ,") continue;
                    // "south of Aleppo and east of Hama": a second direction joined by "and"
                    // places no name before it.
                    if (one_of(lower_word(j - 1), {"and", "or"})) continue;
                    // A name ends there, or two words after one ("the X dam", "the X
                    // Regiment area"): the last item of a list, or the item itself.
                    std::size_t k = a;
                    while (k > 0 && ms[k - 1].start >= toks_[j - 1].end) --k;
                    if (k == 0) continue;
                    --k;
                    const std::string_view tail =
                        text_.substr(ms[k].end, toks_[j - 1].end - ms[k].end);
                    bool listed = !kClauseBreaks.any_in(tail);
                    for (std::size_t t = ms[k].last + 1; t < j && listed; ++t) {
                        const std::string_view lw = lower_word(t);
                        listed = toks_[t].key.empty() || lw == "and" || lw == "or" || lw == "the" ||
                                 name_member(t);
                    }
                    if (!listed && (ms[k].last + 3 < j || kClauseOrCommaBreaks.any_in(tail)))
                        continue;
                    // That match and the items of its list before it, in the same sentence
                    // (a penalised part of an item, "Dabaa" of "Talat al-Dabaa", skipped).
                    std::size_t next = k;
                    for (std::size_t i = k + 1; i-- > 0;) {
                        Match& it = ms[i];
                        if (am.start - it.start > 300 ||
                            kSentenceOrSemicolon.any_in(text_.substr(it.end, am.start - it.end)))
                            break;
                        if (i != k && it.penalty > 0) continue;
                        if (i != k && !list_between(it, ms[next])) break;
                        next = i;
                        if (it.area_at != std::string_view::npos) break;
                        it.area_at = am.start;
                        it.area_dir = dir | (of_dir || located ? kRelative : 0);
                        if (it.slot && !it.in_list) break;  // a slot opens the list
                    }
                    break;
                }
            }
        }
        // Lists of neighbourhoods: "the A, B, and C neighbourhoods", "the districts of A, B".
        auto district_word = [](std::string_view lw) {
            return one_of(lw, {"neighbourhoods", "neighborhoods", "neighbourhood", "neighborhood",
                               "districts", "quarters"});
        };
        for (std::size_t k = 0; k < ms.size(); ++k) {
            if (ms[k].fuzzy || !ms[k].entry) continue;
            // Forward over the list's other names (name words, commas, "and", "or").
            std::size_t j = ms[k].last + 1;
            while (j < toks_.size() && j < ms[k].last + kListScanTokens) {
                const std::string_view g = gap(j - 1);
                if (kClauseBreaks.any_in(g)) break;
                // "Tel Rifaat, Shahba and Aleppo's Kurdish districts": the districts are
                // Aleppo's, not the list's.
                if (possessive_after(j - 1)) break;
                const std::string_view lw = lower_word(j);
                if (toks_[j].key.empty() || lw == "and" || lw == "or" || name_member(j)) {
                    ++j;
                    continue;
                }
                break;
            }
            bool district = j < toks_.size() && district_word(lower_word(j)) &&
                            !kClauseBreaks.any_in(gap(j - 1));
            // Backward: "the neighbourhoods of A, B and C".
            j = ms[k].first;
            while (!district && j > 0 && j + kListScanTokens > ms[k].first) {
                const std::string_view g = gap(j - 1);
                if (kClauseBreaks.any_in(g)) break;
                const std::string_view lw = lower_word(j - 1);
                if (toks_[j - 1].key.empty() || lw == "and" || lw == "or" || lw == "of" ||
                    lw == "the" || lw == "including" || name_member(j - 1)) {
                    --j;
                    continue;
                }
                district = district_word(lw);
                break;
            }
            ms[k].district = district;
        }
    }

    std::string_view word(std::size_t i) const {
        return text_.substr(toks_[i].start, toks_[i].end - toks_[i].start);
    }
    // lower(word(i)), a view into the text lower-cased once.
    std::string_view lower_word(std::size_t i) const {
        return std::string_view(lower_text_).substr(toks_[i].start, toks_[i].end - toks_[i].start);
    }
    // Text between token i and token i + 1.
    std::string_view gap(std::size_t i) const {
        return text_.substr(toks_[i].end, toks_[i + 1].start - toks_[i].end);
    }
    bool starts_ordinal(std::size_t i) const {  // "46th Regiment"
        std::string_view w = word(i);
        return !w.empty() && w[0] >= '1' && w[0] <= '9' && w.size() >= 3 && w.back() >= 'a';
    }
    // Roads are named by description in news: "a key highway that links Aleppo to the
    // capital". Such a name may start in lower case; the gazetteer holds the descriptions as
    // variants of the road, and no single word like "highway" is a key on its own.
    bool starts_road(std::size_t i) const {
        const std::string_view w = lower_word(i);
        return w == "highway" || w == "road" || w == "motorway";
    }
    // Curated landmarks (academies, schools, prisons, bases, housing projects: `fl:` spots
    // and areas, see gazetteer/README.md) are written by description in news, often in lower
    // case; curated.tsv holds the descriptions as their alternate names.
    bool landmark(const KeyEntry& e) const {
        for (auto id : e.ids) {
            const Place& p = gaz_.place(id);
            if (p.id.rfind("fl:", 0) != 0 || (p.feature_class != 'S' && p.feature_class != 'L'))
                return false;
        }
        return !e.ids.empty();
    }
    bool possessive_after(std::size_t i) const {
        std::string_view g = gap(i);
        return g.substr(0, 2) == "'s" || g.substr(0, 4) == "\xE2\x80\x99s";
    }
    // A member of a capitalised proper name (not a function word, day or qualifier); set
    // per token in the constructor.
    bool name_member(std::size_t i) const { return members_[i] != 0; }

    // The capitalised name run around tokens [first, last] (articles and "bin", "al" inside).
    std::pair<std::size_t, std::size_t> name_run(std::size_t first, std::size_t last) const {
        std::size_t rs = first, re = last;
        for (std::size_t j = first; j > 0;) {
            --j;
            if (!joined(gap(j))) break;
            if (name_member(j)) {
                rs = j;
            } else if (!(toks_[j].key.empty() || joins_names(lower_word(j)))) {
                break;
            }
        }
        for (std::size_t j = last + 1; j < toks_.size(); ++j) {
            if (!joined(gap(j - 1))) break;
            if (name_member(j)) {
                re = j;
            } else if (!(toks_[j].key.empty() || joins_names(lower_word(j)))) {
                break;
            }
        }
        return {rs, re};
    }
    // "<person noun>, " right before token i ("An opposition fighter, X").
    bool title_apposition(std::size_t i) const {
        if (i == 0) return false;
        const std::string_view g = gap(i - 1);
        return (g == ", " || g == ",") && is_title(lower_word(i - 1));
    }
    // A title or role before byte `start`, across the names of the people it introduces:
    // "activists X and Y", "the commander X".
    bool title_before(std::size_t start) const {
        std::size_t e = start;
        for (int words = 0; words < 8; ++words) {
            while (e > 0 && (text_[e - 1] == ' ' || text_[e - 1] == ',' || text_[e - 1] == '-'))
                --e;
            std::size_t b = e;
            while (b > 0 && std::isalpha(static_cast<unsigned char>(text_[b - 1]))) --b;
            if (b == e) return false;
            const std::string w = lower(text_.substr(b, e - b));
            if (is_title(w) ||
                (w.size() > 3 && w.back() == 's' && is_title(w.substr(0, w.size() - 1))))
                return true;
            // Only names and "and" between the title and the name.
            if (w != "and" && w != "al" && w != "el" &&
                !std::isupper(static_cast<unsigned char>(text_[b])))
                return false;
            e = b;
        }
        return false;
    }
    // The text from byte `end` goes on as after a person's name: "said", ", head of", ", the
    // head of", ", a spokesman", ", who said".
    bool person_after(std::size_t end) const {
        std::string_view rest = text_.substr(end, 40);
        for (std::string_view p : geo_words().person_after.words()) {
            if (rest.substr(0, p.size()) == p) return true;
        }
        // ", the researcher", ", an analyst".
        for (std::string_view p : {", the ", ", a ", ", an "}) {
            if (rest.substr(0, p.size()) != p) continue;
            std::string_view w = rest.substr(p.size());
            w = w.substr(0, std::min(w.find_first_of(" ,."), w.size()));
            if (is_title(lower(w))) return true;
        }
        return false;
    }
    // Words after a name that make it an outlet ("Al Mayadeen television", "Al-Hadath TV").
    static bool outlet_word(std::string_view lw) { return geo_words().outlet.has(lw); }
    // [start, end) is an item of a breadcrumb line: " > ", " » " or " › " right before or
    // after it (spaces on both sides: an HTML tag's ">Name" is not one).
    bool breadcrumb(std::size_t start, std::size_t end) const {
        for (std::string_view sep : {std::string_view(" > "), std::string_view(" \xC2\xBB "),
                                     std::string_view(" \xE2\x80\xBA ")}) {
            if (text_.substr(end, sep.size()) == sep) return true;
            if (start >= sep.size() && text_.substr(start - sep.size(), sep.size()) == sep)
                return true;
        }
        return false;
    }

    void read_context(Match& m) const {
        // Part of a longer capitalised name that is not itself a place: "Hayat Tahrir
        // al-Sham", "Resul Serdar", "Agence France-Presse", "Syria Civil Defence".
        bool partial = false;
        for (std::size_t j = m.first; j > 0;) {
            --j;
            if (!joined(gap(j))) break;
            const std::string_view lw = lower_word(j);
            if (name_member(j)) {
                partial = true;
                break;
            }
            if (!(toks_[j].key.empty() || joins_names(lw))) break;
        }
        for (std::size_t j = m.last + 1; !partial && j < toks_.size(); ++j) {
            if (!joined(gap(j - 1))) break;
            const std::string_view lw = lower_word(j);
            if (name_member(j)) {
                partial = true;
                break;
            }
            if (!(toks_[j].key.empty() || joins_names(lw))) break;
        }
        // A transcript's speaker label ("MARTIN:", "RUTH SHERLOCK, BYLINE:"): capitals from
        // the line's start to a colon. Not a dateline of a known town ("DAMASCUS: ..."): only
        // a name known by its skeleton or from OCHA's community list alone.
        if ((m.fuzzy || only_minor(m)) && speaker_label(m.start)) {
            m.penalty += 0.6;
            m.penalty_why = "a transcript's speaker label";
        }
        // A day or month is not a place, whatever it folds like ("June" / Jounieh).
        if (m.first == m.last && geo_words().day_or_month.has(lower_word(m.first))) {
            m.penalty += 0.6;
            m.penalty_why = "a day or month name";
        }
        // Month abbreviations ("Nov 29", "on Dec. 1"); "Mar" and "May" only beside a number.
        if (m.first == m.last) {
            const std::string_view lw = lower_word(m.first);
            const bool by_number =
                (m.last + 1 < toks_.size() &&
                 std::isdigit(static_cast<unsigned char>(text_[toks_[m.last + 1].start])) &&
                 !kDateBreaks.any_in(gap(m.last))) ||
                (m.first > 0 &&
                 std::isdigit(static_cast<unsigned char>(text_[toks_[m.first - 1].start])));
            if (geo_words().month_abbreviation.has(lw) ||
                (by_number && geo_words().month_abbreviation_by_number.has(lw))) {
                m.penalty += 0.6;
                m.penalty_why = "a month abbreviation";
            }
        }
        // A name qualifying a highway ("the Damascus-Aleppo international M5 highway", "the
        // Aleppo international highway") names the road, not the place.
        // ("the M-5 highway" is the road itself.)
        const bool a_road =
            m.entry && std::any_of(m.entry->ids.begin(), m.entry->ids.end(), [&](std::uint32_t id) {
                return gaz_.place(id).feature_class == 'R';
            });
        if (m.last + 1 < toks_.size() && joined(gap(m.last)) && !starts_road(m.first) && !a_road) {
            const std::string_view nw = lower_word(m.last + 1);
            const bool designator = nw.size() >= 2 && nw.size() <= 3 && nw[0] == 'm' &&
                                    std::isdigit(static_cast<unsigned char>(nw[1]));
            // ("the Aleppo-Raqqa highway", "the Hama-Homs road": both towns name the road.)
            const bool pair = gap(m.last) == "-" && m.last + 2 < toks_.size() &&
                              joined(gap(m.last + 1)) &&
                              one_of(lower_word(m.last + 2), {"highway", "road", "motorway"});
            const bool second = m.first > 0 && gap(m.first - 1) == "-" && nw == "road";
            if (designator || nw == "highway" || nw == "highways" || nw == "motorway" || pair ||
                second) {
                m.penalty += 0.6;
                m.penalty_why = "qualifies a highway";
            }
        }
        // A web page's navigation line ("Home > News > World News").
        if (breadcrumb(m.start, m.end)) {
            m.penalty += 0.6;
            m.penalty_why = "a web page's navigation";
        }
        // An outlet named like a place ("the Al Mayadeen television channel", "Al Mayadeen's
        // correspondent"), a party or regime ("the Baath regime").
        if (m.last + 1 < toks_.size() && (gap(m.last) == " " || possessive_after(m.last)) &&
            (outlet_word(lower_word(m.last + 1)) ||
             one_of(lower_word(m.last + 1), {"correspondent", "correspondents", "reporter"}))) {
            m.penalty += 0.6;
            m.penalty_why = "names an outlet";
        }
        // An outlet in apposition ("Al-Mayadeen, a pro-Iran satellite TV station") or named
        // "<place> 24" as Syrian local news networks are ("Daraa 24").
        if (m.penalty <= 0 && m.last + 1 < toks_.size()) {
            bool outlet = false;
            if (gap(m.last) == ", " && one_of(lower_word(m.last + 1), {"a", "an", "the"})) {
                for (std::size_t j = m.last + 2; j < toks_.size() && j < m.last + 7; ++j) {
                    if (outlet_word(lower_word(j)) || lower_word(j) == "station") {
                        outlet = true;
                        break;
                    }
                    if (kClauseOrCommaBreaks.any_in(gap(j - 1))) break;
                }
            }
            if (gap(m.last) == " " && text_.substr(toks_[m.last + 1].start, 2) == "24" &&
                toks_[m.last + 1].end == toks_[m.last + 1].start + 2)
                outlet = true;
            if (outlet) {
                m.penalty += 0.6;
                m.penalty_why = "names an outlet";
            }
        }
        // (A large city's regime is its government: "the Damascus regime" still names it.)
        if (m.last + 1 < toks_.size() && gap(m.last) == " " &&
            one_of(lower_word(m.last + 1), {"regime", "party", "rule"}) && m.entry &&
            std::none_of(m.entry->ids.begin(), m.entry->ids.end(),
                         [&](std::uint32_t id) { return gaz_.place(id).population >= 100000; })) {
            m.penalty += 0.6;
            m.penalty_why = "names a party or regime";
        }
        // A facility named after the place ("the al-Shahbaa dam", "Rastan bridge"): the
        // gazetteer has no such facility under this name (else the longest match would have
        // taken it), and the place or region is not it.
        if (m.last + 1 < toks_.size() && gap(m.last) == " " &&
            geo_words().facility_after.has(lower_word(m.last + 1))) {
            m.penalty += 1.0;  // decisive: neighbours' bonuses must not lift it back
            m.penalty_why = "names a " + std::string(lower_word(m.last + 1)) + ", not the place";
        }
        // A person: a name in apposition after a person noun ("An opposition fighter, Abu
        // al-Huda al-Sourani, said"), or part of a longer name followed by "said", ", head
        // of" ("Sheikhmous Ahmed, head of the office").
        {
            const auto [rs, re] = name_run(m.first, m.last);
            const bool longer = rs < m.first || re > m.last;
            if (title_apposition(rs) || (longer && person_after(toks_[re].end))) {
                m.penalty += 0.6;
                m.penalty_why = "a person's name";
            }
        }
        // The head of an armed group's name ("Hayat Tahrir al-Sham", "Jaish al-Izza").
        if (partial && m.entry && name_run(m.first, m.last).first == m.first &&
            m.last + 1 < toks_.size() && is_group_head(lower_word(m.first))) {
            m.penalty += 1.0;  // decisive: neighbours' bonuses must not lift it back
            m.penalty_why = "the head of an armed group's name";
        }
        // Every place of the name is an OCHA community (known from its lists alone).
        const bool minor_only =
            m.entry && std::all_of(m.entry->ids.begin(), m.entry->ids.end(),
                                   [&](std::uint32_t id) { return is_minor(gaz_.place(id)); });
        // "Mustafa said", "Abbas, the researcher": such a name followed as a person's name is,
        // or a speaker after the verb ("... is key," stated Abbas, who studies it), is the
        // person.
        auto speaker_after_verb = [&] {
            return m.first > 0 && m.last + 1 < toks_.size() && gap(m.last).starts_with(",") &&
                   geo_words().speech_verb.has(lower_word(m.first - 1));
        };
        if (!partial && minor_only && (person_after(m.end) || speaker_after_verb())) {
            m.penalty += 0.6;
            m.penalty_why = "a person's name";
        }
        if (partial) {
            // A short key inside a longer name ("Re" of a word like "Re'em") even more so.
            // A community known only from OCHA's lists inside a longer name ("Fajr
            // al-Hurriyah", an operation; "Enab Baladi", an outlet) is no place: decisive,
            // whatever lies near. (A landmark named after it, "Al-Basil Roundabout", is in it.)
            const bool landmark =
                m.last + 1 < toks_.size() && geo_words().landmark_after.has(lower_word(m.last + 1));
            m.penalty += minor_only && !landmark ? 1.0 : m.key.size() <= 3 ? 0.6 : 0.4;
            m.penalty_why = "part of a longer name that is not a place";
        }
        // A name ending in a cue word carries it ("Aleppo province"), for coordination.
        if (m.last > m.first) {
            Cue c = cue_of(lower_word(m.last));
            if (c == Cue::governorate) set_cue(m, c, "cue word in the name");
        }
        // Cue words after: "Idlib province", "Aleppo’s countryside", "Aleppo’s northern
        // countryside", "Aleppo and Idlib regions" (the last handled when spreading).
        std::size_t j = m.last;
        for (int hops = 0; hops < 2 && j + 1 < toks_.size(); ++hops) {
            std::string_view g = gap(j);
            if (!(joined(g) || possessive_after(j))) break;
            const std::string_view lw = lower_word(j + 1);
            Cue c = cue_of(lw);
            if (c != Cue::none) {
                set_cue(m, c, "cue word \"" + std::string(lw) + "\" after");
                break;
            }
            if (!geo_words().cue_qualifier.has(lw)) break;
            ++j;
        }
        // Cue words and titles before: "the city of Hama", "province d'Idleb", "rural Idlib",
        // "villages in Aleppo", "spokesman Savett".
        std::size_t f = m.first;
        if (f > 0 && toks_[f - 1].key.empty() && m.start == toks_[f - 1].start) --f;
        std::vector<std::string_view> before;
        for (std::size_t k = f; k > 0 && before.size() < 3;) {
            --k;
            if (kClauseBreaks.any_in(gap(k))) break;
            before.push_back(lower_word(k));
        }
        if (!before.empty() && is_title(before[0])) {
            m.penalty += 0.45;
            m.penalty_why = "after \"" + std::string(before[0]) + "\": a person";
        }
        // "the city of Hama", "province of Idlib", "province d'Idleb", "villages in Aleppo";
        // not "a city in Idlib province", where the cue word is about another name.
        // "villages across Aleppo and Idlib": across the governorates.
        if (before.size() >= 3 && before[0] == "across" &&
            one_of(before[1], {"villages", "towns", "localities", "settlements", "areas"}))
            set_cue(m, Cue::governorate, "\"" + std::string(before[1]) + " across\" before");
        if (before.size() >= 2 && one_of(before[0], {"of", "d", "de", "in"})) {
            std::size_t b = before[1] == "the" && before.size() >= 3 ? 2 : 1;
            Cue c = cue_of(before[b]);
            if (before[0] == "in") {
                c = one_of(before[b], {"villages", "towns"}) ? Cue::governorate : Cue::none;
            }
            if (c == Cue::governorate && one_of(before[b], {"provinces", "governorates"}))
                m.cue_plural = true;
            if (c != Cue::none) set_cue(m, c, "cue word \"" + std::string(before[b]) + "\" before");
        } else if (!before.empty() &&
                   one_of(before[0], {"rural", "rif", "province", "governorate"})) {
            set_cue(m, Cue::governorate, "cue word \"" + std::string(before[0]) + "\" before");
        } else if (!before.empty() && before[0].size() > 6 && compass(before[0]) &&
                   (before[0].ends_with("ern") || before[0].ends_with("erly")) &&
                   m.first == m.last) {
            // "in southern Idlib", "northwestern Hama": a part of the governorate (GUIDE);
            // "western Aleppo countryside" already has its cue after the name.
            set_cue(m, Cue::governorate, "direction \"" + std::string(before[0]) + "\" before");
        }
    }

    static void set_cue(Match& m, Cue c, std::string why) {
        if (m.cue != Cue::none) return;
        m.cue = c;
        m.cue_why = std::move(why);
    }

    // The best place of a match by prior alone (no context), or null.
    const Place* likely_place(const Match& m) const {
        const Place* best = nullptr;
        if (m.fuzzy) return nullptr;
        for (std::size_t k = 0; k < m.entry->ids.size(); ++k) {
            const Place& p = gaz_.place(m.entry->ids[k]);
            if (!best || (p.country == "SY" && best->country != "SY") ||
                (p.country == best->country && p.population > best->population))
                best = &p;
        }
        return best;
    }

    // "the Abu al-Duhur airbase in Idlib": a place in a governorate, not in its capital,
    // followed by "in <capital>" means the governorate.
    void containment_cues(std::vector<Match>& ms) const {
        for (std::size_t k = 0; k + 1 < ms.size(); ++k) {
            Match& a = ms[k];
            Match& b = ms[k + 1];
            if (b.cue != Cue::none || a.penalty > 0) continue;
            std::string_view between = text_.substr(a.end, b.start - a.end);
            if (between != " in " && between != ", in " && between != " in the ") continue;
            if (a.fuzzy || b.fuzzy) continue;
            const Place* pa = likely_place(a);
            const Place* pb = likely_place(b);
            if (!pa || !pb || pa->country != "SY" || pb->country != "SY" ||
                pa->admin1 != pb->admin1 || pb->feature_class != 'P' ||
                (pb->feature_code != "PPLA" && pb->feature_code != "PPLC"))
                continue;
            if (distance_km(pa->lat, pa->lon, pb->lat, pb->lon) < 10.0) continue;  // the city
            b.cue = Cue::governorate;
            b.cue_why = "contains " + pa->name + ", which lies outside the city";
        }
    }

    // "the governorates of Aleppo and Idlib", "in Aleppo and Idlib provinces": a governorate
    // cue on one of two coordinated names applies to both.
    void spread_governorate_cues(std::vector<Match>& ms) const {
        containment_cues(ms);
        for (std::size_t k = 0; k + 1 < ms.size(); ++k) {
            Match& a = ms[k];
            Match& b = ms[k + 1];
            if (b.first != a.last + 2) continue;
            const std::string_view lw = lower_word(a.last + 1);
            if (!one_of(lw, {"and", "or"})) continue;
            if (a.cue == Cue::governorate && b.cue == Cue::none) {
                b.cue = a.cue;
                b.cue_why = a.cue_why + " (coordinated)";
            } else if (b.cue == Cue::governorate && a.cue == Cue::none) {
                a.cue = b.cue;
                a.cue_why = b.cue_why + " (coordinated)";
            }
        }
        // "the provinces of Hama, Idlib and Aleppo": forwards over commas from a plural cue.
        for (std::size_t k = 0; k + 1 < ms.size(); ++k) {
            Match& a = ms[k];
            Match& b = ms[k + 1];
            if (!a.cue_plural || b.cue != Cue::none) continue;
            const bool comma = b.first == a.last + 1 && gap(a.last) == ", ";
            const bool comma_and = b.first == a.last + 2 && gap(a.last).starts_with(",") &&
                                   one_of(lower_word(a.last + 1), {"and", "or"});
            const bool plain_and =
                b.first == a.last + 2 && one_of(lower_word(a.last + 1), {"and", "or"});
            if (!(comma || comma_and || plain_and)) continue;
            b.cue = a.cue;
            b.cue_why = a.cue_why + " (listed)";
            b.cue_plural = true;
        }
        // "Aleppo, Hama and Idlib provinces": once more backwards over commas.
        for (std::size_t k = ms.size(); k-- > 1;) {
            Match& a = ms[k - 1];
            Match& b = ms[k];
            if (b.first != a.last + 1 || gap(a.last) != ", ") continue;
            if (b.cue == Cue::governorate && a.cue == Cue::none) {
                a.cue = b.cue;
                a.cue_why = b.cue_why + " (coordinated)";
            }
        }
    }
};

}  // namespace

namespace {

// Candidates for a name by consonant skeleton only (no exact key): Syrian places, front
// governorates first; scores below any exact match.
std::vector<Candidate> lookup_skeleton(const Gazetteer& gaz, std::string_view name) {
    std::vector<Candidate> out;
    const std::string skel = skeleton(name);
    if (skel.size() < 3) return out;
    const auto* ids = gaz.find_skeleton(skel);
    if (!ids) return out;
    for (std::uint32_t id : *ids) {
        const Place& p = gaz.place(id);
        Candidate c;
        c.place_id = p.id;
        c.score = 0.4;
        c.why = "spelling variant (consonant skeleton " + skel + ")";
        if (p.admin1 == "09" || p.admin1 == "12" || p.admin1 == "10") {
            c.score += 0.05;
            c.why += ", Aleppo/Idlib/Hama";
        }
        if (!is_minor(p)) {
            c.score += 0.05;
            c.why += ", GeoNames or curated";
        }
        out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    return out;
}

}  // namespace

std::vector<Candidate> lookup(const Gazetteer& gaz, std::string_view name) {
    Match m;
    m.key = name_key(name);
    m.entry = gaz.find_entry(m.key);
    m.acronym = is_acronym(name);
    if (!m.entry) {
        // "Idlib province", "Hama city": the name without its cue word.
        auto sp = m.key.rfind(' ');
        if (sp == std::string::npos) return lookup_skeleton(gaz, name);
        std::string last = m.key.substr(sp + 1);
        Cue c = cue_of(last);
        if (c == Cue::none) return lookup_skeleton(gaz, name);
        m.key.resize(sp);
        m.entry = gaz.find_entry(m.key);
        if (!m.entry) return lookup_skeleton(gaz, name);
        m.cue = c;
        m.cue_why = "cue word \"" + last + "\"";
    }
    return rank(gaz, m, nullptr, /*governorate_cues=*/true);
}

namespace {

Mention make_mention(const Article& article, const Match& m, const Place& p,
                     const std::vector<Candidate>& ranked, bool abstain) {
    Mention x;
    x.doc = article.doc;
    x.start = m.start;
    x.end = m.end;
    x.surface = article.text.substr(m.start, m.end - m.start);
    x.place_id = p.id;
    x.place_name = p.name;
    x.kind = p.kind();
    x.lat = p.lat;
    x.lon = p.lon;
    x.foreign = p.foreign();
    x.score = ranked.front().score;
    x.why = ranked.front().why;
    x.abstained = abstain;
    x.runners_up.assign(ranked.begin() + 1, ranked.end());
    return x;
}

Mention unlocated_mention(const Article& article, const Match& m) {
    Mention x;
    x.doc = article.doc;
    x.start = m.start;
    x.end = m.end;
    x.surface = article.text.substr(m.start, m.end - m.start);
    x.place_id = "unlocated:" + m.key;
    x.place_name = x.surface;
    x.kind = "unlocated";
    x.located = false;
    x.score = 0.5;
    x.why = "a name in a place slot or list of places that the gazetteer lacks";
    return x;
}

// Points of the resolved Syrian mentions that say where the article is (not governorates,
// regions, roads or the country).
bool anchors(const Mention& x) {
    return !x.foreign && !x.abstained && x.located &&
           (x.kind == "city" || x.kind == "town" || x.kind == "village" ||
            x.kind == "neighbourhood" || x.kind == "airbase" || x.kind == "airport" ||
            x.kind == "military" || x.kind == "industrial" || x.kind == "place");
}

// Names matched only by consonant skeleton: kept when they stand in a place slot or a list
// AND a candidate fits the article's geography (its governorates, the places named near it,
// the article's centre); abstain when two far-apart candidates fit about as well. The
// article's places are read from `placed` if given, else from `out`.
void resolve_fuzzy(const Gazetteer& gaz, const Article& article, const std::vector<Match>& ms,
                   const std::vector<std::size_t>& fuzzy, const std::map<std::string, int>& admin1,
                   const GeoparseOptions& opt, std::vector<Mention>& out,
                   const std::vector<Mention>* placed = nullptr) {
    std::vector<const Mention*> anchor;
    double clat = 0, clon = 0;
    for (const auto& x : placed ? *placed : out) {
        if (!anchors(x)) continue;
        anchor.push_back(&x);
        clat += x.lat;
        clon += x.lon;
    }
    if (!anchor.empty()) {
        clat /= static_cast<double>(anchor.size());
        clon /= static_cast<double>(anchor.size());
    }
    std::vector<Mention> found;
    for (std::size_t k : fuzzy) {
        const Match& m = ms[k];
        if (!(m.slot || m.in_list) || m.penalty > 0 || m.acronym) continue;
        std::vector<Candidate> ranked;
        for (std::uint32_t id : m.fuzzy_ids) {
            const Place& p = gaz.place(id);
            if (p.country != "SY" || p.feature_class == 'A' || p.feature_class == 'R') continue;
            Candidate c;
            c.place_id = p.id;
            double s = 0.45;
            std::string why = "spelling variant (consonant skeleton " + m.skel + ")";
            auto add = [&](double d, std::string_view w) {
                s += d;
                why += ", ";
                why += w;
            };
            add(m.slot ? 0.1 : 0.05, m.slot ? "in a place slot" : "in a list of places");
            if (admin1.count(p.admin1)) add(0.1, "governorate named in the article");
            // A town the news names often ("Manbidj", French for Manbij): its skeleton of four
            // consonants or more is hardly a village's by chance.
            if (p.population >= kFuzzyTownPopulation && m.skel.size() >= 4)
                add(0.2, "a town of " + std::to_string(p.population));
            // The nearest place named in the same sentence if any, else within ~300
            // characters.
            double near = 1e9, near_sentence = 1e9;
            for (const Mention* a : anchor) {
                const std::size_t gap =
                    a->start > m.start ? a->start - m.start : m.start - a->start;
                if (gap > 300) continue;
                const double d = distance_km(p.lat, p.lon, a->lat, a->lon);
                near = std::min(near, d);
                const std::size_t lo = std::min(a->start, m.start),
                                  hi = std::max(a->start, m.start);
                if (!kSentenceEnds.any_in(std::string_view(article.text).substr(lo, hi - lo)))
                    near_sentence = std::min(near_sentence, d);
            }
            if (near_sentence < 1e9) near = near_sentence;
            if (near < 60)
                add(0.3 * (1 - near / 60), "places named beside it " + km_text(near) + " away");
            if (!anchor.empty()) {
                const double dc = distance_km(p.lat, p.lon, clat, clon);
                if (dc < 60)
                    add(0.1 * (1 - dc / 60), "article's centre " + km_text(dc) + " away");
                else if (dc > 150)
                    add(-0.2, "far from the article's places");
            }
            c.score = std::clamp(s, 0.0, 1.0);
            c.why = std::move(why);
            ranked.push_back(std::move(c));
        }
        if (ranked.empty()) continue;
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
        const Place& best = *gaz.find_id(ranked.front().place_id);
        bool abstain = ranked.front().score < kFuzzyMinScore;
        // A coin toss: a second candidate far away scores about as well.
        for (std::size_t r = 1; r < ranked.size() && !abstain; ++r) {
            const Place& q = *gaz.find_id(ranked[r].place_id);
            if (ranked.front().score - ranked[r].score >= kCoinToss) break;
            if (distance_km(best.lat, best.lon, q.lat, q.lon) > 10) {
                abstain = true;
                ranked.front().why += "; abstained: " + q.name + " fits as well";
            }
        }
        if (abstain && !opt.keep_abstentions) continue;
        found.push_back(make_mention(article, m, best, ranked, abstain));
    }
    for (auto& x : found) out.push_back(std::move(x));
}

// The places a list item may be: its reading, its namesakes, the Syrian communities of its
// consonant skeleton (three consonants or more, or any when `short_ok`).
std::vector<const Place*> item_readings(const Gazetteer& gaz, const Mention& x, bool short_ok) {
    std::vector<const Place*> out;
    auto add = [&](const Place* p) {
        if (!p || p->country != "SY" || p->feature_class == 'A' || p->feature_class == 'R' ||
            p->feature_class == 'L')
            return;
        if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    };
    if (x.located) add(gaz.find_id(x.place_id));
    for (const auto& c : x.runners_up) add(gaz.find_id(c.place_id));
    auto by_skeleton = [&](std::string_view name) {
        const std::string skel = skeleton(name);
        if (skel.size() < 2 || (skel.size() == 2 && !short_ok)) return;
        if (const auto* ids = gaz.find_skeleton(skel)) {
            for (std::uint32_t id : *ids) {
                const Place& p = gaz.place(id);
                if (p.feature_class == 'P') add(&p);
            }
        }
    };
    by_skeleton(x.surface);
    // The article glued to the name ("Alzeqa" for al-Zaka).
    const std::string_view sv = x.surface;
    if (sv.size() > 5 && (sv.starts_with("Al") || sv.starts_with("El")) &&
        std::islower(static_cast<unsigned char>(sv[2])))
        by_skeleton(sv.substr(2));
    return out;
}

// A list of places ("16 more settlements including A, B, C, D and E") is about one area: the
// spot that the readings of most of its items lie near. An item read elsewhere (an Aleppo
// quarter, a village of the same name 80 km off) or not at all takes its reading near that
// spot, if it has one there; a village read far from it with none there is unlocated. Items
// read well already, near the area or as large towns, are kept.
void list_consensus(const Gazetteer& gaz, std::string_view text, std::vector<Mention>& out) {
    auto glue = [&](std::size_t a, std::size_t b) {
        if (a > b) return false;
        std::string_view g = std::string_view(text).substr(a, b - a);
        // The gap's letters, lower case; a gap between two mentions may be long, and more
        // letters than "aswellas" has are no glue.
        constexpr std::size_t kLongest = 8;
        char w[kLongest];
        std::size_t n = 0;
        for (char c : g) {
            if (c == ',' || c == ' ') continue;
            if (n == kLongest) return false;
            w[n++] = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        const std::string_view v(w, n);
        return v.empty() || v == "and" || v == "or" || v == "aswellas";
    };
    for (std::size_t i = 0; i < out.size();) {
        std::size_t j = i + 1;
        while (j < out.size() && !out[j].foreign && glue(out[j - 1].end, out[j].start)) ++j;
        const std::size_t n = j - i;
        if (n < kConsensusItems) {
            i = j;
            continue;
        }
        std::vector<std::vector<const Place*>> reads(n);
        for (std::size_t k = 0; k < n; ++k) reads[k] = item_readings(gaz, out[i + k], false);
        // The spot most items have a reading near, and how near.
        const Place* spot = nullptr;
        std::size_t best = 0;
        double best_sum = 1e18;
        for (std::size_t k = 0; k < n; ++k) {
            for (const Place* q : reads[k]) {
                std::size_t count = 0;
                double sum = 0;
                for (std::size_t r = 0; r < n; ++r) {
                    double d = 1e9;
                    for (const Place* p : reads[r])
                        d = std::min(d, distance_km(p->lat, p->lon, q->lat, q->lon));
                    if (d <= kConsensusKm) {
                        ++count;
                        sum += d;
                    }
                }
                if (count > best || (count == best && sum < best_sum)) {
                    best = count;
                    best_sum = sum;
                    spot = q;
                }
            }
        }
        // (Items with no reading at all, names in no data set, cast no vote.)
        const std::size_t voters = static_cast<std::size_t>(
            std::count_if(reads.begin(), reads.end(), [](const auto& r) { return !r.empty(); }));
        if (!spot || best < std::max<std::size_t>(3, (voters + 1) / 2)) {
            i = j;
            continue;
        }
        // The area's centre: the readings near the spot, one per item.
        double clat = 0, clon = 0;
        std::size_t members = 0;
        for (std::size_t r = 0; r < n; ++r) {
            const Place* near = nullptr;
            double d = kConsensusKm;
            for (const Place* p : reads[r]) {
                const double e = distance_km(p->lat, p->lon, spot->lat, spot->lon);
                if (e <= d) d = e, near = p;
            }
            if (!near) continue;
            clat += near->lat;
            clon += near->lon;
            ++members;
        }
        clat /= static_cast<double>(members);
        clon /= static_cast<double>(members);
        for (std::size_t k = 0; k < n; ++k) {
            Mention& x = out[i + k];
            const Place* now = x.located ? gaz.find_id(x.place_id) : nullptr;
            const double d_now = now ? distance_km(now->lat, now->lon, clat, clon) : 1e9;
            if (now && (d_now <= kConsensusReachKm || !is_minor(*now) || now->population >= 10000))
                continue;
            // Its reading nearest the area, the one place of it there.
            const Place* pick = nullptr;
            double d_pick = kConsensusReachKm;
            bool twice = false;
            const auto& sure = reads[k];  // its readings without two-consonant skeletons
            for (const Place* p : item_readings(gaz, x, true)) {
                const double e = distance_km(p->lat, p->lon, clat, clon);
                // A two-consonant skeleton is shared by many villages: only close by.
                const bool short_only = std::find(sure.begin(), sure.end(), p) == sure.end();
                if (e > (short_only ? kConsensusKm : kConsensusReachKm)) continue;
                if (pick && distance_km(p->lat, p->lon, pick->lat, pick->lon) > kListAreaSameKm)
                    twice = true;
                if (e < d_pick) d_pick = e, pick = p;
            }
            const std::string why = std::to_string(members) + " of the " + std::to_string(n) +
                                    " places listed with it lie within " + km_text(kConsensusKm) +
                                    " of one another";
            if (pick && !twice) {
                Candidate was;
                if (x.located) {
                    was.place_id = x.place_id;
                    was.score = x.score;
                    was.why = x.why;
                }
                x.place_id = pick->id;
                x.place_name = pick->name;
                x.kind = pick->kind();
                x.lat = pick->lat;
                x.lon = pick->lon;
                x.foreign = false;
                x.located = true;
                x.abstained = false;
                x.score = 0.6;
                x.why = "read in the area of its list (" + why + "), " + km_text(d_pick) +
                        " from its centre";
                if (!was.place_id.empty()) x.runners_up.insert(x.runners_up.begin(), was);
            } else if (now && d_now > kConsensusFarKm) {
                x.why +=
                    "; unlocated: " + km_text(d_now) + " from the area of its list (" + why + ")";
                x.place_id = "unlocated:" + name_key(x.surface);
                x.place_name = x.surface;
                x.kind = "unlocated";
                x.located = false;
                x.lat = x.lon = 0;
                x.score = 0.5;
            }
        }
        i = j;
    }
}
}  // namespace

std::vector<Mention> geoparse(const Gazetteer& gaz, const Article& article,
                              const GeoparseOptions& opt) {
    const std::string_view text = article.text;
    Parser parser(gaz, text, opt.unlocated);
    std::vector<Match> ms = parser.matches();

    // Governorates of the unambiguous Syrian mentions, as context for the ambiguous ones.
    std::map<std::string, int> admin1;
    for (const auto& m : ms) {
        if (m.fuzzy || m.unlocated || m.entry->ids.size() != 1 || m.penalty > 0) continue;
        const Place& p = gaz.place(m.entry->ids[0]);
        if (p.country == "SY" && !p.admin1.empty()) ++admin1[p.admin1];
    }

    std::vector<Mention> out;
    out.reserve(ms.size());
    std::vector<std::size_t> fuzzy, unlocated;  // indices into ms
    std::vector<std::size_t> unlocated_far;     // weak matches far from their list
    std::vector<std::vector<Candidate>> rankings(ms.size());
    std::vector<std::map<std::string, double>> proximity(ms.size());  // bonus by place id
    for (std::size_t k = 0; k < ms.size(); ++k) {
        const auto& m = ms[k];
        if (m.fuzzy) {
            fuzzy.push_back(k);
            continue;
        }
        if (m.unlocated) {
            if (opt.unlocated) unlocated.push_back(k);
            continue;
        }
        rankings[k] = rank(gaz, m, &admin1, opt.governorate_cues);
        // Every place of the name refused ("Hoor" = OCHA's "Hur", a name of three letters
        // or fewer): a list item or a name in a place slot is read in the list's area, else
        // unlocated, like a name the gazetteer lacks.
        if (rankings[k].empty() && (m.in_list || m.slot) && !m.road && m.penalty <= 0 &&
            !m.acronym && !gaz.stop_listed(m.key) && opt.unlocated && !opt.keep_abstentions)
            unlocated_far.push_back(k);
    }
    // Homonyms: Syrian candidates of an ambiguous name gain by their distance to the places
    // of the unambiguous mentions named within 300 characters ("Souran" beside Morek is the
    // Hama one, beside Azaz the Aleppo one).
    std::vector<std::pair<std::size_t, const Place*>> anchor;  // text offset, place
    for (std::size_t k = 0; k < ms.size(); ++k) {
        const auto& r = rankings[k];
        // (A penalised match, "al-Baath" of "Madinat al-Baath", anchors nothing.)
        if (r.empty() || r.front().score < opt.min_score || ms[k].penalty > 0) continue;
        const Place* p = gaz.find_id(r.front().place_id);
        const bool clear = r.size() == 1 || r[1].score < r.front().score - 0.2;
        if (clear && p && p->country == "SY" && p->feature_class != 'A' &&
            p->feature_class != 'R' && p->feature_class != 'L')
            anchor.emplace_back(ms[k].start, p);
    }
    // Anchors and matches are in text order: the ones within 300 characters of an offset
    // are found by binary search (a scan per match made a 50 MB article quadratic).
    std::stable_sort(anchor.begin(), anchor.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    auto anchors_near = [&](std::size_t at) {
        auto lo = std::lower_bound(anchor.begin(), anchor.end(), at > 300 ? at - 300 : 0,
                                   [](const auto& a, std::size_t v) { return a.first < v; });
        auto hi = std::upper_bound(lo, anchor.end(), at + 300,
                                   [](std::size_t v, const auto& a) { return v < a.first; });
        return std::make_pair(lo, hi);
    };
    // A foreign namesake in a place slot or list of an article about Syria ("the villages of
    // ..., Suruc, ..." about Hama): far from the article's places it loses to a Syrian
    // candidate, and to a Syrian place of the same skeleton that the context resolves.
    std::vector<Match> alt;           // fuzzy readings of such names, for resolve_fuzzy()
    std::vector<std::size_t> alt_of;  // their index in ms
    if (!anchor.empty()) {
        double clat = 0, clon = 0;
        for (const auto& [pos, a] : anchor) {
            clat += a->lat;
            clon += a->lon;
        }
        clat /= static_cast<double>(anchor.size());
        clon /= static_cast<double>(anchor.size());
        for (std::size_t k = 0; k < ms.size(); ++k) {
            const Match& m = ms[k];
            auto& ranked = rankings[k];
            if (!(m.slot || m.in_list) || m.penalty > 0 || ranked.empty()) continue;
            // A small community known only to OCHA, far from every place the article names
            // ("the town of Orayma" in a report on Manbij is not the Tartus hamlet): its
            // same-skeleton namesakes are read by context first, as for a foreign namesake
            // (OCHA writes one العريمة "A'rima", another "Orayma").
            if (!m.foreign_namesake) {
                bool far_minor = true;
                for (const auto& c : ranked) {
                    const Place& p = *gaz.find_id(c.place_id);
                    far_minor = far_minor && p.country == "SY" && is_minor(p) &&
                                distance_km(p.lat, p.lon, clat, clon) > kFarMinorKm;
                }
                if (!far_minor || gaz.stop_listed(m.key)) continue;
                const std::string skel = skeleton(text.substr(m.start, m.end - m.start));
                const auto* ids = skel.size() >= 2 ? gaz.find_skeleton(skel) : nullptr;
                if (!ids) continue;
                Match f = m;
                f.fuzzy = true;
                f.fuzzy_ids.clear();
                for (std::uint32_t id : *ids) {
                    const Place& p = gaz.place(id);
                    if (distance_km(p.lat, p.lon, clat, clon) <= kFarMinorKm)
                        f.fuzzy_ids.push_back(id);
                }
                if (f.fuzzy_ids.empty()) continue;
                f.skel = skel;
                alt.push_back(std::move(f));
                alt_of.push_back(k);
                continue;
            }
            bool syrian = false;
            for (const auto& c : ranked) syrian |= gaz.find_id(c.place_id)->country == "SY";
            if (!syrian && m.alt_ids.empty()) continue;
            // With a Syrian candidate, far foreign ones lose 0.2 (both may then abstain);
            // without one, the Syrian places of the skeleton are tried first (not against a
            // city of 100,000 or more, which the news means more often than a Syrian hamlet)
            // and the exact ranking stands, unchanged, if none of them fits.
            bool far = false;
            for (auto& c : ranked) {
                const Place& p = *gaz.find_id(c.place_id);
                if (!p.foreign() || is_capital_or_country(p)) continue;
                const double d = distance_km(p.lat, p.lon, clat, clon);
                if (d <= 150) continue;
                far |= &c == &ranked.front() && p.population < 100000;
                if (!syrian) continue;
                c.score = std::max(0.0, c.score - 0.2);
                c.why += ", a foreign namesake " + km_text(d) + " from the article's places";
            }
            std::stable_sort(
                ranked.begin(), ranked.end(),
                [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
            if (far && !syrian) {
                Match f = m;
                f.fuzzy = true;
                f.fuzzy_ids = m.alt_ids;
                f.skel = m.alt_skel;
                alt.push_back(std::move(f));
                alt_of.push_back(k);
            }
        }
    }
    // k's best candidate is matched by one of its alternate names only, not its own.
    auto alternate_only = [&](std::size_t k) {
        const Match& m = ms[k];
        if (rankings[k].empty()) return false;
        const Place* p = gaz.find_id(rankings[k].front().place_id);
        for (std::size_t j = 0; j < m.entry->ids.size(); ++j) {
            if (&gaz.place(m.entry->ids[j]) == p) return !m.entry->strong[j];
        }
        return false;
    };
    // A weak match: a short name (two consonants at most: "Balu", "al-Maari", where names of
    // different places collide) or one known to its place only as an alternate name.
    auto weak = [&](std::size_t k) {
        const Match& m = ms[k];
        if (rankings[k].empty()) return false;
        return skeleton(text.substr(m.start, m.end - m.start)).size() <= 2 || alternate_only(k);
    };
    auto same_sentence = [&](std::size_t a, std::size_t b) {
        const std::size_t lo = std::min(a, b), hi = std::max(a, b);
        return !kSentenceEnds.any_in(text.substr(lo, hi - lo));
    };
    // The first match within 300 characters before k (the matches are in text order): the
    // list checks below look no further either way, so a long article costs linear time.
    auto first_near = [&](std::size_t k) {
        const std::size_t from = ms[k].start > 300 ? ms[k].start - 300 : 0;
        return static_cast<std::size_t>(
            std::lower_bound(ms.begin(), ms.end(), from,
                             [](const Match& a, std::size_t v) { return a.start < v; }) -
            ms.begin());
    };
    // Where the other places of k's list lie: the centre and spread of the clearly resolved
    // (not weak) list items of the same sentence within 300 characters.
    struct ListArea {
        std::size_t places = 0;
        double lat = 0, lon = 0, spread = 0;
    };
    auto list_area = [&](std::size_t k) {
        ListArea area;
        std::vector<const Place*> others;
        for (std::size_t j = first_near(k); j < ms.size() && ms[j].start <= ms[k].start + 300;
             ++j) {
            if (j == k || rankings[j].empty() || !ms[j].in_list) continue;
            if (!same_sentence(ms[j].start, ms[k].start) || weak(j)) continue;
            const auto [at_lo, at_hi] = anchors_near(ms[j].start);
            for (auto ai = at_lo; ai != at_hi; ++ai) {
                const auto& [pos, a] = *ai;
                if (pos != ms[j].start) continue;
                others.push_back(a);
                area.lat += a->lat;
                area.lon += a->lon;
            }
        }
        area.places = others.size();
        if (others.empty()) return area;
        area.lat /= static_cast<double>(others.size());
        area.lon /= static_cast<double>(others.size());
        for (const Place* a : others)
            area.spread = std::max(area.spread, distance_km(area.lat, area.lon, a->lat, a->lon));
        return area;
    };
    // How many other items of k's list (same sentence, within 300 characters) resolve in
    // Syria, however weakly (a consonant-skeleton match is always Syrian).
    auto syrian_list_items = [&](std::size_t k) {
        std::size_t n = 0;
        for (std::size_t j = first_near(k); j < ms.size() && ms[j].start <= ms[k].start + 300;
             ++j) {
            if (j == k || !(ms[j].in_list || ms[j].fuzzy)) continue;
            if (!same_sentence(ms[j].start, ms[k].start)) continue;
            if (ms[j].fuzzy)
                n += !ms[j].fuzzy_ids.empty();
            else if (!rankings[j].empty())
                n += gaz.find_id(rankings[j].front().place_id)->country == "SY";
        }
        return n;
    };
    for (std::size_t k = 0; k < ms.size(); ++k) {
        auto& ranked = rankings[k];
        std::size_t syrian = 0;
        bool area = false;  // a governorate among them: decided by cue words, not distance
        for (const auto& c : ranked) {
            const Place& p = *gaz.find_id(c.place_id);
            syrian += p.country == "SY";
            area |= p.feature_class == 'A';
        }
        if (syrian < 2 || area) continue;
        // Per candidate: distance to the nearest place of the same sentence if any, else
        // within 300 characters; and to the nearest place of the same sentence only.
        std::vector<double> nears(ranked.size(), 1e9), sentence(ranked.size(), 1e9);
        for (std::size_t r = 0; r < ranked.size(); ++r) {
            const Place& p = *gaz.find_id(ranked[r].place_id);
            if (p.country != "SY" || p.feature_class == 'A') continue;
            double near = 1e9, near_sentence = 1e9;
            const auto [near_lo, near_hi] = anchors_near(ms[k].start);
            for (auto ai = near_lo; ai != near_hi; ++ai) {
                const auto& [pos, a] = *ai;
                const std::size_t gap = pos > ms[k].start ? pos - ms[k].start : ms[k].start - pos;
                if (gap > 300 || a == &p) continue;
                const double d = distance_km(p.lat, p.lon, a->lat, a->lon);
                near = std::min(near, d);
                if (same_sentence(pos, ms[k].start)) near_sentence = std::min(near_sentence, d);
            }
            if (near_sentence < 1e9) near = near_sentence;
            nears[r] = near;
            sentence[r] = near_sentence;
        }
        // In a list of places ("Karnaz, Tal Melh and Sheikh Hadid"), a namesake beside the
        // other items decides: the namesakes far from all of them lose ground too.
        const double best_sentence = *std::min_element(sentence.begin(), sentence.end());
        const bool listed = ms[k].in_list && best_sentence < kListNearKm;
        for (std::size_t r = 0; r < ranked.size(); ++r) {
            auto& c = ranked[r];
            const Place& p = *gaz.find_id(c.place_id);
            if (p.country != "SY" || p.feature_class == 'A') continue;
            const double near = nears[r];
            if (near < 60) {
                proximity[k][c.place_id] = 0.2 * (1 - near / 60);
                c.score = std::min(1.0, c.score + 0.2 * (1 - near / 60));
                c.why += ", places named beside it " + km_text(near) + " away";
            } else if (listed && sentence[r] < 1e9) {
                c.score = std::max(0.0, c.score - 0.2);
                c.why += ", " + km_text(sentence[r]) + " from the places listed with it";
            }
        }
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    }
    // The area named after a list or an item ("A, B and C in northern Aleppo", "X, located
    // west of Aleppo"): the items' namesakes outside it lose, a namesake of the same consonant
    // skeleton inside it may stand in for a name the gazetteer knows only elsewhere ("Kafr
    // Basin", the Idlib village, for كفر بسين west of Aleppo); an item whose places all lie
    // outside abstains. Items of a list of neighbourhoods must lie in the city the article
    // is about.
    std::vector<char> area_out(ms.size(), 0);
    auto find_match_at = [&](std::size_t at) -> const Match* {
        auto it = std::lower_bound(ms.begin(), ms.end(), at,
                                   [](const Match& a, std::size_t v) { return a.start < v; });
        return it != ms.end() && it->start == at ? &*it : nullptr;
    };
    auto city_of = [&](const Match& a) -> const Place* {
        if (a.fuzzy || !a.entry) return nullptr;
        for (std::uint32_t id : a.entry->ids) {
            const Place& p = gaz.place(id);
            if (p.country == "SY" && p.feature_class == 'P' &&
                (p.feature_code == "PPLA" || p.feature_code == "PPLC"))
                return &p;
        }
        return nullptr;
    };
    auto city_level = [](const Place& p) {
        return p.country == "SY" && p.feature_class == 'P' &&
               (p.feature_code == "PPLA" || p.feature_code == "PPLC" || p.population >= 100000);
    };
    for (std::size_t k = 0; k < ms.size(); ++k) {
        auto& ranked = rankings[k];
        const Match& m = ms[k];
        if (ranked.empty() || m.penalty > 0) continue;
        std::function<bool(const Place&)> inside;
        std::string area_why;
        if (m.area_at != std::string_view::npos) {
            const Match* am = find_match_at(m.area_at);
            if (!am || am == &m) continue;
            const Place* city = city_of(*am);
            std::string admin;
            for (std::uint32_t id : am->entry->ids) {
                const Place& p = gaz.place(id);
                if (p.country == "SY" && (p.feature_code == "ADM1" || &p == city)) admin = p.admin1;
            }
            if (admin.empty()) continue;
            const unsigned dir = m.area_dir;
            inside = [&gaz, city, admin, dir](const Place& p) {
                (void)gaz;
                if (p.country != "SY") return false;
                if (!city) return p.admin1 == admin;
                const double d = distance_km(p.lat, p.lon, city->lat, city->lon);
                if (d > 120 || (!(dir & kRelative) && p.admin1 != admin && d > 40)) return false;
                constexpr double kSide = 0.02;  // about 2 km
                if ((dir & kWest) && p.lon > city->lon - kSide) return false;
                if ((dir & kEast) && p.lon < city->lon + kSide) return false;
                if ((dir & kNorth) && p.lat < city->lat + kSide) return false;
                if ((dir & kSouth) && p.lat > city->lat - kSide) return false;
                return true;
            };
            area_why = "the area named after it (" +
                       std::string(text.substr(am->start, am->end - am->start)) + ")";
        } else if (m.district) {
            // A name of a large place itself ("the Aleppo neighbourhoods") is not an item.
            bool big = false;
            for (const auto& c : ranked) big |= city_level(*gaz.find_id(c.place_id));
            if (big) continue;
            // The city the article is about here: the last clearly placed city before the
            // name, else the first after it in the same sentence.
            const Place* city = nullptr;
            for (const auto& [pos, a] : anchor) {
                if (!city_level(*a)) continue;
                if (pos < m.start) {
                    city = a;
                } else {
                    if (same_sentence(pos, m.start)) city = a;
                    break;
                }
            }
            if (!city) continue;
            // A neighbourhood is in some city; another place must be near this one.
            inside = [city](const Place& p) {
                return p.country == "SY" &&
                       (p.feature_code == "PPLX" || p.kind() == "neighbourhood" ||
                        distance_km(p.lat, p.lon, city->lat, city->lon) <= kDistrictKm);
            };
            area_why = "a neighbourhood of " + city->name;
        } else {
            continue;
        }
        bool any_inside = false;
        // Only Syrian names: a foreign capital beside a Syrian area ("pro-Ankara factions
        // north of Aleppo") is another kind of mention.
        if (gaz.find_id(ranked.front().place_id)->country != "SY") continue;
        for (auto& c : ranked) {
            const Place& p = *gaz.find_id(c.place_id);
            if (p.feature_class == 'A' || p.feature_class == 'R' || p.feature_class == 'L')
                continue;
            if (inside(p)) {
                any_inside = true;
                c.score = std::min(1.0, c.score + 0.1);
                c.why += ", in " + area_why;
            } else {
                c.score = std::max(0.0, c.score - 0.35);
                c.why += ", outside " + area_why;
            }
        }
        // A place of the same consonant skeleton inside the area, when no candidate is.
        if (!any_inside) {
            const std::string skel = skeleton(text.substr(m.start, m.end - m.start));
            const auto* ids = skel.size() >= 3 ? gaz.find_skeleton(skel) : nullptr;
            const Place* only = nullptr;
            bool several = false;
            for (std::uint32_t id : ids ? *ids : std::vector<std::uint32_t>{}) {
                const Place& p = gaz.place(id);
                if (p.feature_class != 'P' || !inside(p)) continue;
                // A village that merely shares the skeleton is no neighbourhood ("Arbain" of
                // Hama is not Raabun, 8 km out).
                if (m.area_at == std::string_view::npos && m.district && p.feature_code != "PPLX" &&
                    p.kind() != "neighbourhood")
                    continue;
                if (only && distance_km(p.lat, p.lon, only->lat, only->lon) > kListAreaSameKm)
                    several = true;
                if (!only) only = &p;
            }
            if (only && !several) {
                Candidate c;
                c.place_id = only->id;
                c.score = 0.7;
                c.why = "spelling variant (consonant skeleton " + skel + "), the only place of " +
                        "it in " + area_why;
                ranked.push_back(std::move(c));
            }
        }
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
        const Place& best = *gaz.find_id(ranked.front().place_id);
        if (!inside(best) && best.feature_class != 'A' && best.feature_class != 'R' &&
            best.feature_class != 'L')
            area_out[k] = 1;
    }
    auto emit = [&](std::size_t k) {
        auto& ranked = rankings[k];
        if (ranked.empty()) return;
        bool abstain = ranked.front().score < opt.min_score;
        // A coin toss between two Syrian namesakes far apart that the places beside them do
        // not decide either (scores saturate at 1): abstain.
        auto bonus = [&](const Candidate& c) {
            auto it = proximity[k].find(c.place_id);
            return it == proximity[k].end() ? 0.0 : it->second;
        };
        // Scores saturate at 1: a runner-up that ties and that the places beside it clearly
        // favour ("Hamdaniyya, New Aleppo, and Zahra": the Aleppo quarter, not the town by
        // Nubl) is the one meant.
        if (!abstain && ranked.size() > 1 &&
            ranked.front().score - ranked[1].score < kExactCoinToss &&
            bonus(ranked[1]) > bonus(ranked.front()) + kNeighboursDecide) {
            std::swap(ranked[0], ranked[1]);
            ranked.front().why += "; the places beside it favour it over a namesake";
        }
        if (!abstain && ranked.size() > 1 &&
            ranked.front().score - ranked[1].score < kExactCoinToss &&
            bonus(ranked.front()) <= bonus(ranked[1]) + 0.02) {
            const Place& a = *gaz.find_id(ranked.front().place_id);
            const Place& b = *gaz.find_id(ranked[1].place_id);
            if (a.country == "SY" && b.country == "SY" && a.feature_class != 'A' &&
                b.feature_class != 'A' && distance_km(a.lat, a.lon, b.lat, b.lon) > 10) {
                abstain = true;
                ranked.front().why += "; abstained: " + b.name + " fits as well";
            }
        }
        // "... Anjara, Balu, Salum ...": a weak match in a list of places that puts it far
        // from where the list's other places are is a different, unknown place.
        bool far_from_list = false;
        if (!abstain && ms[k].in_list && weak(k)) {
            const Place& p = *gaz.find_id(ranked.front().place_id);
            const ListArea area = list_area(k);
            // A country or governorate is no list item ("Hama, Syria's fourth-largest city").
            // A large town's own name, or a long alternate name of it, is that town; a short
            // alternate name ("Balu" of a city) is still weak.
            const bool town =
                p.population >= kListFarTownPopulation &&
                (!alternate_only(k) ||
                 skeleton(text.substr(ms[k].start, ms[k].end - ms[k].start)).size() > 2);
            if (area.places >= 2 && p.country == "SY" && p.feature_class != 'A' && !town) {
                const double d = distance_km(p.lat, p.lon, area.lat, area.lon);
                if (d > std::max(kListFarKm, 2 * area.spread)) {
                    abstain = true;
                    far_from_list = true;
                    ranked.front().why += "; abstained: short or alternate name " + km_text(d) +
                                          " from the places listed with it";
                }
            }
        }
        // "the villages of Maan, Kawkab and Tal Malah": a foreign place known only by an
        // alternate name ("Maan" of Amman), or a foreign village ("Husseiniya", a hamlet in
        // Israel), among Syrian list items is one of them.
        const Place& top = *gaz.find_id(ranked.front().place_id);
        // The nearest place that the match's sentence names clearly, other than `p` and the
        // match itself (1e9 if none).
        auto nearest_in_sentence = [&](const Place& p) {
            double nearest = 1e9;
            const auto [lo, hi] = anchors_near(ms[k].start);
            for (auto ai = lo; ai != hi; ++ai) {
                if (ai->second == &p || ai->first == ms[k].start ||
                    !same_sentence(ai->first, ms[k].start))
                    continue;
                nearest =
                    std::min(nearest, distance_km(p.lat, p.lon, ai->second->lat, ai->second->lon));
            }
            return nearest;
        };
        if (!abstain && ms[k].in_list && top.foreign() &&
            (alternate_only(k) ||
             (top.population < kForeignHamletPopulation && top.feature_class == 'P')) &&
            syrian_list_items(k) >= 2) {
            abstain = true;
            far_from_list = true;
        }
        // An OCHA community in a list or slot far from every place the same sentence names
        // clearly ("the villages of A, B" west of Hama city: not a namesake near Aleppo).
        if (!abstain && (ms[k].in_list || ms[k].slot) && opt.unlocated) {
            if (is_minor(top)) {
                const double nearest = nearest_in_sentence(top);
                if (nearest < 1e9 && nearest > kSentenceFarKm) {
                    abstain = true;
                    far_from_list = true;
                    ranked.front().why +=
                        "; abstained: " + km_text(nearest) + " from the places its sentence names";
                }
            }
        }
        // "the old citadel of Damascus": a description of a landmark in another city.
        if (!abstain && ms[k].described) {
            const double nearest = nearest_in_sentence(top);
            if (nearest < 1e9 && nearest > kSentenceFarKm) {
                abstain = true;
                ranked.front().why += "; abstained: a description of a landmark " +
                                      km_text(nearest) + " from the places its sentence names";
            }
        }
        if (area_out[k]) {
            abstain = true;
            // A list item or a name in a place slot is a place the gazetteer lacks there.
            // (Not a stop-listed name: "Assad's government in Homs" names no place at all.)
            far_from_list =
                (ms[k].in_list || ms[k].slot || ms[k].district) && !gaz.stop_listed(ms[k].key);
            ranked.front().why += "; abstained: outside the area the text places it in";
        }
        if (far_from_list && opt.unlocated && !opt.keep_abstentions) {
            unlocated_far.push_back(k);
            return;
        }
        // A foreign namesake in a place slot that ties with a Syrian one: a place the
        // gazetteer cannot say which, like a name it lacks.
        if (abstain && opt.unlocated && !opt.keep_abstentions && ms[k].foreign_namesake &&
            (ms[k].slot || ms[k].in_list) && ms[k].penalty <= 0 && ms[k].key.size() >= 3) {
            out.push_back(unlocated_mention(article, ms[k]));
            return;
        }
        if (abstain && !opt.keep_abstentions) return;
        const Place& p = *gaz.find_id(ranked.front().place_id);
        out.push_back(make_mention(article, ms[k], p, ranked, abstain));
    };
    for (std::size_t k = 0; k < ms.size(); ++k) {
        if (std::find(alt_of.begin(), alt_of.end(), k) == alt_of.end()) emit(k);
    }
    // The Syrian readings of foreign namesakes, resolved by context like any skeleton
    // match; a name that none fits keeps its exact ranking.
    if (!alt.empty()) {
        std::vector<std::size_t> idx(alt.size());
        for (std::size_t a = 0; a < alt.size(); ++a) idx[a] = a;
        std::vector<Mention> resolved;
        resolve_fuzzy(gaz, article, alt, idx, admin1, opt, resolved, &out);
        for (std::size_t a = 0; a < alt.size(); ++a) {
            auto it = std::find_if(resolved.begin(), resolved.end(), [&](const Mention& x) {
                return x.start == alt[a].start && !x.abstained;
            });
            if (it != resolved.end())
                out.push_back(std::move(*it));
            else
                emit(alt_of[a]);
        }
    }
    if (!fuzzy.empty()) resolve_fuzzy(gaz, article, ms, fuzzy, admin1, opt, out);
    // A list item the gazetteer lacks under this spelling, or knows only far away ("Anjara,
    // Balu, Salum", "Hawar"), else unlocated: the Syrian community of the same consonant skeleton
    // in the list's own area, if it is the only one there (Bala بالا, Hur حور). Short skeletons
    // collide across the country, so only the list's area decides, never the name alone.
    auto near_list = [&](std::size_t k) {
        const Match& m = ms[k];
        const ListArea area = m.in_list ? list_area(k) : ListArea{};
        const std::string skel =
            area.places >= 2 ? skeleton(text.substr(m.start, m.end - m.start)) : std::string();
        const auto* ids = skel.size() >= 2 ? gaz.find_skeleton(skel) : nullptr;
        if (!ids) return unlocated_mention(article, m);
        const double radius = std::clamp(1.5 * area.spread, kListAreaMinKm, kListAreaMaxKm);
        const Place* best = nullptr;
        double best_d = radius;
        for (std::uint32_t id : *ids) {
            const Place& p = gaz.place(id);
            if (p.country != "SY" || p.feature_class != 'P') continue;
            const double d = distance_km(p.lat, p.lon, area.lat, area.lon);
            if (d > radius) continue;
            // Two communities of the skeleton in the area: which one is a coin toss.
            if (best && distance_km(p.lat, p.lon, best->lat, best->lon) > kListAreaSameKm)
                return unlocated_mention(article, m);
            if (d <= best_d) {
                best = &p;
                best_d = d;
            }
        }
        if (!best) return unlocated_mention(article, m);
        Candidate c;
        c.place_id = best->id;
        c.score = 0.6;
        c.why = "spelling variant (consonant skeleton " + skel + "), the only place of it " +
                km_text(best_d) + " from the places listed with it";
        return make_mention(article, m, *best, {c}, false);
    };
    for (std::size_t k : unlocated_far) out.push_back(near_list(k));
    for (std::size_t k : unlocated) {
        const Match& m = ms[k];
        bool taken = false;
        for (const auto& x : out) taken |= x.start < m.end && m.start < x.end;
        if (!taken) out.push_back(near_list(k));
    }
    // An article that romanises names the Turkish way ("Zor Ec-Cerabiyat", "Resm El-Bağl"):
    // the names it alone writes are labelled in the English newsroom form.
    if (!unlocated.empty() || !unlocated_far.empty()) {
        std::vector<std::string_view> names;
        for (const auto& m : ms)
            names.push_back(std::string_view(text).substr(m.start, m.end - m.start));
        if (turkish_romanisation(names)) {
            for (auto& x : out) {
                if (!x.located) x.place_name = english_from_turkish(x.surface);
            }
        }
    }
    if (!fuzzy.empty() || !unlocated.empty() || !alt.empty() || !unlocated_far.empty()) {
        stable_sort_by_start(out);
    }
    list_consensus(gaz, text, out);
    return out;
}

}  // namespace frontline
