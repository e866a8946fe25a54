// Romanisation folding: spellings of one name meet on one key.
#include "gazetteer/normalize.hpp"

#include <gtest/gtest.h>

namespace fl = frontline;

TEST(Normalize, RomanisationsOfOneNameMeet) {
    const std::string k = fl::name_key("Maarat al-Numan");
    EXPECT_EQ(fl::name_key("Ma'arrat an-Nu'man"), k);
    EXPECT_EQ(fl::name_key("Ma‘arrat an Nu‘mān"), k);
    EXPECT_EQ(fl::name_key("Maarat al-Nouman"), k);
    EXPECT_EQ(fl::name_key("Marat al-Numan"), k);
    EXPECT_EQ(fl::name_key("Tal Hasil"), fl::name_key("Tell Hasil"));
    EXPECT_EQ(fl::name_key("Tall Hasil"), fl::name_key("Tal Hasil"));
    EXPECT_EQ(fl::name_key("Zahraa"), fl::name_key("al-Zahra"));
    EXPECT_NE(fl::name_key("Aleppo"), fl::name_key("Idlib"));
}

TEST(Normalize, TokensKeepOffsetsAndDropPossessive) {
    std::string t = "Aleppo’s northern countryside, near al-Bab.";
    auto toks = fl::tokenize(t);
    ASSERT_GE(toks.size(), 6u);
    EXPECT_EQ(t.substr(toks[0].start, toks[0].end - toks[0].start), "Aleppo");
    EXPECT_TRUE(toks[0].name_like);
    EXPECT_FALSE(toks[1].name_like);
    EXPECT_EQ(toks[4].key, "");  // "al" is an article
    EXPECT_EQ(t.substr(toks[5].start, toks[5].end - toks[5].start), "Bab");
}

TEST(Normalize, ArabicScriptIsNameLike) {
    EXPECT_TRUE(fl::starts_name_like("حلب"));
    EXPECT_FALSE(fl::name_key("حلب").empty());
}
