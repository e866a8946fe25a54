// Names across romanisations: Turkish spellings of Syrian names (c = jim, ş = shin, ğ =
// ghayn, v = waw, the article as "Ec-", "Eş-") meet their Arabic, OCHA and English forms;
// English words with a c do not become places; a foreign namesake (a Turkish town) loses to
// the Syrian place of the same skeleton in a Syrian article's place slot. Sentences and
// names written for these tests.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/geoparse.hpp"
#include "gazetteer/news_names.hpp"
#include "gazetteer/normalize.hpp"
#include "geoparse_fixture.hpp"
#include "test_util.hpp"

namespace fl = frontline;
using fl::test::geoparse_text;
using fl::test::mention_of;
using fl::test::project_gazetteer;

namespace {}  // namespace

TEST(Turkish, RomanisedNamesAreRecognised) {
    EXPECT_TRUE(fl::turkish_romanised("Tel Rıfat"));
    EXPECT_TRUE(fl::turkish_romanised("Cisr eş-Şuğur"));
    EXPECT_TRUE(fl::turkish_romanised("Kefr Ec-Cedid"));  // the article before a jim
    EXPECT_TRUE(fl::turkish_romanised("Bağdiye"));
    EXPECT_FALSE(fl::turkish_romanised("Deir ez-Zor"));  // French and English write ez- too
    EXPECT_FALSE(fl::turkish_romanised("Jisr al-Shughur"));
    EXPECT_FALSE(fl::turkish_romanised("Eccentric"));
}

TEST(Turkish, SkeletonsMeetTheArabicAndEnglishForms) {
    // c is jim; ş and ç are shin; ğ is ghayn; the Turkish articles fall away.
    EXPECT_EQ(fl::skeleton("Cisr eş-Şuğur"), fl::skeleton("Jisr al-Shughur"));
    EXPECT_EQ(fl::skeleton("Cisr eş-Şuğur"), fl::skeleton("جسر الشغور"));
    EXPECT_EQ(fl::skeleton("Menbic"), fl::skeleton("Manbij"));
    EXPECT_EQ(fl::skeleton("Cindires"), fl::skeleton("Jindires"));
    EXPECT_EQ(fl::skeleton("Kefr Ec-Cedid"), fl::skeleton("Kafr al-Jadid"));
    EXPECT_EQ(fl::skeleton("Ruğum"), fl::skeleton("Rughum"));
    // v is waw in a Turkish-romanised name, f elsewhere ("Vadi" of a German text).
    EXPECT_EQ(fl::skeleton("Kuveyris Eş-Şarki"), fl::skeleton("Kuwayris al-Sharqi"));
    EXPECT_EQ(fl::skeleton("Kuveyris"), "kfrs");
    // za' is the z the news writes ("Mazloum" for مظلوم), not a d.
    EXPECT_EQ(fl::skeleton("Mazloum"), fl::skeleton("مظلوم"));
    // x is kha in the Kurdish spelling written with Turkish letters, ks elsewhere.
    EXPECT_EQ(fl::skeleton("Xan Şêxon"), fl::skeleton("Khan Shaykhun"));
    EXPECT_EQ(fl::skeleton("Texas"), "tks");
    // ch and ck keep their readings.
    EXPECT_EQ(fl::skeleton("Cheikh Maqsoud"), fl::skeleton("Sheikh Maqsud"));
    EXPECT_EQ(fl::skeleton("Hacker"), "hkr");
}

TEST(Turkish, RomanisedNamesInAVillageListResolve) {
    auto ms = geoparse_text(
        "Opposition fighters captured Darkush, Bdama and the town of Cisr eş-Şuğur on Tuesday. "
        "Others seized Sarman, Tal Dam, Karsanti and Cercenaz.");
    const fl::Mention* a = mention_of(ms, "Cisr eş-Şuğur");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->place_id, "gn:169023");  // Jisr al-Shughur
    const fl::Mention* b = mention_of(ms, "Cercenaz");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->place_id, "oc:C3977");  // OCHA Jarjnaz, جرجناز
}

TEST(Turkish, EnglishWordsWithACAreNotPlaces) {
    auto ms = geoparse_text(
        "Council members of the Coalition met in Aleppo. They called on Central Command to act "
        "near Idlib, Cecil Carter said, and Commander Clark reached Damascus on Friday. The "
        "Civil Defence counted casualties in Saraqib, Ariha and Cotton Valley.");
    std::vector<std::string> got;
    for (const auto& m : ms) got.push_back(m.surface);
    EXPECT_EQ(got, (std::vector<std::string>{"Aleppo", "Idlib", "Damascus", "Saraqib", "Ariha"}));
}

