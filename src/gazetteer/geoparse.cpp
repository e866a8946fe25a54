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
#include <cmath>
#include <initializer_list>
#include <map>

#include "gazetteer/normalize.hpp"

namespace frontline {

namespace {

// What a cue word says the name is.
enum class Cue { none, governorate, populated, airfield };

bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
    for (auto s : set) {
        if (w == s) return true;
    }
    return false;
}

std::string lower(std::string_view w) {
    std::string s(w);
    for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return s;
}

// Capitalised words that do not make a longer proper name: sentence-initial function words,
// title-case prepositions in headlines, days, months, compass qualifiers.
bool breaks_names(std::string_view lw) {
    return one_of(
        lw,
        {"the",          "a",         "an",        "in",           "on",           "at",
         "from",         "to",        "of",        "by",           "for",          "with",
         "and",          "or",        "but",       "as",           "after",        "before",
         "since",        "amid",      "into",      "over",         "near",         "across",
         "toward",       "towards",   "against",   "between",      "under",        "within",
         "without",      "during",    "while",     "when",         "where",        "if",
         "meanwhile",    "however",   "later",     "earlier",      "then",         "now",
         "last",         "this",      "that",      "these",        "those",        "it",
         "its",          "their",     "his",       "her",          "we",           "they",
         "he",           "she",       "our",       "both",         "all",          "some",
         "many",         "most",      "two",       "three",        "several",      "monday",
         "tuesday",      "wednesday", "thursday",  "friday",       "saturday",     "sunday",
         "january",      "february",  "march",     "april",        "may",          "june",
         "july",         "august",    "september", "october",      "november",     "december",
         "north",        "south",     "east",      "west",         "northern",     "southern",
         "eastern",      "western",   "central",   "northwestern", "northeastern", "southwestern",
         "southeastern", "greater",   "rural",     "city",         "province",     "governorate",
         "countryside",  "airport",   "airbase",   "town",         "village"});
}

// Lower-case words that may sit inside a proper name ("Syrian Observatory for Human Rights").
bool joins_names(std::string_view lw) {
    return one_of(lw, {"of", "for", "de", "du", "des", "bin", "ibn", "al", "el"});
}

bool is_title(std::string_view lw) {
    return one_of(
        lw,
        {"spokesman", "spokeswoman", "spokesperson", "minister", "president",    "correspondent",
         "reporter",  "envoy",       "commander",    "leader",   "general",      "gen",
         "colonel",   "col",         "mr",           "mrs",      "ms",           "dr",
         "chief",     "official",    "analyst",      "fighter",  "resident",     "witness",
         "activist",  "journalist",  "king",         "prince",   "emir",         "premier",
         "secretary", "ambassador",  "director",     "editor",   "photographer", "lieutenant"});
}

Cue cue_of(std::string_view lw) {
    if (one_of(lw, {"province", "provinces", "governorate", "governorates", "countryside", "region",
                    "regions", "provincial", "rif"}))
        return Cue::governorate;
    if (one_of(lw, {"city", "town", "village", "villages", "towns", "cities", "centre", "center",
                    "neighbourhood", "neighborhood", "district", "suburb", "suburbs", "outskirts"}))
        return Cue::populated;
    if (one_of(lw, {"airport", "airbase", "air"})) return Cue::airfield;
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
    double penalty = 0;  // context penalties for every candidate
    std::string penalty_why;
    bool acronym = false;  // all capitals, at most 4 letters ("SANA", "TASS")
    bool road = false;     // starts with a lower-case road word ("highway that links ...")
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
        auto add = [&](double d, const std::string& w) {
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
            if (m.key.size() <= 3) continue;
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
        c.why = why;
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
    Parser(const Gazetteer& gaz, std::string_view text) : gaz_(gaz), text_(text) {
        toks_ = tokenize(text);
    }

    std::vector<Match> matches() {
        std::vector<Match> out;
        const std::size_t max_n = std::min(gaz_.max_name_tokens(), 2 * kMaxNameTokens);
        std::string key;
        for (std::size_t i = 0; i < toks_.size();) {
            const Token& t0 = toks_[i];
            if (t0.key.empty() || !(t0.name_like || starts_ordinal(i) || starts_road(i))) {
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
                if (n > 1 &&
                    gap(i + n - 2).find_first_of(".,;:!?()\"\n/[]") != std::string_view::npos)
                    break;
                if (t.key.empty()) continue;  // an article inside the name
                if (content++ > 0) key.push_back(' ');
                key += t.key;
                if (const KeyEntry* e = gaz_.find_entry(key)) {
                    best = e;
                    best_n = n;
                    best_key = key;
                }
                if (!gaz_.is_prefix(key)) break;
            }
            if (!best) {
                ++i;
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
            read_context(m);
            out.push_back(std::move(m));
            i += best_n;
        }
        spread_governorate_cues(out);
        return out;
    }

  private:
    const Gazetteer& gaz_;
    std::string_view text_;
    std::vector<Token> toks_;

    std::string_view word(std::size_t i) const {
        return text_.substr(toks_[i].start, toks_[i].end - toks_[i].start);
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
        const std::string w = lower(word(i));
        return w == "highway" || w == "road" || w == "motorway";
    }
    bool possessive_after(std::size_t i) const {
        std::string_view g = gap(i);
        return g.substr(0, 2) == "'s" || g.substr(0, 4) == "\xE2\x80\x99s";
    }
    // A member of a capitalised proper name (not a function word, day or qualifier).
    bool name_member(std::size_t i) const {
        return toks_[i].name_like && !toks_[i].key.empty() && !breaks_names(lower(word(i)));
    }

    void read_context(Match& m) const {
        // Part of a longer capitalised name that is not itself a place: "Hayat Tahrir
        // al-Sham", "Resul Serdar", "Agence France-Presse", "Syria Civil Defence".
        bool partial = false;
        for (std::size_t j = m.first; j > 0;) {
            --j;
            if (!joined(gap(j))) break;
            std::string lw = lower(word(j));
            if (name_member(j)) {
                partial = true;
                break;
            }
            if (!(toks_[j].key.empty() || joins_names(lw))) break;
        }
        for (std::size_t j = m.last + 1; !partial && j < toks_.size(); ++j) {
            if (!joined(gap(j - 1))) break;
            std::string lw = lower(word(j));
            if (name_member(j)) {
                partial = true;
                break;
            }
            if (!(toks_[j].key.empty() || joins_names(lw))) break;
        }
        // A day or month is not a place, whatever it folds like ("June" / Jounieh).
        if (m.first == m.last &&
            one_of(lower(word(m.first)),
                   {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                    "january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december"})) {
            m.penalty += 0.6;
            m.penalty_why = "a day or month name";
        }
        if (partial) {
            m.penalty += 0.4;
            m.penalty_why = "part of a longer name that is not a place";
        }
        // A name ending in a cue word carries it ("Aleppo province"), for coordination.
        if (m.last > m.first) {
            Cue c = cue_of(lower(word(m.last)));
            if (c == Cue::governorate) set_cue(m, c, "cue word in the name");
        }
        // Cue words after: "Idlib province", "Aleppo’s countryside", "Aleppo’s northern
        // countryside", "Aleppo and Idlib regions" (the last handled when spreading).
        std::size_t j = m.last;
        for (int hops = 0; hops < 2 && j + 1 < toks_.size(); ++hops) {
            std::string_view g = gap(j);
            if (!(joined(g) || possessive_after(j))) break;
            std::string lw = lower(word(j + 1));
            Cue c = cue_of(lw);
            if (c != Cue::none) {
                set_cue(m, c, "cue word \"" + lw + "\" after");
                break;
            }
            if (!one_of(lw, {"northern", "southern", "eastern", "western", "rural", "northwestern",
                             "northeastern", "southwestern", "southeastern"}))
                break;
            ++j;
        }
        // Cue words and titles before: "the city of Hama", "province d'Idleb", "rural Idlib",
        // "villages in Aleppo", "spokesman Savett".
        std::size_t f = m.first;
        if (f > 0 && toks_[f - 1].key.empty() && m.start == toks_[f - 1].start) --f;
        std::vector<std::string> before;
        for (std::size_t k = f; k > 0 && before.size() < 3;) {
            --k;
            if (gap(k).find_first_of(".;:!?()\"\n") != std::string_view::npos) break;
            before.push_back(lower(word(k)));
        }
        if (!before.empty() && is_title(before[0])) {
            m.penalty += 0.45;
            m.penalty_why = "after \"" + before[0] + "\": a person";
        }
        // "the city of Hama", "province of Idlib", "province d'Idleb", "villages in Aleppo";
        // not "a city in Idlib province", where the cue word is about another name.
        if (before.size() >= 2 && one_of(before[0], {"of", "d", "de", "in"})) {
            std::size_t b = before[1] == "the" && before.size() >= 3 ? 2 : 1;
            Cue c = cue_of(before[b]);
            if (before[0] == "in") {
                c = one_of(before[b], {"villages", "towns"}) ? Cue::governorate : Cue::none;
            }
            if (c != Cue::none) set_cue(m, c, "cue word \"" + before[b] + "\" before");
        } else if (!before.empty() &&
                   one_of(before[0], {"rural", "rif", "province", "governorate"})) {
            set_cue(m, Cue::governorate, "cue word \"" + before[0] + "\" before");
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
            const Place* pa = likely_place(a);
            const Place* pb = likely_place(b);
            if (!pa || !pb || pa->country != "SY" || pb->country != "SY" ||
                pa->admin1 != pb->admin1 || pb->feature_class != 'P' ||
                (pb->feature_code != "PPLA" && pb->feature_code != "PPLC"))
                continue;
            const double dlat = (pa->lat - pb->lat) * 111.0;
            const double dlon = (pa->lon - pb->lon) * 111.0 * std::cos(pb->lat * M_PI / 180.0);
            if (std::sqrt(dlat * dlat + dlon * dlon) < 10.0) continue;  // in the city itself
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
            std::string lw = lower(word(a.last + 1));
            if (!one_of(lw, {"and", "or"})) continue;
            if (a.cue == Cue::governorate && b.cue == Cue::none) {
                b.cue = a.cue;
                b.cue_why = a.cue_why + " (coordinated)";
            } else if (b.cue == Cue::governorate && a.cue == Cue::none) {
                a.cue = b.cue;
                a.cue_why = b.cue_why + " (coordinated)";
            }
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

std::vector<Candidate> lookup(const Gazetteer& gaz, std::string_view name) {
    Match m;
    m.key = name_key(name);
    m.entry = gaz.find_entry(m.key);
    m.acronym = is_acronym(name);
    if (!m.entry) {
        // "Idlib province", "Hama city": the name without its cue word.
        auto sp = m.key.rfind(' ');
        if (sp == std::string::npos) return {};
        std::string last = m.key.substr(sp + 1);
        Cue c = cue_of(last);
        if (c == Cue::none) return {};
        m.key.resize(sp);
        m.entry = gaz.find_entry(m.key);
        if (!m.entry) return {};
        m.cue = c;
        m.cue_why = "cue word \"" + last + "\"";
    }
    return rank(gaz, m, nullptr, /*governorate_cues=*/true);
}

std::vector<Mention> geoparse(const Gazetteer& gaz, const Article& article,
                              const GeoparseOptions& opt) {
    const std::string& text = article.text;
    Parser parser(gaz, text);
    std::vector<Match> ms = parser.matches();

    // Governorates of the unambiguous Syrian mentions, as context for the ambiguous ones.
    std::map<std::string, int> admin1;
    for (const auto& m : ms) {
        if (m.entry->ids.size() != 1 || m.penalty > 0) continue;
        const Place& p = gaz.place(m.entry->ids[0]);
        if (p.country == "SY" && !p.admin1.empty()) ++admin1[p.admin1];
    }

    std::vector<Mention> out;
    out.reserve(ms.size());
    for (const auto& m : ms) {
        auto ranked = rank(gaz, m, &admin1, opt.governorate_cues);
        if (ranked.empty()) continue;
        const bool abstain = ranked.front().score < opt.min_score;
        if (abstain && !opt.keep_abstentions) continue;
        const Place& p = *gaz.find_id(ranked.front().place_id);
        Mention x;
        x.doc = article.doc;
        x.start = m.start;
        x.end = m.end;
        x.surface = text.substr(m.start, m.end - m.start);
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
        out.push_back(std::move(x));
    }
    return out;
}

}  // namespace frontline
