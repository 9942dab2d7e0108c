# What every benchmark script shares, sourced after it has set BENCH_DB (its database) and BENCH_NAME (the word after
# ./landrelease bench): logging, timing, cleaning up WORK and API_PID on exit, and the server and credentials, those
# of the app's database (ConnectionStrings__LandRelease) unless BENCH_PGHOST/PGPORT/PGUSER/PGPASSWORD say otherwise.

log() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" -v d="${2:-1}" 'BEGIN { printf "%." d "f", b - a }'; } # START [DECIMALS]

WORK=$(mktemp -d)
API_PID=
cleanup() {
  if [ -n "$API_PID" ]; then kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

declare -A CONN=()
IFS=';' read -ra parts <<< "${ConnectionStrings__LandRelease:-}"
for part in "${parts[@]}"; do
  [[ $part == *=* ]] || continue
  key=${part%%=*}; key=${key,,}; CONN[${key// /}]=${part#*=}
done
export PGHOST=${BENCH_PGHOST:-${CONN[host]:-${CONN[server]:-}}}
export PGPORT=${BENCH_PGPORT:-${CONN[port]:-5432}}
export PGUSER=${BENCH_PGUSER:-${CONN[username]:-${CONN[userid]:-${CONN[user]:-}}}}
export PGPASSWORD=${BENCH_PGPASSWORD:-${CONN[password]:-}}
[ -n "$PGHOST" ] && [ -n "$PGUSER" ] || die "set ConnectionStrings__LandRelease (or run ./landrelease bench $BENCH_NAME)"
BENCH_CONN="Host=$PGHOST;Port=$PGPORT;Database=$BENCH_DB;Username=$PGUSER;Password=$PGPASSWORD"

sql() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }
sql_value() { PGOPTIONS="-c client_min_messages=warning" psql -X -qAt -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }
