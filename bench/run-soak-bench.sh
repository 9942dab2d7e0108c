#!/usr/bin/env bash
# Soak benchmark, usually run as ./landrelease bench soak: an API process and a worker process (as deployed: the API runs
# no jobs, both with the GC settings of deploy/systemd) on a database of their own, under mixed load for
# BENCH_SOAK_SECONDS (default 600): register and report reads, uploads of small files merged by the worker, and on new
# areas a completed clearance recorded, its decision drafted and submitted by the operator and approved by the national
# authority. Every BENCH_SOAK_SAMPLE seconds (default 30) it prints each process's RSS, GC heap and committed memory
# (dotnet-counters) and the database's connections; at the end p50/p99 latency per kind. It fails on any 5xx, any answer
# other than the one each kind expects, a kind that never succeeded, approvals the database does not hold, or memory
# still rising over the second half (see run-soak-report.sh). BENCH_SOAK_GC="DOTNET_x=y ..." replaces the units' GC
# settings (to compare). Output in bench/results/soak.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${BENCH_PORT:-5096}
WORKER_PORT=$((PORT + 1))
API=http://127.0.0.1:$PORT
DURATION=${BENCH_SOAK_SECONDS:-600}
SAMPLE=${BENCH_SOAK_SAMPLE:-30}
BENCH_DB=${BENCH_DB:-landrelease_soak_bench}
RESULTS=${BENCH_SOAK_RESULTS:-$ROOT/bench/results/soak.txt}
BENCH_NAME=soak
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
WORKER_PID=
COUNTERS=()
trap 'kill $(jobs -p) 2>/dev/null || true; cleanup' EXIT

curl -s -o /dev/null "$API/health" && die "something already listens on port $PORT (set BENCH_PORT)"

log "building the API (Release)"
dotnet build "$ROOT/src/LandRelease.Api" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "build failed"; }
API_DIR=$ROOT/src/LandRelease.Api/bin/Release/net10.0
(cd "$ROOT" && dotnet tool restore >/dev/null) || die "dotnet tool restore failed (dotnet-counters)"

log "recreating database $BENCH_DB"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $BENCH_DB"

# The memory settings a deployment runs with: the DOTNET_* and MALLOC_* lines of the API's unit (the worker's has the same).
if [ -n "${BENCH_SOAK_GC+set}" ]; then read -ra GC_ENV <<<"$BENCH_SOAK_GC"; else
  mapfile -t GC_ENV < <(sed -n 's/^Environment=\(\(DOTNET\|MALLOC\)_[A-Za-z0-9_]*=[^ ]*\)$/\1/p' "$ROOT/deploy/systemd/landrelease-api.service"); fi
KEY=$(head -c 32 /dev/urandom | base64)
NODE_ENV=("${BENCH_DB_ENV[@]}" "${GC_ENV[@]}" ASPNETCORE_ENVIRONMENT=Benchmark Logging__LogLevel__Default=Warning
  Auth__DevelopmentSigningKey="$KEY" RateLimits__AnonymousPerMinute=100000 Uploads__InlineFeatureLimit=5)
mint() { (cd "$API_DIR" && env "${NODE_ENV[@]}" timeout 120 dotnet LandRelease.Api.dll token "$@" --hours 24) || die "could not mint a token"; }
AUTHORITY=$(mint --role admin --role national-authority --country KHM --org CMAC --name soak-authority)
OPERATOR=$(mint --role field-operator --country KHM --org CMAC --name soak-operator)
(cd "$API_DIR" && env "${NODE_ENV[@]}" dotnet LandRelease.Api.dll migrate) >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; die "migrate failed"; }

log "starting the API on $API and a worker on :$WORKER_PORT (memory settings: ${GC_ENV[*]:-runtime defaults})"
(cd "$API_DIR" && exec env "${NODE_ENV[@]}" Hangfire__Server__Enabled=false dotnet LandRelease.Api.dll --urls "$API") >"$WORK/api.log" 2>&1 &
API_PID=$!
(cd "$API_DIR" && exec env "${NODE_ENV[@]}" Hangfire__WorkerOnly=true dotnet LandRelease.Api.dll --urls "http://127.0.0.1:$WORKER_PORT") >"$WORK/worker.log" 2>&1 &
WORKER_PID=$!
for url in "$API/health" "http://127.0.0.1:$WORKER_PORT/health"; do
  for _ in $(seq 180); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && break; sleep 1; done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] || { cat "$WORK/api.log" "$WORK/worker.log"; die "$url is not healthy"; }
done
for node in api:$API_PID worker:$WORKER_PID; do # GC heap and committed memory beside RSS, sampled by the runtime itself
  (cd "$ROOT" && exec dotnet tool run dotnet-counters collect -p "${node#*:}" --counters System.Runtime --format csv \
    --refresh-interval "$SAMPLE" -o "$WORK/${node%%:*}-counters.csv") >"$WORK/${node%%:*}-counters.log" 2>&1 &
  COUNTERS+=($!)
