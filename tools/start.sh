#!/usr/bin/env bash
# `npm start`: installs what it needs, brings the local stack up, applies migrations and runs both
# services in the foreground until Ctrl-C. Safe to run again; everything is cached.
source "$(dirname "${BASH_SOURCE[0]}")/lib/workspace.sh"

say "local stack"
tools/stack/stack up
eval "$(tools/stack/stack env)"
export NODE_ENV="${NODE_ENV:-development}"

say "migrations"
node -r @swc-node/register apps/command-service/src/migrate.ts

COMMAND_PORT="${COMMAND_SERVICE_PORT:-3000}"
QUERY_PORT="${QUERY_SERVICE_PORT:-3001}"
RELAY_PORT="${RELAY_PORT:-3002}"
mkdir -p .stack/logs
pids=()
stop_all() {
  trap - INT TERM EXIT
  say "stopping services (the stack keeps running: npm run stack down)"
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop_all INT TERM EXIT

# Each service logs JSON to its own file; this terminal shows what a person needs.
run() {
  local name=$1 port=$2 entry=$3
  PORT=$port node -r @swc-node/register "$entry" >".stack/logs/$name.log" 2>&1 &
  pids+=($!)
}
run command-service "$COMMAND_PORT" apps/command-service/src/main.ts
run outbox-relay "$RELAY_PORT" apps/command-service/src/relay.ts
run query-service "$QUERY_PORT" apps/query-service/src/main.ts

wait_ready() {
  local name=$1 port=$2 i
  for ((i = 0; i < 120; i++)); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "${pids[@]}" 2>/dev/null || { tail -n 20 ".stack/logs/$name.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$name not ready after 60 s; see .stack/logs/$name.log" >&2
  exit 1
}
wait_ready command-service "$COMMAND_PORT"
wait_ready outbox-relay "$RELAY_PORT"
wait_ready query-service "$QUERY_PORT"

cat <<TXT

  Ledgerline is running
    command-service  http://127.0.0.1:$COMMAND_PORT/docs    (REST commands, OpenAPI UI)
    query-service    http://127.0.0.1:$QUERY_PORT/graphql (GraphQL, sandbox in development)
    outbox-relay     http://127.0.0.1:$RELAY_PORT/health/ready (publishes events to Kafka)
    a token          npm run -s token -- --sub teller-1 --tenant acme --roles teller
    logs             .stack/logs/*.log
  Ctrl-C stops the services; 'npm run stack down' stops PostgreSQL, Kafka and FerretDB.

TXT
wait -n "${pids[@]}"
