#!/usr/bin/env bash
# Reporting pipeline benchmark, usually run as ./landrelease bench reports. In a database of its own: generates
# BENCH_COUNTRIES_DECISIONS decisions in each of the ten countries (default 100000: 1M polygons, BENCH_OVERLAP of the
# areas overlapping, default 0.03), then times the full rebuild (the first builds everything, the second is the nightly
# rebuild that also compares), a naive single ST_Union per country on the same data (the m² of both must agree within
# 0.01%), and the latency from an approval through the API to its stored report, through Hangfire.
# BENCH_DB names its database (default landrelease_reports_bench), so that two runs on one machine do not share one.
# BENCH_BUILD=tree|none as for the register benchmark; BENCH_PG* or ConnectionStrings__LandRelease for the server.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DECISIONS=${BENCH_COUNTRIES_DECISIONS:-100000}
OVERLAP=${BENCH_OVERLAP:-0.03}
PORT=${BENCH_PORT:-5093}
API=http://127.0.0.1:$PORT
BENCH_DB=${BENCH_DB:-landrelease_reports_bench}
RESULTS=$ROOT/bench/results/report-pipeline.txt
BENCH_NAME=reports
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

curl -s -o /dev/null "$API/health" && die "something already listens on port $PORT (set BENCH_PORT)"

API_DIR=$ROOT/src/LandRelease.Api/bin/Release/net10.0
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)
if [ "${BENCH_BUILD:-tree}" = tree ]; then
  log "building the working tree's API (Release)"
  dotnet build "$ROOT/src/LandRelease.Api" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "build failed"; }
  [ -z "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ] || COMMIT="$COMMIT plus uncommitted changes"
fi

API_ENV=("${BENCH_DB_ENV[@]}" Database__MigrateOnStartup=false ASPNETCORE_ENVIRONMENT=Benchmark
  Logging__LogLevel__Default=Warning Auth__DevelopmentSigningKey="$(head -c 32 /dev/urandom | base64)")
api() { (cd "$API_DIR" && env "${API_ENV[@]}" dotnet LandRelease.Api.dll "$@"); }

log "recreating database $BENCH_DB on $PGHOST:$PGPORT"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $BENCH_DB"
api migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; die "migration failed"; }

