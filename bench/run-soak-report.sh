# The soak's verdict, sourced by run-soak-bench.sh once the load has stopped: latency and answers per kind, what the
# database holds, the memory series with the flatness criterion, and the exit status (writes $RESULTS).

# Nearest rank over each kind's times, sorted; "unexpected" is any answer other than the kind's expected status.
LATENCY=$(sort -k1,1 -k3,3n "$WORK/requests.log" | awk '
  function rank(p, c,   r) { r = int(p * c); if (r < p * c) r++; return r < 1 ? 1 : r }
  { k = $1; n[k]++; t[k, n[k]] = $3 * 1000; if ($2 == $4) ok[k]++; else if ($2 >= 500 || $2 == 0) bad[k]++; else odd[k]++ }
  END {
    for (k in n) printf "%-17s %7d %7d %9.1f %9.1f %9.1f %5d %10d\n", k, n[k], ok[k], t[k, rank(0.5, n[k])], t[k, rank(0.99, n[k])],
      t[k, n[k]], bad[k] + 0, odd[k] + 0
  }' | sort)
LATENCY=$(printf "%-17s %7s %7s %9s %9s %9s %5s %10s\n%s" kind count ok p50_ms p99_ms max_ms 5xx unexpected "$LATENCY")
FIVE_XX=$(in_5xx)
UNEXPECTED=$(awk '$2 != $4 && $2 < 500 && $2 != 0 { n++ } END { print n + 0 }' "$WORK/requests.log")
STATUSES=$(awk '{ print $2 }' "$WORK/requests.log" | sort | uniq -c | awk '{ printf "%s%s x%s", sep, $2, $1; sep = ", " }')
KINDS="upload area-register activity-record decision-draft decision-submit decision-approve register-read report-read upload-list"
NEVER=$(for k in $KINDS; do awk -v k="$k" '$1 == k && $2 == $4 { n++ } END { if (!n) print k }' "$WORK/requests.log"; done | xargs)
UPLOADS=$(sql_value -c "SELECT string_agg(state || ' ' || n, ', ') FROM (SELECT state, count(*) n FROM uploads GROUP BY state ORDER BY state) s")
APPROVED_ANSWERS=$(awk '$1 == "decision-approve" && $2 == 200 { n++ } END { print n + 0 }' "$WORK/requests.log")
DECISIONS=$(sql_value -c "SELECT string_agg(state || ' ' || n, ', ') FROM (SELECT state, count(*) n FROM release_decisions GROUP BY state ORDER BY state) s")
APPROVED_ROWS=$(sql_value -c "SELECT count(*) FROM release_decisions WHERE state = 'APPROVED'")
CREDITED=$(sql_value -c "SELECT round(sum(area_sqm)) FROM release_decisions WHERE state = 'APPROVED'")

# Flat means: over the second half, the least-squares line through a process's samples rises by at most FLAT_PERCENT of
# its mean (a leak of a few MB a minute shows; the GC's sawtooth of a few MB does not).
FLAT_PERCENT=${BENCH_SOAK_FLAT_PERCENT:-5}
trend() { # COLUMN NAME: one line "NAME: first, at half, last, min-max of the second half, fitted rise; flat|RISING"
  awk -v c="$1" -v name="$2" -v half=$((DURATION / 2)) -v limit="$FLAT_PERCENT" '
    { v = $c + 0; if (NR == 1) first = v; last = v
      if ($1 >= half) { if (!n) mid = v; n++; sx += $1; sy += v; sxx += $1 * $1; sxy += $1 * v; t0 = n == 1 ? $1 : t0; t1 = $1
        lo = n == 1 || v < lo ? v : lo; hi = n == 1 || v > hi ? v : hi } }
    END {
      if (n < 3) { printf "%s: too few samples in the second half to judge\n", name; exit }
      slope = (n * sxy - sx * sy) / (n * sxx - sx * sx); rise = slope * (t1 - t0); pct = 100 * rise / (sy / n)
      printf "%s: %d MB at start, %d at half, %d at end; second half %d-%d MB, fitted rise %+.1f MB (%+.1f%%) over %d s: %s\n",
        name, first, mid, last, lo, hi, rise, pct, t1 - t0, (pct <= limit ? "flat" : "RISING")
    }' "$WORK/samples.log"
}
MEMORY=$(trend 2 "API RSS"; trend 3 "API anonymous"; trend 4 "API code"; trend 5 "worker RSS"; trend 6 "worker anonymous"; trend 7 "worker code")
CONNECTIONS=$(awk -v half=$((DURATION / 2)) '{ v = $8 + 0; if (NR == 1 || v < lo) lo = v; if (v > hi) hi = v
  if ($1 >= half) { if (!m || v > hi2) hi2 = v; m = 1 } } END { printf "database connections %d-%d over the run, at most %d in the second half", lo, hi, hi2 }' "$WORK/samples.log")

# The runtime's own view (dotnet-counters): the GC heap after the last collection and the memory the GC has committed,
# which tell a leak (live heap rising) from a heap sized by the GC (committed rising while live stays flat).
gc_series() { # FILE NAME
  [ -s "$1" ] || { echo "$2: no counters (see the counters log)"; return; }
  awk -F, -v name="$2" '
    function mb(x) { return sprintf("%.0f", x / 1048576) }
    $3 ~ /^dotnet\.gc\.last_collection\.heap\.size/ { heap[$1] += $5; if (!(($1) in seen)) { seen[$1] = 1; order[++n] = $1 } }
    $3 ~ /^dotnet\.gc\.last_collection\.memory\.committed_size/ { committed[$1] = $5 }
    $3 ~ /^dotnet\.jit\.compiled_methods/ { jit[$1] = $5 }
    END {
      if (!n) { printf "%s: no GC samples\n", name; exit }
      printf "%s GC heap after the last collection / GC committed, MB (methods compiled by the JIT since the sample before):", name
      for (i = 1; i <= n; i++) printf " %s/%s (%d)", mb(heap[order[i]]), mb(committed[order[i]]), jit[order[i]]
      printf "\n"
    }' "$1"
}
# dotnet-counters ends when its process does: the nodes are stopped first (the database answers the rest).
kill "$API_PID" "$WORKER_PID" 2>/dev/null || true
wait "$API_PID" "$WORKER_PID" 2>/dev/null || true
API_PID=
for _ in $(seq 30); do kill -0 "${COUNTERS[@]}" 2>/dev/null || break; sleep 1; done
GC=$(gc_series "$WORK/api-counters.csv" API; gc_series "$WORK/worker-counters.csv" worker)

# Live managed heap at half time and at the end (MB, after a forced full collection): a leak if it grew by more than
# FLAT_PERCENT% and 2 MB.
read -r API_LIVE_HALF WORKER_LIVE_HALF <<<"${LIVE_HALF:-- -}"
read -r API_LIVE_END WORKER_LIVE_END <<<"${LIVE_END:-- -}"
live_line() { # NAME HALF END
  awk -v n="$1" -v h="$2" -v e="$3" -v limit="$FLAT_PERCENT" 'BEGIN {
    if (h == "-" || e == "-" || h == "" || e == "") { printf "%s live heap: not measured (dotnet-gcdump)\n", n; exit }
    grow = e - h; printf "%s live heap (after a full collection): %.1f MB at half, %.1f MB at the end: %s\n", n, h, e,
      (grow <= 2 || grow <= h * limit / 100) ? "flat" : "GROWING" }'
}
LIVE=$(live_line API "$API_LIVE_HALF" "$API_LIVE_END"; live_line worker "$WORKER_LIVE_HALF" "$WORKER_LIVE_END")

