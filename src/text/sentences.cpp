// ICU sentence segmentation. ICU works on UTF-16; we map its boundaries back to UTF-8 bytes.
#include "text/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <memory>
#include <mutex>

namespace frontline {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

// Appends the trimmed [start, end) span if it holds any non-space text.
void push_trimmed(std::string_view text, std::size_t start, std::size_t end,
                  std::vector<Sentence>& out) {
    while (start < end && is_space(text[start])) ++start;
    while (end > start && is_space(text[end - 1])) --end;
    // Trim UTF-8 no-break/typographic spaces is not needed: ICU puts them inside.
    if (end > start) out.push_back({start, end, out.size()});
}

std::unique_ptr<icu::BreakIterator> make_iterator() {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale en("en_US@ss=standard");
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(en, status));
    if (U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        it.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
    }
    return it;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) {
    std::vector<Sentence> out;
    // One iterator per thread: BreakIterator is not thread-safe, and cloning per call
    // costs more than the segmentation of a typical article.
    thread_local std::unique_ptr<icu::BreakIterator> it = make_iterator();
    // Paragraphs first: a line break always ends a sentence.
    std::size_t para_start = 0;
    while (para_start < text.size()) {
        std::size_t nl = text.find('\n', para_start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view para = text.substr(para_start, nl - para_start);
        if (!para.empty()) {
            UErrorCode status = U_ZERO_ERROR;
            UText* ut =
                utext_openUTF8(nullptr, para.data(), static_cast<int64_t>(para.size()), &status);
            if (U_SUCCESS(status) && it) {
                it->setText(ut, status);
                // With a UTF-8 UText, ICU's boundaries are native (byte) indexes.
                int32_t prev = it->first();
                for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
                    push_trimmed(text, para_start + prev, para_start + b, out);
                    prev = b;
                }
            } else {
                push_trimmed(text, para_start, nl, out);
            }
            utext_close(ut);
        }
        para_start = nl + 1;
    }
    return out;
}

}  // namespace frontline
