// Name normalisation that folds the many romanisations of Arabic place names onto one key.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace frontline {

// `w` is one of `set` ("one_of(lw, {"and", "or"})"): the word tests of the geoparser and the
// event rules.
inline bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
    for (auto s : set) {
        if (w == s) return true;
    }
    return false;
}

// Folds one word: transliterates to ASCII (ICU "Any-Latin; Latin-ASCII"), lower-cases,
// drops ayn/hamza marks and apostrophes, and squeezes spelling variants (doubled letters,
// ou/u, ee/i, e/i, o/u, ai/ei and a non-initial ay/ey before a consonant, -eh/-ah). Returns ""
// for a definite article (al, el, an, ar, as, ash, at, az,
// ad, ...) so that "al-Numan", "an-Nu'man" and "Numan" meet.
std::string fold_word(std::string_view word);

// The script of a word or name: Latin (with or without diacritics), Arabic, or other
// (Cyrillic, Hebrew, Han, ...: GeoNames alternate names that this news never uses).
enum class Script { latin, arabic, other };
Script script_of(std::string_view text);

// The key of a whole name: its words folded and joined by single spaces, articles dropped
// unless the name is nothing but an article. "Ma'arrat an-Nu'man" -> "marat numan".
std::string name_key(std::string_view name);

// The consonant skeleton of a whole name, in Arabic or Latin script, for matching names
// across romanisations: Arabic letters and Latin letters/digraphs map to one class letter
// each (b t j g h x=kh d r z s c=sh f k l m n; a plain Latin c is j, Turkish ç and ş are
// sh, ğ is gh, see latin_word_skeleton() in normalize.cpp); vowels, alif, waw, ya, ayn, hamza, ta
// marbuta, a word-final h, apostrophes and the article (al-, el-, as-, ash-, ...) are dropped;
// words are joined without spaces and doubled classes collapse. "Little X"/"Big X" read as
// "X al-Sughra"/"X al-Kubra". "Qabtan Eljabal", "Qubtan al-Jabal" and قبتان الجبل all give
// "kbtnjbl"; "Maar Dis", "Maardis" and معردس give "mrds".
std::string skeleton(std::string_view name);

// True for a Latin name romanised the Turkish way (Anadolu Agency, Turkish outlets): it has
// a Turkish letter (ı ş ç ğ) or the article assimilated before a jim as "Ec-" ("Kasun
// Ec-Cebel"). skeleton() then reads v as waw; any name's plain c reads as jim.
bool turkish_romanised(std::string_view name);

// True when a text's place names are romanised the Turkish way: two or more distinct names
// pass turkish_romanised(). One is not enough: English outlets write "Erdoğan" too.
bool turkish_romanisation(const std::vector<std::string_view>& names);

// The English newsroom form of a Syrian name romanised the Turkish way, for labels: the
// letters ı ş ç ğ ö ü as i sh ch gh o u, c (jim) as j, v (waw) as w, e as a (a final e
// is the ta marbuta, written -a as newsroom_name() writes it), the article "El-"/"Ec-"/"Es-"/...
// and a joined "El" before a consonant ("Elcid") as "al-"; "Tel" -> "Tal", "Sheikh" and "Deir"
// kept. "Zor Ec-Cerabiyat" -> "Zor al-Jarabiyat", "El-Kreyyım" -> "al-Krayyim", "Resm El-Bağl" ->
// "Rasm al-Baghl", "El-Hacame" -> "al-Hajama".
std::string english_from_turkish(std::string_view name);

// The English form newsrooms print for a romanised Syrian name: diacritics and ayn/hamza
// marks dropped, "Tall"/"Tell" -> "Tal", a medial article as "al-" joined to its word
// ("Ma‘arrat an Nu‘mān" -> "Maarrat al-Numan", "Qabtan Eljabal" -> "Qabtan al-Jabal",
// "Al Bab" -> "al-Bab"), OCHA's "Little X"/"Big X" -> "X al-Sughra"/"X al-Kubra", a final
// -ah -> -a ("Ḩamāh" -> "Hama", "Ar Raqqah" -> "al-Raqqa").
std::string newsroom_name(std::string_view name);

// Number of class letters in a skeleton (its length: one byte per class).
inline std::size_t skeleton_size(std::string_view skel) {
    return skel.size();
}

// True if `word` (UTF-8) begins with an upper-case letter or a non-Latin letter (Arabic
// script has no case), used to decide where a place name can start in running text.
bool starts_name_like(std::string_view word);

struct Token {
    std::size_t start = 0;  // byte offsets into the text
    std::size_t end = 0;
    std::string key;  // fold_word() of the token ("" for an article)
    bool name_like = false;
};

// Splits running text into word tokens (letters, digits, inner apostrophes; hyphens and
// punctuation separate), dropping a possessive 's/’s from the token's span.
std::vector<Token> tokenize(std::string_view text);

}  // namespace frontline
