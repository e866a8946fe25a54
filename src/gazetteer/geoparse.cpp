// Longest-match geoparsing over folded tokens, with a simple scoring of candidates.
#include "gazetteer/geoparse.hpp"

#include <algorithm>
#include <cmath>

#include "gazetteer/normalize.hpp"

namespace frontline {

namespace {

// Score of one candidate place for a matched name. In-region and populous places first;
// features over populated places when the name is the feature's full name.
Candidate score_candidate(const Place& p) {
    Candidate c;
    c.place_id = p.id;
    double s = 0.6;
    std::string why;
    if (p.country == "SY") {
        s += 0.2;
        why += "in Syria";
        if (p.admin1 == "09" || p.admin1 == "12") {
            s += 0.1;
            why += ", Aleppo/Idlib";
        }
    } else {
        why += "foreign";
    }
    if (p.population > 0) {
        s += std::min(0.09, 0.015 * std::log10(static_cast<double>(p.population)));
        why += ", population " + std::to_string(p.population);
    }
    if (p.feature_class == 'A') {
        s += 0.05;  // countries and governorates are named far more often than homonyms
        why += ", admin area";
    }
    c.score = std::min(1.0, s);
    c.why = why;
    return c;
}

std::vector<Candidate> rank(const Gazetteer& gaz, const std::vector<std::uint32_t>& ids) {
    std::vector<Candidate> out;
    out.reserve(ids.size());
    for (auto i : ids) out.push_back(score_candidate(gaz.place(i)));
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

}  // namespace

std::vector<Candidate> lookup(const Gazetteer& gaz, std::string_view name) {
    const auto* ids = gaz.find_key(name_key(name));
    if (!ids) return {};
    return rank(gaz, *ids);
}

std::vector<Mention> geoparse(const Gazetteer& gaz, const Article& article,
                              const GeoparseOptions& opt) {
    const std::string& text = article.text;
    std::vector<Token> toks = tokenize(text);
    std::vector<Mention> out;
    const std::size_t max_n = gaz.max_name_tokens();
    std::string key;
    for (std::size_t i = 0; i < toks.size();) {
        if (toks[i].key.empty() || !toks[i].name_like) {
            ++i;
            continue;
        }
        // Longest match first.
        std::size_t best_n = 0;
        const std::vector<std::uint32_t>* best = nullptr;
        key.clear();
        std::size_t content = 0;
        for (std::size_t n = 1; n <= max_n && i + n <= toks.size(); ++n) {
            const Token& t = toks[i + n - 1];
            // A sentence or clause break ends any name.
            if (n > 1) {
                std::string_view gap(text.data() + toks[i + n - 2].end,
                                     t.start - toks[i + n - 2].end);
                if (gap.find_first_of(".,;:!?()\"\n") != std::string_view::npos) break;
            }
            if (t.key.empty()) continue;  // an article inside the name
            if (content++ > 0) key.push_back(' ');
            key += t.key;
            if (const auto* ids = gaz.find_key(key)) {
                best = ids;
                best_n = n;
            }
        }
        if (!best) {
            ++i;
            continue;
        }
        std::size_t start = toks[i].start;
        // Include a preceding article joined by a hyphen or spelled al/el ("al-Bab", "Al Bab").
        if (i > 0 && toks[i - 1].key.empty()) {
            std::string_view art(text.data() + toks[i - 1].start,
                                 toks[i - 1].end - toks[i - 1].start);
            std::string_view gap(text.data() + toks[i - 1].end, toks[i].start - toks[i - 1].end);
            if (gap == "-" || (gap == " " && !is_english_article_word(art)))
                start = toks[i - 1].start;
        }
        std::size_t end = toks[i + best_n - 1].end;
        auto ranked = rank(gaz, *best);
        if (!ranked.empty() && ranked.front().score >= opt.min_score) {
            const Place& p = *gaz.find_id(ranked.front().place_id);
            Mention m;
            m.doc = article.doc;
            m.start = start;
            m.end = end;
            m.surface = text.substr(start, end - start);
            m.place_id = p.id;
            m.place_name = p.name;
            m.kind = p.kind();
            m.lat = p.lat;
            m.lon = p.lon;
            m.foreign = p.foreign();
            m.score = ranked.front().score;
            m.runners_up.assign(ranked.begin() + 1, ranked.end());
            out.push_back(std::move(m));
        }
        i += best_n;
    }
    return out;
}

}  // namespace frontline
