#!/usr/bin/env bash
# Read benchmark of the hazardous-area register, a bbox page (limit=100) and one feature by id, with wrk over
# a generated register in its own database. Usually run as ./landrelease bench. Settings: BENCH_AREAS (100000),
# BENCH_SECONDS (20), BENCH_WARMUP_SECONDS (20 per read), BENCH_BBOX_TARGET (mean areas per bbox, 150),
# BENCH_BUILD (tree: the working tree as is; head: the last commit, apart from concurrent edits; none: the
# tree's last Release build), BENCH_PGHOST/PGPORT/PGUSER/PGPASSWORD (else from ConnectionStrings__LandRelease).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AREAS=${BENCH_AREAS:-100000}
DURATION=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP_SECONDS:-20}
BBOX_TARGET=${BENCH_BBOX_TARGET:-150}
PORT=5090
API=http://127.0.0.1:$PORT
BENCH_DB=landrelease_bench
WRK_ARGS=(-t2 -c16)
RESULTS=$ROOT/bench/results/register-reads.txt
BENCH_NAME=register
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

command -v wrk >/dev/null || die "wrk is not installed (./landrelease bench installs it)"
curl -s -o /dev/null "$API/health" && die "something already listens on port $PORT"

API_DIR=$ROOT/src/LandRelease.Api/bin/Release/net10.0
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)
case ${BENCH_BUILD:-tree} in
  tree)
    log "building the working tree's API (Release)"
    dotnet build "$ROOT/src/LandRelease.Api" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 \
      || { cat "$WORK/build.log"; die "build failed"; }
    [ -z "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ] || COMMIT="$COMMIT plus uncommitted changes" ;;
  head)
    log "building the API of commit $COMMIT (Release)"
    mkdir "$WORK/head" && git -C "$ROOT" archive HEAD | tar -x -C "$WORK/head"
    dotnet build "$WORK/head/src/LandRelease.Api" -c Release -o "$WORK/api" -v quiet -nologo >"$WORK/build.log" 2>&1 \
      || { cat "$WORK/build.log"; die "build failed"; }
    API_DIR=$WORK/api ;;
  none) COMMIT="$COMMIT (prebuilt $(date -r "$API_DIR/LandRelease.Api.dll" '+%H:%M'))" ;;
  *) die "BENCH_BUILD is tree, head or none" ;;
esac

# Reads need a bearer token. Production refuses development signing keys, so the API runs as environment
# "Benchmark": only error details differ from Production, nothing on the read path.
API_ENV=("${BENCH_DB_ENV[@]}" Database__MigrateOnStartup=true Hangfire__Server__Enabled=false
  ASPNETCORE_ENVIRONMENT=Benchmark Logging__LogLevel__Default=Warning
  Auth__DevelopmentSigningKey="$(head -c 32 /dev/urandom | base64)")
export BENCH_TOKEN
BENCH_TOKEN=$(cd "$API_DIR" && env "${API_ENV[@]}" timeout 60 dotnet LandRelease.Api.dll token \
  --role national-authority --country KHM --name bench --hours 4) || die "could not mint a token with the API's token command"
AUTH=(-H "Authorization: Bearer $BENCH_TOKEN")

log "recreating database $BENCH_DB on $PGHOST:$PGPORT"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $BENCH_DB"

log "starting the API on $API (migrating the empty database)"
(cd "$API_DIR" && exec env "${API_ENV[@]}" dotnet LandRelease.Api.dll --urls "$API") >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health")" = 200 ] && break
  kill -0 "$API_PID" 2>/dev/null || { cat "$WORK/api.log"; die "the API exited"; }
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health")" = 200 ] || { cat "$WORK/api.log"; die "the API is not healthy"; }

