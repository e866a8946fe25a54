// Gazetteer loading and the name index.
#include "gazetteer/gazetteer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "gazetteer/normalize.hpp"
#include "gazetteer/words.hpp"
#include "text/tsv.hpp"

namespace frontline {

namespace {

double parse_double(const TsvReader& tsv, std::string_view s, const char* column) {
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || s.empty()) {
        tsv.fail(std::string("column `") + column + "` is not a number: \"" + std::string(s) +
                 "\"");
    }
    return v;
}

long parse_long(std::string_view s) {
    long v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

// As written in the file would be best; %g is close ("95", "95.1", not "95.000000").
std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

void check_coords(const TsvReader& tsv, double lat, double lon) {
    if (!(lat >= -90 && lat <= 90)) tsv.fail("latitude " + number(lat) + " out of range [-90, 90]");
    if (!(lon >= -180 && lon <= 180))
        tsv.fail("longitude " + number(lon) + " out of range [-180, 180]");
}

// Splits a comma-separated alternate-names field.
std::vector<std::string_view> split_commas(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t c = s.find(',', start);
        if (c == std::string_view::npos) c = s.size();
        auto part = s.substr(start, c - start);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        if (!part.empty()) out.push_back(part);
        start = c + 1;
    }
    return out;
}

// "LINESTRING (lon lat, lon lat, ...)"
std::vector<LonLat> parse_linestring(const TsvReader& tsv, std::string_view wkt) {
    std::vector<LonLat> out;
    auto open = wkt.find('(');
    auto close = wkt.rfind(')');
    if (wkt.substr(0, 10) != "LINESTRING" || open == std::string_view::npos ||
        close == std::string_view::npos || close < open) {
        tsv.fail("geometry_wkt must be a WKT LINESTRING (lon lat, ...)");
    }
    for (auto pair : split_commas(wkt.substr(open + 1, close - open - 1))) {
        auto sp = pair.find(' ');
        if (sp == std::string_view::npos) tsv.fail("geometry_wkt: bad coordinate pair");
        LonLat ll{parse_double(tsv, pair.substr(0, sp), "geometry_wkt"),
                  parse_double(tsv, pair.substr(sp + 1), "geometry_wkt")};
        check_coords(tsv, ll.lat, ll.lon);
        out.push_back(ll);
    }
    if (out.size() < 2) tsv.fail("geometry_wkt: a LINESTRING needs at least two points");
    return out;
}

}  // namespace

std::string Place::kind() const {
    const std::string& c = feature_code;
    if (c == "AIRP") return "airport";
    if (c == "AIRB" || c == "AIRF") return "airbase";
    if (c == "MILB" || c == "INSM") return "military";
    if (c == "INDS") return "industrial";
    if (c == "RD" || c == "RDJCT" || feature_class == 'R') return "road";
    if (c == "ADM1" || c == "ADM1H") return "governorate";
    if (c.rfind("PCL", 0) == 0) return "country";
    if (c == "RGN" || c == "AREA" || c == "ZN") return "region";
    if (c == "PPLX") return "neighbourhood";
    if (feature_class == 'P') {
        if (c == "PPLC" || c == "PPLA" || population >= 100000) return "city";
        if (population >= 10000 || c == "PPLA2" || c == "PPLA3") return "town";
        return "village";
    }
    return "place";
}

std::string syria_admin1_name(std::string_view code) {
    static const std::pair<std::string_view, std::string_view> kNames[] = {
        {"01", "Hasakah"},  {"02", "Latakia"}, {"03", "Quneitra"},    {"04", "Raqqa"},
        {"05", "Suwayda"},  {"06", "Daraa"},   {"07", "Deir ez-Zor"}, {"08", "Rif Dimashq"},
        {"09", "Aleppo"},   {"10", "Hama"},    {"11", "Homs"},        {"12", "Idlib"},
        {"13", "Damascus"}, {"14", "Tartus"},
    };
    for (auto [k, v] : kNames) {
        if (k == code) return std::string(v);
    }
    return "";
}

// The first `strong_names` of p.names are strong (see KeyEntry), the rest weak.
std::uint32_t Gazetteer::add_place(Place p, const std::string& where, std::size_t strong_names) {
    if (by_id_.count(p.id)) throw Error("gazetteer", where, "duplicate place id " + p.id);
    auto i = static_cast<std::uint32_t>(places_.size());
    by_id_.emplace(p.id, i);
    places_.push_back(std::move(p));
    const Place& q = places_[i];
    for (std::size_t k = 0; k < q.names.size(); ++k) index_name(i, q.names[k], k < strong_names);
    if (q.feature_code == "AIRB" || q.feature_code == "AIRP") index_airfield_variants(i);
    if (q.feature_code == "MILB") index_unit_variants(i);
    if (q.feature_code == "ADM1") governorates_.emplace(q.country + q.admin1, i);
    return i;
}

