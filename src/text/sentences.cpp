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

bool upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool lower(char c) {
    return c >= 'a' && c <= 'z';
}

// Where a headline in capitals runs into the body with no space or stop, as scraped pages
// often give it ("MILITARY BASE CAPTUREDThe groups also captured ..."): the offset of the
// body's first letter, else npos. Four capitals at least before a capitalised word of two
// lower-case letters or more, so "IDPs" or "McDonald" never split.
std::size_t glued_headline(std::string_view text, std::size_t start, std::size_t end) {
    std::size_t run = 0;
    for (std::size_t i = start; i + 2 < end; ++i) {
        if (upper(text[i]) && lower(text[i + 1]) && lower(text[i + 2]) && run >= 4) return i;
        run = upper(text[i]) ? run + 1 : 0;
    }
    return std::string_view::npos;
}

// Appends the trimmed [start, end) span if it holds any non-space text.
void push_trimmed(std::string_view text, std::size_t start, std::size_t end,
                  std::vector<Sentence>& out) {
    while (start < end && is_space(text[start])) ++start;
    while (end > start && is_space(text[end - 1])) --end;
    // Trim UTF-8 no-break/typographic spaces is not needed: ICU puts them inside.
    if (end <= start) return;
    if (const std::size_t g = glued_headline(text, start, end); g != std::string_view::npos) {
        out.push_back({start, g, out.size()});
        push_trimmed(text, g, end, out);
        return;
    }
    out.push_back({start, end, out.size()});
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
