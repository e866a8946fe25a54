#!/usr/bin/env bash
# Derives the committed Syrian boundary extracts of this folder from UN OCHA's Syria COD-AB
# copy in ../shared/data/ocha_syr_admin_boundaries (see its SOURCE.txt and README.md here):
# the 14 governorates, unsimplified (shared borders stay shared), coordinates to 5 decimals,
# names in the English form the news uses. Needs gdal-bin (ogr2ogr). Run from anywhere:
#   data/boundaries/derive.sh [SHARED_DATA_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${1:-$here/../../../shared/data}/ocha_syr_admin_boundaries
[ -s "$src/syr_admin1.geojson" ] || { echo "derive.sh: $src/syr_admin1.geojson: no such file" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ogr2ogr -f GeoJSON "$tmp/admin1.geojson" "$src/syr_admin1.geojson" -dialect SQLite \
  -sql "SELECT geometry, CASE NAME_EN
          WHEN 'Idleb' THEN 'Idlib' WHEN 'Lattakia' THEN 'Latakia' WHEN 'Ar-Raqqa' THEN 'Raqqa'
          WHEN 'Deir-ez-Zor' THEN 'Deir ez-Zor' WHEN 'Al-Hasakeh' THEN 'Hasakah'
          WHEN 'Tartous' THEN 'Tartus' WHEN 'Dar''a' THEN 'Daraa' WHEN 'As-Sweida' THEN 'Suwayda'
          ELSE NAME_EN END AS name,
        NAME_EN AS name_ocha, NAME_AR AS name_ar, PCODE AS pcode, 'SY' AS iso_a2
        FROM syr_admin1 ORDER BY PCODE" \
  -lco COORDINATE_PRECISION=5 -lco RFC7946=YES
mv "$tmp/admin1.geojson" "$here/syria_admin1.geojson"
ls -l "$here"/syria_admin1.geojson >&2
