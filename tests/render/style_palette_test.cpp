// Palette references in styles (render/style.hpp, styles/README.md): "@name" strings are the
// colours of palette.json beside the style, resolved when the style is read; unknown names,
// a missing palette and bad palette entries are errors naming the file and line.
#include <gtest/gtest.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "render/style.hpp"
#include "test_util.hpp"

namespace fl = frontline;
namespace fs = std::filesystem;

namespace {

const char* kPalette = R"json({
  "metadata": {"description": "test"},
  "colours": {
    "government": "#d55e00",
    "halo": "rgba(255,255,255,0.85)"
  }
})json";

// A style with one circle layer whose colour is `colour` (JSON text), in a fresh directory
// with `palette` (if not empty) beside it.
fs::path style_dir(const std::string& name, const std::string& colour,
                   const std::string& palette = kPalette) {
    const auto dir = fl::test::scratch(name);
    if (!palette.empty()) fl::write_file_atomic(dir / "palette.json", palette);
    fl::write_file_atomic(dir / "s.json", R"({"version": 8,
  "metadata": {"@government": "a key, not a reference", "note": "@ home"},
  "layers": [
    {"id": "dots", "type": "circle", "source-layer": "places",
     "paint": {"circle-color": )" + colour + R"(, "circle-stroke-color": "@halo"}}
  ]
})");
    return dir / "s.json";
}

std::string error_of(const fs::path& style) {
    try {
        fl::read_style(style);
    } catch (const fl::Error& e) {
        EXPECT_EQ(e.subsystem(), "style");
        EXPECT_EQ(e.exit_code(), fl::kExitInputError);
        return e.what();
    }
    ADD_FAILURE() << "no error";
    return "";
}

}  // namespace

TEST(StylePalette, ReferencesAreResolvedWhenRead) {
    const auto file =
        style_dir("palette_ok",
                  R"(["match", ["get", "controller"], "government", "@government", "#000000"])");
    std::string text;
    const auto s = fl::read_style(file, &text);
    const auto& paint = s.layers.at(0).paint;
    EXPECT_EQ(
        paint.at("circle-color"),
        fl::Json::parse(R"(["match", ["get", "controller"], "government", "#d55e00", "#000000"])"));
    EXPECT_EQ(paint.at("circle-stroke-color"), "rgba(255,255,255,0.85)");
    // The text is the file's with the references replaced in place: keys and other strings
    // starting with @ are kept, and so are the lines.
    std::string want = fl::read_file(file, "style");
    for (const auto& [ref, colour] :
         {std::pair<std::string, std::string>{"\"@government\",", "\"#d55e00\","},
          {"\"@halo\"", "\"rgba(255,255,255,0.85)\""}}) {
        want.replace(want.find(ref), ref.size(), colour);
    }
    EXPECT_EQ(text, want);
    EXPECT_EQ(fl::read_style_text(file), want);
    EXPECT_NE(text.find("\"@government\": \"a key"), std::string::npos);
    EXPECT_NE(text.find("\"@ home\""), std::string::npos);
}

TEST(StylePalette, APaletteChangeChangesTheStyleText) {
    // The text is what tile fingerprints digest: a new colour in the palette must change it,
    // so an incremental run renders the tiles again.
    const auto file = style_dir("palette_change", R"("@government")");
    const std::string before = fl::read_style_text(file);
    fl::write_file_atomic(file.parent_path() / "palette.json",
                          R"({"colours": {"government": "#d55e01", "halo": "#ffffff"}})");
    const std::string after = fl::read_style_text(file);
    EXPECT_NE(before, after);
    EXPECT_NE(after.find("\"#d55e01\""), std::string::npos) << after;
}

TEST(StylePalette, UnknownNamesAreRefusedWithFileAndLine) {
    auto e = error_of(style_dir("palette_unknown", R"("@govt")"));
    EXPECT_NE(e.find("s.json line 5: unknown palette colour \"@govt\""), std::string::npos) << e;
    EXPECT_NE(e.find("palette.json: government, halo)"), std::string::npos) << e;

    e = error_of(style_dir("palette_missing", R"("@government")", ""));
    EXPECT_NE(e.find("s.json line 5: palette colour \"@government\", but there is no "),
              std::string::npos)
        << e;
}

TEST(StylePalette, BadPalettesAreRefused) {
    auto e = error_of(style_dir("palette_bad_colour", R"("@government")",
                                "{\"colours\": {\n\"government\": \"#d55e0\"}}"));
    EXPECT_NE(e.find("palette.json line 2: colour `government`: bad colour \"#d55e0\""),
              std::string::npos)
        << e;
    e = error_of(style_dir("palette_bad_name", R"("@government")",
                           R"({"colours": {"Government": "#d55e00"}})"));
    EXPECT_NE(e.find("colour `Government`: a name is a lower-case letter"), std::string::npos) << e;
    e = error_of(style_dir("palette_no_colours", R"("@government")", R"({"colors": {}})"));
    EXPECT_NE(e.find("palette.json: key `colors`: unknown key"), std::string::npos) << e;
    e = error_of(style_dir("palette_not_json", R"("@government")", "{\"colours\": "));
    EXPECT_NE(e.find("palette.json: invalid JSON"), std::string::npos) << e;
}

TEST(StylePalette, ShippedStylesNameEveryColour) {
    // The shipped styles take their colours from styles/palette.json: no literal colour left
    // (but transparent), and every reference known.
    for (const char* name : {"control", "changes", "overlay"}) {
        const auto file = fl::test::source_dir() / "styles" / (std::string(name) + ".json");
        const std::string raw = fl::read_file(file, "style");
        EXPECT_EQ(raw.find("\"#"), std::string::npos) << name;
        EXPECT_EQ(raw.find("\"rgb"), std::string::npos) << name;
        EXPECT_NE(raw.find("\"@government\""), std::string::npos) << name;
        const std::string text = fl::read_style_text(file);
        EXPECT_EQ(text.find("\"@"), std::string::npos) << name;
        EXPECT_NE(text.find("\"#d55e00\""), std::string::npos) << name;
    }
}