log "generating $AREAS hazardous areas (+ one version row each)"
started=$(now)
sql -v areas="$AREAS" -f "$ROOT/bench/register-dataset.sql"
GEN_SECONDS=$(since "$started")
log "generated in ${GEN_SECONDS} s: $(sql_value -c "SELECT format('%s areas, %s-%s vertices, %s-%s ha, %s',
  count(*), min(ST_NPoints(geometry)) - 1, max(ST_NPoints(geometry)) - 1, round(min(area_sqm)::numeric / 1e4, 1),
  round(max(area_sqm)::numeric / 1e4, 1), pg_size_pretty(pg_total_relation_size('hazard_areas'))) FROM hazard_areas")"

sql -v target="$BBOX_TARGET" -f "$ROOT/bench/register-bboxes.sql"
IFS='|' read -r BBOX_SIDE BBOX_AVG BBOX_MIN BBOX_FULL < <(sql_value -c \
  "SELECT max(side), round(avg(hits), 1), min(hits), round(100.0 * count(*) FILTER (WHERE hits >= 100) / count(*), 1) FROM bench.bboxes")
BBOX_NOTE="${BBOX_SIDE}° side (~$(awk -v s="$BBOX_SIDE" 'BEGIN { printf "%.0f", s * 111 }') km), $BBOX_AVG areas on average, min $BBOX_MIN, ${BBOX_FULL}% hold >= 100"
log "bboxes: $BBOX_NOTE"
awk -v a="$BBOX_AVG" 'BEGIN { exit !(a >= 100) }' || die "bboxes hold fewer than 100 areas on average"

sql_value -c "SELECT format('/api/hazard-areas?bbox=%s,%s,%s,%s&limit=100', min_lon, min_lat, max_lon, max_lat)
  FROM bench.bboxes ORDER BY hits DESC" >"$WORK/bbox.paths"
sql_value -c "SELECT '/api/hazard-areas/' || id FROM hazard_areas ORDER BY random() LIMIT 10000" >"$WORK/id.paths"

# The fullest bbox first, so a page of fewer than 100 here means the endpoint is wrong, not the bbox.
curl -sf "${AUTH[@]}" "$API$(head -1 "$WORK/bbox.paths")" | python3 -c '
import json, sys
page = json.load(sys.stdin)
n = len(page["features"])
assert page["type"] == "FeatureCollection" and n == 100 == page["numberReturned"], f"bbox page has {n} features"
assert any(l["rel"] == "next" for l in page["links"]), "full page without a next link"' || die "bbox page check failed"
curl -sf "${AUTH[@]}" "$API$(head -1 "$WORK/id.paths")" | python3 -c '
import json, sys
assert json.load(sys.stdin)["type"] == "Feature"' || die "by-id check failed (not a 200 Feature)"
log "checked: a bbox page holds 100 features, a by-id read answers 200 with a Feature"

# Time, then CPU ticks so far: all busy, the API, the given processes (the backends of the bench database;
# the cluster may be serving others too).
cpu_ticks() {
  now
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
  awk '{ print $14 + $15; exit }' "/proc/$API_PID/stat"
  { printf '/proc/%s/stat\n' "$@" | xargs cat 2>/dev/null || true; } | awk '{ t += $14 + $15 } END { print t + 0 }'
}

declare -A RESULT=() CPU=()
warm_up() { # paths-file
  BENCH_PATHS=$1 wrk "${WRK_ARGS[@]}" -d"${WARMUP}s" -s "$ROOT/bench/random-path.lua" "$API" >/dev/null
}

