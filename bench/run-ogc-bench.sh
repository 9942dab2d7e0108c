#!/usr/bin/env bash
# OGC API - Features reads beside pg_featureserv, the open peer, on the same generated register in the same run:
# one feature by id, a bbox page of 100, a page of 1,000 (wrk -t2 -c16 each). Usually run as ./landrelease bench ogc.
# PG_FEATURESERV: path of a pg_featureserv binary (built outside the project, see the README); without it the peer
# is skipped, said so. Settings: BENCH_AREAS (100000), BENCH_SECONDS (15), BENCH_WARMUP_SECONDS (10 per read),
# BENCH_BBOX_TARGET (150), BENCH_PGHOST/PGPORT/PGUSER/PGPASSWORD (else from ConnectionStrings__LandRelease).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AREAS=${BENCH_AREAS:-100000}
DURATION=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP_SECONDS:-10}
API=http://127.0.0.1:5091
PEER=http://127.0.0.1:9091
BENCH_DB=landrelease_bench_ogc
BENCH_NAME=ogc
RESULTS=$ROOT/bench/results/ogc-reads.txt
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

command -v wrk >/dev/null || die "wrk is not installed (./landrelease bench installs it)"
PEER_BIN=${PG_FEATURESERV:-}
if [ -z "$PEER_BIN" ] || [ ! -x "$PEER_BIN" ]; then
  log "PG_FEATURESERV is not set to a pg_featureserv binary: measuring LandRelease alone, no ratios"
  PEER_BIN=
fi

API_DIR=$ROOT/src/LandRelease.Api/bin/Release/net10.0
log "building the API (Release)"
dotnet build "$ROOT/src/LandRelease.Api" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "build failed"; }
API_ENV=("${BENCH_DB_ENV[@]}" Database__MigrateOnStartup=true Hangfire__Server__Enabled=false
  ASPNETCORE_ENVIRONMENT=Benchmark Logging__LogLevel__Default=Warning Auth__DevelopmentSigningKey="$(head -c 32 /dev/urandom | base64)")
export BENCH_TOKEN
BENCH_TOKEN=$(cd "$API_DIR" && env "${API_ENV[@]}" timeout 60 dotnet LandRelease.Api.dll token \
  --role national-authority --country KHM --name bench --hours 4) || die "could not mint a token"