// The news calls one airfield an airport, an airbase, an air base or a military airport
// whatever its kind ("Nayrab airport" is the Nayrab airbase): each Latin name of an airfield
// that ends in one of these words is also indexed with the others, as an alternate name, both
// after the name and before it with "of" ("the air base of Nayrab").
void Gazetteer::index_airfield_variants(std::uint32_t i) {
    // The airfield words, longest first (gazetteer/words.tsv, airfield_suffix).
    const auto& words = geo_words().airfield_suffix.words();
    std::vector<std::string> stems;
    for (const auto& n : places_[i].names) {
        if (script_of(n) != Script::latin) continue;
        std::string lower = n;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (std::string_view w : words) {
            if (lower.size() > w.size() + 1 && lower.ends_with(w) &&
                lower[lower.size() - w.size() - 1] == ' ') {
                stems.push_back(n.substr(0, n.size() - w.size()));
                break;
            }
        }
    }
    for (const auto& stem : stems) {
        for (std::string_view w : words) {
            index_name(i, stem + std::string(w), /*strong=*/false);
            // "the air base of Abu al-Duhur", "the military airport of Kuweires".
            std::string_view name = std::string_view(stem).substr(0, stem.size() - 1);
            index_name(i, std::string(w) + " of " + std::string(name), /*strong=*/false);
        }
    }
}

void Gazetteer::index_unit_variants(std::uint32_t i) {
    // News names a unit's base by any of the unit words, with or without "base": "46th
    // Regiment", "46th Brigade Base", "Brigade 46", "Base 46".
    // The unit words: gazetteer/words.tsv, unit_word.
    const auto& units = geo_words().unit_word.words();
    std::vector<std::string> names;
    for (const auto& n : places_[i].names) {
        if (script_of(n) != Script::latin) continue;
        const std::string key = name_key(n);
        for (std::string_view u : units) {
            const std::string uk = fold_word(u);
            const std::size_t at = key.find(uk);
            if (at == std::string::npos) continue;
            // A whole word of the key.
            if ((at > 0 && key[at - 1] != ' ') ||
                (at + uk.size() < key.size() && key[at + uk.size()] != ' '))
                continue;
            for (std::string_view v : units) {
                std::string alt = key.substr(0, at) + fold_word(v) + key.substr(at + uk.size());
                names.push_back(alt);
                if (!alt.ends_with(" base")) names.push_back(alt + " base");
            }
        }
    }
    for (const auto& n : names) index_name(i, n, /*strong=*/false);
}

void Gazetteer::index_skeleton(std::uint32_t i, std::string_view name) {
    std::string skel = skeleton(name);
    if (skel.size() < 2) return;
    auto& v = by_skel_[skel];
    if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
}

void Gazetteer::index_arabic(std::uint32_t i, std::string_view name) {
    index_skeleton(i, name);
    // "Khirbet X" (the ruins of X, خربة) and "Jamiyat X" (the housing cooperative of X,
    // جمعية) are mostly written X in the news.
    for (std::string_view generic :
         {std::string_view("\xD8\xAE\xD8\xB1\xD8\xA8\xD8\xA9 "),
          std::string_view("\xD8\xAC\xD9\x85\xD8\xB9\xD9\x8A\xD8\xA9 ")}) {
        if (name.substr(0, generic.size()) == generic && name.size() > generic.size() + 4 &&
            name.find_first_of("_/") == std::string_view::npos)
            index_skeleton(i, name.substr(generic.size()));
    }
    if (name.find_first_of("_/") == std::string_view::npos) return;
    for (std::size_t start = 0; start <= name.size();) {
        std::size_t end = name.find_first_of("_/", start);
        if (end == std::string_view::npos) end = name.size();
        if (end > start) index_skeleton(i, name.substr(start, end - start));
        start = end + 1;
    }
}