run_wrk() { # name paths-file
  log "$1: ${DURATION}s measured (wrk ${WRK_ARGS[*]})"
  local before after wrk_cpu backends TIMEFORMAT='%U %S'
  mapfile -t backends < <(pgrep -f "^postgres: [^ ]+ $BENCH_DB ")
  before=$(cpu_ticks "${backends[@]}")
  wrk_cpu=$( { time BENCH_PATHS=$2 wrk "${WRK_ARGS[@]}" -d"${DURATION}s" --latency -s "$ROOT/bench/random-path.lua" \
    "$API" >"$WORK/$1.wrk"; } 2>&1 | tail -1)
  after=$(cpu_ticks "${backends[@]}")
  grep -v '^RESULT' "$WORK/$1.wrk" >&2
  RESULT[$1]=$(grep '^RESULT' "$WORK/$1.wrk")
  # CPU per request holds up better than req/s when other work shares the machine.
  CPU[$1]=$(paste <(echo "$before") <(echo "$after") | awk -v wrk="$wrk_cpu" -v n="$(nproc)" -v hz="$(getconf CLK_TCK)" \
    -v reqs="$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"${RESULT[$1]}")" '
    NR == 1 { wall = $2 - $1 } NR > 1 { t[NR - 1] = ($2 - $1) / hz } END {
      split(wrk, w, " "); u = w[1] + w[2]; rest = t[1] - t[2] - t[3] - u; us = 1e6 / reqs
      printf "API %.0f µs, PostgreSQL %.0f µs, wrk %.0f µs a request (~%.0f/s alone on the cores); cores %.0f%% busy, %.0f%% other work",
        t[2] * us, t[3] * us, u * us, n * reqs / (t[2] + t[3] + u), 100 * t[1] / wall / n, 100 * rest / t[1]
      if (rest > 0.1 * t[1]) printf " (req/s understated)" }')
}
# Both reads before either is measured: on 2 cores the JIT keeps re-compiling hot code (tiered PGO) for
# some 30-40 s of load, and it shares the cores with what is measured.
log "warming up: ${WARMUP}s of each read"
warm_up "$WORK/bbox.paths"
warm_up "$WORK/id.paths"
run_wrk bbox "$WORK/bbox.paths"
run_wrk byid "$WORK/id.paths"

row() { # label target RESULT-line
  awk -v label="$1" -v target="$2" -v line="$3" 'BEGIN {
    n = split(line, kv, /[ =]/); for (i = 2; i < n; i += 2) r[kv[i]] = kv[i + 1]
    s = r["duration_us"] / 1e6; rps = r["requests"] / s
    printf "%-16s %9.0f %8d %7.0f%% %8.2f %8.2f %9.2f %10.0f %8d %7d\n", label, rps, target, 100 * rps / target,
      r["p50_us"] / 1000, r["p99_us"] / 1000, r["bytes"] / s / 1048576, r["bytes"] / r["requests"], r["non2xx"], r["socket_errors"]
  }'
}
summary=$(cat <<EOF
LandRelease hazardous-area register reads
date:     $(date -u '+%Y-%m-%d %H:%M UTC')
commit:   $COMMIT
machine:  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
server:   PostgreSQL $(sql_value -c 'SHOW server_version' | cut -d' ' -f1), PostGIS $(sql_value -c 'SELECT postgis_lib_version()'), .NET $(dotnet --list-runtimes | awk '/AspNetCore/ { v = $2 } END { print v }')
dataset:  $AREAS areas (8-16 vertices, ~0.5-50 ha, UUIDv7 ids) + $AREAS version rows, generated in ${GEN_SECONDS} s
bboxes:   1000, $BBOX_NOTE
ids:      $(wc -l <"$WORK/id.paths") sampled
wrk:      ${WRK_ARGS[*]} -d${DURATION}s each, after ${WARMUP}s of each to warm up; wrk, the API and PostgreSQL share the cores
latency:  wrk's histogram, which adds samples for coordinated omission (stalls weigh more in p99 than they occur)

read                 req/s   target  of target  p50 ms   p99 ms     MiB/s  bytes/req  non-2xx  sockerr
$(row "bbox page (100)" 650 "${RESULT[bbox]}")
$(row "one by id" 6500 "${RESULT[byid]}")

cpu, bbox page: ${CPU[bbox]}
cpu, one by id: ${CPU[byid]}
EOF
)
mkdir -p "$(dirname "$RESULTS")"
printf '%s\n' "$summary" | tee "$RESULTS"
log "written to ${RESULTS#"$ROOT"/}"

for name in bbox byid; do
  [[ ${RESULT[$name]} == *" non2xx=0 "* ]] || die "$name: some responses were not 2xx (see above)"
done
