// Who controls a place. Shared vocabulary of the events, control and render stages.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace frontline {

enum class Controller { government, opposition, sdf, sna, contested, unknown };

std::string_view to_string(Controller c);
std::optional<Controller> parse_controller(std::string_view s);

}  // namespace frontline
