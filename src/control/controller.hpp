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

}  // namespace frontline
