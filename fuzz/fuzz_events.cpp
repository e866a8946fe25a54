// Article text through geoparsing and the event rules, as `frontline run` takes it: the
// repository's gazetteer (loaded once), a publication date, then geoparse, extract_events
// and merge_events. Invariants: mentions lie inside the text in the words they name; every
// event names a gazetteer place and has a source; every source sentence is text of the
// article; the events' JSON and CSV writers accept them.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/error.hpp"
#include "events/event.hpp"
#include "events/event_io.hpp"
#include "gazetteer/geoparse.hpp"
#include "text/article.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fl = frontline;
    static const fl::Gazetteer gaz =
        fl::Gazetteer::load_dir(std::filesystem::path(FRONTLINE_SOURCE_DIR) / "gazetteer");
    fl::Article a;
    a.doc = "fuzz.txt";
    a.text.assign(reinterpret_cast<const char*>(data), size);
    std::size_t line = 0;
    if (!fl::text_problem(a.text, line).empty()) return 0;  // read_article refuses these
    const fl::Date pub = *fl::parse_iso_date("2024-11-30");
    a.published = pub;
    fl::GeoparseOptions opt;
    opt.governorate_cues = true;
    const auto mentions = fl::geoparse(gaz, a, opt);
    for (const auto& m : mentions) {
        if (m.start >= m.end || m.end > a.text.size()) std::abort();
        if (a.text.compare(m.start, m.end - m.start, m.surface) != 0) std::abort();
    }
    auto events = fl::merge_events(fl::extract_events(a, mentions));
    fl::annotate_places(events, gaz);
    for (const auto& e : events) {
        if (e.place_id.empty() || !gaz.find_id(e.place_id)) std::abort();
        if (e.sources.empty()) std::abort();
        for (const auto& s : e.sources) {
            if (a.text.find(s.sentence) == std::string::npos) std::abort();
        }
    }
    (void)fl::events_geojson(events);
    (void)fl::events_csv(events);
    return 0;
}
