// Articles, manifests, UTF-8 validation and sentence segmentation.
#include "text/article.hpp"

#include <gtest/gtest.h>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "test_util.hpp"
#include "text/sentences.hpp"
#include "text/tsv.hpp"

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

// A manifest `url` that is not http(s) would become the page's popup link: it is dropped, with
// a warning naming the manifest line; http and https addresses are kept as they are.
TEST(Article, ManifestUrlOtherThanHttpIsDroppedWithAWarning) {
    auto dir = fl::test::scratch("article_manifest_url");
    fl::write_file_atomic(dir / "a.txt", "text");
    fl::write_file_atomic(dir / "b.txt", "text");
    fl::write_file_atomic(dir / "c.txt", "text");
    fl::write_file_atomic(dir / "manifest.tsv",
                          "file\tpublished\turl\n"
                          "a.txt\t2024-11-30\tjavascript:alert(document.cookie)\n"
                          "b.txt\t2024-11-30\tHTTPS://example.org/b?x=1\n"
                          "c.txt\t2024-11-30\t\n");
    auto arts = fl::read_articles({dir}, std::nullopt);
    ASSERT_EQ(arts.size(), 3u);
    EXPECT_EQ(arts[0].url, "");
    ASSERT_EQ(arts[0].warnings.size(), 1u);
    EXPECT_NE(arts[0].warnings[0].find("manifest.tsv line 2"), std::string::npos)
        << arts[0].warnings[0];
    EXPECT_NE(arts[0].warnings[0].find("javascript:alert"), std::string::npos);
    EXPECT_EQ(arts[1].url, "HTTPS://example.org/b?x=1");
    EXPECT_TRUE(arts[1].warnings.empty());
    EXPECT_EQ(arts[2].url, "");
    EXPECT_TRUE(arts[2].warnings.empty());

    EXPECT_TRUE(fl::safe_link("http://example.org/"));
    EXPECT_TRUE(fl::safe_link("https://example.org/a"));
    for (const char* bad :
         {"javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,<script>",
          "vbscript:x", "//example.org/", "http://", "https://exa mple.org", "https://a\tb",
          "ftp://x.org/", "/relative", "http:x"}) {
        EXPECT_FALSE(fl::safe_link(bad)) << bad;
    }
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

TEST(Sentences, HeadlineGluedToTheBodyIsItsOwnSentence) {
    // Scraped pages drop the break after an inline headline in capitals.
    std::string t =
        "Fighting goes on. NEW POSITIONS TAKENThe rebels seized two villages. IDPs "
        "fled to McDonald Street, the UNHCR said.";
    auto s = fl::split_sentences(t);
    ASSERT_EQ(s.size(), 4u);
    EXPECT_EQ(t.substr(s[1].start, s[1].end - s[1].start), "NEW POSITIONS TAKEN");
    EXPECT_EQ(t.substr(s[2].start, s[2].end - s[2].start), "The rebels seized two villages.");
    EXPECT_EQ(s[3].index, 3u);
}

TEST(Article, BinaryFileIsNamedAsBinaryNotAsBadUtf8) {
    auto dir = fl::test::scratch("article_binary");
    // The start of a PNG: bad UTF-8 at byte 0, but what the user needs to hear is "binary".
    fl::write_file_atomic(dir / "image.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
    try {
        fl::read_article(dir / "image.txt");
        FAIL() << "binary file accepted";
    } catch (const fl::Error& e) {
        EXPECT_NE(std::string(e.what()).find("image.txt line 3: binary file, not text"),
                  std::string::npos)
            << e.what();
        EXPECT_EQ(e.exit_code(), fl::kExitInputError);
    }
}

TEST(Tsv, BadBytesAreErrorsWithFileAndLine) {
    // Gazetteer, manifest and baseline fields reach JSON outputs, which must be UTF-8: a
    // Latin-1 name used to escape as an internal error when the outputs were written.
    auto dir = fl::test::scratch("tsv_utf8");
    fl::write_file_atomic(dir / "g.tsv", "id\tname\nfl:a\tAleppo\nfl:b\tCaf\xE9\n");
    try {
        fl::TsvReader tsv(dir / "g.tsv", "gazetteer");
        FAIL() << "invalid UTF-8 accepted";
    } catch (const fl::Error& e) {
        EXPECT_EQ(e.subsystem(), "gazetteer");
        EXPECT_NE(std::string(e.what()).find("g.tsv line 3: invalid UTF-8"), std::string::npos)
            << e.what();
    }
    fl::write_file_atomic(dir / "b.tsv", std::string("id\tname\nfl:a\t\0\n", 15));
    EXPECT_THROW(fl::TsvReader(dir / "b.tsv", "gazetteer"), fl::Error);
}

TEST(Tsv, BomAndCrlfAreAccepted) {
    auto dir = fl::test::scratch("tsv_crlf");
    fl::write_file_atomic(dir / "m.tsv",
                          "\xEF\xBB\xBF"
                          "file\tpublished\r\na.txt\t2024-11-30\r\n");
    fl::TsvReader tsv(dir / "m.tsv", "article");
    ASSERT_TRUE(tsv.column("file"));
    ASSERT_TRUE(tsv.column("published"));
    auto row = tsv.next();
    ASSERT_TRUE(row);
    EXPECT_EQ((*row)[*tsv.column("published")], "2024-11-30");
    EXPECT_EQ(tsv.line(), 2u);
}

// Inputs read whole: only regular files, at most a size limit, and file-system failures as
// input errors naming the file (shortened), never std::filesystem exceptions.
TEST(ReadFile, RefusesDevicesDirectoriesLoopsAndOversizedFiles) {
    namespace fs = std::filesystem;
    auto dir = fl::test::scratch("read_file_limits");
    auto message = [](const fs::path& p, std::uintmax_t max = fl::kMaxInputBytes) {
        try {
            fl::read_file(p, "article", max);
        } catch (const fl::Error& e) {
            EXPECT_EQ(e.exit_code(), fl::kExitInputError) << e.what();
            return std::string(e.what());
        }
        return std::string("(read)");
    };
    fs::create_symlink("/dev/zero", dir / "zero.tsv");
    EXPECT_NE(message(dir / "zero.tsv").find("zero.tsv: not a regular file"), std::string::npos)
        << message(dir / "zero.tsv");
    EXPECT_NE(message(dir).find("a directory, not a file"), std::string::npos);
    fs::create_symlink(dir / "loop-b", dir / "loop-a");
    fs::create_symlink(dir / "loop-a", dir / "loop-b");
    EXPECT_NE(message(dir / "loop-a").find("symbolic link loop"), std::string::npos)
        << message(dir / "loop-a");
    fl::write_file_atomic(dir / "big.txt", std::string(100, 'x'));
    EXPECT_NE(message(dir / "big.txt", 64).find("big.txt: file too large: 100 bytes"),
              std::string::npos);
    EXPECT_EQ(fl::read_file(dir / "big.txt", "article", 100), std::string(100, 'x'));
    // A 20 MB name is not echoed.
    const std::string m = message(dir / std::string(20'000'000, 'n'));
    EXPECT_LT(m.size(), 600u) << m.substr(0, 600);
    EXPECT_NE(m.find("File name too long"), std::string::npos) << m.substr(0, 600);
}

TEST(ReadFile, ManifestOnADeviceIsAnInputError) {
    namespace fs = std::filesystem;
    auto dir = fl::test::scratch("manifest_device");
    fl::write_file_atomic(dir / "a.txt", "Rebels entered Saraqib.");
    fs::create_symlink("/dev/zero", dir / "manifest.tsv");
    try {
        fl::read_articles({dir}, std::nullopt);
        FAIL() << "a manifest on /dev/zero was read";
    } catch (const fl::Error& e) {
        EXPECT_NE(std::string(e.what()).find("manifest.tsv: not a regular file"), std::string::npos)
            << e.what();
    }
    // An article directory behind a symlink loop: an input error, not an exception.
    fs::create_symlink(dir / "loop-b", dir / "loop-a");
    fs::create_symlink(dir / "loop-a", dir / "loop-b");
    EXPECT_THROW(fl::read_articles({dir / "loop-a"}, std::nullopt), fl::Error);
}
