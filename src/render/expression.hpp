// Style expressions: the subset of the MapLibre expression language that styles/README.md
// documents (get, has, !, comparisons, all, any, in, match, case, coalesce, interpolate, step,
// zoom, literal, concat, + - * /). Expressions are JSON values, checked once when the style
// is read and evaluated per feature and zoom while rendering.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace frontline {

using Json = nlohmann::json;

// What a style property expects an expression to produce; literals are checked against it.
enum class ValueKind { any, boolean, number, string, colour };

// Checks operator names, arity and the literal outputs (a colour literal must parse).
// Throws Error("style", where, ...) naming the first problem.
void check_expression(const Json& expr, ValueKind kind, const std::string& where);

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