log "generating $DECISIONS decisions in each of the ten countries (overlap $OVERLAP)"
started=$(now)
sql -v decisions="$DECISIONS" -v overlap="$OVERLAP" -f "$ROOT/bench/report-dataset.sql"
GEN_SECONDS=$(since "$started")
DATASET=$(sql_value -c "SELECT format('%s decisions (%s counted) over %s areas, %s-%s vertices, %s', count(*),
  count(*) FILTER (WHERE state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER')), count(DISTINCT hazard_area_id),
  min(ST_NPoints(geometry)), max(ST_NPoints(geometry)), pg_size_pretty(pg_total_relation_size('release_decisions')))
  FROM release_decisions")
log "generated in ${GEN_SECONDS} s: $DATASET"

log "first run: credits and every year of every country built from scratch"
started=$(now)
api rebuild-reports >"$WORK/initial.txt"
INITIAL_SECONDS=$(since "$started")
log "nightly rebuild: everything again from scratch, compared with what is stored"
started=$(now)
api rebuild-reports >"$WORK/rebuild.txt"
REBUILD_SECONDS=$(since "$started")
cat "$WORK/rebuild.txt" >&2

# Cambodia's 24 provinces (the sample) loaded, then the rebuild again: what placing the figures in them costs.
log "admin areas: Cambodia's provinces loaded, rebuild again"
ogr2ogr -f PostgreSQL "PG:dbname=$BENCH_DB" "$ROOT/samples/admin-areas/khm-provinces.geojson" -nln bench_provinces \
  -nlt MULTIPOLYGON -lco GEOMETRY_NAME=geometry -overwrite
sql -c "INSERT INTO admin_areas (id, country_code, code, name, level, parent_code, geometry, version, recorded_at, recorded_by)
        SELECT gen_random_uuid(), 'KHM', code, name, 1, NULL, geometry, 1, now(), 'bench' FROM bench_provinces;
        DROP TABLE bench_provinces"
started=$(now)
api rebuild-reports >"$WORK/provinces.txt"
PROVINCES_SECONDS=$(since "$started")
PROVINCE_ROWS=$(sql_value -c "SELECT jsonb_array_length(figures -> 'adminAreas') FROM report_snapshots
  WHERE country_code = 'KHM' AND kind = 'YEAR' ORDER BY period_from DESC LIMIT 1")

log "naive: one ST_Union over each country's counted decisions"
started=$(now)
: >"$WORK/naive.txt"
for code in $(sql_value -c "SELECT code FROM countries ORDER BY code"); do
  t=$(now)
  area=$(sql_value -c "SELECT COALESCE(ST_Area(ST_Union(geometry)::geography), 0) FROM release_decisions
    WHERE country_code = '$code' AND state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER')")
  echo "$code $area $(since "$t")" >>"$WORK/naive.txt"
done
NAIVE_SECONDS=$(since "$started")

log "clustered: ST_ClusterDBSCAN(geometry, 0, 1) per country, ST_Union per cluster (total m² only)"
started=$(now)
sql_value -c "SELECT country_code, sum(ST_Area(u::geography)) FROM (
    SELECT country_code, ST_Union(geometry) AS u FROM (
        SELECT country_code, geometry, ST_ClusterDBSCAN(geometry, 0, 1) OVER (PARTITION BY country_code) AS c
        FROM release_decisions WHERE state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER')) d
    GROUP BY country_code, c) s GROUP BY 1 ORDER BY 1" >"$WORK/clustered.txt"
CLUSTERED_SECONDS=$(since "$started")

# Credits (the pipeline's figures) against the naive union, country by country.
COMPARISON=$(join <(awk 'NR > 1 && $1 ~ /^[A-Z][A-Z][A-Z]$/ { print $1, $3 }' "$WORK/rebuild.txt" | sort) <(sort "$WORK/naive.txt") | awk '
  { d = ($3 > 0) ? 100 * ($2 - $3) / $3 : 0; if (d < 0) d = -d; worst = d > worst ? d : worst; n++
    printf "%-4s %22.2f %22.2f %10.6f%% %8.1f s\n", $1, $2, $3, d, $4 }
  END { printf "worst difference %.6f%% over %d countries %s\n", worst, n, worst <= 0.01 && n == 10 ? "(within 0.01%)" : "(NOT within 0.01%)" }')

log "latency: approvals through the API, Hangfire server in the API process"
(cd "$API_DIR" && exec env "${API_ENV[@]}" Hangfire__Server__Enabled=true dotnet LandRelease.Api.dll --urls "$API") >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health")" = 200 ] && break
  kill -0 "$API_PID" 2>/dev/null || { cat "$WORK/api.log"; die "the API exited"; }
  sleep 1
done
TOKEN=$(api token --role national-authority --role admin --country KHM --name bench --hours 2)
AUTH=(-H "Authorization: Bearer $TOKEN")
LATENCIES=()
for decision in $(sql_value -c "SELECT id FROM release_decisions WHERE state = 'SUBMITTED' ORDER BY id"); do
  before=$(sql_value -c "SELECT data_version FROM report_countries WHERE country_code = 'KHM'")
  t=$(now)
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "${AUTH[@]}" -H 'Content-Type: application/json' -d '{}' \
    "$API/api/release-decisions/$decision/approve")
  [ "$code" = 200 ] || die "approval answered $code"
  approved=$(now)
  for _ in $(seq 1200); do
    [ "$(sql_value -c "SELECT data_version FROM report_countries WHERE country_code = 'KHM'")" -gt "$before" ] && break
    sleep 0.05
  done
  LATENCIES+=("$(awk -v a="$t" -v b="$approved" -v c="$(now)" 'BEGIN { printf "%.0f ms (approval %.0f ms + pipeline %.0f ms)", 1000 * (c - a), 1000 * (b - a), 1000 * (c - b) }')")
  sleep 2
done

timed_get() { # url -> "ms snapshot-header"
  curl -s -o /dev/null -D "$WORK/headers" -w '%{time_total}' "${AUTH[@]}" "$API$1" | awk '{ printf "%.0f ms", 1000 * $1 }'
  printf ' (%s)' "$(awk -F': ' 'tolower($1) == "x-report-snapshot" { gsub(/\r/, "", $2); print $2 }' "$WORK/headers")"
}
YEAR=$(date -u +%Y)
READ_YEAR=$(timed_get "/api/reports/countries/KHM?year=2024")
READ_ASAT_FIRST=$(timed_get "/api/reports/countries/KHM?from=2020-01-01&to=2020-12-31&asAt=2021-06-30")
READ_ASAT_AGAIN=$(timed_get "/api/reports/countries/KHM?from=2020-01-01&to=2020-12-31&asAt=2021-06-30")
READ_REGIONAL=$(timed_get "/api/reports/regional?year=2024" | sed 's/ ()//')

summary=$(cat <<EOF2
LandRelease reporting pipeline
date:      $(date -u '+%Y-%m-%d %H:%M UTC')
commit:    $COMMIT
machine:   $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end
server:    PostgreSQL $(sql_value -c 'SHOW server_version' | cut -d' ' -f1), PostGIS $(sql_value -c 'SELECT postgis_lib_version()')
dataset:   $DATASET; $DECISIONS per country, overlap $OVERLAP; generated in ${GEN_SECONDS} s

first run (credits by cluster + every year, all countries):  ${INITIAL_SECONDS} s
nightly rebuild (the same again, compared with the stored):   ${REBUILD_SECONDS} s
naive single ST_Union per country, all countries:              ${NAIVE_SECONDS} s
ST_ClusterDBSCAN + ST_Union per cluster (total m² only):       ${CLUSTERED_SECONDS} s

nightly rebuild per country (as printed by rebuild-reports):
$(cat "$WORK/rebuild.txt")

the same after loading Cambodia's 24 provinces (KHM's figures placed in them, $PROVINCE_ROWS rows a year): ${PROVINCES_SECONDS} s
$(cat "$WORK/provinces.txt")

released m²: pipeline credits vs naive union
code             credits m²            naive union m²   difference  naive time
$COMPARISON

approval to stored report (KHM, $DECISIONS decisions), through Hangfire (the first one right after the API started):
$(printf '  %s\n' "${LATENCIES[@]}")

reads after that:
  country report, calendar year:          $READ_YEAR
  country report, asAt, first ask:        $READ_ASAT_FIRST
  the same again:                         $READ_ASAT_AGAIN
  regional report, ten countries:         $READ_REGIONAL
EOF2
)
mkdir -p "$(dirname "$RESULTS")"
printf '%s\n' "$summary" | tee "$RESULTS"
log "written to ${RESULTS#"$ROOT"/}"
grep -q "(within 0.01%)" <<<"$COMPARISON" || die "the pipeline's m² and the naive union disagree"
