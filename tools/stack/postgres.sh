#!/usr/bin/env bash
# PostgreSQL for the local stack: Debian's server binaries, but a cluster of our own under
# $STACK_DIR/postgres, so it never touches (or depends on) the machine's default cluster.
COMPONENT=postgres
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

PG_USER="${LEDGERLINE_PG_USER:-ledgerline}"
PG_PASSWORD="${LEDGERLINE_PG_PASSWORD:-ledgerline}"
# The app database, the tests' database (so a test run never disturbs a running system), FerretDB's.
PG_DATABASES=(ledgerline ledgerline_test ferretdb)

HOME_DIR="$STACK_DIR/postgres"
DATA="$HOME_DIR/data"
RUN="$HOME_DIR/run"
LOG="$HOME_DIR/logs/postgres.log"

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$dir" ]] && printf '%s' "$dir"
}

install_if_missing() {
  [[ -n "$(pg_bin)" ]] && return 0
  command -v apt-get >/dev/null || die "PostgreSQL server not found and no apt-get: install PostgreSQL ≥ 15 server binaries"
  [[ $(id -u) -eq 0 ]] || die "PostgreSQL server not found: run 'sudo apt-get install -y postgresql'"
  log "installing Debian's postgresql package"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  [[ -n "$(pg_bin)" ]] || die "apt-get install postgresql did not provide server binaries"
}

# PostgreSQL refuses to run as root; as root we run it as the `postgres` user Debian creates.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# As root, the cluster lives in the checkout but runs as `postgres`, which must be able to reach
# it: a checkout under a private directory (`mktemp -d` makes them 0700) would fail initdb with
# "Permission denied". Grant traverse-only (o+x, no listing) on the directories in the way that we
# own, and name any we cannot fix.
ensure_reachable_by_postgres() {
  [[ $(id -u) -eq 0 ]] || return 0
  local dir=$HOME_DIR
  while [[ "$dir" != / ]]; do
    dir=$(dirname "$dir")
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      [[ -O "$dir" ]] || die "the postgres user cannot enter $dir (needed for $HOME_DIR); run: chmod o+x $dir"
      chmod o+x "$dir"
      log "made $dir traversable for the postgres user (o+x)"
    fi
  done
}

running() { [[ -f "$DATA/postmaster.pid" ]] && as_owner "$(pg_bin)/pg_ctl" status -D "$DATA" >/dev/null 2>&1; }

psql_admin() { as_owner "$(pg_bin)/psql" -h "$RUN" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

init_cluster() {
  [[ -f "$DATA/PG_VERSION" ]] && return 0
  log "initialising a new cluster in $DATA"
  mkdir -p "$DATA" "$RUN" "$(dirname "$LOG")"
  [[ $(id -u) -eq 0 ]] && chown -R postgres:postgres "$HOME_DIR"
  ensure_reachable_by_postgres
  # Loopback only, password auth over TCP; the unix socket (our own dir) trusts the admin.
  as_owner "$(pg_bin)/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
}

provision() {
  psql_admin <<SQL
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', '$PG_USER', '$PG_PASSWORD')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER')\gexec
SQL
  local db
  for db in "${PG_DATABASES[@]}"; do
    psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 ||
      psql_admin -c "CREATE DATABASE \"$db\" OWNER \"$PG_USER\""
  done
}

# Cluster-wide settings that need no restart: ALTER SYSTEM (postgresql.auto.conf) plus a reload,
# so `up` applies them to an existing, running cluster too, without disturbing its sessions.
# idle_in_transaction_session_timeout ends a session left idle inside a transaction (a forgotten
# `BEGIN` in psql, a leaked pool connection): its open xid would otherwise hold the relay's settled
# horizon, and every event committed after it, forever. It cannot bound an *active* long
# transaction; `transaction_timeout` would, but arrives only in PostgreSQL 17 (this is 15). The
# relay's ledgerline_relay_horizon_held_seconds shows either kind (docs/deployment.md).
IDLE_IN_TRANSACTION_TIMEOUT=60s

configure() {
  psql_admin -c "ALTER SYSTEM SET idle_in_transaction_session_timeout = '$IDLE_IN_TRANSACTION_TIMEOUT'"
  local active
  active=$(psql_admin -c "SELECT current_setting('idle_in_transaction_session_timeout')::interval = interval '$IDLE_IN_TRANSACTION_TIMEOUT'")
  if [[ "$active" != t ]]; then
    psql_admin -c "SELECT pg_reload_conf()" >/dev/null
    log "idle_in_transaction_session_timeout = $IDLE_IN_TRANSACTION_TIMEOUT (configuration reloaded)"
  fi
}

up() {
  install_if_missing
  init_cluster
  if running; then log "already running on $STACK_HOST:$PG_PORT"; configure; provision; return 0; fi
  [[ $(id -u) -eq 0 ]] && chown -R postgres:postgres "$HOME_DIR"
  log "starting on $STACK_HOST:$PG_PORT"
  # Modest memory for a 2-core dev machine; durability settings stay at their safe defaults.
  as_owner "$(pg_bin)/pg_ctl" start -D "$DATA" -l "$LOG" -w -t 60 -o "\
    -c listen_addresses=$STACK_HOST -c port=$PG_PORT -c unix_socket_directories=$RUN \
    -c max_connections=200 -c shared_buffers=256MB -c max_wal_size=2GB" >/dev/null ||
    die "PostgreSQL did not start; see $LOG"
  wait_port "$PG_PORT" 30 PostgreSQL
  configure
  provision
}

down() {
  if running; then
    as_owner "$(pg_bin)/pg_ctl" stop -D "$DATA" -m fast -w >/dev/null
    log "stopped"
  else
    log "not running"
  fi
}

status() {
  if [[ -n "$(pg_bin)" ]] && running; then
    echo "postgres  running  $STACK_HOST:$PG_PORT  (data $DATA)"
  else
    echo "postgres  stopped"
    return 3
  fi
}

# A crash, for fault tests: immediate shutdown, no checkpoint, so the next start runs crash recovery.
crash() {
  if running; then
    as_owner "$(pg_bin)/pg_ctl" stop -D "$DATA" -m immediate -w >/dev/null
    log "stopped immediately (crash recovery on the next start)"
  else
    log "not running"
  fi
}

reset() {
  [[ -n "$(pg_bin)" ]] && down
  rm -rf "$HOME_DIR"
  log "data wiped"
}

case "${1:-}" in
  up | down | status | reset | crash) "$1" ;;
  *) die "usage: $0 up|down|status|reset|crash" ;;
esac
