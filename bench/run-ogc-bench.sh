#!/usr/bin/env bash
# OGC API - Features reads beside pg_featureserv, the open peer, on the same generated register in the same run:
# one feature by id, a bbox page of 100, a page of 1,000 (wrk -t2 -c16 each). Usually run as ./landrelease bench ogc.
# PG_FEATURESERV: path of a pg_featureserv binary (built outside the project, see the README); without it the peer
# is skipped, said so. Settings: BENCH_AREAS (100000), BENCH_SECONDS (15), BENCH_WARMUP_SECONDS (10 per read),
# BENCH_BBOX_TARGET (150), BENCH_DB (landrelease_bench_ogc, recreated), BENCH_PORT (5091), BENCH_PEER_PORT (9091),
# BENCH_PGHOST/PGPORT/PGUSER/PGPASSWORD (else from ConnectionStrings__LandRelease).
# Vector tiles: on the 1M-decision database (BENCH_LARGE_DB, default landrelease_reports_bench, made by
# ./landrelease bench reports; only read, never migrated or written: its schema must be current), a second API on
# BENCH_LARGE_PORT (5092) serves tiles over Cambodia at zooms 8, 10, 12 and 14, BENCH_TILE_PASSES (3) times each after
# one unmeasured pass; BENCH_LARGE=no skips it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AREAS=${BENCH_AREAS:-100000}
DURATION=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP_SECONDS:-10}
API=http://127.0.0.1:${BENCH_PORT:-5091}
PEER=http://127.0.0.1:${BENCH_PEER_PORT:-9091}
LARGE_API=http://127.0.0.1:${BENCH_LARGE_PORT:-5092}
BENCH_DB=${BENCH_DB:-landrelease_bench_ogc}
LARGE_DB=${BENCH_LARGE_DB:-landrelease_reports_bench}
BENCH_NAME=ogc
RESULTS=$ROOT/bench/results/ogc-reads.txt
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
PEER_PID= LARGE_PID=
trap 'kill ${PEER_PID:-} ${LARGE_PID:-} 2>/dev/null || true; cleanup' EXIT

command -v wrk >/dev/null || die "wrk is not installed (./landrelease bench installs it)"
for url in "$API" "$PEER" "$LARGE_API"; do
  curl -s -o /dev/null "$url" && die "something already listens on ${url##*:} (set BENCH_PORT, BENCH_PEER_PORT, BENCH_LARGE_PORT)"
done
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

if [ -n "$PEER_BIN" ]; then
  # The register has two geometry columns (the outline and the land still to release) and pg_featureserv publishes a
  # table by one it picks itself: on some starts the unindexed remaining land, 2 bbox pages a second. The peer serves
  # the same rows with the outline alone (same ids, same GiST index), narrower than ours.
  log "the peer's table: the register's rows with the outline as its one geometry"
  sql <<'SQL'
DO $$
BEGIN
  EXECUTE format('CREATE TABLE bench.hazard_areas_peer AS SELECT %s FROM hazard_areas',
    (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
     WHERE attrelid = 'hazard_areas'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'remaining_geometry'));
END $$;
ALTER TABLE bench.hazard_areas_peer ADD PRIMARY KEY (id);
CREATE INDEX ON bench.hazard_areas_peer USING gist (geometry);
ANALYZE bench.hazard_areas_peer;
SQL
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
  wait_for "$PEER/collections" "pg_featureserv"
fi

# The same reads for both: random ids, the register benchmark's bboxes, the first 1,000 areas.
sql_value -c "SELECT id FROM hazard_areas ORDER BY random() LIMIT 10000" >"$WORK/ids"
sql_value -c "SELECT format('%s,%s,%s,%s', min_lon, min_lat, max_lon, max_lat) FROM bench.bboxes" >"$WORK/bboxes"
sed 's|^|/ogc/collections/hazard-areas/items/|' "$WORK/ids" >"$WORK/ours.byid"
sed 's|^\(.*\)$|/ogc/collections/hazard-areas/items?bbox=\1\&limit=100|' "$WORK/bboxes" >"$WORK/ours.bbox"
echo "/ogc/collections/hazard-areas/items?limit=1000" >"$WORK/ours.page"
echo "/ogc/conformance" >"$WORK/ours.floor"
echo "/conformance.json" >"$WORK/peer.floor"
sed 's|^\(.*\)$|/collections/bench.hazard_areas_peer/items/\1.json|' "$WORK/ids" >"$WORK/peer.byid"
sed 's|^\(.*\)$|/collections/bench.hazard_areas_peer/items.json?bbox=\1\&limit=100|' "$WORK/bboxes" >"$WORK/peer.bbox"
echo "/collections/bench.hazard_areas_peer/items.json?limit=1000" >"$WORK/peer.page"

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