mkdir -p "$(dirname "$RESULTS")"
cat >"$RESULTS" <<OUT
soak: API + worker processes under mixed load for $DURATION s ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, load before: $LOAD_BEFORE, after: $LOAD_AFTER)
memory settings of both processes: ${GC_ENV[*]:-runtime defaults}
loops: 1 uploading (10 areas a file, merged by the worker); 1 operator registering an area, recording its completed clearance, drafting and submitting the decision, with the national authority approving it; 2 reading register and reports
$SAMPLES
$(cat "$WORK/samples.log")

$LATENCY

statuses: $STATUSES
uploads: $UPLOADS
decisions: $DECISIONS ($APPROVED_ANSWERS approvals answered 200, $APPROVED_ROWS approved in the database, crediting $CREDITED m²)
memory (flat: fitted rise over the second half at most $FLAT_PERCENT% of the mean):
$MEMORY
$LIVE
$GC
$CONNECTIONS
5xx: $FIVE_XX, unexpected answers: $UNEXPECTED${NEVER:+, kinds that never succeeded: $NEVER}
OUT
cat "$RESULTS"
for f in "$WORK"/unexpected.*; do [ -e "$f" ] && { log "last unexpected answer of ${f##*.}:"; head -c 600 "$f" >&2; echo >&2; }; done
[ "$FIVE_XX" -eq 0 ] || die "$FIVE_XX answers were 5xx or no answer"
[ "$UNEXPECTED" -eq 0 ] || die "$UNEXPECTED answers were not the status their kind expects"
[ -z "$NEVER" ] || die "these kinds never succeeded: $NEVER"
[ "$APPROVED_ANSWERS" -eq "$APPROVED_ROWS" ] || die "$APPROVED_ANSWERS approvals answered 200 but the database holds $APPROVED_ROWS approved decisions"
! grep -q GROWING <<<"$LIVE" || die "the live managed heap grew over the second half: a leak (criterion: $FLAT_PERCENT% and 2 MB)"
if grep -q "RSS.*RISING" <<<"$MEMORY"; then
  ! grep -q "not measured" <<<"$LIVE" || die "memory still rising over the second half (criterion: $FLAT_PERCENT%), live heap not measured"
  log "RSS rose over the second half while the live heap stayed flat: memory the GC keeps between full collections (see README)"
fi
! grep -q FAILED <<<"$UPLOADS" || die "uploads failed: $UPLOADS"
