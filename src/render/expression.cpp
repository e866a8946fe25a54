// Expression checking and evaluation. The checker runs once per style file so the evaluator
// can assume well-formed input and stay exception-free on the render threads.
#include "render/expression.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "common/error.hpp"
#include "render/style.hpp"

namespace frontline {

namespace {

bool is_call(const Json& e) {
    return e.is_array() && !e.empty() && e[0].is_string();
}

[[noreturn]] void fail(const std::string& where, const std::string& msg) {
    throw Error("style", where, msg);
}

void check_literal(const Json& v, ValueKind kind, const std::string& where,
                   const NumberRange* range) {
    switch (kind) {
        case ValueKind::any:
            return;
        case ValueKind::boolean:
            if (!v.is_boolean()) fail(where, "expected a boolean, got " + v.dump());
            return;
        case ValueKind::number:
            if (!v.is_number()) fail(where, "expected a number, got " + v.dump());
            if (range && !(v.get<double>() >= range->min && v.get<double>() <= range->max)) {
                fail(where, "must be in [" + number_text(range->min) + ", " +
                                number_text(range->max) + "], got " + v.dump());
            }
            return;
        case ValueKind::string:
            if (!v.is_string()) fail(where, "expected a string, got " + v.dump());
            return;
        case ValueKind::colour:
            if (!v.is_string()) fail(where, "expected a colour string, got " + v.dump());
            parse_colour(v.get<std::string>(), where);
            return;
    }
}

void check_interp_type(const Json& t, const std::string& where) {
    if (!is_call(t)) fail(where, "interpolate: expected [\"linear\"] or [\"exponential\", base]");
    const std::string name = t[0].get<std::string>();
    if (name == "linear" && t.size() == 1) return;
    if (name == "exponential" && t.size() == 2 && t[1].is_number()) return;
    fail(where, "interpolate: expected [\"linear\"] or [\"exponential\", base], got " + t.dump());
}

// Stops of interpolate/step must be literal numbers in strictly ascending order.
void check_stops(const Json& e, std::size_t first, ValueKind kind, const std::string& where,
                 const std::string& op, const NumberRange* range) {
    double prev = -INFINITY;
    for (std::size_t i = first; i + 1 < e.size(); i += 2) {
        if (!e[i].is_number()) fail(where, op + ": stop inputs must be literal numbers");
        const double z = e[i].get<double>();
        if (!(z > prev)) fail(where, op + ": stop inputs must be in strictly ascending order");
        prev = z;
        check_expression(e[i + 1], kind, where, range);
    }
}

}  // namespace

std::string number_text(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", x);
    return buf;
}

void check_expression(const Json& e, ValueKind kind, const std::string& where,
                      const NumberRange* range) {
    if (!e.is_array()) {
        if (e.is_object()) fail(where, "objects are not expressions: " + e.dump());
        check_literal(e, kind, where, range);
        return;
    }
    if (!is_call(e))
        fail(where, "an array value must be an expression [\"op\", ...], got " + e.dump());
    const std::string op = e[0].get<std::string>();
    const std::size_t n = e.size() - 1;  // arguments
    auto args = [&](std::size_t lo, std::size_t hi) {
        if (n >= lo && n <= hi) return;
        std::string range = std::to_string(lo);
        if (hi > 100) {
            range += " or more";
        } else if (hi != lo) {
            range += "-";
            range += std::to_string(hi);
        }
        std::string msg = "`";
        msg += op;
        msg += "` takes ";
        msg += range;
        msg += " arguments, got ";
        msg += std::to_string(n);
        fail(where, msg);
    };
    auto all_args = [&](ValueKind k) {
        for (std::size_t i = 1; i < e.size(); ++i) check_expression(e[i], k, where);
    };
    if (op == "get" || op == "has") {
        args(1, 1);
        if (!e[1].is_string()) fail(where, "`" + op + "` takes a property name string");
    } else if (op == "zoom") {
        args(0, 0);
    } else if (op == "literal") {
        args(1, 1);
        if (kind == ValueKind::number && e[1].is_number()) check_literal(e[1], kind, where, range);
    } else if (op == "!") {
        args(1, 1);
        all_args(ValueKind::any);
    } else if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") {
        args(2, 2);
        all_args(ValueKind::any);
    } else if (op == "all" || op == "any") {
        all_args(ValueKind::any);
    } else if (op == "in") {
        args(2, 2);
        check_expression(e[1], ValueKind::any, where);
        const Json& hay = e[2];
        if (!(hay.is_string() ||
              (is_call(hay) && hay[0] == "literal" && hay.size() == 2 && hay[1].is_array()) ||
              (is_call(hay) && hay[0] == "get"))) {
            fail(where,
                 "`in`: the second argument must be a string, [\"literal\", [...]] or [\"get\", "
                 "...]");
        }
    } else if (op == "match") {
        // ["match", input, label(s), output, ..., fallback]
        if (n < 4 || n % 2 != 0)
            fail(where, "`match` takes input, label/output pairs and a fallback");
        check_expression(e[1], ValueKind::any, where);
        for (std::size_t i = 2; i + 1 < e.size(); i += 2) {
            const Json& label = e[i];
            auto ok = [](const Json& l) {
                return l.is_string() || l.is_number() || l.is_boolean();
            };
            if (!(ok(label) || (label.is_array() && std::all_of(label.begin(), label.end(), ok)))) {
                fail(where,
                     "`match` labels must be literals or arrays of literals, got " + label.dump());
            }
            check_expression(e[i + 1], kind, where, range);
        }
        check_expression(e.back(), kind, where, range);
    } else if (op == "case") {
        if (n < 3 || n % 2 != 1) fail(where, "`case` takes condition/output pairs and a fallback");
        for (std::size_t i = 1; i + 1 < e.size(); i += 2) {
            check_expression(e[i], ValueKind::any, where);
            check_expression(e[i + 1], kind, where, range);
        }
        check_expression(e.back(), kind, where, range);
    } else if (op == "coalesce") {
        args(1, 1000);
        for (std::size_t i = 1; i < e.size(); ++i) check_expression(e[i], kind, where, range);
    } else if (op == "interpolate") {
        if (n < 4 || n % 2 != 0)
            fail(where, "`interpolate` takes a type, an input and stop/output pairs");
        if (kind != ValueKind::number && kind != ValueKind::colour && kind != ValueKind::any) {
            fail(where, "`interpolate` outputs numbers or colours only");
        }
        check_interp_type(e[1], where);
        check_expression(e[2], ValueKind::number, where);
        check_stops(e, 3, kind, where, "interpolate", range);
    } else if (op == "step") {
        if (n < 2 || n % 2 != 0)
            fail(where, "`step` takes an input, a base output and stop/output pairs");
        check_expression(e[1], ValueKind::number, where);
        check_expression(e[2], kind, where, range);
        check_stops(e, 3, kind, where, "step", range);
    } else if (op == "concat") {
        args(1, 1000);
        all_args(ValueKind::any);
    } else if (op == "upcase" || op == "downcase" || op == "to-string") {
        args(1, 1);
        all_args(ValueKind::any);
    } else if (op == "+" || op == "*") {
        args(2, 1000);
        all_args(ValueKind::number);
    } else if (op == "-" || op == "/") {
        args(2, 2);
        all_args(ValueKind::number);
    } else {
        fail(where, "unknown expression operator `" + op + "`");
    }
}

