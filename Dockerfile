# Multi-stage build: dependencies → `next build` (standalone output) → a slim runtime image that
# applies pending migrations, then starts the server.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx tsx scripts/prisma.ts generate && npx next build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# The Prisma CLI (with its migration engine) runs `migrate deploy` at start.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/prisma.config.ts ./prisma.config.ts
COPY --from=build /app/scripts ./scripts
# The front server (scripts/lib/client-ip-server.ts) reads TRUST_PROXY through this pure module.
COPY --from=build /app/lib/trust-proxy.ts ./lib/trust-proxy.ts
USER node
EXPOSE 3000
# scripts/start.ts: `migrate deploy`, then the standalone server.js on a loopback-only port behind the
# front server on $PORT, which establishes the client address (TRUST_PROXY) for the per-IP limits.
CMD ["npx", "tsx", "scripts/start.ts"]
