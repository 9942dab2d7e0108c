#!/usr/bin/env bash
# Hostile-input benchmark, usually run as ./landrelease bench hostile: starts the API on a database of its own and sends
# it the hostile-input corpus (tools/LandRelease.Hostile, the one the tests run). Prints "N cases, N 5xx, N over 5 s";
# fails when any case got a 5xx, no answer, or took over 5 s. BENCH_PARALLEL (default 4) requests at a time;
# BENCH_VERBOSE=1 lists every case with its status and time.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${BENCH_PORT:-5094}
API=http://127.0.0.1:$PORT
BENCH_DB=landrelease_hostile_bench
RESULTS=$ROOT/bench/results/hostile.txt
BENCH_NAME=hostile
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

curl -s -o /dev/null "$API/health" && die "something already listens on port $PORT (set BENCH_PORT)"

log "building the API and the corpus (Release)"
dotnet build "$ROOT/src/LandRelease.Api" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "build failed"; }
dotnet build "$ROOT/tools/LandRelease.Hostile" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "build failed"; }
API_DIR=$ROOT/src/LandRelease.Api/bin/Release/net10.0
CORPUS=$ROOT/tools/LandRelease.Hostile/bin/Release/net10.0/LandRelease.Hostile.dll

log "recreating database $BENCH_DB"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $BENCH_DB"

API_ENV=("${BENCH_DB_ENV[@]}" Database__MigrateOnStartup=true ASPNETCORE_ENVIRONMENT=Benchmark
  Logging__LogLevel__Default=Warning Auth__DevelopmentSigningKey="$(head -c 32 /dev/urandom | base64)")
COUNTRIES=()
for code in BRN IDN KHM LAO MMR MYS PHL SGP THA VNM; do COUNTRIES+=(--country "$code"); done
TOKEN=$(cd "$API_DIR" && env "${API_ENV[@]}" timeout 60 dotnet LandRelease.Api.dll token \
  --role admin --role national-authority "${COUNTRIES[@]}" --org CMAA --name hostile-bench --hours 2) || die "could not mint a token"

log "starting the API on $API"
(cd "$API_DIR" && exec env "${API_ENV[@]}" dotnet LandRelease.Api.dll --urls "$API") >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health")" = 200 ] && break
  kill -0 "$API_PID" 2>/dev/null || { cat "$WORK/api.log"; die "the API exited"; }
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health")" = 200 ] || { cat "$WORK/api.log"; die "the API is not healthy"; }

log "sending the corpus, ${BENCH_PARALLEL:-4} at a time"
started=$(now)
status=0
dotnet "$CORPUS" --url "$API" --token "$TOKEN" --parallel "${BENCH_PARALLEL:-4}" ${BENCH_VERBOSE:+--verbose} >"$WORK/out.txt" 2>"$WORK/err.txt" || status=$?
SECONDS_TAKEN=$(since "$started")
cat "$WORK/err.txt" >&2
SUMMARY=$(tail -1 "$WORK/out.txt")
[ -n "${BENCH_VERBOSE:-}" ] && cat "$WORK/out.txt"
kill -0 "$API_PID" 2>/dev/null || { cat "$WORK/api.log"; die "the API died during the run"; }

mkdir -p "$(dirname "$RESULTS")"
cat >"$RESULTS" <<OUT
hostile-input corpus against a live API ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD), ${BENCH_PARALLEL:-4} at a time, ${SECONDS_TAKEN} s)
$SUMMARY
OUT
log "$SUMMARY"
exit "$status"
