/**
 * The database that `db:backup` / `db:restore` work on: DATABASE_URL when set, else the embedded
 * development cluster of `npm run dev` (.data/postgres) — reused when it is running, started (and
 * stopped afterwards) when it is not.
 */
import fs from "node:fs";
import path from "node:path";
import { dataRoot, startDevDatabase } from "./app-env";
import { resolveDataDir } from "./embedded-db";

export type DatabaseTarget = { url: string; release: () => Promise<void> };

function runningDevClusterPort(): number | null {
  const pidFile = path.join(resolveDataDir(path.join(dataRoot, "postgres")), "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const port = Number(lines[3]);
  return Number.isFinite(port) && port > 0 ? port : null;
}

export async function openDatabaseTarget(): Promise<DatabaseTarget> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, release: async () => {} };
  const port = runningDevClusterPort();
  if (port) {
    console.log(`[db] Using the running embedded PostgreSQL on port ${port}`);
    return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/advocacy`, release: async () => {} };
  }
  const db = await startDevDatabase();
  return { url: db.url, release: () => db.stop() };
}

/** The URL without its password, for messages. */
export const redact = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