done

AUTH=(-H "Authorization: Bearer $AUTHORITY")
[ "$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" -H 'Content-Type: application/json' \
  -d '{"code":"CMAC","name":"CMAC demining","kind":"OPERATOR","countries":["KHM"]}' "$API/api/organisations")" = 201 ] ||
  die "could not register the organisation CMAC"

# One request, timed: appends "KIND STATUS SECONDS EXPECTED" to the log (with the caller's AUTH); prints the body.
request() { # KIND EXPECTED_STATUS CURL_ARGS...
  local kind=$1 expected=$2 body=$WORK/body.$BASHPID out; shift 2 # named before $(...), whose BASHPID differs
  rm -f "$body"
  out=$(curl -s -o "$body" -w '%{http_code} %{time_total}' "${AUTH[@]}" "$@" || echo "000 0")
  echo "$kind $out $expected" >>"$WORK/requests.log"
  [ "${out%% *}" = "$expected" ] || cp "$body" "$WORK/unexpected.$kind" 2>/dev/null || true
  cat "$body" 2>/dev/null || true # curl writes no file for an empty body
  rm -f "$body"
}

box() { # WEST SOUTH EAST NORTH: a GeoJSON polygon
  printf '{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}' "$1" "$2" "$3" "$2" "$3" "$4" "$1" "$4" "$1" "$2"
}
plus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a + b }'; }
square() { box "$1" "$2" "$(plus "$1" "$3")" "$(plus "$2" "$3")"; } # LON LAT SIZE

feature() { # LOCAL_ID GEOMETRY [DATE_OF_INFORMATION]
  printf '{"type":"Feature","geometry":%s,"properties":{"countryCode":"KHM","localId":"%s","name":"Soak %s","classification":"CHA","contamination":["AP_MINE"],"status":"OPEN","evidence":[{"kind":"DIRECT","description":"PMN-2 found"}],"dateOfInformation":"%s","organisation":"CMAC"}}' "$2" "$1" "$1" "${3:-2024-05-01}"
}

clearance() { # LON LAT: a completed clearance of the 0.002° area at LON LAT that clears its western half
  printf '{"type":"Feature","geometry":%s,"properties":{"type":"CLEARANCE","organisation":"CMAC","method":"Manual clearance to 13 cm","startDate":"2024-03-01","endDate":"2024-04-30","status":"COMPLETED","referencePoint":{"type":"Point","coordinates":[%s,%s]},"devices":[{"type":"AP_MINE","found":2,"destroyed":2}],"proposedOutcomes":[{"kind":"CLEARED","geometry":%s}],"notes":"soak"}}' \
    "$(square "$1" "$2" 0.002)" "$(plus "$1" -0.001)" "$(plus "$2" -0.001)" "$(box "$1" "$2" "$(plus "$1" 0.001)" "$(plus "$2" 0.002)")"
}

# Places that never overlap: slot N of loop L is a 0.004° cell of its own in Cambodia.
cell() { awk -v n="$2" -v l="$1" 'BEGIN { printf "%.4f %.4f", 103.0 + (n % 100) * 0.004, 12.0 + l * 0.4 + int(n / 100) * 0.004 }'; }

uploads_loop() { # an operator's small uploads (10 areas: merged by the worker)
  set +e # one failed request is counted, not the end of the loop
  local AUTH=(-H "Authorization: Bearer $OPERATOR") n=0 lon lat features
  while [ "$(date +%s)" -lt "$END" ]; do
    features=""
    for i in $(seq 0 9); do
      read -r lon lat <<<"$(cell 0 $((n * 10 + i)))"
      features+="${features:+,}$(feature "SOAK-U$n-$i" "$(square "$lon" "$lat" 0.002)")"
    done
    printf '{"type":"FeatureCollection","features":[%s]}' "$features" >"$WORK/upload.geojson"
    request upload 202 -X POST -H 'Content-Type: application/geo+json' --data-binary @"$WORK/upload.geojson" \
      "$API/api/uploads?country=KHM&organisation=CMAC&kind=hazard-areas" >/dev/null
    n=$((n + 1)); sleep 1
  done
}

