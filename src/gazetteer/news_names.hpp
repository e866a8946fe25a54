// Display names as the run's articles write them. The gazetteer's romanisation of a village
// (OCHA "Hiyalin", "Mbarkat"; GeoNames "Khirbat ...") is often not the spelling the news uses
// ("Hayalin", "al-Mubarakat"), and a reader looks for the name in the report on the map.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"

namespace frontline {

// place id -> the name most articles of the run write for it. Only Syrian populated places
// and neighbourhoods without an editor's newsroom name (Place::curated_name) are renamed, and
// only when no article writes the gazetteer's own name (ignoring case): a name some article
// uses stays. The count is per article (an outlet repeating itself counts once); ties go to
// the all-ASCII spelling, then to the first article. Leading "Al-"/"El-" (and an assimilated
// "Es-", "Ad-", ...) is written "al-", a typographic apostrophe a plain one. Turkish
// romanisations (turkish_romanised()), headline capitals ("ALEPPO") and spellings without a
// capital letter are never taken.
std::unordered_map<std::string, std::string> news_names(const Gazetteer& gaz,
                                                        const std::vector<Mention>& mentions);

// Renames the places in `gaz` and the place_name of the mentions accordingly, so that every
// output of the run (events, control, labels, page) shows one spelling per place.
void apply_news_names(Gazetteer& gaz, std::vector<Mention>& mentions,
                      const std::unordered_map<std::string, std::string>& names);

// The geoparse of a whole run: every article's mentions (in input order), then one spelling
// per place for the run (news_names()) set in `gaz` and in the mentions. What `frontline
// run`, `events` and `geoparse` all read articles with.
std::vector<std::vector<Mention>> geoparse_run(Gazetteer& gaz, const std::vector<Article>& articles,
                                               const GeoparseOptions& opt);

}  // namespace frontline
