#!/usr/bin/env bash
# Soak benchmark, usually run as ./landrelease bench soak: an API process and a worker process (as deployed: the API runs
# no jobs) on a database of their own, under mixed load for BENCH_SOAK_SECONDS (default 600): register reads, report
# reads, uploads of small files, and release decisions drafted, submitted and approved. Every BENCH_SOAK_SAMPLE seconds
# (default 30) it prints each process's memory (RSS) and the database's connections; at the end p50/p99 latency per
# kind and the count of 5xx answers, which must be 0 (the script fails otherwise). Output in bench/results/soak.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${BENCH_PORT:-5096}
WORKER_PORT=$((PORT + 1))
API=http://127.0.0.1:$PORT
DURATION=${BENCH_SOAK_SECONDS:-600}
SAMPLE=${BENCH_SOAK_SAMPLE:-30}
BENCH_DB=${BENCH_DB:-landrelease_soak_bench}
RESULTS=$ROOT/bench/results/soak.txt
BENCH_NAME=soak
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
WORKER_PID=
trap 'kill $(jobs -p) 2>/dev/null || true; cleanup' EXIT

curl -s -o /dev/null "$API/health" && die "something already listens on port $PORT (set BENCH_PORT)"

log "building the API (Release)"
dotnet build "$ROOT/src/LandRelease.Api" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "build failed"; }
API_DIR=$ROOT/src/LandRelease.Api/bin/Release/net10.0

log "recreating database $BENCH_DB"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $BENCH_DB"

KEY=$(head -c 32 /dev/urandom | base64)
NODE_ENV=("${BENCH_DB_ENV[@]}" ASPNETCORE_ENVIRONMENT=Benchmark Logging__LogLevel__Default=Warning Auth__DevelopmentSigningKey="$KEY"
  RateLimits__AnonymousPerMinute=100000 Uploads__InlineFeatureLimit=5)
TOKEN=$(cd "$API_DIR" && env "${NODE_ENV[@]}" timeout 120 dotnet LandRelease.Api.dll token \
  --role admin --role national-authority --country KHM --org CMAC --name soak-bench --hours 24) || die "could not mint a token"
(cd "$API_DIR" && env "${NODE_ENV[@]}" dotnet LandRelease.Api.dll migrate) >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; die "migrate failed"; }

log "starting the API on $API and a worker on :$WORKER_PORT"
(cd "$API_DIR" && exec env "${NODE_ENV[@]}" Hangfire__Server__Enabled=false dotnet LandRelease.Api.dll --urls "$API") >"$WORK/api.log" 2>&1 &
API_PID=$!
(cd "$API_DIR" && exec env "${NODE_ENV[@]}" Hangfire__WorkerOnly=true dotnet LandRelease.Api.dll --urls "http://127.0.0.1:$WORKER_PORT") >"$WORK/worker.log" 2>&1 &
WORKER_PID=$!
for url in "$API/health" "http://127.0.0.1:$WORKER_PORT/health"; do
  for _ in $(seq 180); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && break; sleep 1; done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] || { cat "$WORK/api.log" "$WORK/worker.log"; die "$url is not healthy"; }
done

AUTH=(-H "Authorization: Bearer $TOKEN")
curl -s -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' \
  -d '{"code":"CMAC","name":"CMAC demining","kind":"OPERATOR","countries":["KHM"]}' "$API/api/organisations"

# One request, timed: appends "KIND STATUS SECONDS" to the log; prints the body to stdout.
request() { # KIND CURL_ARGS...
  local kind=$1; shift
  local out; out=$(curl -s -o "$WORK/body.$BASHPID" -w '%{http_code} %{time_total}' "${AUTH[@]}" "$@" || echo "000 0")
  echo "$kind $out" >>"$WORK/requests.log"
  cat "$WORK/body.$BASHPID" 2>/dev/null || true # curl writes no file for an empty body
}

square() { # LON LAT SIZE: a GeoJSON polygon
  awk -v x="$1" -v y="$2" -v s="$3" 'BEGIN { printf "{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}", x,y, x+s,y, x+s,y+s, x,y+s, x,y }'
}

feature() { # LOCAL_ID GEOMETRY
  printf '{"type":"Feature","geometry":%s,"properties":{"countryCode":"KHM","localId":"%s","name":"Soak %s","classification":"CHA","contamination":["AP_MINE"],"status":"OPEN","evidence":[{"kind":"DIRECT","description":"PMN-2 found"}],"dateOfInformation":"2024-05-01","organisation":"CMAC"}}' "$2" "$1" "$1"
}

# Places that never overlap: slot N of loop L is a 0.004° cell of its own in Cambodia.
cell() { awk -v n="$2" -v l="$1" 'BEGIN { printf "%.4f %.4f", 103.0 + (n % 100) * 0.004, 12.0 + l * 0.4 + int(n / 100) * 0.004 }'; }

uploads_loop() { # an operator's small uploads (10 areas: merged by the worker)
  set +e # one failed request is counted, not the end of the loop
  local n=0 lon lat features
  while [ "$(date +%s)" -lt "$END" ]; do
    features=""
    for i in $(seq 0 9); do
      read -r lon lat <<<"$(cell 0 $((n * 10 + i)))"
      features+="${features:+,}$(feature "SOAK-U$n-$i" "$(square "$lon" "$lat" 0.002)")"
    done
    printf '{"type":"FeatureCollection","features":[%s]}' "$features" >"$WORK/upload.geojson"
    request upload -X POST -H 'Content-Type: application/geo+json' --data-binary @"$WORK/upload.geojson" \
      "$API/api/uploads?country=KHM&organisation=CMAC&kind=hazard-areas" >/dev/null
    n=$((n + 1)); sleep 1
  done
}

