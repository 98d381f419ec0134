/**
 * `npm run db:restore -- <file> [--yes]`: restores a backup made by `npm run db:backup` into
 * DATABASE_URL, or into the embedded development database. The restore replaces the existing tables
 * (pg_restore --clean) in one transaction: it applies completely or not at all. A database that
 * already holds data is only overwritten with --yes.
 */
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { openDatabaseTarget, redact } from "./lib/database-target";
import { findPgTool, runTool, serverMajor } from "./lib/pg-tools";

export async function hasData(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'User') AS exists`,
    );
    if (!rows[0]?.exists) return false;
    const users = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "User"`);
    return Number(users.rows[0]?.n) > 0;
  } finally {
    await client.end();
  }
}

export async function restoreDatabase(options: { url: string; file: string }): Promise<void> {
  const pgRestore = findPgTool("pg_restore", await serverMajor(options.url));
  runTool(pgRestore, [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    `--dbname=${options.url}`,
    options.file,
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (!file || !fs.existsSync(file)) {
    console.error("Usage: npm run db:restore -- <backup file> [--yes]");
    process.exit(1);
  }
  const target = await openDatabaseTarget().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
  try {
    if ((await hasData(target.url)) && !process.argv.includes("--yes")) {
      throw new Error(
        `${redact(target.url)} already holds data. Re-run with --yes to replace it with ${file}.`,
      );
    }
    await restoreDatabase({ url: target.url, file });
    console.log(`Restored ${file} into ${redact(target.url)}.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await target.release();
  }
}
