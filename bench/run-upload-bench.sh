#!/usr/bin/env bash
# Upload benchmark: a generated file of BENCH_FEATURES (100000) hazardous areas, as GeoJSON and as GeoPackage, sent
# through POST /api/uploads and followed to DONE (streamed, checked, staged by binary COPY, merged into the register
# with version and audit rows); then GDAL's ogr2ogr loading the same files into plain PostGIS tables (the tool an
# officer would use instead), and a raw binary COPY of the same polygons into a bare table, the ceiling. Prints
# features/second for each, the upload's ratio to ogr2ogr and to COPY, and the API's peak memory. Usually run as ./landrelease bench uploads.
# Then BENCH_ACTIVITIES (20000) completed clearances, with devices and a cleared outcome each, on areas the register
# holds (kind=activities), and the same file again.
# Settings: BENCH_FEATURES, BENCH_ACTIVITIES, BENCH_DB and BENCH_PORT (two benchmarks at once on one machine), BENCH_PGHOST/PGPORT/PGUSER/PGPASSWORD (else from ConnectionStrings__LandRelease).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FEATURES=${BENCH_FEATURES:-100000}
ACTIVITIES=${BENCH_ACTIVITIES:-20000}
PORT=${BENCH_PORT:-5091}
API=http://127.0.0.1:$PORT
BENCH_DB=${BENCH_DB:-landrelease_upload_bench}
RESULTS=$ROOT/bench/results/uploads.txt
BENCH_NAME=uploads
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

curl -s -o /dev/null "$API/health" && die "something already listens on port $PORT"

log "building the API (Release)"
dotnet build "$ROOT/src/LandRelease.Api" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; die "build failed"; }
API_DIR=$ROOT/src/LandRelease.Api/bin/Release/net10.0

log "generating $FEATURES areas as GeoJSON and as GeoPackage"
started=$(now)
dotnet run "$ROOT/samples/uploads/generate-100k.cs" -- --count "$FEATURES" --out "$WORK" >"$WORK/generate.log" 2>&1 \
  || { cat "$WORK/generate.log"; die "generator failed"; }
