#!/usr/bin/env bash
# FerretDB (MongoDB wire protocol) for the local stack, built from source with `go install` into a
# cache outside the repo. Backend: the stack's PostgreSQL (measured 8x faster than SQLite for the
# views' upserts on this machine shape; see README "Choices"). Telemetry off; loopback only.
COMPONENT=ferretdb
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

FERRETDB_VERSION="${LEDGERLINE_FERRETDB_VERSION:-v1.24.2}"
PG_USER="${LEDGERLINE_PG_USER:-ledgerline}"
PG_PASSWORD="${LEDGERLINE_PG_PASSWORD:-ledgerline}"
PG_DATABASE=ferretdb

HOME_DIR="$STACK_DIR/ferretdb"
LOG="$HOME_DIR/logs/ferretdb.log"
PID_FILE="$HOME_DIR/ferretdb.pid"
BIN_DIR="$STACK_CACHE/ferretdb/$FERRETDB_VERSION/bin"
BIN="$BIN_DIR/ferretdb"

build_if_missing() {
  [[ -x "$BIN" ]] && return 0
  require_cmd go "install Go >= 1.22 (https://go.dev/dl or 'apt-get install -y golang')"
  log "building FerretDB $FERRETDB_VERSION with go install (first run only, a few minutes)"
  mkdir -p "$BIN_DIR" "$HOME_DIR/logs"
  local build_log="$HOME_DIR/logs/build.log" module_dir source_dir
  # `go install pkg@version` asks the proxy for FerretDB's version list (a deprecation check),
  # which the proxy refuses; downloading the exact version and installing from its source works.
  module_dir=$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" 2>>"$build_log" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p') ||
    die "could not download FerretDB $FERRETDB_VERSION; see $build_log"
  [[ -d "$module_dir" ]] || die "could not download FerretDB $FERRETDB_VERSION; see $build_log"
  source_dir="$STACK_CACHE/ferretdb/$FERRETDB_VERSION/src"
  rm -rf "$source_dir" && mkdir -p "$source_dir"
  cp -R "$module_dir/." "$source_dir" && chmod -R u+w "$source_dir"
  # The release process generates this file from git; the module archive does not carry it.
  echo "$FERRETDB_VERSION" >"$source_dir/build/version/version.txt"
  (cd "$source_dir" && GOBIN="$BIN_DIR" GOFLAGS="-buildvcs=false" go install -trimpath ./cmd/ferretdb) \
    >>"$build_log" 2>&1 || die "go install failed; see $build_log"
  rm -rf "$source_dir"
}

postgres_url() { printf 'postgres://%s:%s@%s:%s/%s' "$PG_USER" "$PG_PASSWORD" "$STACK_HOST" "$PG_PORT" "$PG_DATABASE"; }

require_postgres() {
  port_open "$PG_PORT" || die "PostgreSQL is not running on $STACK_HOST:$PG_PORT (FerretDB keeps its data there): run 'tools/stack/stack up postgres'"
}

up() {
  build_if_missing
  if pid_alive "$PID_FILE"; then log "already running on $STACK_HOST:$FERRETDB_PORT"; return 0; fi
  require_postgres
  port_open "$FERRETDB_PORT" && die "port $FERRETDB_PORT is taken by another process; set LEDGERLINE_FERRETDB_PORT"
  mkdir -p "$HOME_DIR/state" "$HOME_DIR/logs"
  log "starting $FERRETDB_VERSION on $STACK_HOST:$FERRETDB_PORT (backend: PostgreSQL database $PG_DATABASE)"
  # setsid: its own session, so it survives the terminal or CI step that started it.
  nohup setsid "$BIN" \
    --listen-addr="$STACK_HOST:$FERRETDB_PORT" \
    --handler=postgresql \
    --postgresql-url="$(postgres_url)" \
    --state-dir="$HOME_DIR/state" \
    --debug-addr=- \
    --telemetry=disable \
    --log-level=warn \
    >"$LOG" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  wait_port "$FERRETDB_PORT" 30 FerretDB || true
  pid_alive "$PID_FILE" || die "FerretDB exited during start-up; see $LOG"
}

down() { stop_pid "$PID_FILE" FerretDB; }

status() {
  if pid_alive "$PID_FILE"; then
    echo "ferretdb  running  $STACK_HOST:$FERRETDB_PORT  (pid $(cat "$PID_FILE"), $FERRETDB_VERSION, backend PostgreSQL)"
  else
    echo "ferretdb  stopped"
    return 3
  fi
}

reset() {
  down
  rm -rf "$HOME_DIR"
  if port_open "$PG_PORT"; then
    # FerretDB's data is the PostgreSQL database; recreate it empty.
    PGPASSWORD="$PG_PASSWORD" psql -h "$STACK_HOST" -p "$PG_PORT" -U "$PG_USER" -d ledgerline -qAt \
      -c "DROP DATABASE IF EXISTS $PG_DATABASE" -c "CREATE DATABASE $PG_DATABASE" >/dev/null
  fi
  log "data wiped"
}

case "${1:-}" in
  up | down | status | reset) "$1" ;;
  *) die "usage: $0 up|down|status|reset" ;;
esac
