#!/usr/bin/env bash
# FerretDB v1 (MongoDB wire protocol) for the local stack:  ferretdb.sh up|down|status|reset
#
# Built once from source with `go install` into $STACK_CACHE (outside the repo, so clean clones reuse
# it), with two local patches (see build_if_missing), listening on 127.0.0.1 only, telemetry off.
# Backend: the stack's PostgreSQL (database `ferretdb`). Measured against FerretDB's SQLite backend
# on this machine shape, PostgreSQL was 3-22x faster for the views' workload (upserts by _id,
# bulkWrite, find by _id), and its writers don't queue on one file lock. The cluster belongs to
# postgres.sh; this script only creates, drops and recreates the `ferretdb` database in it.
set -euo pipefail

COMPONENT=ferretdb
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

FERRETDB_VERSION="${LEDGERLINE_FERRETDB_VERSION:-v1.24.2}"
FERRETDB_MODULE=github.com/FerretDB/FerretDB
# The local patches (applied in name order). Bump FERRETDB_PATCH whenever they change, so every
# machine rebuilds instead of reusing an old binary.
PATCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/ferretdb-patches"
FERRETDB_PATCH=ledgerline-p2
PG_USER="${LEDGERLINE_PG_USER:-ledgerline}"
PG_PASSWORD="${LEDGERLINE_PG_PASSWORD:-ledgerline}"
PG_DATABASE=ferretdb
# warn keeps the log to problems; `info` adds a line per client connection.
LOG_LEVEL="${LEDGERLINE_FERRETDB_LOG_LEVEL:-warn}"
START_TIMEOUT=30

HOME_DIR="$STACK_DIR/ferretdb"
PID_FILE="$HOME_DIR/ferretdb.pid"
LOG="$HOME_DIR/logs/ferretdb.log"
STATE_DIR="$HOME_DIR/state"
BUILD_DIR="$STACK_CACHE/ferretdb/$FERRETDB_VERSION-$FERRETDB_PATCH"
BIN="$BUILD_DIR/bin/ferretdb"

# --- build -----------------------------------------------------------------------------------------

