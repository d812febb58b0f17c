# syntax=docker/dockerfile:1
# One image for every Ledgerline process; the entry is chosen by the command:
#   command-service  node dist/apps/command-service/src/main.js   (default, PORT 3000)
#   outbox-relay     node dist/apps/command-service/src/relay.js  (PORT 3002)
#   query-service    node dist/apps/query-service/src/main.js     (PORT 3001)
#   migrations       node dist/apps/command-service/src/migrate.js (one-shot, exits 0)
#   schema gate      node docker/wait-for-migrations.cjs           (init container)
# Build: docker build -t ledgerline:dev .   See docs/deployment.md.

# Pin by digest in a release pipeline (node:24-slim@sha256:…); the tag keeps local builds simple.
ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

# Production dependencies only. `npm install`, not `npm ci`: the lockfile is written against a
# registry mirror that omits other platforms' optional binaries (README, Toolchain choices).
# --ignore-scripts: the only production packages with install scripts (@apollo/protobufjs,
# @scarf/scarf) are denied in package.json "allowScripts" anyway; nothing native is needed.
FROM base AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error

# Full install for the compiler. Scripts stay off here too: @swc/core's native binary arrives as
# an optional dependency, and the `node` devDependency's download of a second Node is not wanted.
FROM base AS build
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error
COPY tsconfig.base.json ./
COPY tools/build ./tools/build
COPY libs ./libs
COPY apps ./apps
RUN node tools/build/build.mjs

FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="ledgerline" \
      org.opencontainers.image.description="Ledgerline services: command-service, outbox-relay, query-service, migrations" \
      org.opencontainers.image.licenses="MIT"
# npm and corepack are not needed to run the services; removing them shrinks the attack surface.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
WORKDIR /app
# Source maps keep stack traces on .ts lines. HOST: reachable from outside the container.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    NODE_OPTIONS=--enable-source-maps
# Owned by root and not writable by the service user: the code cannot be changed at run time, and
# Kubernetes can mount the root filesystem read-only (only /tmp needs to be writable).
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# Kubernetes init container: waits for the migrate Job (k8s/base, docs/deployment.md).
COPY docker/wait-for-migrations.cjs ./docker/
# Numeric uid/gid (the image's `node` user) so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 3000 3001 3002
# Liveness only (dependencies are readiness' business). PORT is set per process by compose/k8s;
# Kubernetes ignores HEALTHCHECK and uses its own probes.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/health/live`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself (Nest's shutdown hooks drain and close).
CMD ["node", "dist/apps/command-service/src/main.js"]
