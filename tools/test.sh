#!/usr/bin/env bash
# `npm test`: installs what it needs, brings the local stack up and runs every check and test:
# formatting, lint (module boundaries included), type check, then unit, integration and e2e tests,
# then the short chaos soak (after Jest, so its recovery times are not measured under test load).
# Safe to run repeatedly; dependencies, Kafka jars and the FerretDB build are cached.
source "$(dirname "${BASH_SOURCE[0]}")/lib/workspace.sh"

# CI gets a clean slate and leaves no server behind; locally the stack stays up for the next run.
if [[ "${CI:-}" == "true" ]]; then trap 'tools/stack/stack down || true' EXIT; fi

say "local stack"
tools/stack/stack up
eval "$(tools/stack/stack env --test)"

say "deployment validators and schemathesis (kustomize, docker compose, hadolint, kubernetes-validate; cached)"
bash tools/deploy-validation/install-tools.sh >/dev/null

say "migrations (test database)"
node -r @swc-node/register apps/command-service/src/migrate.ts

say "format, lint, type check"
prettier --check . --log-level warn
nx run-many -t lint --outputStyle=static --parallel=2
tsc -p tsconfig.json

say "tests: unit, integration, e2e"
mkdir -p tmp
# --experimental-vm-modules: ESLint's flat config (used by the boundary tests) loads via import().
export NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning"
results=(tmp/jest-results.json)
if [[ $# -gt 0 ]]; then
  # `npm test -- <pattern>`: just the chosen tests, in one run.
  jest --ci --maxWorkers=2 --json --outputFile=tmp/jest-results.json "$@" || status=$?
else
  # Tests that kill a server or a process of a pipeline and wait for it to recover are starved
  # into false failures beside a second Jest worker starting services and JVMs: they run after the
  # parallel run, one at a time.
  fault_tests='(kafka-restart|process-kill-recovery|postgres-outage|relay-horizon|views-store-kill)\.e2e-spec\.ts$'
  jest --ci --maxWorkers=2 --json --outputFile=tmp/jest-results.json \
    --testPathIgnorePatterns "$fault_tests" /node_modules/ || status=$?
  jest --ci --runInBand --json --outputFile=tmp/jest-fault-results.json \
    --testPathPatterns "$fault_tests" || status=$?
  results+=(tmp/jest-fault-results.json)
fi
unset NODE_OPTIONS
node -e '
  const runs = process.argv.slice(1).map((file) => require(require("node:path").resolve(file)));
  const sum = (field) => runs.reduce((total, run) => total + run[field], 0);
  console.log(`jest: ${sum("numPassedTests")} passed, ${sum("numFailedTests") + sum("numRuntimeErrorTestSuites")} failed, ${sum("numPendingTests")} skipped`);
' "${results[@]}"

# The soak belongs to the whole run; `npm test -- <pattern>` runs just the chosen Jest tests.
if [[ $# -eq 0 ]]; then
  say "chaos soak, short form (private stack; the 10-minute form: npm run soak)"
  node -r @swc-node/register tools/soak/soak.ts --short --self-test || status=$?
fi
exit "${status:-0}"