# Sets GO to a Go toolchain new enough for FerretDB 1.24 (its go.mod says go 1.24).
find_go() {
  GO="${LEDGERLINE_GO:-$(command -v go || true)}"
  # The official tarball's usual home is often not on PATH for non-login shells.
  [[ -z "$GO" && -x /usr/local/go/bin/go ]] && GO=/usr/local/go/bin/go
  [[ -n "$GO" && -x "$(command -v "$GO" || true)" ]] || die "'go' not found (needed once, to build FerretDB): install Go >= 1.24 from https://go.dev/dl/ (Debian 12's golang-go is 1.19, too old) and put it on PATH, or set LEDGERLINE_GO"
  local version major minor
  version=$(GOTOOLCHAIN=local "$GO" env GOVERSION) || die "'$GO env GOVERSION' failed"
  version=${version#go}
  major=${version%%.*}
  minor=${version#*.} && minor=${minor%%.*}
  ((major > 1 || minor >= 24)) || die "$GO is go$version; FerretDB $FERRETDB_VERSION needs Go >= 1.24 (https://go.dev/dl/)"
}

build_if_missing() {
  [[ -x "$BIN" ]] && return 0
  find_go
  mkdir -p "$BUILD_DIR"
  # Two concurrent `up`s (e.g. parallel CI steps) must not build into the same GOBIN at once.
  exec 9>"$BUILD_DIR/.build.lock"
  flock 9
  [[ -x "$BIN" ]] && return 0

  log "building FerretDB $FERRETDB_VERSION with go install (first run only, ~2 min cold; cached in $BUILD_DIR)"
  # local: never fetch another toolchain; empty GOFLAGS: ignore e.g. a caller's -mod=vendor;
  # no cgo: FerretDB (and its SQLite driver) are pure Go, so no C compiler is needed.
  export GOTOOLCHAIN=local GOFLAGS='' CGO_ENABLED=0
  # Not `go install $FERRETDB_MODULE/cmd/ferretdb@$FERRETDB_VERSION`, for two reasons:
  #  - for pkg@version the go command fetches the module's full version list (a deprecation check),
  #    which the module proxy here refuses (403), so the install fails;
  #  - a binary built that way panics at start: FerretDB reads its version from
  #    build/version/version.txt, which its release process writes and the module zip lacks.
  # So: download exactly this version into the (shared) module cache, copy its source, write the
  # version file and `go install` from there. Dependencies stay pinned by FerretDB's own go.sum.
  local src work
  src=$("$GO" mod download -json "$FERRETDB_MODULE@$FERRETDB_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p') || true
  [[ -d "$src" ]] || die "could not download $FERRETDB_MODULE@$FERRETDB_VERSION (GOPROXY=$("$GO" env GOPROXY))"
  work=$(mktemp -d "$BUILD_DIR/.src.XXXXXX")
  # shellcheck disable=SC2064 # expand now: $work is local to this function
  trap "rm -rf '$work'" EXIT
  cp -R "$src/." "$work" && chmod -R u+w "$work"
  printf '%s\n' "$FERRETDB_VERSION" >"$work/build/version/version.txt"
  printf '%s\n' "$FERRETDB_PATCH" >"$work/build/version/package.txt" # shows in --version and buildInfo

  # The local fixes, one patch file each in ferretdb-patches/ (each explains itself): closing each
  # update statement's cursor (a bulkWrite matching 50 documents drained the connection pool and hung
  # the server), and pushing a string _id equality / an _id $in of strings down as `=` / `= ANY(...)`,
  # which the _id index serves (upstream's `@>` is a sequential scan on every lookup and update).
  # A patch that no longer applies exactly (no fuzz, no reversed hunks) stops the build.
  local patch
  require_cmd patch "Install patch: apt-get install -y patch"
  for patch in "$PATCH_DIR"/*.patch; do
    [[ -f "$patch" ]] || die "no patches in $PATCH_DIR"
    patch -d "$work" -p1 --forward --batch --fuzz=0 --no-backup-if-mismatch --quiet <"$patch" ||
      die "the local patch $(basename "$patch") no longer applies to FerretDB $FERRETDB_VERSION; review it before changing versions"
  done
  (cd "$work" && GOBIN="$BUILD_DIR/bin" "$GO" install -trimpath -buildvcs=false ./cmd/ferretdb) ||
    die "go install of FerretDB $FERRETDB_VERSION failed (output above)"
  # An interrupted install could leave a truncated binary that `[[ -x ]]` would trust next time.
  local reported
  reported=$("$BIN" --version 2>/dev/null) || true
  if [[ "$reported" != *"version: $FERRETDB_VERSION"* || "$reported" != *"package: $FERRETDB_PATCH"* ]]; then
    rm -f "$BIN"
    die "the binary built in $BUILD_DIR/bin does not report $FERRETDB_VERSION / $FERRETDB_PATCH"
  fi
  rm -rf "$work"
  log "built $BIN"
}

# --- PostgreSQL backend ----------------------------------------------------------------------------

# Percent-encodes for a URL's userinfo, so any password works in the connection URL.
urlencode() {
  local LC_ALL=C # byte-wise, so non-ASCII characters become their UTF-8 %XX sequence
  local s=$1 out='' c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in
      [a-zA-Z0-9.~_-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

postgres_url() {
  printf 'postgres://%s:%s@%s:%s/%s' "$(urlencode "$PG_USER")" "$(urlencode "$PG_PASSWORD")" \
    "$STACK_HOST" "$PG_PORT" "$PG_DATABASE"
}

# Runs SQL from stdin in the maintenance database as the stack's role (postgres.sh gives it CREATEDB).
# Variables go through psql's :'db' / :"db" quoting rather than string pasting.
psql_stack() {
  PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -At -v ON_ERROR_STOP=1 \
    -h "$STACK_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v db="$PG_DATABASE" -v owner="$PG_USER"
}

postgres_hint() {
  local here
  here=$(dirname "${BASH_SOURCE[0]}")
  if [[ -x "$here/stack" ]]; then printf "run '%s/stack up postgres'" "$here"; else printf 'start it first'; fi
}

# FerretDB only connects to PostgreSQL on the first command, so a wrong password or a missing
# database would otherwise surface as client errors; check both here, with a clear message.
ensure_database() {
  require_cmd psql "Install the PostgreSQL client: apt-get install -y postgresql-client"
  port_open "$PG_PORT" ||
    die "PostgreSQL is not answering on $STACK_HOST:$PG_PORT (FerretDB keeps its data there): $(postgres_hint)"
  local exists
  exists=$(psql_stack <<<"SELECT 1 FROM pg_database WHERE datname = :'db'") ||
    die "cannot log in to PostgreSQL at $STACK_HOST:$PG_PORT as '$PG_USER' (LEDGERLINE_PG_USER / LEDGERLINE_PG_PASSWORD)"
  [[ "$exists" == 1 ]] && return 0
  log "creating PostgreSQL database '$PG_DATABASE'"
  psql_stack <<<'CREATE DATABASE :"db" OWNER :"owner"' ||
    die "could not create database '$PG_DATABASE' as '$PG_USER' (does the role have CREATEDB?)"
}

# --- process ---------------------------------------------------------------------------------------

# Alive *and* still FerretDB: after a reboot the recorded pid may belong to something else,
# which `down` must never signal.
running() {
  pid_alive "$PID_FILE" || return 1
  local comm
  comm=$(cat "/proc/$(cat "$PID_FILE")/comm" 2>/dev/null) || return 0 # no procfs: trust the pid
  [[ "$comm" == ferretdb ]]
}

up() {
  if running; then
    log "already running (pid $(cat "$PID_FILE")) on $STACK_HOST:$FERRETDB_PORT"
    return 0
  fi
  rm -f "$PID_FILE"
  port_open "$FERRETDB_PORT" &&
    die "$STACK_HOST:$FERRETDB_PORT is taken by another process; stop it or set LEDGERLINE_FERRETDB_PORT"
  build_if_missing
  ensure_database
  mkdir -p "$STATE_DIR" "$(dirname "$LOG")"
  printf '=== %s starting FerretDB %s on %s:%s\n' "$(date -u +%FT%TZ)" "$FERRETDB_VERSION" \
    "$STACK_HOST" "$FERRETDB_PORT" >>"$LOG"

  # The URL (with the password) goes through FerretDB's env binding, not argv, to stay out of `ps`.
  # No outbound traffic: --telemetry=disable locks reporting off (that report is also FerretDB's only
  # update check), DO_NOT_TRACK=1 locks it again, and the reporting URL points at a closed loopback
  # port in case anything still tried. --debug-addr=- drops the HTTP debug/metrics listener, which
  # would otherwise claim 127.0.0.1:8088. setsid: its own session, so it outlives the shell or CI
  # step that started it and ignores that terminal's Ctrl-C.
  FERRETDB_POSTGRESQL_URL="$(postgres_url)" DO_NOT_TRACK=1 setsid "$BIN" \
    --handler=postgresql \
    --listen-addr="$STACK_HOST:$FERRETDB_PORT" \
    --state-dir="$STATE_DIR" \
    --telemetry=disable \
    --test-telemetry-url="http://$STACK_HOST:9/" \
    --debug-addr=- \
    --log-level="$LOG_LEVEL" \
    >>"$LOG" 2>&1 </dev/null &
  local pid=$! i
  echo "$pid" >"$PID_FILE"

  for ((i = 0; i < START_TIMEOUT * 10; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      tail -n 5 "$LOG" >&2
      die "FerretDB exited during start-up; see $LOG"
    fi
    if port_open "$FERRETDB_PORT"; then
      log "running (pid $pid) on $STACK_HOST:$FERRETDB_PORT, data in PostgreSQL database '$PG_DATABASE'"
      return 0
    fi
    sleep 0.1
  done
  stop_pid "$PID_FILE" FerretDB 5
  die "FerretDB did not open $STACK_HOST:$FERRETDB_PORT within ${START_TIMEOUT}s; see $LOG"
}

down() {
  if pid_alive "$PID_FILE" && ! running; then
    log "pid file names a process that is not FerretDB; leaving it alone"
    rm -f "$PID_FILE"
  fi
  stop_pid "$PID_FILE" FerretDB
}

# A crash, for fault tests: SIGKILL mid-whatever it is doing.
crash() {
  running || { log "not running"; return 0; }
  kill_pid "$PID_FILE" FerretDB
}

status() {
  if running; then
    echo "ferretdb  running  $STACK_HOST:$FERRETDB_PORT  (pid $(cat "$PID_FILE"), $FERRETDB_VERSION+$FERRETDB_PATCH, PostgreSQL $STACK_HOST:$PG_PORT/$PG_DATABASE)"
  elif port_open "$FERRETDB_PORT"; then
    echo "ferretdb  stopped  ($STACK_HOST:$FERRETDB_PORT is held by a process this script did not start)"
    exit 3
  else
    echo "ferretdb  stopped"
    exit 3
  fi
}

reset() {
  down
  rm -rf "$HOME_DIR"
  # The data is the PostgreSQL database: drop it and leave an empty one, as postgres.sh provisions.
  # With PostgreSQL down there is nothing to drop now, and `stack reset` wipes that cluster next
  # anyway; say so instead of failing, so a full-stack reset always completes.
  if ! port_open "$PG_PORT"; then
    log "local state wiped; PostgreSQL is not running on $STACK_HOST:$PG_PORT, so database '$PG_DATABASE' was NOT dropped"
    return 0
  fi
  require_cmd psql "Install the PostgreSQL client: apt-get install -y postgresql-client"
  psql_stack <<<'DROP DATABASE IF EXISTS :"db" WITH (FORCE)' ||
    die "could not drop database '$PG_DATABASE' as '$PG_USER'"
  psql_stack <<<'CREATE DATABASE :"db" OWNER :"owner"' ||
    die "could not recreate database '$PG_DATABASE' as '$PG_USER'"
  log "data wiped (database '$PG_DATABASE' recreated empty)"
}

case "${1:-}" in
  up | down | status | reset | crash) "$1" ;;
  *) die "usage: $0 up|down|status|reset|crash" ;;
esac
