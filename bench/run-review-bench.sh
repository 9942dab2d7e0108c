#!/usr/bin/env bash
# Review benchmark, usually run as ./landrelease bench review: the national authority's review queue (/review, and
# GET /api/release-decisions/queue) and a decision's preview (/review/{id} and GET /api/release-decisions/{id}/preview)
# on the 1M-decision reporting database (BENCH_DB, default landrelease_reports_bench, made by ./landrelease bench
# reports; migrated forward here, never recreated), with BENCH_QUEUE (default 20000) decisions submitted in Cambodia
# (bench/review-queue.sql, added once). Signed in through the form as a Cambodian national authority in Debian's Chromium;
# server time (navigation start to the last byte of the page, or of the API's JSON) of BENCH_RUNS (default 30) requests
# after two untimed. Target: p50 under 300 ms.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${BENCH_PORT:-5095}
API=http://127.0.0.1:$PORT
RUNS=${BENCH_RUNS:-30}
QUEUE=${BENCH_QUEUE:-20000}
BENCH_DB=${BENCH_DB:-landrelease_reports_bench}
RESULTS=$ROOT/bench/results/review.txt
BENCH_NAME=review
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

curl -s -o /dev/null "$API/health" && die "something already listens on port $PORT (set BENCH_PORT)"
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing (./landrelease bench review installs it)"
API_DIR=$ROOT/src/LandRelease.Api/bin/Release/net10.0
[ -f "$API_DIR/LandRelease.Api.dll" ] || die "build first (./landrelease bench review does)"
[ "$(psql -X -qAt -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'")" = 1 ] \
  || die "no database $BENCH_DB: ./landrelease bench reports builds it (BENCH_DB names it)"
(cd "$ROOT/bench/dashboard" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error >/dev/null; })

API_ENV=("${BENCH_DB_ENV[@]}" ASPNETCORE_ENVIRONMENT=Benchmark Logging__LogLevel__Default=Warning
  Hangfire__Server__Enabled=false Auth__SignIn__AllowHttpCookies=true Database__MigrateOnStartup=false)
api() { (cd "$API_DIR" && env "${API_ENV[@]}" dotnet LandRelease.Api.dll "$@"); }

log "migrating $BENCH_DB forward"
api migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; die "migration failed"; }
log "queue: $QUEUE decisions submitted in Cambodia (once)"
sql -v queue="$QUEUE" -f "$ROOT/bench/review-queue.sql"
DATASET=$(sql_value -c "SELECT format('%s decisions, %s submitted in KHM, over %s areas', count(*),
  count(*) FILTER (WHERE state = 'SUBMITTED' AND country_code = 'KHM'), count(DISTINCT hazard_area_id)) FROM release_decisions")
DECISION=$(sql_value -c "SELECT id FROM release_decisions WHERE created_by = 'bench-review' ORDER BY id LIMIT 1")
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
USER_NAME="bench-officer-$RANDOM"
printf '%s\n' "$PASSWORD" | api user add --name "$USER_NAME" --role national-authority --country KHM >"$WORK/user.log" 2>&1 \
  || { cat "$WORK/user.log"; die "could not add the account"; }

(cd "$API_DIR" && exec env "${API_ENV[@]}" dotnet LandRelease.Api.dll --urls "$API") >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 240); do curl -s -o /dev/null "$API/health" && break; sleep 0.5; done
curl -s -o /dev/null "$API/health" || { cat "$WORK/api.log"; die "the API did not start"; }
log "timing $RUNS requests of each page and route"
node "$ROOT/bench/dashboard/review.mjs" "$API" "$USER_NAME" "$PASSWORD" "$DECISION" "$RUNS" >"$WORK/timings.txt"
kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=

cat >"$RESULTS" <<REPORT
LandRelease review queue and preview: server time, p50 / p90 of $RUNS requests after two untimed (Chromium, signed in)
date:      $(date -u '+%Y-%m-%d %H:%M UTC')
commit:    $(git -C "$ROOT" rev-parse --short HEAD)
machine:   $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end
dataset:   $DATASET
decision:  $DECISION (the whole of an area whose two halves are approved: two overlaps)
target:    p50 under 300 ms

$(cat "$WORK/timings.txt")
REPORT
cat "$RESULTS"
