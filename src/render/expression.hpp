// Style expressions: the subset of the MapLibre expression language that styles/README.md
// documents (get, has, !, comparisons, all, any, in, match, case, coalesce, interpolate, step,
// zoom, literal, concat, + - * /). Expressions are JSON values, checked once when the style
// is read and evaluated per feature and zoom while rendering.
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

namespace frontline {

using Json = nlohmann::json;

// What a style property expects an expression to produce; literals are checked against it.
enum class ValueKind { any, boolean, number, string, colour };

// The documented range of a numeric style property (styles/README.md).
struct NumberRange {
    double min = -INFINITY;
    double max = INFINITY;
};

// Checks operator names, arity and the literal outputs (a colour literal must parse; a number
// that the expression may output must lie in `range`, when given). Throws Error("style",
// where, ...) naming the first problem.
void check_expression(const Json& expr, ValueKind kind, const std::string& where,
                      const NumberRange* range = nullptr);

// "0", "0.5", "1e+20": a number as the style's messages show it.
std::string number_text(double x);

// Evaluates `expr` for a feature with properties `props` (a JSON object) at `zoom`. Missing
// properties evaluate to null. Never throws for checked expressions.
Json evaluate(const Json& expr, const Json& props, double zoom);

// A filter's verdict: true only for a boolean true result (MapLibre semantics).
inline bool passes(const Json& filter, const Json& props, double zoom) {
    if (filter.is_null()) return true;
    Json r = evaluate(filter, props, zoom);
    return r.is_boolean() && r.get<bool>();
}

}  // namespace frontline