namespace {

double num(const Json& v, double fallback = 0) {
    return v.is_number() ? v.get<double>() : fallback;
}

std::string colour_string(const Rgba& c) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "rgba(%.4f,%.4f,%.4f,%.5f)", c.r * 255, c.g * 255, c.b * 255,
                  c.a);
    return buf;
}

Json mix(const Json& a, const Json& b, double t) {
    if (a.is_number() && b.is_number())
        return a.get<double>() + (b.get<double>() - a.get<double>()) * t;
    if (a.is_string() && b.is_string()) {
        Rgba ca = parse_colour(a.get<std::string>(), "interpolate");
        Rgba cb = parse_colour(b.get<std::string>(), "interpolate");
        auto l = [t](double x, double y) { return x + (y - x) * t; };
        return colour_string({l(ca.r, cb.r), l(ca.g, cb.g), l(ca.b, cb.b), l(ca.a, cb.a)});
    }
    return t < 0.5 ? a : b;
}

bool less(const Json& a, const Json& b) {
    if (a.is_number() && b.is_number()) return a.get<double>() < b.get<double>();
    if (a.is_string() && b.is_string()) return a.get<std::string>() < b.get<std::string>();
    return false;
}

std::string to_str(const Json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "";
    return v.dump();
}

}  // namespace