void Gazetteer::index_name(std::uint32_t i, std::string_view name, bool strong) {
    // Fuzzy (skeleton) matching is for Syrian places only, from their strong names.
    if (strong && places_[i].country == "SY" && places_[i].feature_class != 'A')
        index_skeleton(i, name);
    // Names in scripts other than Latin and Arabic (GeoNames alternates in Cyrillic, Hebrew,
    // Han, ...) never occur in this news; they would only cost load time and false matches.
    if (script_of(name) == Script::other) return;
    std::string key = name_key(name);
    // One-letter keys ("S", an alternate name of a village) are never names in running text.
    if (key.size() < 2) return;
    std::size_t tokens = 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
    if (tokens > kMaxNameTokens) return;
    auto& e = by_key_[key].entry;
    auto it = std::find(e.ids.begin(), e.ids.end(), i);
    if (it == e.ids.end()) {
        e.ids.push_back(i);
        e.strong.push_back(strong);
    } else if (strong) {
        e.strong[static_cast<std::size_t>(it - e.ids.begin())] = true;
    }
    for (std::size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1))
        by_key_[key.substr(0, sp)].prefix = true;
    // The first word of a curated landmark's description ("field" of "field artillery
    // college"): the geoparser tries lower-case words only where one may start.
    const Place& pl = places_[i];
    if (tokens > 1 && pl.id.rfind("fl:", 0) == 0 &&
        (pl.feature_class == 'S' || pl.feature_class == 'L')) {
        const std::string first = key.substr(0, key.find(' '));
        description_filter_.set(description_bit(first));
        description_starts_.insert(first);
    }
    // Articles inside a name are tokens in the text too ("Abu al-Duhur"): allow for them.
    max_tokens_ = std::max(max_tokens_, tokens * 2);
}

void Gazetteer::add_geonames(const std::filesystem::path& file) {
    TsvReader tsv(file, "gazetteer", /*has_header=*/false);
    while (auto row = tsv.next()) {
        const auto& f = *row;
        // GeoNames "geoname" table: 19 columns (readme.txt of the dump).
        if (f.size() < 15)
            tsv.fail("GeoNames row has " + std::to_string(f.size()) + " columns, expected 19");
        Place p;
        p.id = "gn:" + std::string(f[0]);
        p.name = std::string(f[1]);
        p.lat = parse_double(tsv, f[4], "latitude");
        p.lon = parse_double(tsv, f[5], "longitude");
        check_coords(tsv, p.lat, p.lon);
        p.feature_class = f[6].empty() ? 'P' : f[6][0];
        p.feature_code = std::string(f[7]);
        p.country = std::string(f[8]);
        p.admin1 = std::string(f[10]);
        p.population = parse_long(f[14]);
        p.precision_m = 1000;  // GeoNames gives a point in the place, not its extent
        p.source = "GeoNames " + std::string(f[0]);
        p.names.emplace_back(f[1]);
        if (f[2] != f[1]) p.names.emplace_back(f[2]);
        const std::size_t strong = p.names.size();
        for (auto alt : split_commas(f[3])) p.names.emplace_back(alt);
        add_place(std::move(p), at_line(file.string(), tsv.line()), strong);
    }
}

void Gazetteer::add_curated(const std::filesystem::path& file) {
    TsvReader tsv(file, "gazetteer");
    const auto c_id = tsv.require_column("id"), c_name = tsv.require_column("name"),
               c_alt = tsv.require_column("alternatenames"), c_lat = tsv.require_column("lat"),
               c_lon = tsv.require_column("lon"), c_fc = tsv.require_column("feature_class"),
               c_code = tsv.require_column("feature_code"),
               c_cc = tsv.require_column("country_code"), c_adm = tsv.require_column("admin1"),
               c_pop = tsv.require_column("population"), c_prec = tsv.require_column("precision_m"),
               c_geom = tsv.require_column("geometry_wkt"), c_src = tsv.require_column("source");
    while (auto row = tsv.next()) {
        const auto& f = *row;
        Place p;
        p.id = std::string(f[c_id]);
        if (p.id.empty()) tsv.fail("empty `id`");
        p.name = std::string(f[c_name]);
        if (p.name.empty()) tsv.fail("empty `name`");
        p.lat = parse_double(tsv, f[c_lat], "lat");
        p.lon = parse_double(tsv, f[c_lon], "lon");
        check_coords(tsv, p.lat, p.lon);
        p.feature_class = f[c_fc].empty() ? 'P' : f[c_fc][0];
        p.feature_code = std::string(f[c_code]);
        p.country = std::string(f[c_cc]);
        p.admin1 = std::string(f[c_adm]);
        p.population = parse_long(f[c_pop]);
        p.precision_m = f[c_prec].empty() ? 5000 : parse_double(tsv, f[c_prec], "precision_m");
        if (!f[c_geom].empty()) p.line = parse_linestring(tsv, f[c_geom]);
        p.source = std::string(f[c_src]);
        p.names.push_back(p.name);
        for (auto alt : split_commas(f[c_alt])) p.names.emplace_back(alt);
        const std::size_t strong = p.names.size();
        add_place(std::move(p), at_line(file.string(), tsv.line()), strong);
    }
}

