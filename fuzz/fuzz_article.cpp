// Article text: UTF-8 validation, then sentence splitting and tokenising of valid text.
// Invariants: sentences and tokens lie inside the text, in order.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/error.hpp"
#include "fuzz_util.hpp"
#include "gazetteer/normalize.hpp"
#include "text/article.hpp"
#include "text/sentences.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fl = frontline;
    try {
        auto a = fl::read_article(fl::fuzz::input_file("article.txt", data, size));
        std::size_t prev = 0;
        for (const auto& s : fl::split_sentences(a.text)) {
            if (s.start < prev || s.end > a.text.size() || s.start >= s.end) std::abort();
            prev = s.end;
        }
        prev = 0;
        for (const auto& t : fl::tokenize(a.text)) {
            if (t.start < prev || t.end > a.text.size() || t.start >= t.end) std::abort();
            prev = t.end;
        }
        (void)fl::name_key(a.text.substr(0, 256));
    } catch (const fl::Error&) {
    }
    return 0;
}
