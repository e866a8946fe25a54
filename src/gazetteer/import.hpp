// Importing a GeoNames dump (SY.txt, allCountries.txt, cities500.txt) into the gazetteer
// directory's geonames_region.txt, with the same row rules as gazetteer/build_extract.sh.
#pragma once

#include <cstddef>
#include <filesystem>

namespace frontline {

struct ImportStats {
    std::size_t read = 0;     // rows read from the dump
    std::size_t kept = 0;     // rows of the dump kept (in the box, or a capital)
    std::size_t skipped = 0;  // rows without 19 columns or with bad coordinates
    std::size_t total = 0;    // rows written (kept + rows of `base` not replaced)
};

// Reads `dump` (GeoNames "geoname" table: 19 tab-separated columns, no header), keeps every
// row of feature class P, S, A, T, L or R inside lat 32..38, lon 35..42.5 and every capital
// (PPLC), merges them over the rows of `base` (an existing extract; may be empty or absent)
// by geonameid, and writes `out_dir`/geonames_region.txt sorted by geonameid, atomically.
// Throws Error("gazetteer", ...) if the dump cannot be read.
ImportStats import_geonames(const std::filesystem::path& dump, const std::filesystem::path& base,
                            const std::filesystem::path& out_dir);

}  // namespace frontline
