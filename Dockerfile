# syntax=docker/dockerfile:1
# Sahifa: production image. Multi-stage: dependencies, build, then a runtime
# stage that runs as the unprivileged `node` user. Our own server
# (scripts/server.ts, via `npm start`) serves the build, so the image keeps
# the full .next and the production node_modules rather than Next's
# standalone server, which would bypass it (client IPs, drain, metrics).
# With DATABASE_URL unset it starts the embedded PostgreSQL under /data.

ARG NODE_VERSION=22
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
# patches/ before npm ci: its postinstall (patch-package) patches dependencies from there (postgres.js, see the patch).
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json /app/next.config.ts /app/tsconfig.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build --chown=node:node /app/public* ./public/
COPY --from=build --chown=node:node /app/app ./app
COPY --from=build --chown=node:node /app/db ./db
COPY --from=build --chown=node:node /app/drizzle ./drizzle
COPY --from=build --chown=node:node /app/lib ./lib
COPY --from=build --chown=node:node /app/messages ./messages
COPY --from=build --chown=node:node /app/scripts ./scripts
COPY --from=build --chown=node:node /app/components ./components
COPY --from=build --chown=node:node /app/auth.ts /app/proxy.ts /app/instrumentation.ts ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# The drain takes up to 10 s: give `docker stop` more than that (compose: stop_grace_period).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=4s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The Node flags of `npm start` (package.json): a small young generation and a slowly growing old one keep
# RSS near 250 MB under load (docs/reader-performance.md, "Memory").
CMD ["node", "--max-semi-space-size=4", "--heap-growing-percent=30", ".next/sahifa-server/with-db.mjs", "start"]
