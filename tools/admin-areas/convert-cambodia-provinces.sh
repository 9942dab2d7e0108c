#!/usr/bin/env bash
# Converts Cambodia's provinces (admin level 1) from Natural Earth 1:10m Admin-1 v4.1.0 (public domain), as
# generalised by the QGIS project and shipped in Debian's qgis-common package (world_map.gpkg, layer
# states_provinces), into the upload format of kind admin-areas: a GeoJSON FeatureCollection whose features carry
# code, name, level and parentCode.
#
# Usage: tools/admin-areas/convert-cambodia-provinces.sh [output.geojson]
#        (default output: samples/admin-areas/khm-provinces.geojson; needs apt-get, dpkg and ogr2ogr from gdal-bin)
#
# Codes: ISO 3166-2:KH (KH-1 .. KH-24), mapped from each province's FIPS 10-4 code (CB..), which Natural Earth 4.1
# carries where it has no ISO 3166-2 code for Cambodia. Natural Earth 4.1 predates the 2013 split of Tboung Khmum
# (KH-25) from Kampong Cham: KH-3 here is the pre-2013 Kampong Cham, and there is no KH-25.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
output=${1:-$root/samples/admin-areas/khm-provinces.geojson}
command -v ogr2ogr >/dev/null || { echo "ogr2ogr is missing: apt-get install gdal-bin" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Downloaded and unpacked, not installed: the package pulls in nothing else and the machine stays as it was.
(cd "$work" && apt-get download qgis-common >/dev/null && dpkg -x qgis-common_*.deb unpacked)
gpkg=$work/unpacked/usr/share/qgis/resources/data/world_map.gpkg
version=$(dpkg-deb -f "$work"/qgis-common_*.deb Version)

mkdir -p "$(dirname "$output")"
rm -f "$output"
ogr2ogr -f GeoJSON "$output" "$gpkg" -dialect SQLite -nln khm-provinces \
  -lco RFC7946=YES -lco COORDINATE_PRECISION=6 -lco WRITE_NAME=NO \
  -sql "SELECT CASE fips
          WHEN 'CB25' THEN 'KH-1'  WHEN 'CB29' THEN 'KH-2'  WHEN 'CB02' THEN 'KH-3'  WHEN 'CB03' THEN 'KH-4'
          WHEN 'CB04' THEN 'KH-5'  WHEN 'CB05' THEN 'KH-6'  WHEN 'CB21' THEN 'KH-7'  WHEN 'CB07' THEN 'KH-8'
          WHEN 'CB08' THEN 'KH-9'  WHEN 'CB09' THEN 'KH-10' WHEN 'CB10' THEN 'KH-11' WHEN 'CB22' THEN 'KH-12'
          WHEN 'CB13' THEN 'KH-13' WHEN 'CB14' THEN 'KH-14' WHEN 'CB12' THEN 'KH-15' WHEN 'CB23' THEN 'KH-16'
          WHEN 'CB24' THEN 'KH-17' WHEN 'CB28' THEN 'KH-18' WHEN 'CB17' THEN 'KH-19' WHEN 'CB18' THEN 'KH-20'
          WHEN 'CB19' THEN 'KH-21' WHEN 'CB27' THEN 'KH-22' WHEN 'CB26' THEN 'KH-23' WHEN 'CB30' THEN 'KH-24'
          END AS code,
          name, 1 AS level, NULL AS parentCode, fips,
          ST_MakeValid(geom) AS geom
        FROM states_provinces WHERE adm0_a3 = 'KHM' ORDER BY CAST(substr(code, 4) AS INTEGER)"

count=$(grep -o '"code":' "$output" | wc -l)
[ "$count" -eq 24 ] || { echo "expected 24 provinces, got $count" >&2; exit 1; }
grep -q '"code": null' "$output" && { echo "a FIPS code without an ISO 3166-2 code" >&2; exit 1; }
echo "$output: $count provinces from qgis-common $version (Natural Earth 1:10m Admin-1 v4.1.0)"