void Gazetteer::add_variants(const std::filesystem::path& file) {
    TsvReader tsv(file, "gazetteer");
    const auto c_id = tsv.require_column("place_id"), c_var = tsv.require_column("variant");
    const auto c_note = tsv.column("note");
    while (auto row = tsv.next()) {
        std::string id((*row)[c_id]);
        auto it = by_id_.find(id);
        if (it == by_id_.end()) tsv.fail("variant names an unknown place id " + id);
        places_[it->second].names.emplace_back((*row)[c_var]);
        index_name(it->second, (*row)[c_var], /*strong=*/true);
        // "display: ..." makes the variant the place's display name (the newsroom form).
        if (c_note && (*row)[*c_note].rfind("display", 0) == 0)
            display_.emplace_back(it->second, std::string((*row)[c_var]));
    }
}

void Gazetteer::add_ocha(const std::filesystem::path& file) {
    TsvReader tsv(file, "gazetteer");
    const auto c_id = tsv.require_column("id"), c_name = tsv.require_column("name"),
               c_ar = tsv.require_column("name_ar"), c_alt = tsv.require_column("alternatenames"),
               c_lat = tsv.require_column("lat"), c_lon = tsv.require_column("lon"),
               c_adm = tsv.require_column("admin1"), c_kind = tsv.require_column("kind"),
               c_src = tsv.require_column("source");
    while (auto row = tsv.next()) {
        const auto& f = *row;
        Place p;
        p.id = std::string(f[c_id]);
        if (p.id.empty()) tsv.fail("empty `id`");
        p.name = std::string(f[c_name]);
        if (p.name.empty()) tsv.fail("empty `name` for " + p.id);
        p.name_ar = std::string(f[c_ar]);
        p.lat = parse_double(tsv, f[c_lat], "lat");
        p.lon = parse_double(tsv, f[c_lon], "lon");
        check_coords(tsv, p.lat, p.lon);
        // Every OCHA and CSR record is a Syrian place.
        if (!(p.lat >= 32.0 && p.lat <= 37.5 && p.lon >= 35.5 && p.lon <= 42.5))
            tsv.fail("coordinates " + number(p.lat) + ", " + number(p.lon) +
                     " outside Syria for the Syrian place " + p.id);
        p.admin1 = std::string(f[c_adm]);
        if (syria_admin1_name(p.admin1).empty())
            tsv.fail("admin1 \"" + p.admin1 + "\" is not a Syrian GeoNames admin1 code");
        const std::string_view kind = f[c_kind];
        p.feature_class = 'P';
        if (kind == "neighbourhood")
            p.feature_code = "PPLX";
        else if (kind == "town")
            p.feature_code = "PPLA3";
        else if (kind == "village")
            p.feature_code = "PPL";
        else
            tsv.fail("kind \"" + std::string(kind) + "\" is not village, town or neighbourhood");
        p.country = "SY";
        p.precision_m = 1000;
        p.source = std::string(f[c_src]);
        p.names.push_back(p.name);
        for (auto alt : split_commas(f[c_alt])) p.names.emplace_back(alt);
        const std::string where = at_line(file.string(), tsv.line());

        // The same place from GeoNames or the curated overlay: nearby, same name key or
        // same consonant skeleton (from the Arabic name, else the English one).
        std::uint32_t target = UINT32_MAX;
        double best_km = kMergeKm;
        auto consider = [&](const std::vector<std::uint32_t>* ids) {
            if (!ids) return;
            for (std::uint32_t j : *ids) {
                const Place& q = places_[j];
                if (q.country != "SY" || q.feature_class == 'A' || q.feature_class == 'R' ||
                    q.id.rfind("oc:", 0) == 0 || q.id.rfind("csr:", 0) == 0)
                    continue;
                const double d = distance_km(p.lat, p.lon, q.lat, q.lon);
                if (d <= best_km) {
                    best_km = d;
                    target = j;
                }
            }
        };
        for (const auto& n : p.names) consider(find_key(name_key(n)));
        std::string skel = skeleton(p.name_ar.empty() ? p.name : p.name_ar);
        if (skel.size() >= 3) consider(find_skeleton(skel));
        if (target != UINT32_MAX) {
            Place& q = places_[target];
            if (by_id_.count(p.id)) throw Error("gazetteer", where, "duplicate place id " + p.id);
            by_id_.emplace(p.id, target);
            q.also_ids.push_back(p.id);
            if (q.name_ar.empty()) q.name_ar = p.name_ar;
            for (const auto& n : p.names) {
                q.names.push_back(n);
                index_name(target, n, /*strong=*/true);
            }
            if (!p.name_ar.empty()) index_arabic(target, p.name_ar);
            continue;
        }
        const std::size_t strong = p.names.size();
        std::string ar = p.name_ar;
        std::uint32_t i = add_place(std::move(p), where, strong);
        // The Arabic name only by skeleton: Arabic script is rare in English news, and
        // transliterating 7,000 names through ICU would double the load time. A joint
        // community's parts ("تل حواصيد_حانوتة") each name it.
        if (!ar.empty()) index_arabic(i, ar);
    }
}

