// The error of an option a caller gave that the library cannot use, named the library's way.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace frontline {

// An option the caller gave that the library cannot use: to the command line, a bad command
// line (kExitUsage). The library never spells a front end's flag: `where` and `message` name
// options in braces by the library's own names, "{zoom}", "{bbox}", "{until}" (the concepts of
// its options structs), and a front end spells them its way (spelled(); the CLI: "--zoom").
// what() keeps the braces: "tiles error: {zoom} 22-22: ... give {zoom} 5-9 or a smaller {bbox}".
// A user's value in `where` or `message` goes through literal().
class OptionError : public Error {
  public:
    using Speller = std::function<std::string(std::string_view name)>;

    OptionError(std::string subsystem, std::string where, std::string message)
        : Error(subsystem, fill(where, bare), fill(message, bare), kExitUsage),
          where_template_(std::move(where)),
          message_template_(std::move(message)) {}

    // what()'s text with every {name} spelled by `spell`.
    std::string spelled(const Speller& spell) const {
        return Error(subsystem(), fill(where_template_, spell), fill(message_template_, spell))
            .what();
    }

    // A value of the user's (a path, a layer name) to put in `where` or `message`: its braces
    // doubled, so that it is shown as it is and never read as a name.
    static std::string literal(std::string_view value) {
        std::string out;
        for (char c : value) {
            out += c;
            if (c == '{') out += '{';
        }
        return out;
    }

    // `text` with every "{name}" (lower-case letters and '_') replaced by spell(name) and
    // every "{{" by "{".
    static std::string fill(std::string_view text, const Speller& spell) {
        std::string out;
        std::size_t i = 0;
        while (i < text.size()) {
            const std::size_t open = text.find('{', i);
            out += text.substr(i, open == std::string_view::npos ? open : open - i);
            if (open == std::string_view::npos) break;
            if (open + 1 < text.size() && text[open + 1] == '{') {
                out += '{';
                i = open + 2;
                continue;
            }
            const std::size_t close = text.find('}', open + 1);
            const std::string_view name = close == std::string_view::npos
                                              ? std::string_view()
                                              : text.substr(open + 1, close - open - 1);
            if (name.empty() ||
                name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string_view::npos) {
                out += '{';
                i = open + 1;
                continue;
            }
            out += spell(name);
            i = close + 1;
        }
        return out;
    }
    static std::string bare(std::string_view name) {
        std::string out(1, '{');
        out.append(name);
        out += '}';
        return out;
    }

  private:
    std::string where_template_, message_template_;
};

}  // namespace frontline