approvals_loop() { # the operator registers an area, records its clearance, drafts and submits the decision; the authority approves
  set +e # one failed request is counted, not the end of the loop
  local AUTH=(-H "Authorization: Bearer $OPERATOR") n=0 lon lat area activity decision
  while [ "$(date +%s)" -lt "$END" ]; do
    read -r lon lat <<<"$(cell 1 "$n")"
    n=$((n + 1))
    area=$(request area-register 201 -X POST -H 'Content-Type: application/geo+json' \
      -d "$(feature "SOAK-A$n" "$(square "$lon" "$lat" 0.002)" 2023-01-01)" "$API/api/hazard-areas" | jq -r '.id // empty' 2>/dev/null)
    [ -n "$area" ] || continue
    activity=$(request activity-record 201 -X POST -H 'Content-Type: application/geo+json' -d "$(clearance "$lon" "$lat")" \
      "$API/api/hazard-areas/$area/activities" | jq -r '.id // empty' 2>/dev/null)
    [ -n "$activity" ] || continue
    decision=$(request decision-draft 200 -X POST "$API/api/activities/$activity/decisions" |
      jq -r '.decisions[0].releaseDecisionId // empty' 2>/dev/null)
    [ -n "$decision" ] || continue
    request decision-submit 200 -X POST -H 'Content-Type: application/json' -d '{}' "$API/api/release-decisions/$decision/submit" >/dev/null
    AUTH=(-H "Authorization: Bearer $AUTHORITY")
    request decision-approve 200 -X POST -H 'Content-Type: application/json' -d '{}' "$API/api/release-decisions/$decision/approve" >/dev/null
    AUTH=(-H "Authorization: Bearer $OPERATOR")
  done
}

reads_loop() { # the authority paging the register and opening the country's report
  set +e # one failed request is counted, not the end of the loop
  local n=0
  while [ "$(date +%s)" -lt "$END" ]; do
    request register-read 200 "$API/api/hazard-areas?country=KHM&limit=50" >/dev/null
    request report-read 200 "$API/api/reports/countries/KHM" >/dev/null
    if [ $((n % 5)) -eq 0 ]; then request upload-list 200 "$API/api/uploads?limit=20" >/dev/null; fi
    n=$((n + 1))
  done
}

# RSS, its anonymous part (GC heap, native allocations) and its shared-memory part (the JIT's code, mapped twice for W^X).
rss_mb() { awk '/^RssAnon/ { a = $2 } /^RssShmem/ { c = $2 } /^VmRSS/ { r = $2 } END { printf "%d %d %d", r / 1024, a / 1024, c / 1024 }' \
  "/proc/$1/status" 2>/dev/null || echo "- - -"; }
connections() { psql -X -qAt -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$BENCH_DB'"; }
# The live managed heap: dotnet-gcdump forces a full collection first, so garbage the GC has not yet reclaimed (which RSS
# and the counters' "heap after the last collection" include) is not counted. A leak shows here; a GC budget does not.
live_heap_mb() { # PID
  local dump=$WORK/heap.$1.gcdump
  (cd "$ROOT" && dotnet tool run dotnet-gcdump collect -p "$1" -o "$dump" >/dev/null 2>&1 &&
    dotnet tool run dotnet-gcdump report "$dump" 2>/dev/null) | awk 'NR == 1 { gsub(",", "", $1); printf "%.1f", $1 / 1048576 }'
  rm -f "$dump"
}
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
SAMPLES="seconds  api_rss_MB  (anon  code)  worker_rss_MB  (anon  code)  db_connections  requests  5xx  load1"
echo "$SAMPLES" >&2
: >"$WORK/samples.log"
while [ "$(date +%s)" -lt "$END" ]; do
  sleep "$SAMPLE"
  kill -0 "$API_PID" 2>/dev/null || { tail -50 "$WORK/api.log"; die "the API died during the soak"; }
  kill -0 "$WORKER_PID" 2>/dev/null || { tail -50 "$WORK/worker.log"; die "the worker died during the soak"; }
  line=$(printf '%7d  %10s  %5s  %5s  %13s  %5s  %5s  %14s  %8d  %3d  %5s' $(($(date +%s) - START)) $(rss_mb "$API_PID") $(rss_mb "$WORKER_PID") \
    "$(connections)" "$(wc -l <"$WORK/requests.log")" "$(in_5xx)" "$(cut -d' ' -f1 /proc/loadavg)")
  echo "$line" >&2
  echo "$line" >>"$WORK/samples.log"
  if [ -z "${LIVE_HALF:-}" ] && [ $(($(date +%s) - START)) -ge $((DURATION / 2)) ]; then
    LIVE_HALF="$(live_heap_mb "$API_PID") $(live_heap_mb "$WORKER_PID")"
  fi
done
LIVE_END="$(live_heap_mb "$API_PID") $(live_heap_mb "$WORKER_PID")"
wait "${LOOPS[@]}" 2>/dev/null || true
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

log "waiting for the worker to finish the uploads still queued"
for _ in $(seq 120); do
  [ "$(sql_value -c "SELECT count(*) FROM uploads WHERE state NOT IN ('DONE', 'FAILED')")" = 0 ] && break; sleep 1
done

# shellcheck source=bench/run-soak-report.sh
source "$ROOT/bench/run-soak-report.sh"