approvals_loop() { # an area registered, a clearance decision over half of it drafted, submitted and approved
  set +e # one failed request is counted, not the end of the loop
  local n=0 lon lat area decision
  while [ "$(date +%s)" -lt "$END" ]; do
    read -r lon lat <<<"$(cell 1 "$n")"
    area=$(request register-write -X POST -H 'Content-Type: application/json' \
      -d "$(feature "SOAK-A$n" "$(square "$lon" "$lat" 0.002)")" "$API/api/hazard-areas" | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p' | head -1)
    if [ -n "$area" ]; then
      decision=$(request decision-draft -X POST -H 'Content-Type: application/json' \
        -d "{\"hazardAreaId\":\"$area\",\"kind\":\"CLEARED\",\"geometry\":$(square "$lon" "$lat" 0.001),\"organisation\":\"CMAC\",\"dateOfInformation\":\"2024-06-01\",\"notes\":\"soak\"}" \
        "$API/api/release-decisions" | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p' | head -1)
      if [ -n "$decision" ]; then
        request decision-submit -X POST -H 'Content-Type: application/json' -d '{}' "$API/api/release-decisions/$decision/submit" >/dev/null
        request decision-approve -X POST -H 'Content-Type: application/json' -d '{}' "$API/api/release-decisions/$decision/approve" >/dev/null
      fi
    fi
    n=$((n + 1))
  done
}

reads_loop() { # a reader paging the register and opening the country's report
  set +e # one failed request is counted, not the end of the loop
  local n=0
  while [ "$(date +%s)" -lt "$END" ]; do
    request register-read "$API/api/hazard-areas?country=KHM&limit=50" >/dev/null
    request report-read "$API/api/reports/countries/KHM" >/dev/null
    if [ $((n % 5)) -eq 0 ]; then request upload-list "$API/api/uploads?limit=20" >/dev/null; fi
    n=$((n + 1))
  done
}

rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "-"; }
connections() { psql -X -qAt -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$BENCH_DB'"; }
in_5xx() { awk '$2 >= 500 || $2 == 0 { n++ } END { print n + 0 }' "$WORK/requests.log" 2>/dev/null || echo 0; }

: >"$WORK/requests.log"
START=$(date +%s)
END=$((START + DURATION))
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "mixed load for $DURATION s (sampling every $SAMPLE s); machine load before: $LOAD_BEFORE"
uploads_loop & LOOPS=($!)
approvals_loop & LOOPS+=($!)
reads_loop & LOOPS+=($!)
reads_loop & LOOPS+=($!)
SAMPLES="seconds  api_rss_MB  worker_rss_MB  db_connections  requests  5xx  load1"
echo "$SAMPLES" >&2
while [ "$(date +%s)" -lt "$END" ]; do
  sleep "$SAMPLE"
  kill -0 "$API_PID" 2>/dev/null || { tail -50 "$WORK/api.log"; die "the API died during the soak"; }
  kill -0 "$WORKER_PID" 2>/dev/null || { tail -50 "$WORK/worker.log"; die "the worker died during the soak"; }
  line=$(printf '%7d  %10s  %13s  %14s  %8d  %3d  %5s' $(($(date +%s) - START)) "$(rss_mb "$API_PID")" "$(rss_mb "$WORKER_PID")" \
    "$(connections)" "$(wc -l <"$WORK/requests.log")" "$(in_5xx)" "$(cut -d' ' -f1 /proc/loadavg)")
  echo "$line" >&2
  SAMPLES+=$'\n'"$line"
done
wait "${LOOPS[@]}" 2>/dev/null || true

# Nearest rank over each kind's times, sorted.
LATENCY=$(sort -k1,1 -k3,3n "$WORK/requests.log" | awk '
  function rank(p, c,   r) { r = int(p * c); if (r < p * c) r++; return r < 1 ? 1 : r }
  { k = $1; n[k]++; t[k, n[k]] = $3 * 1000; if ($2 >= 500 || $2 == 0) bad[k]++ }
  END {
    printf "%-17s %7s %9s %9s %9s %5s\n", "kind", "count", "p50_ms", "p99_ms", "max_ms", "5xx"
    for (k in n) printf "%-17s %7d %9.1f %9.1f %9.1f %5d\n", k, n[k], t[k, rank(0.5, n[k])], t[k, rank(0.99, n[k])], t[k, n[k]], bad[k] + 0
  }' | sort)
FIVE_XX=$(in_5xx)
STATUSES=$(awk '{ print $2 }' "$WORK/requests.log" | sort | uniq -c | awk '{ printf "%s%s x%s", sep, $2, $1; sep = ", " }')
UPLOADS=$(sql_value -c "SELECT string_agg(state || ' ' || n, ', ') FROM (SELECT state, count(*) n FROM uploads GROUP BY state ORDER BY state) s")

mkdir -p "$(dirname "$RESULTS")"
cat >"$RESULTS" <<OUT
soak: API + worker processes under mixed load for $DURATION s ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, load before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg))
loops: 1 uploading (10 areas a file, merged by the worker), 1 registering and approving, 2 reading register and reports
$SAMPLES

$LATENCY

statuses: $STATUSES
uploads: $UPLOADS
5xx: $FIVE_XX
OUT
cat "$RESULTS"
[ "$FIVE_XX" -eq 0 ] || die "$FIVE_XX answers were 5xx or no answer"