TEST(Turkish, ForeignNamesakeLosesToTheSyrianPlaceInAPlaceSlot) {
    // Burç is a Turkish town north of Aleppo; "Burc" is also al-Burj (البرج, OCHA Borj), a
    // village of Idlib beside Sarman and Karsanti, written the Turkish way.
    auto ms =
        geoparse_text("Fighters seized Sarman, Tal Dam, Karsanti and Burc after heavy clashes.");
    const fl::Mention* m = mention_of(ms, "Burc");
    ASSERT_NE(m, nullptr);
    EXPECT_FALSE(m->foreign) << m->place_id << " " << m->why;
    EXPECT_EQ(m->place_id, "oc:C4003") << m->why;
    // Harran is a Turkish town and an Idlib village: in a list of Idlib villages the
    // Turkish one is marked a far foreign namesake.
    auto h =
        geoparse_text("Fighters seized Sarman, Tal Dam, Karsanti and Harran after heavy clashes.");
    const fl::Mention* v = mention_of(h, "Harran");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->place_id, "oc:C3970");
    bool marked = false;
    for (const auto& c : v->runners_up)
        marked |= c.place_id == "gn:312531" && c.why.find("foreign namesake") != std::string::npos;
    EXPECT_TRUE(marked);
    // Foreign cities named beside Syrian places stay foreign, whether or not some Syrian
    // village shares their skeleton.
    auto f = geoparse_text(
        "Fighters took Hama and Salamiyah, and rallies were held in Beirut, Amman, Tripoli, "
        "Sidon and Baalbek.");
    for (const char* city : {"Beirut", "Amman", "Tripoli", "Sidon", "Baalbek"}) {
        const fl::Mention* c = mention_of(f, city);
        ASSERT_NE(c, nullptr) << city;
        EXPECT_TRUE(c->foreign) << city << " " << c->place_id;
    }
    // Outside a place slot, or with no Syrian places around, the Turkish town stays.
    auto t = geoparse_text("Burc, a town near the border, hosted the talks.");
    const fl::Mention* n = mention_of(t, "Burc");
    ASSERT_NE(n, nullptr);
    EXPECT_TRUE(n->foreign);
}

TEST(Turkish, RomanisedSpellingsAreNotLabels) {
    // The news spelling replaces OCHA's only when a reader of English would know it.
    fl::Gazetteer g = fl::Gazetteer::load_dir(fl::test::source_dir() / "gazetteer");
    auto mention = [](const std::string& doc, const std::string& surface) {
        fl::Mention m;
        m.doc = doc;
        m.surface = surface;
        m.place_id = "oc:C2958";  // OCHA "Mbarkat"
        return m;
    };
    std::vector<fl::Mention> ms = {mention("a", "Mubarecat"), mention("b", "Mubarecat"),
                                   mention("c", "Eş-Mubarakat")};
    EXPECT_EQ(fl::news_names(g, ms).count("oc:C2958"), 0U);
    // The assimilated article is written al- in a label.
    std::vector<fl::Mention> ns = {mention("a", "Es-Mubarakat"), mention("b", "Es-Mubarakat")};
    const auto names = fl::news_names(g, ns);
    ASSERT_EQ(names.count("oc:C2958"), 1U);
    EXPECT_EQ(names.at("oc:C2958"), "al-Mubarakat");
}

TEST(Turkish, EnglishNewsroomFormOfATurkishSpelling) {
    EXPECT_EQ(fl::english_from_turkish("Zor Ec-Cerabiyat"), "Zor al-Jarabiyat");
    EXPECT_EQ(fl::english_from_turkish("El-Kreyyım"), "al-Krayyim");
    EXPECT_EQ(fl::english_from_turkish("Resm El-Bağl"), "Rasm al-Baghl");
    EXPECT_EQ(fl::english_from_turkish("El-Hacame"), "al-Hajama");
    EXPECT_EQ(fl::english_from_turkish("Elcid"), "al-Jid");  // the article joined
    EXPECT_EQ(fl::english_from_turkish("Tel Bicu"), "Tal Biju");
    EXPECT_EQ(fl::english_from_turkish("Cisr eş-Şuğur"), "Jisr al-Shughur");
    EXPECT_EQ(fl::english_from_turkish("Sheikh Hilal"), "Sheikh Hilal");
}

TEST(Turkish, OneTurkishNameDoesNotMakeATurkishArticle) {
    EXPECT_FALSE(fl::turkish_romanisation({"Erdoğan", "Aleppo", "Erdoğan", "Idlib"}));
    EXPECT_TRUE(fl::turkish_romanisation({"Erdoğan", "Hama", "Kasun Ec-Cebel"}));
}

TEST(Turkish, NamesOfATurkishRomanisedArticleAreLabelledInEnglish) {
    // Invented villages in a list beside real ones, the article romanising the Turkish way:
    // the unlocated names are labelled as an English newsroom writes them, and a name the
    // gazetteer has in English keeps its spelling.
    auto ms = geoparse_text(
        "The groups took the villages of Zor Ec-Cebabiyat, Resm El-Vezir, Kasun Ec-Cebel, "
        "El-Mecdel, Suruc and Sheikh Hilal, east of Hama, the Turkish ministry said in "
        "Damascus.",
        /*unlocated=*/true);
    const fl::Mention* a = mention_of(ms, "Zor Ec-Cebabiyat");
    ASSERT_NE(a, nullptr);
    EXPECT_FALSE(a->located);
    EXPECT_EQ(a->place_name, "Zor al-Jababiyat");
    const fl::Mention* b = mention_of(ms, "Resm El-Vezir");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->place_name, "Rasm al-Wazir");
    fl::Gazetteer g = fl::Gazetteer::load_dir(fl::test::source_dir() / "gazetteer");
    const auto names = fl::news_names(g, ms);
    const fl::Mention* d = mention_of(ms, "Damascus");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(names.count(d->place_id), 0U);
    const fl::Mention* k = mention_of(ms, "El-Mecdel");  // OCHA "Majdal" (المجدل)
    ASSERT_NE(k, nullptr);
    ASSERT_TRUE(k->located);
    ASSERT_EQ(names.count(k->place_id), 1U);
    EXPECT_EQ(names.at(k->place_id), "al-Majdal");
}
