// Stage 2a: the gazetteer. Places from a GeoNames extract, a curated overlay and a list of
// extra spelling variants, indexed by folded name key (see normalize.hpp).
#pragma once

#include <bitset>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>
#include "geo/geodesy.hpp"

namespace frontline {

struct LonLat {
    double lon = 0;
    double lat = 0;
};

struct Place {
    std::string id;    // "gn:<geonameid>" or "fl:<slug>" (curated)
    std::string name;  // display name
    double lat = 0;
    double lon = 0;
    char feature_class = 'P';  // GeoNames feature class
    std::string feature_code;  // GeoNames feature code (PPLA, AIRB, ADM1, RD, ...)
    std::string country;       // ISO 3166 alpha-2
    std::string admin1;        // GeoNames admin1 code (Syria: 09 Aleppo, 12 Idlib)
    long population = 0;
    double precision_m = 0;          // how close the coordinates are to the real site
    std::vector<LonLat> line;        // for roads: the line, else empty
    std::string source;              // where the coordinates come from
    std::vector<std::string> names;  // every name and variant (for the index and lookups)
    std::string name_ar;             // Arabic name (OCHA), if known
    // Ids of the same place in other sources merged into this entry ("oc:C1150"); `id`
    // stays the GeoNames or curated id where there is one.
    std::vector<std::string> also_ids;
    // The display name is an editor's newsroom form (curated place or a variants.tsv
    // "display" row): never replaced by the run's spellings (news_names.hpp).
    bool curated_name = false;

    bool foreign() const { return country != "SY"; }
    // A short kind: city, town, village, neighbourhood, airport, airbase, military,
    // industrial, road, governorate, country, region, place.
    std::string kind() const;
};

// Name of a Syrian governorate from its GeoNames admin1 code ("09" -> "Aleppo").
std::string syria_admin1_name(std::string_view code);

// The places one folded name key leads to, and for each whether the key comes from a
// strong name (GeoNames name/asciiname, a curated name or alternate, variants.tsv) or only
// from a GeoNames alternate name (airport codes, old and foreign-language names).
struct KeyEntry {
    std::vector<std::uint32_t> ids;
    std::vector<bool> strong;  // parallel to ids
};

// Names longer than this (in folded tokens) are not indexed: no news article writes
// Bangkok's 52-word ceremonial name, and the cap bounds the geoparser's n-gram search.
inline constexpr std::size_t kMaxNameTokens = 8;

// Two records of one place from different sources lie at most this far apart.
inline constexpr double kMergeKm = 3.0;

class Gazetteer {
  public:
    // Loads a gazetteer directory: geonames_region.txt (GeoNames dump format), curated.tsv
    // and variants.tsv, each if present. Throws Error("gazetteer", "<file> line N", ...).
    static Gazetteer load_dir(const std::filesystem::path& dir);

    // Adds every row of a GeoNames dump file (19 tab-separated columns, no header).
    void add_geonames(const std::filesystem::path& file);
    void add_curated(const std::filesystem::path& file);
    // variants.tsv: place_id, variant[, note]; a note starting "display" makes the variant
    // the display name (the form newsrooms use: "Kobani", not GeoNames' "Ayn al-Arab").
    void add_variants(const std::filesystem::path& file);
    // Adds an OCHA/CSR extract written by gazetteer/build_ocha.py (header id, name, name_ar,
    // alternatenames, lat, lon, admin1, kind, source). A row whose place is already here
    // (GeoNames or curated, within kMergeKm, same name key or same consonant skeleton) is
    // merged into that entry: its id goes to also_ids, its names are added.
    void add_ocha(const std::filesystem::path& file);
    // Names that are (nearly) never places in this news although a gazetteer name folds
    // like them ("Sham"): header `name	reason`.
    void add_stoplist(const std::filesystem::path& file);

    const Place* find_id(std::string_view id) const;
    // Sets the display name of a place (see news_names.hpp); the index is unchanged.
    void rename(std::string_view id, std::string name);
    // Places whose name key equals `key` (see name_key()).
    const std::vector<std::uint32_t>* find_key(const std::string& key) const;
    const KeyEntry* find_entry(const std::string& key) const;
    // Syrian places one of whose names has consonant skeleton `skel` (see skeleton()).
    const std::vector<std::uint32_t>* find_skeleton(const std::string& skel) const;
    // True if `key` is a proper prefix (whole tokens) of some indexed key.
    bool is_prefix(const std::string& key) const { return find_key_info(key).prefix; }
    // find_entry() and is_prefix() of one key in one hash look-up (the geoparser asks both
    // for every n-gram it tries).
    struct KeyInfo {
        const KeyEntry* entry = nullptr;
        bool prefix = false;
    };
    KeyInfo find_key_info(const std::string& key) const;
    // True if a curated landmark (fl:, feature class S or L) has a name of two words or more
    // whose first word has this key: where a lower-case description may start.
    bool starts_description(const std::string& key) const {
        // Asked for every lower-case word of every article: the filter answers most.
        return description_filter_[description_bit(key)] && description_starts_.count(key) != 0;
    }
    // True if the key is stop-listed (see add_stoplist()).
    bool stop_listed(const std::string& key) const { return stoplist_.count(key) != 0; }
    // The first-order division (ADM1 place) of `country` with GeoNames admin1 code `admin1`.
    const Place* governorate(std::string_view country, std::string_view admin1) const;
    const Place& place(std::uint32_t i) const { return places_[i]; }
    std::size_t size() const { return places_.size(); }
    const std::vector<Place>& places() const { return places_; }
    // Longest name in tokens, bounding the n-gram search in the geoparser.
    std::size_t max_name_tokens() const { return max_tokens_; }

  private:
    std::vector<Place> places_;
    std::unordered_map<std::string, std::uint32_t> by_id_;
    // Every name key and every proper prefix of one: a prefix that is no key itself has an
    // entry without ids.
    struct KeyIndex {
        KeyEntry entry;
        bool prefix = false;
    };
    std::unordered_map<std::string, KeyIndex> by_key_;
    std::unordered_set<std::string> description_starts_;
    // A bit per (length, first letter, last letter) of the description_starts_ keys: when
    // a key's bit is clear it is not in the set (no hashing).
    static constexpr std::size_t kDescriptionBits = 4096;
    std::bitset<kDescriptionBits> description_filter_;
    static std::size_t description_bit(std::string_view key) {
        const std::size_t first = key.empty() ? 0 : static_cast<unsigned char>(key.front());
        const std::size_t last = key.empty() ? 0 : static_cast<unsigned char>(key.back());
        return ((key.size() * 257 + first) * 257 + last) % kDescriptionBits;
    }
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_skel_;
    std::unordered_set<std::string> stoplist_;
    std::unordered_map<std::string, std::uint32_t> governorates_;  // "SY09" -> place
    std::size_t max_tokens_ = 1;
    std::vector<std::pair<std::uint32_t, std::string>> display_;  // variants.tsv "display"

    std::uint32_t add_place(Place p, const std::string& where, std::size_t strong_names);
    void index_name(std::uint32_t i, std::string_view name, bool strong);
    void index_skeleton(std::uint32_t i, std::string_view name);
    void index_arabic(std::uint32_t i, std::string_view name);  // also each part of "A_B"
    void index_airfield_variants(std::uint32_t i);  // "X airbase" also as "X airport", ...
    void index_unit_variants(std::uint32_t i);  // "46th Regiment" also as "46th Brigade Base", ...
};

}  // namespace frontline
