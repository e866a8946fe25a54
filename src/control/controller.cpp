// Controller names as written in files and GeoJSON properties.
#include "control/controller.hpp"

namespace frontline {

std::string_view to_string(Controller c) {
    switch (c) {
        case Controller::government:
            return "government";
        case Controller::opposition:
            return "opposition";
        case Controller::sdf:
            return "sdf";
        case Controller::sna:
            return "sna";
        case Controller::contested:
            return "contested";
        case Controller::unknown:
            return "unknown";
    }
    return "unknown";
}

std::optional<Controller> parse_controller(std::string_view s) {
    for (auto c : {Controller::government, Controller::opposition, Controller::sdf, Controller::sna,
                   Controller::contested, Controller::unknown}) {
        if (to_string(c) == s) return c;
    }
    return std::nullopt;
}

Controller ally(Controller c) {
    if (c == Controller::opposition) return Controller::sna;
    if (c == Controller::sna) return Controller::opposition;
    return c;
}

ControllerWords controller_words(Controller c) {
    switch (c) {
        case Controller::government:
            return {"Government", "Syrian army and allies"};
        case Controller::opposition:
            return {"Opposition", "HTS-led"};
        case Controller::sdf:
            return {"SDF", "Kurdish-led"};
        case Controller::sna:
            return {"SNA", "Turkish-backed"};
        case Controller::contested:
            return {"Contested", ""};
        case Controller::unknown:
            return {"Unknown", ""};
    }
    return {"Unknown", ""};
}

std::string controller_label(Controller c) {
    const ControllerWords w = controller_words(c);
    std::string s(w.name);
    if (!w.detail.empty()) s += " (" + std::string(w.detail) + ")";
    return s;
}

}  // namespace frontline