GEOJSON=$(ls "$WORK"/*.geojson | head -1)
GPKG=$(ls "$WORK"/*.gpkg | head -1)
log "generated in $(since "$started" 2) s: $(du -h "$GEOJSON" | cut -f1) GeoJSON, $(du -h "$GPKG" | cut -f1) GeoPackage"

log "recreating database $BENCH_DB"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $BENCH_DB"

API_ENV=("${BENCH_DB_ENV[@]}" Database__MigrateOnStartup=true Hangfire__Server__Enabled=true
  ASPNETCORE_ENVIRONMENT=Benchmark Logging__LogLevel__Default=Warning Logging__LogLevel__LandRelease.Api.Uploads=Information Samples__LoadFrom="$ROOT/samples"
  Auth__DevelopmentSigningKey="$(head -c 32 /dev/urandom | base64)")
TOKEN=$(cd "$API_DIR" && env "${API_ENV[@]}" timeout 60 dotnet LandRelease.Api.dll token \
  --role national-authority --country KHM --name bench --hours 4) || die "could not mint a token"
AUTH=(-H "Authorization: Bearer $TOKEN")

log "starting the API on $API"
(cd "$API_DIR" && exec env "${API_ENV[@]}" dotnet LandRelease.Api.dll --urls "$API") >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq "${BENCH_START_SECONDS:-120}"); do # longer on a loaded machine
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health")" = 200 ] && break
  kill -0 "$API_PID" 2>/dev/null || { cat "$WORK/api.log"; die "the API exited"; }
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health")" = 200 ] || { cat "$WORK/api.log"; die "the API is not healthy"; }
rss_mib() { awk -v k="$1" '$1 == k ":" { printf "%.0f", $2 / 1024 }' "/proc/$API_PID/status"; }

# Warm the JIT on a small upload first, so the measured runs time the steady state.
head_json() { python3 -c '
import json, sys
d = json.load(open(sys.argv[1])); d["features"] = d["features"][:int(sys.argv[2])]
for f in d["features"]: f["properties"]["localId"] = "WARM-" + f["properties"]["localId"]
json.dump(d, sys.stdout)' "$GEOJSON" "$1"; }
WARM=3000
head_json "$WARM" >"$WORK/warm.geojson"

upload() { # file content-type [kind] -> prints "seconds accepted rejected"
  local started id state body
  started=$(now)
  body=$(curl -sS -f "${AUTH[@]}" -H "Content-Type: $2" -H "Expect: 100-continue" --data-binary "@$1" \
    "$API/api/uploads?country=KHM&organisation=HALO-KHM&kind=${3:-hazard-areas}") || die "upload of $1 refused"
  id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$body")
  while :; do
    body=$(curl -sS -f "${AUTH[@]}" "$API/api/uploads/$id?limit=1")
    state=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["state"])' "$body")
    [ "$state" = DONE ] && break
    [ "$state" = FAILED ] && die "upload $id failed: $body"
    sleep 0.1
  done
  python3 -c 'import json,sys; b = json.loads(sys.argv[2]); print(sys.argv[1], b["accepted"], b["rejected"])' "$(since "$started" 2)" "$body" \
    | tee >(awk '{ printf "\033[1m[bench]\033[0m %s s, %s accepted, %s rejected\n", $1, $2, $3 }' >&2)
}

log "warming up: an upload of $WARM features"
upload "$WORK/warm.geojson" application/geo+json >/dev/null
RSS_BEFORE=$(rss_mib VmRSS)
VERSIONS_BEFORE=$(sql_value -c "SELECT count(*) FROM hazard_area_versions")

log "uploading $FEATURES features as GeoJSON"
read -r GEOJSON_S GEOJSON_OK GEOJSON_BAD < <(upload "$GEOJSON" application/geo+json)
RSS_GEOJSON=$(rss_mib VmHWM)
log "uploading the same GeoJSON again: $FEATURES features that change nothing"
read -r SAME_S SAME_OK SAME_BAD < <(upload "$GEOJSON" application/geo+json)
# Every area renamed: each feature of this file is a revision (a new version, an audit row).
sed 's/"name":"Generated /"name":"Resurveyed /g' "$GEOJSON" >"$WORK/revised.geojson"
log "uploading a revised GeoJSON: $FEATURES revisions of existing areas"
read -r REVISE_S REVISE_OK REVISE_BAD < <(upload "$WORK/revised.geojson" application/geo+json)
AREAS=$(sql_value -c "SELECT count(*) FROM hazard_areas")
VERSIONS=$(sql_value -c "SELECT count(*) FROM hazard_area_versions")

# The GeoPackage holds the same polygons and local ids: empty the register so it is timed creating them too.
sql_value -c "TRUNCATE hazard_areas, hazard_area_versions, hazard_area_traverses, upload_features, upload_staged_areas CASCADE" >/dev/null
log "uploading $FEATURES features as GeoPackage (into the emptied register)"
read -r GPKG_S GPKG_OK GPKG_BAD < <(upload "$GPKG" application/geopackage+sqlite3)
RSS_PEAK=$(rss_mib VmHWM)
[ "$GEOJSON_BAD" = 0 ] && [ "$GPKG_BAD" = 0 ] && [ "$SAME_BAD" = 0 ] && [ "$REVISE_BAD" = 0 ] \
  || die "some generated features were rejected ($GEOJSON_BAD, $SAME_BAD, $REVISE_BAD, $GPKG_BAD)"
[ "$VERSIONS" = $((VERSIONS_BEFORE + 2 * FEATURES)) ] || die "expected $((VERSIONS_BEFORE + 2 * FEATURES)) versions, found $VERSIONS"

# Completed clearances on areas the register holds: the land worked and cleared lies a metre inside its area (as a team's
# polygon would), with the reference point 100 m east of the area's centre and two device counts.
log "generating $ACTIVITIES completed clearances on existing areas"
[ "$(sql_value -c "SELECT count(*) FROM hazard_areas")" -ge "$ACTIVITIES" ] || die "fewer than $ACTIVITIES areas to work on"
sql_value -o "$WORK/activities.geojson" -c "
  SELECT json_build_object('type', 'FeatureCollection', 'features', json_agg(json_build_object(
    'type', 'Feature', 'geometry', ST_AsGeoJSON(w.worked, 8)::json,
    'properties', json_build_object('localId', 'CLR-' || w.local_id, 'hazardAreaLocalId', w.local_id, 'type', 'CLEARANCE',
      'organisation', 'HALO-KHM', 'method', 'Manual clearance to 13 cm', 'startDate', '2024-01-10', 'endDate', '2024-03-20',
      'status', 'COMPLETED', 'referencePoint', ST_AsGeoJSON(ST_Translate(ST_Centroid(w.worked), 0.0009, 0), 7)::json,
      'devices', json_build_array(json_build_object('type', 'AP_MINE', 'found', w.n % 7, 'destroyed', w.n % 7),
                                  json_build_object('type', 'OTHER_ERW', 'found', w.n % 3, 'destroyed', w.n % 3)),
      'proposedOutcomes', json_build_array(json_build_object('kind', 'CLEARED', 'geometry', ST_AsGeoJSON(w.worked, 8)::json)),
      'notes', 'Completion report ' || w.n))))
  FROM (SELECT local_id, row_number() OVER (ORDER BY local_id) AS n, ST_Buffer(geometry, -0.00001, 'join=mitre') AS worked
        FROM hazard_areas ORDER BY local_id LIMIT $ACTIVITIES) w"
log "uploading $ACTIVITIES activities (kind=activities)"
read -r ACT_S ACT_OK ACT_BAD < <(upload "$WORK/activities.geojson" application/geo+json activities)
log "uploading the same activities again: $ACTIVITIES that change nothing"
read -r ACT_SAME_S ACT_SAME_OK ACT_SAME_BAD < <(upload "$WORK/activities.geojson" application/geo+json activities)
[ "$ACT_BAD" = 0 ] && [ "$ACT_SAME_BAD" = 0 ] || die "some activities were rejected ($ACT_BAD, $ACT_SAME_BAD)"
ACT_ROWS=$(sql_value -c "SELECT count(*) || ' activities, ' || (SELECT count(*) FROM activity_devices) || ' device rows, '
  || (SELECT count(*) FROM activity_outcomes) || ' outcomes, ' || (SELECT count(*) FROM activity_versions) || ' versions, '
  || (SELECT count(*) FROM hazard_areas WHERE status = 'WORKED_ON') || ' areas WORKED_ON in the register (not only those this file moved)' FROM activities")

log "raw binary COPY of the same polygons (read into memory first, then one COPY into a bare table)"
dotnet run "$ROOT/bench/raw-copy.cs" -- "$GEOJSON" "$BENCH_CONN" >"$WORK/raw.txt" 2>"$WORK/raw.log" \
  || { cat "$WORK/raw.log"; die "raw copy failed"; }
{ read -r RAW_N RAW_S RAW_RATE; read -r _ SHAPED_S SHAPED_RATE; } <"$WORK/raw.txt"

# What a national database officer would use instead: GDAL's ogr2ogr loading the same file into a plain PostGIS table
# of the same database (COPY mode, its spatial index), no checks, versions or audit.
ogr_load() { # file table -> prints seconds
  local started
  started=$(now)
  PG_USE_COPY=YES ogr2ogr -f PostgreSQL "PG:host=$PGHOST port=$PGPORT dbname=$BENCH_DB user=$PGUSER password=$PGPASSWORD" "$1" \
    -nln "$2" -overwrite -nlt MULTIPOLYGON -lco GEOMETRY_NAME=geometry -lco FID=ogc_fid >"$WORK/ogr.log" 2>&1 \
    || { cat "$WORK/ogr.log"; die "ogr2ogr failed on $1"; }
  since "$started" 2
}
log "ogr2ogr of the same GeoJSON and GeoPackage into plain PostGIS tables"
OGR_JSON_S=$(ogr_load "$GEOJSON" ogr_bench_geojson)
OGR_GPKG_S=$(ogr_load "$GPKG" ogr_bench_gpkg)
[ "$(sql_value -c 'SELECT count(*) FROM ogr_bench_geojson')" = "$FEATURES" ] || die "ogr2ogr did not load every feature"

rate() { awk -v n="$FEATURES" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
of_ogr() { awk -v a="$(rate "$1")" -v b="$(rate "$2")" 'BEGIN { printf "%.2f", a / b }'; }
ratio() { awk -v a="$(rate "$1")" -v b="$RAW_RATE" 'BEGIN { printf "%.2f", a / b }'; }
shaped_ratio() { awk -v a="$(rate "$1")" -v b="$SHAPED_RATE" 'BEGIN { printf "%.2f", a / b }'; }
row() { printf '%-17s%10s %9s %13s %11s' "$1" "$(rate "$2")" "$2" "$(ratio "$2")" "$(shaped_ratio "$2")"; }
summary=$(cat <<EOF_SUMMARY
LandRelease batch upload
date:     $(date -u '+%Y-%m-%d %H:%M UTC')
commit:   $(git -C "$ROOT" rev-parse --short HEAD)$([ -z "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ] || echo " plus uncommitted changes")
machine:  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
server:   PostgreSQL $(sql_value -c 'SHOW server_version' | cut -d' ' -f1), PostGIS $(sql_value -c 'SELECT postgis_lib_version()')
files:    $FEATURES polygons; GeoJSON $(du -h "$GEOJSON" | cut -f1), GeoPackage $(du -h "$GPKG" | cut -f1)
path:     POST /api/uploads (raw body) until GET says DONE: stream, CRS, checks, binary COPY to staging, merge
          into hazard_areas + hazard_area_versions + audit_log + upload_features, one transaction each
register: $AREAS areas and $VERSIONS versions after the GeoJSON upload, the same file again and a revised one

                 features/s   seconds   of raw COPY   of shaped
$(row "GeoJSON upload" "$GEOJSON_S")
$(row "GeoPackage upload" "$GPKG_S")
$(row "GeoJSON revising" "$REVISE_S")
$(row "GeoJSON unchanged" "$SAME_S")   (the first file again: nothing written but the report)
raw binary COPY  $(printf '%10s %9s %13s %11s' "$RAW_RATE" "$RAW_S" "1.00" "")   (into a bare table: id, geometry)
ogr2ogr GeoJSON  $(printf '%10s %9s' "$(rate "$OGR_JSON_S")" "$OGR_JSON_S")   ($(ogr2ogr --version | cut -d, -f1), PG_USE_COPY, into a plain table)
ogr2ogr GPKG     $(printf '%10s %9s' "$(rate "$OGR_GPKG_S")" "$OGR_GPKG_S")
upload / ogr2ogr: GeoJSON $(of_ogr "$GEOJSON_S" "$OGR_JSON_S"), GeoPackage $(of_ogr "$GPKG_S" "$OGR_GPKG_S")   (target 0.50)
raw COPY, shaped $(printf '%10s %9s %13s %11s' "$SHAPED_RATE" "$SHAPED_S" "$(awk -v a="$SHAPED_RATE" -v b="$RAW_RATE" 'BEGIN { printf "%.2f", a / b }')" "1.00")   (into a copy of hazard_areas: its geodesic-area trigger, checks, indexes)

Activity upload (kind=activities): $ACTIVITIES completed clearances with two device counts and a cleared outcome each,
on existing OPEN areas (each moves to WORKED_ON: a new area version and audit row), one file
                 activities/s   seconds
$(printf '%-17s%12s %9s' "new activities" "$(awk -v n="$ACTIVITIES" -v s="$ACT_S" 'BEGIN { printf "%.0f", n / s }')" "$ACT_S")   (target: 2,000/s)
$(printf '%-17s%12s %9s' "sent again" "$(awk -v n="$ACTIVITIES" -v s="$ACT_SAME_S" 'BEGIN { printf "%.0f", n / s }')" "$ACT_SAME_S")   (every one UNCHANGED)
stored:   $ACT_ROWS

API memory: $RSS_BEFORE MiB resident before the uploads; peak resident $RSS_GEOJSON MiB after the GeoJSON upload, $RSS_PEAK MiB after both
EOF_SUMMARY
)
mkdir -p "$(dirname "$RESULTS")"
printf '%s\n' "$summary" | tee "$RESULTS"
# Where each upload's time went, as the API logged it: reading and staging, the merge's statements summed over its
# parts, the activity steps (checks of one part overlap the write of the one before, so they add up to more).
{ echo; echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"; echo "Steps, in upload order (GeoJSON, again, revised, GeoPackage, activities, activities again):"
  grep -h 'Upload .*\(staged in\|merged in\|steps\)' "$WORK/api.log" | sed 's/^ *//'; } | tee -a "$RESULTS" >&2 || true
log "written to ${RESULTS#"$ROOT"/}"
