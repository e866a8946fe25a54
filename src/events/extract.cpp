// A first rule set for control changes: "<actor> captured/seized/took control of <places>".
#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

#include "events/event.hpp"
#include "text/sentences.hpp"

namespace frontline {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

struct ActorWord {
    std::string_view word;
    Controller controller;
};

// Order matters: the first actor word found before the verb names the actor.
constexpr ActorWord kActors[] = {
    {"rebel", Controller::opposition},        {"insurgent", Controller::opposition},
    {"opposition", Controller::opposition},   {"hts", Controller::opposition},
    {"tahrir al-sham", Controller::opposition}, {"anti-regime", Controller::opposition},
    {"pkk/ypg", Controller::sdf},             {"ypg", Controller::sdf},
    {"sdf", Controller::sdf},                 {"regime forces", Controller::government},
    {"government forces", Controller::government}, {"army", Controller::government},
    {"military", Controller::government},
};

constexpr std::string_view kCaptureVerbs[] = {"captured", "seized", "took control of",
                                              "taken control of", "overran", "have taken"};

constexpr std::string_view kClaimCues[] = {"said", "reportedly", "claimed", "claim", "sources",
                                           "according to", "if confirmed"};

}  // namespace

std::vector<Event> extract_events(const Article& article, const std::vector<Mention>& mentions) {
    std::vector<Event> out;
    if (!article.published) return out;
    for (const Sentence& s : split_sentences(article.text)) {
        std::string_view sv(article.text.data() + s.start, s.end - s.start);
        std::string low = lower(sv);
        std::size_t verb_at = std::string::npos;
        for (auto v : kCaptureVerbs) verb_at = std::min(verb_at, low.find(v));
        if (verb_at == std::string::npos) continue;
        // Actor: the last actor word before the verb.
        std::size_t actor_at = std::string::npos;
        const ActorWord* actor = nullptr;
        for (const auto& a : kActors) {
            auto at = low.rfind(a.word, verb_at);
            if (at != std::string::npos && (actor_at == std::string::npos || at > actor_at)) {
                actor_at = at;
                actor = &a;
            }
        }
        if (!actor) continue;
        bool claimed = false;
        for (auto c : kClaimCues) claimed = claimed || low.find(c) != std::string::npos;
        for (const Mention& m : mentions) {
            if (m.start < s.start + verb_at || m.end > s.end || m.foreign) continue;
            if (m.kind == "governorate" || m.kind == "country") continue;
            Event e;
            e.date = *article.published;
            e.date_precision = "publication";
            e.action = "capture";
            e.actor = std::string(sv.substr(actor_at, actor->word.size()));
            e.controller = actor->controller;
            e.place_id = m.place_id;
            e.place_name = m.place_name;
            e.lat = m.lat;
            e.lon = m.lon;
            e.status = claimed ? "claimed" : "confirmed";
            e.sources.push_back({article.doc, s.index, std::string(sv), article.url});
            out.push_back(std::move(e));
        }
    }
    return out;
}

std::vector<Event> merge_events(std::vector<Event> events) {
    std::map<std::string, Event> merged;
    for (auto& e : events) {
        std::string key = to_iso(e.date) + "|" + e.place_id + "|" + e.action + "|" +
                          std::string(to_string(e.controller));
        auto it = merged.find(key);
        if (it == merged.end()) {
            e.id = key;
            merged.emplace(key, std::move(e));
            continue;
        }
        Event& m = it->second;
        if (e.status == "confirmed") m.status = "confirmed";
        for (auto& s : e.sources) m.sources.push_back(std::move(s));
    }
    std::vector<Event> out;
    for (auto& [k, e] : merged) out.push_back(std::move(e));
    return out;
}

}  // namespace frontline
