// Date expressions relative to a publication date ("on Saturday", "November 27-28",
// "since Wednesday"): never throws, spans lie inside the text, dates are real days.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/date.hpp"
#include "events/dates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fl = frontline;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const fl::Date published = *fl::parse_iso_date("2024-11-30");
    for (const auto& d : fl::find_dates(text, published)) {
        if (d.start > d.end || d.end > text.size()) std::abort();
        if (!d.first.ok() || !d.last.ok()) std::abort();
    }
    (void)fl::parse_iso_date(text.substr(0, 16));
    return 0;
}
