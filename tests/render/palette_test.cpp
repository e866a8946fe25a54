// The controller colours of the shipped styles stay apart for colour-blind readers: each
// colour is passed through the Machado, Oliveira & Fernandes (2009) simulation matrices for
// protanopia, deuteranopia and tritanopia at severity 1.0 (applied to linear sRGB), and every
// pair must keep a CIE76 colour difference (ΔE*ab in CIELAB, D65) of at least 12; without
// simulation at least 30. Measured with control.json: normal 36.9 (sna/unknown), protanopia
// 20.7 (sna/contested), deuteranopia 12.4 (contested/unknown), tritanopia 16.1
// (opposition/sna).
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "render/style.hpp"
#include "test_util.hpp"

namespace fl = frontline;

namespace {

using Mat = std::array<std::array<double, 3>, 3>;

// Machado et al. 2009, severity 1.0 (their published matrices, linear RGB).
const Mat kProtan = {{{0.152286, 1.052583, -0.204868},
                      {0.114503, 0.786281, 0.099216},
                      {-0.003882, -0.048116, 1.051998}}};
const Mat kDeutan = {{{0.367322, 0.860646, -0.227968},
                      {0.280085, 0.672501, 0.047413},
                      {-0.011820, 0.042940, 0.968881}}};
const Mat kTritan = {{{1.255528, -0.076749, -0.178779},
                      {-0.078411, 0.930809, 0.147602},
                      {0.004733, 0.691367, 0.303900}}};
const Mat kNone = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};

double linear(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::array<double, 3> lab(const fl::Rgba& c, const Mat& m) {
    const double in[3] = {linear(c.r), linear(c.g), linear(c.b)};
    double rgb[3];
    for (int i = 0; i < 3; ++i)
        rgb[i] = std::clamp(m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2], 0.0, 1.0);
    const double X = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
    const double Y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    const double Z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
    const double fx = f(X / 0.95047), fy = f(Y), fz = f(Z / 1.08883);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

}  // namespace

TEST(Palette, ControllerColoursSurviveColourBlindnessSimulation) {
    for (const char* name : {"control", "overlay", "changes"}) {
        auto style =
            fl::read_style(fl::test::source_dir() / "styles" / (std::string(name) + ".json"));
        const fl::StyleLayer* dots = nullptr;
        for (const auto& l : style.layers) {
            if (l.id == "places") dots = &l;
        }
        ASSERT_NE(dots, nullptr) << name << ": no `places` layer";
        const char* controllers[] = {"government", "opposition", "sdf",
                                     "sna",        "contested",  "unknown"};
        std::vector<fl::Rgba> colours;
        for (const char* c : controllers)
            colours.push_back(
                fl::colour_of(dots->paint_value("circle-color"), {{"controller", c}}, 8));
        const std::pair<const char*, const Mat*> sims[] = {{"none", &kNone},
                                                           {"protanopia", &kProtan},
                                                           {"deuteranopia", &kDeutan},
                                                           {"tritanopia", &kTritan}};
        for (const auto& [sim, m] : sims) {
            const double need = m == &kNone ? 30 : 12;
            for (std::size_t i = 0; i < colours.size(); ++i) {
                for (std::size_t j = i + 1; j < colours.size(); ++j) {
                    auto a = lab(colours[i], *m), b = lab(colours[j], *m);
                    const double de = std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
                    EXPECT_GE(de, need) << name << ", " << sim << ": " << controllers[i] << " vs "
                                        << controllers[j];
                }
            }
        }
    }
}