log "recreating database $BENCH_DB"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $BENCH_DB"
(cd "$API_DIR" && exec env "${API_ENV[@]}" dotnet LandRelease.Api.dll --urls "$API") >"$WORK/api.log" 2>&1 &
API_PID=$!
wait_for() { # url what
  for _ in $(seq 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
    sleep 1
  done
  cat "$WORK"/*.log; die "$2 did not start"
}
wait_for "$API/health" "the API"

log "generating $AREAS hazardous areas (the register benchmark's data)"
sql -v areas="$AREAS" -f "$ROOT/bench/register-dataset.sql"
sql -v target="${BENCH_BBOX_TARGET:-150}" -f "$ROOT/bench/register-bboxes.sql"

PEER_PID=
if [ -n "$PEER_BIN" ]; then
  cat >"$WORK/pg_featureserv.toml" <<TOML
[Server]
HttpHost = "127.0.0.1"
HttpPort = ${PEER##*:}
[Database]
DbConnection = "postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$BENCH_DB"
[Paging]
LimitDefault = 100
LimitMax = 1000
TOML
  (cd "$WORK" && exec "$PEER_BIN" -c "$WORK/pg_featureserv.toml") >"$WORK/peer.log" 2>&1 &
  PEER_PID=$!
  trap 'kill "$PEER_PID" 2>/dev/null || true; cleanup' EXIT
  wait_for "$PEER/collections" "pg_featureserv"
fi

# The same reads for both: random ids, the register benchmark's bboxes, the first 1,000 areas.
sql_value -c "SELECT id FROM hazard_areas ORDER BY random() LIMIT 10000" >"$WORK/ids"
sql_value -c "SELECT format('%s,%s,%s,%s', min_lon, min_lat, max_lon, max_lat) FROM bench.bboxes" >"$WORK/bboxes"
sed 's|^|/ogc/collections/hazard-areas/items/|' "$WORK/ids" >"$WORK/ours.byid"
sed 's|^\(.*\)$|/ogc/collections/hazard-areas/items?bbox=\1\&limit=100|' "$WORK/bboxes" >"$WORK/ours.bbox"
echo "/ogc/collections/hazard-areas/items?limit=1000" >"$WORK/ours.page"
sed 's|^\(.*\)$|/collections/public.hazard_areas/items/\1.json|' "$WORK/ids" >"$WORK/peer.byid"
sed 's|^\(.*\)$|/collections/public.hazard_areas/items.json?bbox=\1\&limit=100|' "$WORK/bboxes" >"$WORK/peer.bbox"
echo "/collections/public.hazard_areas/items.json?limit=1000" >"$WORK/peer.page"

check() { # base path expected-features
  curl -sf -H "Authorization: Bearer $BENCH_TOKEN" "$1$2" | python3 -c "
import json, sys
d = json.load(sys.stdin)
n = len(d.get('features', [d] if d.get('type') == 'Feature' else []))
assert n == $3, f'$1$2: {n} features, expected $3'" || die "check failed: $1$2"
}
check "$API" "$(head -1 "$WORK/ours.byid")" 1
check "$API" "$(head -1 "$WORK/ours.page")" 1000
[ -z "$PEER_BIN" ] || { check "$PEER" "$(head -1 "$WORK/peer.byid")" 1; check "$PEER" "$(head -1 "$WORK/peer.page")" 1000; }

declare -A RPS=() P50=()
measure() { # name base paths-file
  BENCH_PATHS=$3 wrk -t2 -c16 -d"${WARMUP}s" -s "$ROOT/bench/random-path.lua" "$2" >/dev/null
  log "$1: ${DURATION}s (wrk -t2 -c16)"
  BENCH_PATHS=$3 wrk -t2 -c16 -d"${DURATION}s" --latency -s "$ROOT/bench/random-path.lua" "$2" >"$WORK/$1.wrk"
  local line; line=$(grep '^RESULT' "$WORK/$1.wrk")
  [[ $line == *" non2xx=0 "* ]] || die "$1: some responses were not 2xx: $line"
  RPS[$1]=$(awk -v l="$line" 'BEGIN { n = split(l, kv, /[ =]/); for (i = 2; i < n; i += 2) r[kv[i]] = kv[i + 1]; printf "%.0f", r["requests"] / (r["duration_us"] / 1e6) }')
  P50[$1]=$(awk -v l="$line" 'BEGIN { n = split(l, kv, /[ =]/); for (i = 2; i < n; i += 2) r[kv[i]] = kv[i + 1]; printf "%.1f", r["p50_us"] / 1000 }')
}
for read in byid bbox page; do
  measure "ours.$read" "$API" "$WORK/ours.$read"
  [ -z "$PEER_BIN" ] || measure "peer.$read" "$PEER" "$WORK/peer.$read"
done

row() { # label read
  if [ -n "$PEER_BIN" ]; then
    printf '%-18s %10s %8s %14s %8s %7s\n' "$1" "${RPS[ours.$2]}" "${P50[ours.$2]}" "${RPS[peer.$2]}" "${P50[peer.$2]}" \
      "$(awk -v a="${RPS[ours.$2]}" -v b="${RPS[peer.$2]}" 'BEGIN { printf "%.2fx", a / b }')"
  else
    printf '%-18s %10s %8s %14s %8s %7s\n' "$1" "${RPS[ours.$2]}" "${P50[ours.$2]}" "-" "-" "-"
  fi
}
summary=$(cat <<SUMMARY
OGC API - Features reads, LandRelease beside pg_featureserv
date:     $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD)
machine:  $(nproc) cores; wrk, both servers and PostgreSQL share them
dataset:  $AREAS areas (the register benchmark's), bboxes of ~150 areas, ids at random
peer:     ${PEER_BIN:+$("$PEER_BIN" --version 2>&1 | head -1)}${PEER_BIN:-not run (set PG_FEATURESERV)}

read               LandRelease  p50 ms  pg_featureserv  p50 ms   ratio
$(row "one by id" byid)
$(row "bbox page (100)" bbox)
$(row "page of 1,000" page)
SUMMARY
)
mkdir -p "$(dirname "$RESULTS")"
printf '%s\n' "$summary" | tee "$RESULTS"
