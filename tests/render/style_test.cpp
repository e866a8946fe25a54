// The style language: the shipped styles load; expressions evaluate as in MapLibre; unknown
// keys and bad values are errors naming the file, the layer and the key.
#include "render/style.hpp"

#include <gtest/gtest.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "test_util.hpp"

namespace fl = frontline;
using fl::Json;

namespace {

std::string error_of(const std::string& style_json) {
    auto dir = fl::test::scratch("style_bad");
    fl::write_file_atomic(dir / "s.json", style_json);
    try {
        fl::read_style(dir / "s.json");
    } catch (const fl::Error& e) {
        EXPECT_EQ(e.subsystem(), "style");
        return e.what();
    }
    return "";
}

std::string with_layer(const std::string& layer) {
    return R"({"version": 8, "layers": [)" + layer + "]}";
}

}  // namespace

TEST(Style, ShippedStylesLoad) {
    for (const char* name : {"control", "overlay", "changes"}) {
        auto s = fl::read_style(fl::test::source_dir() / "styles" / (std::string(name) + ".json"));
        EXPECT_FALSE(s.layers.empty()) << name;
    }
}

TEST(Style, ErrorsNameFileLayerAndKey) {
    auto e = error_of(with_layer(
        R"({"id": "dots", "type": "circle", "source-layer": "places", "paint": {"circle-glow": 1}})"));
    EXPECT_NE(e.find("s.json line 1: layer `dots`: key `paint.circle-glow`"), std::string::npos)
        << e;
    e = error_of(with_layer(R"({"id": "dots", "type": "circle", "source-layer": "places",
        "paint": {"circle-color": ["match", ["get", "controller"], "government", "#zz5e00", "#000000"]}})"));
    EXPECT_NE(e.find("layer `dots`: key `paint.circle-color`: bad colour \"#zz5e00\""),
              std::string::npos)
        << e;
    e = error_of(with_layer(R"({"id": "x", "type": "fill", "source-layer": "lakes"})"));
    EXPECT_NE(e.find("layer `x`: key `source-layer`: unknown feature set \"lakes\""),
              std::string::npos)
        << e;
    e = error_of(with_layer(
        R"({"id": "x", "type": "line", "source-layer": "roads", "filter": ["near", 1]})"));
    EXPECT_NE(e.find("key `filter`: unknown expression operator `near`"), std::string::npos) << e;
    e = error_of(with_layer(
        R"({"id": "x", "type": "line", "source-layer": "roads", "paint": {"line-dasharray": [2, "a"]}})"));
    EXPECT_NE(e.find("key `paint.line-dasharray`"), std::string::npos) << e;
    e = error_of(with_layer(R"({"id": "x", "type": "line", "source-layer": "roads",
        "paint": {"line-width": ["interpolate", ["linear"], ["zoom"], 10, 1, 5, 2]}})"));
    EXPECT_NE(e.find("ascending"), std::string::npos) << e;
    e = error_of(with_layer(R"({"id": "x", "type": "circle", "source-layer": "countries"})"));
    EXPECT_NE(e.find("a circle layer cannot draw \"countries\""), std::string::npos) << e;
    e = error_of(R"({"version": 8, "layers": [], "sprite": "x"})");
    EXPECT_NE(e.find("key `sprite`: unknown key"), std::string::npos) << e;
    e = error_of(
        with_layer(R"({"id": "a", "type": "background"}, {"id": "a", "type": "background"})"));
    EXPECT_NE(e.find("duplicate layer id `a`"), std::string::npos) << e;
}

TEST(Style, Colours) {
    auto c = fl::parse_colour("#d55e0080", "t");
    EXPECT_NEAR(c.r, 0xd5 / 255.0, 1e-9);
    EXPECT_NEAR(c.a, 0x80 / 255.0, 1e-9);
    c = fl::parse_colour("rgba(0, 158, 115, 0.5)", "t");
    EXPECT_NEAR(c.g, 158 / 255.0, 1e-9);
    EXPECT_NEAR(c.a, 0.5, 1e-9);
    EXPECT_EQ(fl::parse_colour("transparent", "t").a, 0);
    EXPECT_THROW(fl::parse_colour("rgba(0,0,0)", "t"), fl::Error);
    EXPECT_THROW(fl::parse_colour("#12345", "t"), fl::Error);
}

