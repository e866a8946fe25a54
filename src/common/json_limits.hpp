// Limits on JSON read from outside (styles, control days, TileJSON): nesting depth. The
// parser (nlohmann::json) builds and frees deep values without recursion, but copying, dumping
// and evaluating them recurse, so a value nested 20,000 deep overflowed the stack.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

namespace frontline {

// Deepest nesting allowed in one value read from outside: a scalar is 0 deep, [] and {} 1,
// [[1]] 2. Frontline's own styles nest 8 deep at most.
inline constexpr std::size_t kMaxJsonDepth = 64;

// How deeply `j` nests, without recursion; stops counting once past `stop`.
inline std::size_t json_depth(const nlohmann::json& j, std::size_t stop = SIZE_MAX) {
    std::size_t deepest = 0;
    std::vector<std::pair<const nlohmann::json*, std::size_t>> todo = {{&j, 0}};
    while (!todo.empty()) {
        auto [v, d] = todo.back();
        todo.pop_back();
        if (!v->is_structured()) continue;
        deepest = std::max(deepest, d + 1);
        if (deepest > stop) return deepest;
        for (const auto& x : *v) todo.push_back({&x, d + 1});
    }
    return deepest;
}

}  // namespace frontline