void Gazetteer::add_stoplist(const std::filesystem::path& file) {
    TsvReader tsv(file, "gazetteer");
    const auto c_name = tsv.require_column("name");
    while (auto row = tsv.next()) {
        std::string key = name_key((*row)[c_name]);
        if (key.empty()) tsv.fail("stop-listed name folds to nothing");
        stoplist_.insert(std::move(key));
    }
}

const Place* Gazetteer::governorate(std::string_view country, std::string_view admin1) const {
    if (admin1.empty()) return nullptr;
    auto it = governorates_.find(std::string(country) + std::string(admin1));
    return it == governorates_.end() ? nullptr : &places_[it->second];
}

Gazetteer Gazetteer::load_dir(const std::filesystem::path& dir) {
    Gazetteer g;
    bool any = false;
    // Missing files are skipped; one that cannot be looked at (a symlink loop, no
    // permission, a name too long) is an error naming it.
    const auto exists = [](const std::filesystem::path& p) {
        std::error_code ec;
        const bool yes = std::filesystem::exists(p, ec);
        if (ec && ec != std::errc::no_such_file_or_directory)
            throw Error("gazetteer", p.string(), "cannot read: " + fs_problem(ec.value()));
        return yes;
    };
    if (exists(dir / "geonames_region.txt")) {
        g.add_geonames(dir / "geonames_region.txt");
        any = true;
    }
    if (exists(dir / "curated.tsv")) {
        g.add_curated(dir / "curated.tsv");
        any = true;
    }
    for (const char* f : {"ocha_communities.tsv", "ocha_neighbourhoods.tsv"}) {
        if (exists(dir / f)) g.add_ocha(dir / f);
    }
    if (exists(dir / "variants.tsv")) g.add_variants(dir / "variants.tsv");
    if (exists(dir / "stoplist.tsv")) g.add_stoplist(dir / "stoplist.tsv");
    // Display names: the newsroom form of GeoNames and OCHA romanisations (curated names
    // are newsroom forms already; foreign places keep theirs).
    for (auto& p : g.places_) {
        if (p.country == "SY" && p.id.rfind("fl:", 0) != 0) p.name = newsroom_name(p.name);
    }
    for (auto& p : g.places_) p.curated_name = p.id.rfind("fl:", 0) == 0;
    for (const auto& [i, name] : g.display_) {
        g.places_[i].name = name;
        g.places_[i].curated_name = true;
    }
    if (!any) {
        throw Error("gazetteer", dir.string(),
                    "no gazetteer data (expected geonames_region.txt and/or curated.tsv)");
    }
    return g;
}

const Place* Gazetteer::find_id(std::string_view id) const {
    auto it = by_id_.find(std::string(id));
    return it == by_id_.end() ? nullptr : &places_[it->second];
}

void Gazetteer::rename(std::string_view id, std::string name) {
    if (auto it = by_id_.find(std::string(id)); it != by_id_.end())
        places_[it->second].name = std::move(name);
}

const std::vector<std::uint32_t>* Gazetteer::find_key(const std::string& key) const {
    const KeyEntry* e = find_entry(key);
    return e ? &e->ids : nullptr;
}

const std::vector<std::uint32_t>* Gazetteer::find_skeleton(const std::string& skel) const {
    auto it = by_skel_.find(skel);
    return it == by_skel_.end() ? nullptr : &it->second;
}

const KeyEntry* Gazetteer::find_entry(const std::string& key) const {
    return find_key_info(key).entry;
}

Gazetteer::KeyInfo Gazetteer::find_key_info(const std::string& key) const {
    auto it = by_key_.find(key);
    if (it == by_key_.end()) return {};
    const KeyIndex& k = it->second;
    return {k.entry.ids.empty() ? nullptr : &k.entry, k.prefix};
}

}  // namespace frontline
