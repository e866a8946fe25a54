// The credit every output carries for the data behind it, from one table: the TileJSON,
// MBTiles and PMTiles metadata, the web page and its embedding notes, and the figures. The
// sources and their licences are listed in gazetteer/README.md and data/boundaries/README.md.
#pragma once

#include <string>

namespace frontline {

// For HTML (TileJSON, the page's map, the embedding snippets): links to each source and
// licence. "Places &copy; GeoNames (CC BY 4.0), UN OCHA (CC BY-IGO 3.0), boundaries UN OCHA
// (Syria), Natural Earth, control: Frontline from news reports".
std::string attribution_html();

// Plain text (figures, Markdown prose): "Places: GeoNames (CC BY 4.0), UN OCHA (CC BY-IGO 3.0)
// · Boundaries: UN OCHA, Natural Earth · Control from news reports: Frontline".
std::string attribution_text();

}  // namespace frontline
