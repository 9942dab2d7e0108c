# What every benchmark script shares, sourced after it has set BENCH_DB (its database) and BENCH_NAME (the word after
# ./landrelease bench): logging, timing, cleaning up WORK and API_PID on exit, and the server and credentials, those
# of the app's database (ConnectionStrings__LandReleaseOwner and __LandRelease) unless BENCH_PGHOST/PGPORT/PGUSER/PGPASSWORD
# say otherwise.

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

# psql and the migrations run as the owner (ConnectionStrings__LandReleaseOwner, else the one role there is); the API
# serves as the application role of ConnectionStrings__LandRelease, as it would in production.
parse_connection() { # CONNECTION_STRING: fills CONN
  CONN=()
  local part key
  IFS=';' read -ra parts <<< "$1"
  for part in "${parts[@]}"; do
    [[ $part == *=* ]] || continue
    key=${part%%=*}; key=${key,,}; CONN[${key// /}]=${part#*=}
  done
}
declare -A CONN=()
parse_connection "${ConnectionStrings__LandRelease:-}"
APP_USER=${CONN[username]:-${CONN[userid]:-${CONN[user]:-}}}
APP_PASSWORD=${CONN[password]:-}
parse_connection "${ConnectionStrings__LandReleaseOwner:-${ConnectionStrings__LandRelease:-}}"
export PGHOST=${BENCH_PGHOST:-${CONN[host]:-${CONN[server]:-}}}
export PGPORT=${BENCH_PGPORT:-${CONN[port]:-5432}}
export PGUSER=${BENCH_PGUSER:-${CONN[username]:-${CONN[userid]:-${CONN[user]:-}}}}
export PGPASSWORD=${BENCH_PGPASSWORD:-${CONN[password]:-}}
[ -n "$PGHOST" ] && [ -n "$PGUSER" ] || die "set ConnectionStrings__LandRelease (or run ./landrelease bench $BENCH_NAME)"
BENCH_CONN="Host=$PGHOST;Port=$PGPORT;Database=$BENCH_DB;Username=$PGUSER;Password=$PGPASSWORD"
# The API's connection strings, for env: one role when no separate application role is configured.
if [ -n "$APP_USER" ] && [ "$APP_USER" != "$PGUSER" ]; then
  BENCH_DB_ENV=(ConnectionStrings__LandRelease="Host=$PGHOST;Port=$PGPORT;Database=$BENCH_DB;Username=$APP_USER;Password=$APP_PASSWORD"
    ConnectionStrings__LandReleaseOwner="$BENCH_CONN")
else
  BENCH_DB_ENV=(ConnectionStrings__LandRelease="$BENCH_CONN")
fi

sql() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }
sql_value() { PGOPTIONS="-c client_min_messages=warning" psql -X -qAt -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }
