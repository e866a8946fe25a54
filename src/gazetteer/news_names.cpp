#include "gazetteer/news_names.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "gazetteer/normalize.hpp"

namespace frontline {

namespace {

bool renamable(const Place& p) {
    if (p.foreign() || p.curated_name) return false;
    const std::string k = p.kind();
    return k == "village" || k == "town" || k == "city" || k == "neighbourhood" || k == "place";
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return s;
}

// "El-Mubarakat" -> "al-Mubarakat"; "" for a spelling not fit to be a label, such as a
// Turkish romanisation ("Kasun Ec-Cebel", "El-Kreyyım"), which English readers do not know.
std::string label_form(std::string s) {
    if (turkish_romanised(s)) return "";
    bool upper = false, lower = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        upper = upper || (c >= 'A' && c <= 'Z');
        lower = lower || (c >= 'a' && c <= 'z');
        // A plain c is the jim of Turkish and Kurdish spellings ("Suruc", "Mecdel"): the
        // gazetteer's name, with j, is the one English readers know.
        if ((c == 'c' || c == 'C') && !(i + 1 < s.size() && (s[i + 1] == 'h' || s[i + 1] == 'k')) &&
            !(i > 0 && (s[i - 1] == 's' || s[i - 1] == 'S')))
            return "";
    }
    if (!upper || !lower) return "";
    std::string plain;  // typographic apostrophe (U+2019) -> '
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 3, "\u2019") == 0) {
            plain += '\'';
            i += 2;
        } else {
            plain += s[i];
        }
    }
    s = std::move(plain);
    if (s.size() > 3 && (s[0] == 'A' || s[0] == 'E' || s[0] == 'a' || s[0] == 'e') &&
        (s[1] == 'l' || s[1] == 'L') && (s[2] == '-' || s[2] == ' ')) {
        s = "al-" + s.substr(3);
    } else if (const std::size_t h = s.find('-'); h >= 2 && h <= 3 && h + 1 < s.size()) {
        // The article assimilated to a sun letter, as French and Turkish write it:
        // "Es-Sa'n", "Ed-Dana", "Ar-Rai" -> "al-Sa'n", "al-Dana", "al-Rai".
        std::string a = s.substr(0, h);
        for (auto& c : a) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        if ((a[0] == 'a' || a[0] == 'e') && a[1] != 'l' &&
            std::string_view("stdrzn").find(a[1]) != std::string_view::npos &&
            (a.size() == 2 || a == "ash" || a == "esh" || a == "adh" || a == "ath"))
            s = "al-" + s.substr(h + 1);
    }
    return s;
}

bool ascii(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x80; });
}

}  // namespace

std::unordered_map<std::string, std::string> news_names(const Gazetteer& gaz,
                                                        const std::vector<Mention>& mentions) {
    struct Form {
        std::set<std::string> docs;
        std::size_t first = 0;
    };
    std::map<std::string, std::map<std::string, Form>> forms;  // place -> spelling -> use
    std::map<std::string, std::set<std::string>> written;      // place -> forms, lower case
    // Articles that romanise names the Turkish way: their spellings count in the English
    // newsroom form ("El-Mecdel" as "al-Majdal").
    std::map<std::string, std::vector<std::string_view>> doc_names;
    for (const auto& m : mentions) doc_names[m.doc].push_back(m.surface);
    std::set<std::string> turkish_docs;
    for (const auto& [doc, names] : doc_names) {
        if (turkish_romanisation(names)) turkish_docs.insert(doc);
    }
    std::size_t order = 0;
    for (const auto& m : mentions) {
        if (!m.located || m.abstained) continue;
        // A spelling the gazetteer itself has for the place ("Damascus", "Sheikh Hilal") is
        // English already.
        bool own = false;
        if (turkish_docs.count(m.doc)) {
            const std::string key = name_key(m.surface);
            if (const Place* p = gaz.find_id(m.place_id)) {
                for (const auto& n : p->names) own = own || name_key(n) == key;
            }
        }
        const std::string f = label_form(
            turkish_docs.count(m.doc) && !own ? english_from_turkish(m.surface) : m.surface);
        if (f.empty()) continue;
        written[m.place_id].insert(lower(f));
        auto& form = forms[m.place_id][f];
        if (form.docs.empty()) form.first = order++;
        form.docs.insert(m.doc);
    }
    std::unordered_map<std::string, std::string> out;
    for (const auto& [id, spellings] : forms) {
        const Place* p = gaz.find_id(id);
        if (!p || !renamable(*p)) continue;
        if (written[id].count(lower(label_form(p->name)))) continue;  // the news writes it
        const auto best =
            std::min_element(spellings.begin(), spellings.end(), [](const auto& a, const auto& b) {
                if (a.second.docs.size() != b.second.docs.size())
                    return a.second.docs.size() > b.second.docs.size();
                if (ascii(a.first) != ascii(b.first)) return ascii(a.first);
                return a.second.first < b.second.first;
            });
        out.emplace(id, best->first);
    }
    return out;
}

void apply_news_names(Gazetteer& gaz, std::vector<Mention>& mentions,
                      const std::unordered_map<std::string, std::string>& names) {
    for (const auto& [id, name] : names) gaz.rename(id, name);
    for (auto& m : mentions) {
        if (auto it = names.find(m.place_id); it != names.end()) m.place_name = it->second;
    }
}

std::vector<std::vector<Mention>> geoparse_run(Gazetteer& gaz, const std::vector<Article>& articles,
                                               const GeoparseOptions& opt) {
    std::vector<std::vector<Mention>> per_article;
    std::vector<Mention> every;
    for (const auto& a : articles) {
        per_article.push_back(geoparse(gaz, a, opt));
        every.insert(every.end(), per_article.back().begin(), per_article.back().end());
    }
    const auto names = news_names(gaz, every);
    for (auto& ms : per_article) apply_news_names(gaz, ms, names);
    return per_article;
}

}  // namespace frontline
