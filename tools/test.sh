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
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" \
  jest --ci --maxWorkers=2 --json --outputFile=tmp/jest-results.json "$@" || status=$?
node -e '
  const r = require("./tmp/jest-results.json");
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed, ${r.numPendingTests} skipped`);
'

# The soak belongs to the whole run; `npm test -- <pattern>` runs just the chosen Jest tests.
if [[ $# -eq 0 ]]; then
  say "chaos soak, short form (private stack; the 10-minute form: npm run soak)"
  node -r @swc-node/register tools/soak/soak.ts --short --self-test || status=$?
fi
exit "${status:-0}"
