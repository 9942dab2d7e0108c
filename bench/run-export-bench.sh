#!/usr/bin/env bash
# Exports of the whole register beside ogr2ogr, in the same run on the same generated data: GeoPackage, zipped
# Shapefile, CSV and XLSX of every hazardous area of KHM, through GET /api/exports/hazard-areas (time to the last byte,
# and the API's peak resident memory during the export, from a reset of VmHWM) and through ogr2ogr reading the same
# rows from PostgreSQL. Usually run as ./landrelease bench exports. Settings: BENCH_AREAS (100000), BENCH_FORMATS.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AREAS=${BENCH_AREAS:-100000}
FORMATS=${BENCH_FORMATS:-gpkg shp csv xlsx}
API=http://127.0.0.1:5093
BENCH_DB=landrelease_bench_exports
BENCH_NAME=exports
RESULTS=$ROOT/bench/results/exports.txt
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

command -v ogr2ogr >/dev/null || die "ogr2ogr is not installed (./landrelease bench exports installs gdal-bin)"
API_DIR=$ROOT/src/LandRelease.Api/bin/Release/net10.0
log "building the API (Release)"
dotnet build "$ROOT/src/LandRelease.Api" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "build failed"; }
API_ENV=("${BENCH_DB_ENV[@]}" Database__MigrateOnStartup=true Hangfire__Server__Enabled=false
  ASPNETCORE_ENVIRONMENT=Benchmark Logging__LogLevel__Default=Warning Auth__DevelopmentSigningKey="$(head -c 32 /dev/urandom | base64)")
TOKEN=$(cd "$API_DIR" && env "${API_ENV[@]}" timeout 60 dotnet LandRelease.Api.dll token \
  --role national-authority --country KHM --name bench --hours 4) || die "could not mint a token"

log "recreating database $BENCH_DB"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $BENCH_DB"
(cd "$API_DIR" && exec env "${API_ENV[@]}" dotnet LandRelease.Api.dll --urls "$API") >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health")" = 200 ] && break
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health")" = 200 ] || { cat "$WORK/api.log"; die "the API did not start"; }

log "generating $AREAS hazardous areas (the register benchmark's data)"
sql -v areas="$AREAS" -f "$ROOT/bench/register-dataset.sql"
sql -c "VACUUM ANALYZE hazard_areas"

# ogr2ogr reads the same attributes and outline from the same table; lists and evidence as text, as the export writes them.
PG="PG:host=$PGHOST port=$PGPORT dbname=$BENCH_DB user=$PGUSER password=$PGPASSWORD"
SELECT="SELECT id::text, country_code, local_id, name, classification, array_to_string(contamination, ',') AS contamination,
  status, evidence::text AS evidence, date_of_information, organisation_code, round(area_sqm::numeric, 2)::float8 AS area_sqm,
  round(remaining_area_sqm::numeric, 2)::float8 AS remaining_sqm, round(released_area_sqm::numeric, 2)::float8 AS released_sqm,
  version, recorded_at, geometry FROM hazard_areas WHERE country_code = 'KHM' ORDER BY id"

peak_kib() { awk '/VmHWM/ { print $2 }' "/proc/$API_PID/status"; }
rss_kib() { awk '/VmRSS/ { print $2 }' "/proc/$API_PID/status"; }

{
  echo "# ./landrelease bench exports: $AREAS hazardous areas (KHM), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
  printf '%-6s %12s %10s %14s %14s %12s %10s\n' format api_seconds api_MB api_rss_before api_peak_rss ogr2ogr_s ogr2ogr_MB
} | tee "$RESULTS"
for format in $FORMATS; do
  # A first, unmeasured export warms the JIT and the database's cache, for both.
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$API/api/exports/hazard-areas?country=KHM&format=$format" || die "export $format failed"
  before=$(rss_kib)
  echo 5 >"/proc/$API_PID/clear_refs"
  start=$(now)
  curl -sf -o "$WORK/api.$format" -H "Authorization: Bearer $TOKEN" "$API/api/exports/hazard-areas?country=KHM&format=$format"
  api_s=$(since "$start" 2)
  peak=$(peak_kib)
  api_mb=$(awk -v b="$(stat -c %s "$WORK/api.$format")" 'BEGIN { printf "%.1f", b / 1048576 }')
  rm -rf "$WORK/ogr" && mkdir "$WORK/ogr"
  start=$(now)
  case $format in
    gpkg) ogr2ogr -f GPKG "$WORK/ogr/areas.gpkg" "$PG" -sql "$SELECT" -nln hazard_areas; out="$WORK/ogr/areas.gpkg" ;;
    shp) ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 "$WORK/ogr/hazard_areas.shp" "$PG" -sql "$SELECT" 2>/dev/null
         (cd "$WORK/ogr" && zip -q -1 areas.zip hazard_areas.*); out="$WORK/ogr/areas.zip" ;;
    csv) ogr2ogr -f CSV -lco GEOMETRY=AS_WKT "$WORK/ogr/areas.csv" "$PG" -sql "$SELECT"; out="$WORK/ogr/areas.csv" ;;
    xlsx) ogr2ogr -f XLSX "$WORK/ogr/areas.xlsx" "$PG" -sql "$SELECT" -nln hazard_areas; out="$WORK/ogr/areas.xlsx" ;;
  esac
  ogr_s=$(since "$start" 2)
  ogr_mb=$(awk -v b="$(stat -c %s "$out")" 'BEGIN { printf "%.1f", b / 1048576 }')
  printf '%-6s %12s %10s %11s MB %11s MB %12s %10s\n' "$format" "$api_s" "$api_mb" "$((before / 1024))" "$((peak / 1024))" "$ogr_s" "$ogr_mb" | tee -a "$RESULTS"
  rm -rf "$WORK/api.$format" "$WORK/ogr"
done
log "results in $RESULTS"
