// Who controls a place. Shared vocabulary of the events, control and render stages.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace frontline {

enum class Controller { government, opposition, sdf, sna, contested, unknown };

std::string_view to_string(Controller c);
std::optional<Controller> parse_controller(std::string_view s);

// The opposition's ally: HTS-led and SNA factions did not fight each other in this
// offensive, and reports often call the SNA "the opposition". Others have none (themselves).
Controller ally(Controller c);

// What readers see for a side, in one wording for the page, the figures and the lists: the
// `name` alone where space is short (lists of places, the embed's mini legend), the name and
// its `detail` in legends ("Government (Syrian army and allies)", see controller_label()).
struct ControllerWords {
    std::string_view name;
    std::string_view detail;  // may be empty ("Contested")
};
ControllerWords controller_words(Controller c);
// "Government (Syrian army and allies)", "Opposition (HTS-led)", "Contested".
std::string controller_label(Controller c);
// The order of the sides in every legend.
inline constexpr Controller kLegendOrder[] = {Controller::government, Controller::opposition,
                                              Controller::sna,        Controller::sdf,
                                              Controller::contested,  Controller::unknown};

}  // namespace frontline
