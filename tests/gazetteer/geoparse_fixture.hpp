// The project gazetteer and the geoparser as the command line runs them, for the gazetteer
// tests that check mechanisms on sentences of their own.
#pragma once

#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"
#include "test_util.hpp"

namespace frontline::test {

// gazetteer/ of the source tree, loaded once per test process.
inline const Gazetteer& project_gazetteer() {
    static const Gazetteer g = Gazetteer::load_dir(source_dir() / "gazetteer");
    return g;
}

// The mentions of `text` (one article, doc "t") with governorate cues on, as `frontline
// geoparse` reads it; `unlocated` also reports names in place slots that resolve nowhere.
inline std::vector<Mention> geoparse_text(const std::string& text, bool unlocated = false) {
    Article a;
    a.doc = "t";
    a.text = text;
    GeoparseOptions o;
    o.governorate_cues = true;
    o.unlocated = unlocated;
    return geoparse(project_gazetteer(), a, o);
}

// The first mention written `surface`, or null.
inline const Mention* mention_of(const std::vector<Mention>& ms, const std::string& surface) {
    for (const auto& m : ms) {
        if (m.surface == surface) return &m;
    }
    return nullptr;
}

}  // namespace frontline::test