TEST(Expression, FiltersMatchAndZoomFunctions) {
    const Json props = {
        {"controller", "opposition"}, {"changed", true}, {"population", 30000}, {"kind", "town"}};
    auto eval = [&](const char* e, double z = 8) { return fl::evaluate(Json::parse(e), props, z); };
    EXPECT_TRUE(
        fl::passes(Json::parse(R"(["==", ["get", "controller"], "opposition"])"), props, 8));
    EXPECT_FALSE(fl::passes(Json::parse(R"(["!", ["get", "changed"]])"), props, 8));
    EXPECT_TRUE(fl::passes(
        Json::parse(
            R"(["all", ["has", "kind"], ["!", ["has", "name"]], [">=", ["get", "population"], 10000]])"),
        props, 8));
    EXPECT_TRUE(fl::passes(
        Json::parse(R"(["any", false, ["in", ["get", "kind"], ["literal", ["town", "city"]]]])"),
        props, 8));
    EXPECT_EQ(
        eval(
            R"(["match", ["get", "controller"], "government", "#d55e00", ["opposition", "sna"], "#009e73", "#8c8c8c"])"),
        "#009e73");
    EXPECT_DOUBLE_EQ(eval(R"(["interpolate", ["linear"], ["zoom"], 6, 2, 10, 4])", 8).get<double>(),
                     3.0);
    EXPECT_DOUBLE_EQ(
        eval(R"(["interpolate", ["linear"], ["zoom"], 6, 2, 10, 4])", 12).get<double>(), 4.0);
    EXPECT_DOUBLE_EQ(eval(R"(["step", ["zoom"], 1, 7, 2, 9, 3])", 8).get<double>(), 2.0);
    EXPECT_DOUBLE_EQ(eval(R"(["+", 1, ["*", 2, ["get", "population"]]])").get<double>(), 60001.0);
    auto mid = fl::colour_of(
        Json::parse(R"(["interpolate", ["linear"], ["zoom"], 0, "#000000", 10, "#ffffff"])"), props,
        5);
    EXPECT_NEAR(mid.r, 0.5, 1e-3);
    EXPECT_EQ(eval(R"(["get", "missing"])"), Json());
}

// Found by fuzz_style: a number too large for a double made nlohmann::json throw
// out_of_range, which escaped as an internal error instead of a style error.
TEST(Style, NumberOverflowIsAStyleError) {
    auto dir = fl::test::scratch("style_overflow");
    fl::write_file_atomic(dir / "big.json", "{\"version\": 8, \"layers\": [], \"x\": 1e99999}");
    try {
        fl::read_style(dir / "big.json");
        FAIL() << "accepted";
    } catch (const fl::Error& e) {
        EXPECT_NE(std::string(e.what()).find("invalid JSON"), std::string::npos) << e.what();
    }
}

// Found by fuzz_style: a style `name` that is not a string threw a JSON type error.
TEST(Style, NameMustBeAString) {
    auto dir = fl::test::scratch("style_name");
    fl::write_file_atomic(dir / "n.json", "{\"version\": 8, \"name\": 4444, \"layers\": []}");
    try {
        fl::read_style(dir / "n.json");
        FAIL() << "accepted";
    } catch (const fl::Error& e) {
        EXPECT_NE(std::string(e.what()).find("key `name`"), std::string::npos) << e.what();
    }
}

TEST(Style, ErrorsNameTheLayersLine) {
    // An unknown layer type, three layers down a pretty-printed file: the message gives the
    // line of the layer's "id", as an editor needs it.
    auto e = error_of(R"({
  "version": 8,
  "layers": [
    {"id": "bg", "type": "background"},
    {
      "id": "heat",
      "type": "heatmap",
      "source-layer": "places"
    }
  ]
})");
    EXPECT_NE(e.find("s.json line 6: layer `heat`: key `type`: unknown layer type \"heatmap\""),
              std::string::npos)
        << e;
}

TEST(Style, EmptyBinaryAndBadBytesAreStyleErrors) {
    auto e = error_of(" \n");
    EXPECT_NE(e.find("s.json: empty file"), std::string::npos) << e;
    e = error_of(std::string("{\"version\": 8,\n\"layers\": [\0]}", 29));
    EXPECT_NE(e.find("s.json line 2: binary file, not text"), std::string::npos) << e;
    e = error_of("{\"version\": 8,\n\"name\": \"Caf\xE9\",\n\"layers\": []}");
    EXPECT_NE(e.find("s.json line 2: invalid UTF-8"), std::string::npos) << e;
    // A byte-order mark and CRLF line ends are fine.
    auto dir = fl::test::scratch("style_bom");
    fl::write_file_atomic(
        dir / "palette.json",  // the colours control.json names
        fl::read_file(fl::test::source_dir() / "styles" / "palette.json", "style"));
    std::string crlf = "\xEF\xBB\xBF";
    for (char c : fl::read_file(fl::test::source_dir() / "styles" / "control.json", "style")) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    fl::write_file_atomic(dir / "bom.json", crlf);
    EXPECT_EQ(fl::read_style(dir / "bom.json").layers.size(),
              fl::read_style(fl::test::source_dir() / "styles" / "control.json").layers.size());
}

// Limits (docs/RELIABILITY.md, "Limits"): nesting, label length, numeric ranges and the
// number of layers are style errors (exit 1) naming the file, the layer and the key, never a
// crash or a Pango assertion while drawing.
TEST(StyleLimits, DeepNestingIsAStyleErrorNotACrash) {
    std::string deep;
    for (int i = 0; i < 20000; ++i) deep += R"(["!", )";
    deep += "true";
    for (int i = 0; i < 20000; ++i) deep += "]";
    auto e = error_of(with_layer(R"({"id": "dots", "type": "circle", "source-layer": "places",
        "filter": )" + deep + "}"));
    EXPECT_NE(e.find("s.json line 1: layer `dots`: key `filter`: nested more than 64 levels deep"),
              std::string::npos)
        << e.substr(0, 300);
    std::string radius;
    for (int i = 0; i < 100; ++i) radius += R"(["+", 1, )";
    radius += "1";
    for (int i = 0; i < 100; ++i) radius += "]";
    e = error_of(with_layer(R"({"id": "dots", "type": "circle", "source-layer": "places",
        "paint": {"circle-radius": )" +
                            radius + "}}"));
    EXPECT_NE(e.find("layer `dots`: key `paint.circle-radius`: nested more than 64"),
              std::string::npos)
        << e.substr(0, 300);
    e = error_of(R"({"version": 8, "metadata": )" + std::string(5000, '[') +
                 std::string(5000, ']') + R"(, "layers": [{"id": "a", "type": "background"}]})");
    EXPECT_NE(e.find("s.json: key `metadata`: nested more than 64"), std::string::npos) << e;
    // 64 levels are fine: the checker and the evaluator recurse no deeper than that.
    std::string ok;
    for (int i = 0; i < 63; ++i) ok += R"(["!", )";
    ok += "true";
    for (int i = 0; i < 63; ++i) ok += "]";
    EXPECT_EQ(error_of(with_layer(R"({"id": "dots", "type": "circle", "source-layer": "places",
        "filter": )" + ok + "}")),
              "");
}

TEST(StyleLimits, NumbersOutsideTheirRangeNameTheKey) {
    auto e = error_of(with_layer(R"({"id": "dots", "type": "circle", "source-layer": "places",
        "paint": {"circle-radius": 1e20}})"));
    EXPECT_NE(e.find("layer `dots`: key `paint.circle-radius`: must be in [0, 256], got 1e+20"),
              std::string::npos)
        << e;
    e = error_of(with_layer(R"({"id": "names", "type": "symbol", "source-layer": "places",
        "layout": {"text-field": ["get", "name"], "text-size": -5}})"));
    EXPECT_NE(e.find("layer `names`: key `layout.text-size`: must be in [1, 256], got -5"),
              std::string::npos)
        << e;
    // Inside an expression: the outputs are checked, the inputs (stops, comparands) are not.
    e = error_of(with_layer(R"({"id": "dots", "type": "circle", "source-layer": "places",
        "paint": {"circle-radius": ["interpolate", ["linear"], ["zoom"], 5, 2, 10, 900]}})"));
    EXPECT_NE(e.find("key `paint.circle-radius`: must be in [0, 256], got 900"), std::string::npos)
        << e;
    e = error_of(with_layer(R"({"id": "roads", "type": "line", "source-layer": "roads",
        "paint": {"line-width": ["match", ["get", "ref"], "M5", -2, 1]}})"));
    EXPECT_NE(e.find("key `paint.line-width`: must be in [0, 256], got -2"), std::string::npos)
        << e;
    e = error_of(with_layer(R"({"id": "dots", "type": "circle", "source-layer": "places",
        "paint": {"circle-opacity": 1.5}})"));
    EXPECT_NE(e.find("key `paint.circle-opacity`: must be in [0, 1], got 1.5"), std::string::npos)
        << e;
    EXPECT_EQ(error_of(with_layer(R"({"id": "dots", "type": "circle", "source-layer": "places",
        "filter": [">", ["get", "population"], 100000],
        "paint": {"circle-radius": ["step", ["get", "population"], 3, 100000, 256]}})")),
              "");
}

TEST(StyleLimits, DashArrays) {
    auto e = error_of(with_layer(R"({"id": "roads", "type": "line", "source-layer": "roads",
        "paint": {"line-dasharray": [0, 0]}})"));
    EXPECT_NE(e.find("layer `roads`: key `paint.line-dasharray`: the dashes must not all be 0"),
              std::string::npos)
        << e;
    e = error_of(with_layer(R"({"id": "roads", "type": "line", "source-layer": "roads",
        "paint": {"line-dasharray": [2, 1e9]}})"));
    EXPECT_NE(e.find("key `paint.line-dasharray`: must be an array of numbers in [0, 1000]"),
              std::string::npos)
        << e;
    std::string many = "[1";
    for (int i = 0; i < 40; ++i) many += ", 1";
    e = error_of(with_layer(R"({"id": "roads", "type": "line", "source-layer": "roads",
        "paint": {"line-dasharray": )" +
                            many + "]}}"));
    EXPECT_NE(e.find("key `paint.line-dasharray`: at most 32 numbers, got 41"), std::string::npos)
        << e;
}

TEST(StyleLimits, LabelTextAndLayerCount) {
    auto e = error_of(with_layer(R"({"id": "names", "type": "symbol", "source-layer": "places",
        "layout": {"text-field": ")" +
                                 std::string(1 << 20, 'x') + R"("}})"));
    EXPECT_NE(e.find("layer `names`: key `layout.text-field`: labels longer than 1000 bytes are "
                     "not drawn; this one has 1048576 bytes of text"),
              std::string::npos)
        << e.substr(0, 300);
    e = error_of(with_layer(R"js({"id": "names", "type": "symbol", "source-layer": "places",
        "layout": {"text-field": ["concat", ["get", "name"], " (", ["get", "kind"], ")"]}})js"));
    EXPECT_EQ(e, "");
    std::string layers;
    for (int i = 0; i < 1001; ++i) {
        if (i > 0) layers += ",";
        layers += R"({"id": "b)";
        layers += std::to_string(i);
        layers += R"(", "type": "background"})";
    }
    e = error_of(with_layer(layers));
    EXPECT_NE(e.find("s.json: key `layers`: 1001 layers; at most 1000"), std::string::npos) << e;
}
