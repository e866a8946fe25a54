// Articles, manifests, UTF-8 validation and sentence segmentation.
#include "text/article.hpp"

#include <gtest/gtest.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "test_util.hpp"
#include "text/sentences.hpp"

namespace fl = frontline;

TEST(Article, ReadsSeedsWithManifestDates) {
    auto arts = fl::read_articles({fl::test::seeds_dir()}, std::nullopt);
    ASSERT_EQ(arts.size(), 5u);
    EXPECT_EQ(arts[0].doc, "000_1fc6e69f9ab886f9.txt");
    ASSERT_TRUE(arts[0].published);
    EXPECT_EQ(fl::to_iso(*arts[0].published), "2024-11-30");
    ASSERT_TRUE(arts[3].published);
    EXPECT_EQ(fl::to_iso(*arts[3].published), "2024-12-04");
}

TEST(Article, BomIsStrippedAndInvalidUtf8Rejected) {
    auto dir = fl::test::scratch("article_utf8");
    fl::write_file_atomic(dir / "bom.txt", "\xEF\xBB\xBFRebels entered Aleppo.");
    EXPECT_EQ(fl::read_article(dir / "bom.txt").text, "Rebels entered Aleppo.");
    fl::write_file_atomic(dir / "bad.txt", "line one\nline \xC3\x28 two\n");
    try {
        fl::read_article(dir / "bad.txt");
        FAIL() << "invalid UTF-8 accepted";
    } catch (const fl::Error& e) {
        EXPECT_NE(std::string(e.what()).find("bad.txt line 2"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("invalid UTF-8"), std::string::npos) << e.what();
    }
}

TEST(Article, ManifestNamingMissingFileIsAnErrorWithLine) {
    auto dir = fl::test::scratch("article_manifest");
    fl::write_file_atomic(dir / "a.txt", "text");
    fl::write_file_atomic(dir / "manifest.tsv",
                          "file\tpublished\na.txt\t2024-11-30\nmissing.txt\t2024-11-30\n");
    try {
        fl::read_articles({dir}, std::nullopt);
        FAIL() << "missing file accepted";
    } catch (const fl::Error& e) {
        EXPECT_NE(std::string(e.what()).find("manifest.tsv line 3"), std::string::npos) << e.what();
    }
    fl::write_file_atomic(dir / "manifest.tsv", "file\tpublished\na.txt\t2024-13-01\n");
    EXPECT_THROW(fl::read_articles({dir}, std::nullopt), fl::Error);
}

TEST(Sentences, AbbreviationsDoNotSplit) {
    std::string t =
        "The U.S. said at 5 a.m. that rebels entered Aleppo. The army withdrew.\nHeadline without "
        "stop\n";
    auto s = fl::split_sentences(t);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(t.substr(s[0].start, s[0].end - s[0].start),
              "The U.S. said at 5 a.m. that rebels entered Aleppo.");
    EXPECT_EQ(t.substr(s[1].start, s[1].end - s[1].start), "The army withdrew.");
    EXPECT_EQ(t.substr(s[2].start, s[2].end - s[2].start), "Headline without stop");
    EXPECT_EQ(s[2].index, 2u);
}
