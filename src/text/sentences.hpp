// Sentence segmentation with ICU's BreakIterator, with byte offsets into UTF-8 text.
#pragma once

#include <string_view>
#include <vector>

namespace frontline {

struct Sentence {
    std::size_t start = 0;  // byte offsets into the article text, [start, end)
    std::size_t end = 0;
    std::size_t index = 0;  // 0-based sentence number in the article
};

// Splits on ICU sentence boundaries (with the "ss=standard" suppressions so that
// abbreviations such as "U.S." and "Mr." do not end a sentence), and on line breaks,
// since headlines and paragraphs in articles have no final stop. Whitespace trimmed.
std::vector<Sentence> split_sentences(std::string_view text);

}  // namespace frontline
