#include "common/attribution.hpp"

#include <string_view>

namespace frontline {

namespace {

struct Source {
    std::string_view name, url, licence, licence_url;
};

// Places: the gazetteer's sources (gazetteer/README.md).
constexpr Source kPlaces[] = {
    {"GeoNames", "https://www.geonames.org/", "CC BY 4.0",
     "https://creativecommons.org/licenses/by/4.0/"},
    {"UN OCHA",
     "https://data.humdata.org/dataset/"
     "syrian-arab-republic-administrative-boundaries-populated-places",
     "CC BY-IGO 3.0", "https://creativecommons.org/licenses/by/3.0/igo/"},
};
// Boundaries (data/boundaries/README.md): OCHA's for Syria, Natural Earth's (public domain)
// for its neighbours.
constexpr Source kBoundaries[] = {
    {"UN OCHA", "", "", ""},
    {"Natural Earth", "https://www.naturalearthdata.com/", "", ""},
};

std::string link(std::string_view text, std::string_view url) {
    if (url.empty()) return std::string(text);
    return "<a href=\"" + std::string(url) + "\">" + std::string(text) + "</a>";
}

}  // namespace

std::string attribution_html() {
    std::string s = "Places &copy; ";
    for (const auto& p : kPlaces) {
        s += link(p.name, p.url) + " (" + link(p.licence, p.licence_url) + "), ";
    }
    s += "boundaries ";
    bool first = true;
    for (const auto& b : kBoundaries) {
        if (!first) s += ", ";
        s += link(b.name, b.url);
        if (first) s += " (Syria)";
        first = false;
    }
    return s + ", control: Frontline from news reports";
}

std::string attribution_text() {
    std::string s = "Places: ";
    bool first = true;
    for (const auto& p : kPlaces) {
        if (!first) s += ", ";
        s += std::string(p.name) + " (" + std::string(p.licence) + ")";
        first = false;
    }
    s += " \u00b7 Boundaries: ";
    first = true;
    for (const auto& b : kBoundaries) {
        if (!first) s += ", ";
        s += b.name;
        first = false;
    }
    return s + " \u00b7 Control from news reports: Frontline";
}

}  // namespace frontline
