// Controller names as written in files and GeoJSON properties, and as readers see them.
#include "control/controller.hpp"

namespace frontline {

namespace {

// One row per side, in the order of Controller: the file name and the words readers see.
struct ControllerRow {
    std::string_view id;
    ControllerWords words;
};
constexpr ControllerRow kRows[] = {
    {"government", {"Government", "Syrian army and allies"}},
    {"opposition", {"Opposition", "HTS-led"}},
    {"sdf", {"SDF", "Kurdish-led"}},
    {"sna", {"SNA", "Turkish-backed"}},
    {"contested", {"Contested", ""}},
    {"unknown", {"Unknown", ""}},
};

const ControllerRow& row(Controller c) {
    const auto i = static_cast<std::size_t>(c);
    return i < std::size(kRows) ? kRows[i] : kRows[std::size(kRows) - 1];
}

}  // namespace

std::string_view to_string(Controller c) {
    return row(c).id;
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
    return row(c).words;
}

std::string controller_label(Controller c) {
    const ControllerWords w = controller_words(c);
    std::string s(w.name);
    if (!w.detail.empty()) s += " (" + std::string(w.detail) + ")";
    return s;
}

}  // namespace frontline
