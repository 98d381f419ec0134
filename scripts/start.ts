/**
 * `npm start`: the production server (after `npm run build`). Needs DATABASE_URL and AUTH_SECRET
 * (validated at startup by lib/server/env.ts); applies pending migrations, then serves Next.js behind
 * the client-IP front server (scripts/lib/client-ip-server.ts; TRUST_PROXY says which proxies to trust).
 */
import { runPrisma } from "./prisma";
import { serveProduction } from "./lib/serve";

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error(
      "DATABASE_URL is not set. `npm start` runs against your PostgreSQL: set DATABASE_URL (see .env.example).\nFor a zero-setup local run, use `npm run dev` instead.",
    );
    process.exit(1);
  }
  await runPrisma(["migrate", "deploy"], process.env);
  await serveProduction({
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST,
    env: process.env,
  });
}

void main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