# CPU ticks of a server and of every PostgreSQL backend serving the benchmark's database (only the server measured
# is busy): CPU per request holds up when other work shares the machine, where req/s does not.
ticks() { # pid backend-pid...: one "pid ticks" line for each process still there
  for pid in "$@"; do awk -v p="$pid" '{ print p, $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true; done
}
declare -A RPS=() P50=() LOAD=() CPU=()
measure() { # name base paths-file server-pid
  BENCH_PATHS=$3 wrk -t2 -c16 -d"${WARMUP}s" -s "$ROOT/bench/random-path.lua" "$2" >/dev/null
  log "$1: ${DURATION}s (wrk -t2 -c16)"
  local before backends; mapfile -t backends < <(pgrep -f "^postgres: [^ ]+ $BENCH_DB ")
  before=$(ticks "$4" "${backends[@]}")
  BENCH_PATHS=$3 wrk -t2 -c16 -d"${DURATION}s" --latency -s "$ROOT/bench/random-path.lua" "$2" >"$WORK/$1.wrk"
  local line; line=$(grep '^RESULT' "$WORK/$1.wrk")
  # Only processes there before and after count (a backend that closed meanwhile is left out, understating a little).
  CPU[$1]=$(ticks "$4" "${backends[@]}" | awk -v before="$before" -v hz="$(getconf CLK_TCK)" -v l="$line" '
    BEGIN { n = split(before, b, "\n"); for (i = 1; i <= n; i++) { split(b[i], f, " "); was[f[1]] = f[2] } }
    $1 in was { t += $2 - was[$1] }
    END { n = split(l, kv, /[ =]/); for (i = 2; i < n; i += 2) r[kv[i]] = kv[i + 1]; printf "%.0f", t / hz * 1e6 / r["requests"] }')
  [[ $line == *" non2xx=0 "* ]] || die "$1: some responses were not 2xx: $line"
  [[ $line != *" requests=0 "* ]] || die "$1: no response within wrk's 2 s timeout: $line"
  RPS[$1]=$(awk -v l="$line" 'BEGIN { n = split(l, kv, /[ =]/); for (i = 2; i < n; i += 2) r[kv[i]] = kv[i + 1]; printf "%.0f", r["requests"] / (r["duration_us"] / 1e6) }')
  P50[$1]=$(awk -v l="$line" 'BEGIN { n = split(l, kv, /[ =]/); for (i = 2; i < n; i += 2) r[kv[i]] = kv[i + 1]; printf "%.1f", r["p50_us"] / 1000 }')
  LOAD[$1]=$(cut -d' ' -f1 /proc/loadavg)
}
# The floor: an authenticated read with no database behind it (the conformance classes), what each pipeline costs alone.
for read in floor byid bbox page; do
  measure "ours.$read" "$API" "$WORK/ours.$read" "$API_PID"
  [ -z "$PEER_BIN" ] || measure "peer.$read" "$PEER" "$WORK/peer.$read" "$PEER_PID"
done

# Vector tiles over Cambodia from the 1M-decision database, served by a second API that neither migrates nor writes it.
tiles() {
  local started tokens p50
  log "tiles: serving $LARGE_DB (not migrated) on $LARGE_API"
  (cd "$API_DIR" && exec env "${API_ENV[@]}" Database__MigrateOnStartup=false \
    ConnectionStrings__LandRelease="$(sed "s/Database=$BENCH_DB;/Database=$LARGE_DB;/" <<<"${BENCH_DB_ENV[0]#*=}")" ConnectionStrings__LandReleaseOwner= \
    dotnet LandRelease.Api.dll --urls "$LARGE_API") >"$WORK/large.log" 2>&1 &
  LARGE_PID=$!
  wait_for "$LARGE_API/health" "the API on $LARGE_DB"
  # Four spots (Phnom Penh, Battambang, Kampot, Ratanakiri's edge) at each zoom, for both collections.
  : >"$WORK/tiles"
  for spot in "104.9 12.5" "103.2 13.1" "104.2 10.7" "106.9 13.7"; do
    for z in 8 10 12 14; do
      python3 -c "import math, sys; lon, lat, z = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]); n = 2 ** z
print(z, int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n), int((lon + 180) / 360 * n))" $spot $z
    done
  done | while read -r z y x; do
    for c in released-land hazard-areas; do echo "$z /ogc/collections/$c/tiles/WebMercatorQuad/$z/$y/$x"; done
  done >"$WORK/tiles"
  for pass in $(seq 0 "${BENCH_TILE_PASSES:-3}"); do
    while read -r z path; do
      curl -sf -o "$WORK/tile.mvt" -w "$pass $z %{time_total} %{size_download}\n" -H "Authorization: Bearer $BENCH_TOKEN" "$LARGE_API$path" \
        || die "tile $path failed"
    done <"$WORK/tiles" >>"$WORK/tile-times"
  done
  kill "$LARGE_PID" 2>/dev/null || true; wait "$LARGE_PID" 2>/dev/null || true; LARGE_PID=
  # Pass 0 warmed the caches; the rest are measured.
  awk -v db="$LARGE_DB" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
    $1 > 0 { t[$2] = t[$2] " " $3 * 1000; all = all " " $3 * 1000; kb[$2] += $4 / 1024; n[$2]++ }
    function p50(list,   v, k, i, j, x) { k = split(list, v, " "); for (i = 2; i <= k; i++) { x = v[i]; for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
      return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2 }
    END {
      printf "\nvector tiles on %s (released-land and hazard-areas over Cambodia, one at a time), load %s\n", db, load
      for (z = 8; z <= 14; z += 2) printf "zoom %-2d  p50 %7.1f ms  mean size %6.0f KB  (%d tiles)\n", z, p50(t[z]), kb[z] / n[z], n[z]
      printf "all      p50 %7.1f ms  (target: under 50 ms)\n", p50(all)
    }' "$WORK/tile-times" >"$WORK/tiles.txt"
}
if [ "${BENCH_LARGE:-auto}" != no ] && [ "$(psql -X -qAt -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$LARGE_DB'")" = 1 ]; then
  [ -z "$PEER_PID" ] || { kill "$PEER_PID" 2>/dev/null || true; wait "$PEER_PID" 2>/dev/null || true; PEER_PID=; }
  tiles
else
  log "tiles skipped (BENCH_LARGE=no, or no $LARGE_DB: ./landrelease bench reports builds it)"
fi

row() { # label read
  if [ -n "$PEER_BIN" ]; then
    printf '%-16s %7s %7s %8s %7s %7s %8s %6s %6s %11s\n' "$1" "${RPS[ours.$2]}" "${P50[ours.$2]}" "${CPU[ours.$2]}" \
      "${RPS[peer.$2]}" "${P50[peer.$2]}" "${CPU[peer.$2]}" \
      "$(awk -v a="${RPS[ours.$2]}" -v b="${RPS[peer.$2]}" 'BEGIN { printf "%.2fx", a / b }')" \
      "$(awk -v a="${CPU[ours.$2]}" -v b="${CPU[peer.$2]}" 'BEGIN { printf "%.2fx", b / a }')" "${LOAD[ours.$2]}/${LOAD[peer.$2]}"
  else
    printf '%-16s %7s %7s %8s %7s %7s %8s %6s %6s %11s\n' "$1" "${RPS[ours.$2]}" "${P50[ours.$2]}" "${CPU[ours.$2]}" - - - - - "${LOAD[ours.$2]}"
  fi
}
summary=$(cat <<SUMMARY
OGC API - Features reads, LandRelease beside pg_featureserv
date:     $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD)
machine:  $(nproc) cores; wrk, both servers and PostgreSQL share them
dataset:  $AREAS areas (the register benchmark's), bboxes of ~150 areas, ids at random
peer:     $(if [ -n "$PEER_BIN" ]; then "$PEER_BIN" --version 2>&1 | head -1 || true; else echo "not run (set PG_FEATURESERV)"; fi)

CPU µs: the server's and its PostgreSQL backends' CPU time per request; "by CPU" is the peer's over ours, the
ratio the cores would allow were nothing else running. Load: the 1-minute load average after each read.

                 LandRelease              pg_featureserv             ratio
read               req/s  p50 ms   CPU µs   req/s  p50 ms   CPU µs  req/s by CPU load (ours/peer)
$(row "conformance" floor)
$(row "one by id" byid)
$(row "bbox page (100)" bbox)
$(row "page of 1,000" page)
$(cat "$WORK/tiles.txt" 2>/dev/null)
SUMMARY
)
mkdir -p "$(dirname "$RESULTS")"
printf '%s\n' "$summary" | tee "$RESULTS"
