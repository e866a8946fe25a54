// The actor lexicon. Sources for the spellings: the seed articles' outlets (Al Jazeera,
// Anadolu, AP, Middle East Eye style guides differ: Hayat/Hay'at/Hay'et, al-Sham/al-Shams).
#include "events/actors.hpp"

#include <algorithm>
#include <cctype>

namespace frontline {

namespace {

using C = Controller;
using R = ActorRole;

constexpr std::string_view kHts = "Hayat Tahrir al-Sham";
constexpr std::string_view kRebels = "Rebels";
constexpr std::string_view kGov = "Syrian government forces";
constexpr std::string_view kSdf = "SDF";
constexpr std::string_view kSna = "Syrian National Army";

const ActorInfo kActors[] = {
    // Opposition. HTS under all its spellings.
    {"hayat tahrir al-sham", kHts, C::opposition, R::controller},
    {"hayat tahrir al-shams", kHts, C::opposition, R::controller},
    {"hay'at tahrir al-sham", kHts, C::opposition, R::controller},
    {"hay'at tahrir al-shams", kHts, C::opposition, R::controller},
    {"hay'et tahrir al-sham", kHts, C::opposition, R::controller},
    {"hay'et tahrir al-shams", kHts, C::opposition, R::controller},
    {"hayat tahrir al sham", kHts, C::opposition, R::controller},
    {"hayet tahrir al-sham", kHts, C::opposition, R::controller},
    {"tahrir al-sham", kHts, C::opposition, R::controller},
    {"hts", kHts, C::opposition, R::controller},
    {"hts-led fighters", kHts, C::opposition, R::controller},
    {"jabhat al-nusra", kHts, C::opposition, R::controller},
    {"repelling aggression", "Repelling Aggression operations room", C::opposition, R::controller},
    {"deterrence of aggression", "Repelling Aggression operations room", C::opposition,
     R::controller},
    {"military operations command", "Repelling Aggression operations room", C::opposition,
     R::controller},
    {"rebels", kRebels, C::opposition, R::controller},
    {"rebel", kRebels, C::opposition, R::controller},
    {"rebel groups", kRebels, C::opposition, R::controller},
    {"rebel forces", kRebels, C::opposition, R::controller},
    {"rebel fighters", kRebels, C::opposition, R::controller},
    {"armed rebel groups", kRebels, C::opposition, R::controller},
    {"rebel sources", kRebels, C::opposition, R::controller},
    {"insurgents", "Insurgents", C::opposition, R::controller},
    {"insurgent", "Insurgents", C::opposition, R::controller},
    {"opposition", "Opposition", C::opposition, R::controller},
    {"opposition fighters", "Opposition", C::opposition, R::controller},
    {"opposition forces", "Opposition", C::opposition, R::controller},
    {"opposition factions", "Opposition", C::opposition, R::controller},
    {"armed opposition groups", "Opposition", C::opposition, R::controller},
    {"armed opposition", "Opposition", C::opposition, R::controller},
    {"armed terrorist organisations", "Opposition", C::opposition, R::controller},
    {"armed terrorist organizations", "Opposition", C::opposition, R::controller},
    {"terrorist organisations", "Opposition", C::opposition, R::controller},
    {"terrorist organizations", "Opposition", C::opposition, R::controller},
    {"terrorists", "Opposition", C::opposition, R::controller},
    {"anti-regime groups", "Opposition", C::opposition, R::controller},
    {"anti-regime", "Opposition", C::opposition, R::controller},
    {"anti-government", "Opposition", C::opposition, R::controller},
    {"jihadists", "Opposition", C::opposition, R::controller},
    {"islamist group", "Opposition", C::opposition, R::controller},
    // The Turkish-backed SNA stays apart from the HTS-led opposition.
    {"syrian national army", kSna, C::sna, R::controller},
    {"sna", kSna, C::sna, R::controller},
    {"sna factions", kSna, C::sna, R::controller},
    {"turkish-backed", kSna, C::sna, R::controller},
    {"turkish-backed factions", kSna, C::sna, R::controller},
    {"turkish-backed syrian national army", kSna, C::sna, R::controller},
    {"free syrian army", kSna, C::sna, R::controller},
    // Government.
    {"army", kGov, C::government, R::controller},
    {"syrian army", kGov, C::government, R::controller},
    {"syrian arab army", kGov, C::government, R::controller},
    {"military", kGov, C::government, R::controller},
    {"syrian military", kGov, C::government, R::controller},
    {"military forces", kGov, C::government, R::controller},
    {"syrian military forces", kGov, C::government, R::controller},
    {"military sources", kGov, C::government, R::controller},
    {"regime", kGov, C::government, R::controller},
    {"regime forces", kGov, C::government, R::controller},
    {"syrian regime forces", kGov, C::government, R::controller},
    {"assad regime", kGov, C::government, R::controller},
    {"government", kGov, C::government, R::controller},
    {"government forces", kGov, C::government, R::controller},
    {"syrian government", kGov, C::government, R::controller},
    {"syrian government forces", kGov, C::government, R::controller},
    {"pro-government forces", kGov, C::government, R::controller},
    {"assad's forces", kGov, C::government, R::controller},
    {"troops", kGov, C::government, R::controller},
    {"soldiers", kGov, C::government, R::controller},
    {"syrian authorities", kGov, C::government, R::controller},
    // SDF.
    {"sdf", kSdf, C::sdf, R::controller},
    {"syrian democratic forces", kSdf, C::sdf, R::controller},
    {"ypg", "PKK/YPG", C::sdf, R::controller},
    {"pkk/ypg", "PKK/YPG", C::sdf, R::controller},
    {"pkk", "PKK/YPG", C::sdf, R::controller},
    {"ypg/sdf", kSdf, C::sdf, R::controller},
    {"kurdish-led forces", kSdf, C::sdf, R::controller},
    {"kurdish-led", kSdf, C::sdf, R::controller},
    {"kurdish forces", kSdf, C::sdf, R::controller},
    {"kurdish fighters", kSdf, C::sdf, R::controller},
    // Foreign backers: named, never controllers.
    {"russia", "Russia", C::government, R::backer},
    {"russian", "Russia", C::government, R::backer},
    {"russian forces", "Russia", C::government, R::backer},
    {"iran", "Iran", C::government, R::backer},
    {"iranian", "Iran", C::government, R::backer},
    {"iranian-backed", "Iran", C::government, R::backer},
    {"hezbollah", "Hezbollah", C::government, R::backer},
    {"turkey", "Turkey", C::sna, R::backer},
    {"turkiye", "Turkey", C::sna, R::backer},
    {"turkish", "Turkey", C::sna, R::backer},
    // Speakers without a side.
    {"sources", "Sources", C::unknown, R::speaker},
    {"witness", "Witness", C::unknown, R::speaker},
    {"witnesses", "Witnesses", C::unknown, R::speaker},
    {"reports", "Reports", C::unknown, R::speaker},
    {"activists", "Activists", C::unknown, R::speaker},
    {"residents", "Residents", C::unknown, R::speaker},
    {"monitor", "Monitor", C::unknown, R::speaker},
    {"observatory", "Syrian Observatory for Human Rights", C::unknown, R::speaker},
    {"correspondent", "Correspondent", C::unknown, R::speaker},
    // Pronouns.
    {"they", "they", C::unknown, R::pronoun},
    {"their", "their", C::unknown, R::pronoun},
    {"them", "them", C::unknown, R::pronoun},
};

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
    for (const auto& a : kActors) {
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
