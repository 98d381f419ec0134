/**
 * `npm run dev`: zero-setup development. Without DATABASE_URL it starts an embedded PostgreSQL
 * (data kept in .data/postgres), applies migrations, seeds the demo workspace when the database is
 * empty, and serves on http://localhost:3000. Ctrl-C stops Next.js and PostgreSQL cleanly.
 */
import { runPrisma } from "./prisma";
import { devAuthSecret, runNext, stopAllOnSignal } from "./lib/app-env";
import { startDevDatabase } from "./lib/dev-db";
import { seedIfEmpty } from "../prisma/seed";

async function main() {
  const db = process.env.DATABASE_URL ? undefined : await startDevDatabase();
  try {
    const databaseUrl = process.env.DATABASE_URL ?? db!.url;
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? devAuthSecret(),
    };
    console.log("[db] Applying migrations…");
    await runPrisma(["migrate", "deploy"], env);
    await seedIfEmpty(databaseUrl);
    const port = process.env.PORT ?? "3000";
    const { child, exited } = runNext(["dev", "--port", port], {
      ...env,
      APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
    });
    stopAllOnSignal([{ child, exited }], db);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await db?.stop();
    process.exit(1);
  }
}

void main();
