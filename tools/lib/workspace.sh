#!/usr/bin/env bash
# Sourced by tools/start.sh and tools/test.sh: puts the project's Node 24 first on PATH and
# installs npm dependencies only when package.json or the lockfile changed since the last install.
set -euo pipefail
WORKSPACE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$WORKSPACE_ROOT"

say() { printf '\033[1m▸ %s\033[0m\n' "$*" >&2; }

ensure_node_modules() {
  command -v npm >/dev/null || { echo "npm not found: install Node.js ≥ 20.19 with npm (apt-get install -y nodejs npm)" >&2; exit 1; }
  local stamp=node_modules/.ledgerline-install-stamp digest
  digest=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$digest" ]]; then return 0; fi
  say "installing npm dependencies"
  # `npm install`, not `npm ci`: this registry omits other platforms' optional binaries, so a
  # lockfile written here is incomplete for `npm ci` (see docs/development.md).
  npm install --no-audit --no-fund --loglevel=error
  digest=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
  echo "$digest" >"$stamp"
}

ensure_node_modules
# The `node` devDependency brings Node 24; its bin shadows the machine's older Node.
export PATH="$WORKSPACE_ROOT/node_modules/.bin:$PATH"
export NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false