Json evaluate(const Json& e, const Json& props, double zoom) {
    if (!is_call(e)) return e;
    const std::string& op = e[0].get_ref<const std::string&>();
    auto arg = [&](std::size_t i) { return evaluate(e[i], props, zoom); };
    if (op == "get") {
        auto it = props.find(e[1].get<std::string>());
        return it == props.end() ? Json() : *it;
    }
    if (op == "has") return props.contains(e[1].get<std::string>());
    if (op == "zoom") return zoom;
    if (op == "literal") return e[1];
    if (op == "!") {
        Json v = arg(1);
        return !(v.is_boolean() && v.get<bool>());
    }
    if (op == "==") return arg(1) == arg(2);
    if (op == "!=") return arg(1) != arg(2);
    if (op == "<") return less(arg(1), arg(2));
    if (op == ">") return less(arg(2), arg(1));
    if (op == "<=") {
        Json a = arg(1), b = arg(2);
        return less(a, b) || a == b;
    }
    if (op == ">=") {
        Json a = arg(1), b = arg(2);
        return less(b, a) || a == b;
    }
    if (op == "all" || op == "any") {
        const bool want = op == "any";
        for (std::size_t i = 1; i < e.size(); ++i) {
            Json v = arg(i);
            if ((v.is_boolean() && v.get<bool>()) == want) return want;
        }
        return !want;
    }
    if (op == "in") {
        Json needle = arg(1), hay = arg(2);
        if (hay.is_string())
            return needle.is_string() &&
                   hay.get<std::string>().find(needle.get<std::string>()) != std::string::npos;
        if (hay.is_array()) return std::find(hay.begin(), hay.end(), needle) != hay.end();
        return false;
    }
    if (op == "match") {
        Json v = arg(1);
        for (std::size_t i = 2; i + 1 < e.size(); i += 2) {
            const Json& label = e[i];
            const bool hit = label.is_array()
                                 ? std::find(label.begin(), label.end(), v) != label.end()
                                 : label == v;
            if (hit) return arg(i + 1);
        }
        return arg(e.size() - 1);
    }
    if (op == "case") {
        for (std::size_t i = 1; i + 1 < e.size(); i += 2) {
            Json c = arg(i);
            if (c.is_boolean() && c.get<bool>()) return arg(i + 1);
        }
        return arg(e.size() - 1);
    }
    if (op == "coalesce") {
        for (std::size_t i = 1; i < e.size(); ++i) {
            Json v = arg(i);
            if (!v.is_null()) return v;
        }
        return Json();
    }
    if (op == "interpolate") {
        const double x = num(arg(2));
        const double base = e[1][0] == "exponential" ? e[1][1].get<double>() : 1.0;
        if (x <= e[3].get<double>()) return arg(4);
        for (std::size_t i = 3; i + 3 < e.size(); i += 2) {
            const double z0 = e[i].get<double>(), z1 = e[i + 2].get<double>();
            if (x <= z1) {
                double t = (x - z0) / (z1 - z0);
                if (base != 1.0) t = (std::pow(base, x - z0) - 1) / (std::pow(base, z1 - z0) - 1);
                return mix(arg(i + 1), arg(i + 3), t);
            }
        }
        return arg(e.size() - 1);
    }
    if (op == "step") {
        const double x = num(arg(1));
        std::size_t out = 2;
        for (std::size_t i = 3; i + 1 < e.size(); i += 2) {
            if (x >= e[i].get<double>()) out = i + 1;
        }
        return arg(out);
    }
    if (op == "concat") {
        std::string s;
        for (std::size_t i = 1; i < e.size(); ++i) s += to_str(arg(i));
        return s;
    }
    if (op == "to-string") return to_str(arg(1));
    if (op == "upcase" || op == "downcase") {
        std::string s = to_str(arg(1));  // ASCII only; text-transform handles Unicode
        for (char& c : s) {
            if (op == "upcase" && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
            if (op == "downcase" && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        }
        return s;
    }
    if (op == "+" || op == "*") {
        double acc = op == "+" ? 0 : 1;
        for (std::size_t i = 1; i < e.size(); ++i)
            acc = op == "+" ? acc + num(arg(i)) : acc * num(arg(i));
        return acc;
    }
    if (op == "-") return num(arg(1)) - num(arg(2));
    if (op == "/") {
        const double d = num(arg(2));
        return d == 0 ? 0.0 : num(arg(1)) / d;
    }
    return Json();
}

}  // namespace frontline
