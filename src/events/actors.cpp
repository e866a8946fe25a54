// Actor finding over the actor lexicon (lexicon/actors.tsv) and text folding for matching.
#include "events/actors.hpp"

#include <algorithm>
#include <cctype>

namespace frontline {

namespace {

bool word_char(char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80;
}

}  // namespace

std::size_t find_word(std::string_view s, std::string_view w, std::size_t from) {
    while (true) {
        auto at = s.find(w, from);
        if (at == std::string_view::npos) return at;
        bool left = at == 0 || !word_char(s[at - 1]) || !word_char(w.front());
        bool right =
            at + w.size() >= s.size() || !word_char(s[at + w.size()]) || !word_char(w.back());
        if (left && right) return at;
        from = at + 1;
    }
}

std::vector<ActorHit> find_actors(std::string_view lower) {
    std::vector<ActorHit> all;
    for (const auto& a : lexicon().actors) {
        for (auto at = find_word(lower, a.phrase); at != std::string_view::npos;
             at = find_word(lower, a.phrase, at + 1)) {
            all.push_back({at, at + a.phrase.size(), &a});
        }
    }
    std::sort(all.begin(), all.end(), [](const ActorHit& x, const ActorHit& y) {
        if (x.start != y.start) return x.start < y.start;
        return x.end > y.end;
    });
    std::vector<ActorHit> out;
    for (const auto& h : all) {
        if (!out.empty() && h.start < out.back().end) continue;
        out.push_back(h);
    }
    // "the military academy", "an army base": the actor word names a thing, not who acts.
    std::erase_if(out, [&](const ActorHit& h) {
        std::size_t next = h.end;
        while (next < lower.size() && lower[next] == ' ') ++next;
        if (next == h.end) return false;
        for (const auto& w : lexicon().actor_as_modifier) {
            if (find_word(lower, w, next) == next) return true;
        }
        return false;
    });
    return out;
}

std::optional<ActorInfo> fold_actor(std::string_view phrase) {
    auto f = fold_for_matching(phrase);
    auto hits = find_actors(f.text);
    if (hits.empty()) return std::nullopt;
    return *hits.front().info;
}

FoldedText fold_for_matching(std::string_view s) {
    FoldedText f;
    f.text.reserve(s.size());
    f.orig.reserve(s.size() + 1);
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
            auto d = static_cast<unsigned char>(s[i + 2]);
            char rep = 0;
            if (d == 0x98 || d == 0x99) rep = '\'';
            if (d == 0x9C || d == 0x9D) rep = '"';
            if (d == 0x93 || d == 0x94) rep = '-';
            if (rep) {
                f.text += rep;
                f.orig.push_back(i);
                i += 3;
                continue;
            }
        }
        // The modifier letter apostrophe of transliterations ("Hayʼat"): an apostrophe.
        if (c == 0xCA && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
            f.text += '\'';
            f.orig.push_back(i);
            i += 2;
            continue;
        }
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            f.text += ' ';
            f.orig.push_back(i);
            i += 2;
            continue;
        }
        f.text += static_cast<char>(std::tolower(c));
        f.orig.push_back(i);
        ++i;
    }
    f.orig.push_back(s.size());
    return f;
}

std::size_t FoldedText::to_folded(std::size_t original_offset) const {
    auto it = std::lower_bound(orig.begin(), orig.end(), original_offset);
    return static_cast<std::size_t>(it - orig.begin());
}

}  // namespace frontline
