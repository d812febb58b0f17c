#!/usr/bin/env bash
# Shared helpers for the local stack scripts. Sourced, never executed.
# Every component keeps its data, logs and pid file under $STACK_DIR/<component>/ (git-ignored)
# and its downloaded or built artefacts under $STACK_CACHE (outside the repo, so clean clones reuse it).
set -euo pipefail

STACK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
STACK_DIR="${LEDGERLINE_STACK_DIR:-$STACK_ROOT/.stack}"
STACK_CACHE="${LEDGERLINE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ledgerline}"
STACK_HOST=127.0.0.1

# Ports: overridable through the environment; defaults keep clear of the standard ports
# so the stack can run beside other installations.
PG_PORT="${LEDGERLINE_PG_PORT:-55432}"
KAFKA_PORT="${LEDGERLINE_KAFKA_PORT:-59092}"
KAFKA_CONTROLLER_PORT="${LEDGERLINE_KAFKA_CONTROLLER_PORT:-59093}"
FERRETDB_PORT="${LEDGERLINE_FERRETDB_PORT:-57017}"

log() { printf '[stack:%s] %s\n' "${COMPONENT:-stack}" "$*" >&2; }
die() { printf '[stack:%s] error: %s\n' "${COMPONENT:-stack}" "$*" >&2; exit 1; }

# require_cmd <command> <one-line hint on how to get it>
require_cmd() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found. $2"; }

component_dir() { mkdir -p "$STACK_DIR/$1" && printf '%s' "$STACK_DIR/$1"; }

port_open() { (exec 3<>"/dev/tcp/$STACK_HOST/$1") 2>/dev/null; }

# wait_port <port> <seconds> <what>
wait_port() {
  local port=$1 seconds=$2 what=$3 i
  for ((i = 0; i < seconds * 10; i++)); do
    port_open "$port" && return 0
    sleep 0.1
  done
  die "$what did not open $STACK_HOST:$port within ${seconds}s"
}

# Pid files record only processes the stack started, so `down` never touches anything else.
pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_pid <pidfile> <what> [seconds]: SIGTERM, wait, then SIGKILL.
stop_pid() {
  local pidfile=$1 what=$2 seconds=${3:-20} pid i
  if ! pid_alive "$pidfile"; then rm -f "$pidfile"; log "$what not running"; return 0; fi
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < seconds * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; log "$what stopped"; return 0; }
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  log "$what killed after ${seconds}s"
}

# kill_pid <pidfile> <what>: SIGKILL at once, as a crash would (fault tests); waits until it is gone.
kill_pid() {
  local pidfile=$1 what=$2 pid i
  if ! pid_alive "$pidfile"; then rm -f "$pidfile"; log "$what not running"; return 0; fi
  pid=$(cat "$pidfile")
  kill -9 "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$pidfile"
  log "$what killed (SIGKILL)"
}
