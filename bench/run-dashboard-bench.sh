#!/usr/bin/env bash
# Regional dashboard benchmark, usually run as ./landrelease bench dashboard: the time from navigation to the map drawn
# and the figures filled, in Debian's Chromium (playwright-core from npm, no browser download), signed in as a regional
# viewer. On the samples (a database of its own, recreated) and, when it exists, on the 1M-decision reporting benchmark
# database (BENCH_LARGE_DB, default landrelease_reports_bench, made by ./landrelease bench reports with the same BENCH_DB;
# migrated forward here, never recreated). The map is an SVG the server draws; "map drawn" is when the page's own clock
# saw it painted (the second animation frame after the document, SVG included, was parsed).
# BENCH_RUNS (default 10) timed loads after one untimed; BENCH_YEAR (default 2024); BENCH_LARGE=no skips the large database.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${BENCH_PORT:-5094}
API=http://127.0.0.1:$PORT
RUNS=${BENCH_RUNS:-10}
YEAR=${BENCH_YEAR:-2024}
BENCH_DB=${BENCH_DB:-landrelease_dashboard_bench}
LARGE_DB=${BENCH_LARGE_DB:-landrelease_reports_bench}
RESULTS=$ROOT/bench/results/dashboard.txt
BENCH_NAME=dashboard
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

curl -s -o /dev/null "$API/health" && die "something already listens on port $PORT (set BENCH_PORT)"
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing (./landrelease bench dashboard installs it)"
API_DIR=$ROOT/src/LandRelease.Api/bin/Release/net10.0
[ -f "$API_DIR/LandRelease.Api.dll" ] || die "build first (./landrelease bench dashboard does)"
(cd "$ROOT/bench/dashboard" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error >/dev/null; })

PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
# Runs the API's command line (migrate, user add) or, with serve, the host, on database $1.
api() {
  local db=$1; shift
  local owner="Host=$PGHOST;Port=$PGPORT;Database=$db;Username=$PGUSER;Password=$PGPASSWORD" roles
  # Served as the application role and migrated as the owner, as in production (bench/common.sh).
  if [ -n "$APP_USER" ] && [ "$APP_USER" != "$PGUSER" ]; then
    roles=(ConnectionStrings__LandRelease="Host=$PGHOST;Port=$PGPORT;Database=$db;Username=$APP_USER;Password=$APP_PASSWORD"
      ConnectionStrings__LandReleaseOwner="$owner")
  else
    roles=(ConnectionStrings__LandRelease="$owner" ConnectionStrings__LandReleaseOwner=)
  fi
  (cd "$API_DIR" && exec env "${roles[@]}" \
    ASPNETCORE_ENVIRONMENT=Benchmark Logging__LogLevel__Default=Warning Hangfire__Server__Enabled=false \
    Auth__SignIn__AllowHttpCookies=true "$@")
}

# Stops the API and waits until its port is free: the next measurement's API must not find the last one still answering.
# API_PID is the subshell that runs api(); the host is its child (api() forks once more to cd and exec).
stop_api() {
  pkill -TERM -P "$API_PID" 2>/dev/null || true
  kill "$API_PID" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$API_PID" 2>/dev/null || break; sleep 0.25; done
  pkill -KILL -P "$API_PID" 2>/dev/null || true
  kill -9 "$API_PID" 2>/dev/null || true
  wait "$API_PID" 2>/dev/null || true
  for _ in $(seq 1 40); do curl -s -o /dev/null "$API/health" || break; sleep 0.25; done
  API_PID=
}

# measure DB LABEL [extra env...]: serves the database, adds a regional viewer, times the dashboard.
measure() {
  local db=$1 label=$2; shift 2
  log "$label: migrating $db and adding a regional viewer"
  api "$db" dotnet LandRelease.Api.dll migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; die "migration failed"; }
  local user="bench-$RANDOM"
  printf '%s\n' "$PASSWORD" | api "$db" dotnet LandRelease.Api.dll user add --name "$user" --role regional-viewer >"$WORK/user.log" 2>&1 \
    || { cat "$WORK/user.log"; die "could not add the account"; }
  curl -s -o /dev/null "$API/health" && die "something still listens on port $PORT"
  api "$db" env "$@" dotnet LandRelease.Api.dll --urls "$API" >"$WORK/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 240); do curl -s -o /dev/null "$API/health" && break; sleep 0.5; done
  curl -s -o /dev/null "$API/health" || { cat "$WORK/api.log"; die "the API did not start"; }
  log "$label: $RUNS loads of /regional?year=$YEAR at 1920x1080"
  node "$ROOT/bench/dashboard/measure.mjs" "$API" "$user" "$PASSWORD" "$YEAR" "$RUNS" >"$WORK/$label.json"
  stop_api
  node -e '
    const runs = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const warm = runs.slice(1); const pct = (xs, p) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
    const row = (name, key) => `${name.padEnd(34)} first ${String(runs[0][key]).padStart(6)} ms   median ${String(pct(warm.map(r => r[key]), 0.5)).padStart(6)} ms   p90 ${String(pct(warm.map(r => r[key]), 0.9)).padStart(6)} ms`;
    console.log(row(process.argv[2] + ", figures filled", "figures")); console.log(row(process.argv[2] + ", map drawn", "map"));' \
    "$WORK/$label.json" "$label" >>"$WORK/summary.txt"
}

: >"$WORK/summary.txt"
log "recreating $BENCH_DB with the samples"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $BENCH_DB"
measure "$BENCH_DB" samples Samples__LoadFrom="$ROOT/samples"
LARGE=no
if [ "${BENCH_LARGE:-auto}" != no ] && [ "$(psql -X -qAt -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$LARGE_DB'")" = 1 ]; then
  LARGE=$(psql -X -qAt -d "$LARGE_DB" -c "SELECT format('%s decisions over %s areas', count(*), count(DISTINCT hazard_area_id)) FROM release_decisions")
  measure "$LARGE_DB" large
else
  log "large database skipped (BENCH_LARGE=no) or absent: ./landrelease bench reports builds $LARGE_DB"
fi

cat >"$RESULTS" <<REPORT
LandRelease regional dashboard: navigation to figures filled and map drawn (Chromium, 1920x1080)
date:      $(date -u '+%Y-%m-%d %H:%M UTC')
commit:    $(git -C "$ROOT" rev-parse --short HEAD)
machine:   $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end
browser:   $(/usr/bin/chromium --version 2>/dev/null); the map is an SVG drawn by the server (no WebGL)
samples:   the repository's samples (Cambodia), year $YEAR
large:     $LARGE
runs:      $RUNS timed loads after the first (first: right after start, snapshots read or computed)
targets:   samples under 1000 ms, 1M decisions under 2000 ms (map drawn)
map drawn: painted, by the page's clock (performance.now() in the second animation frame after the SVG is in the DOM)

$(cat "$WORK/summary.txt")
REPORT
cat "$RESULTS"
