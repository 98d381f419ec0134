/**
 * `npm start`: the production server (after `npm run build`). Needs DATABASE_URL and AUTH_SECRET
 * (validated at startup by lib/env.ts); applies pending migrations, then runs `next start`.
 */
import { runPrisma } from "./prisma";
import { runNext, stopAllOnSignal } from "./lib/app-env";

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error(
      "DATABASE_URL is not set. `npm start` runs against your PostgreSQL: set DATABASE_URL (see .env.example).\nFor a zero-setup local run, use `npm run dev` instead.",
    );
    process.exit(1);
  }
  await runPrisma(["migrate", "deploy"], process.env);
  const { child, exited } = runNext(["start", "--port", process.env.PORT ?? "3000"], {
    ...process.env,
    NODE_ENV: "production",
  });
  stopAllOnSignal(child, exited);
}

void main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
