/**
 * `npm run db:backup [-- --out <file>] [--snapshot <id>]`: a consistent pg_dump of the database in
 * custom format (restore with `npm run db:restore -- <file>`). Uses DATABASE_URL, or the embedded
 * development database (.data/postgres). The file goes to backups/ by default.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabaseTarget, redact } from "./lib/database-target";
import { findPgTool, runTool, serverMajor } from "./lib/pg-tools";

export async function backupDatabase(options: {
  url: string;
  file: string;
  snapshot?: string;
}): Promise<void> {
  const pgDump = findPgTool("pg_dump", await serverMajor(options.url));
  // A backup holds every workspace's data: only its owner may read it (directory 0700, file 0600). The
  // umask covers the file pg_dump creates; the chmod covers a file that already existed.
  fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true, mode: 0o700 });
  const previousUmask = process.umask(0o077);
  try {
    fs.writeFileSync(options.file, "", { mode: 0o600 });
    fs.chmodSync(options.file, 0o600);
    runTool(pgDump, [
      "--format=custom",
      "--no-owner",
      "--no-privileges",
      ...(options.snapshot ? [`--snapshot=${options.snapshot}`] : []),
      `--file=${options.file}`,
      `--dbname=${options.url}`,
    ]);
  } finally {
    process.umask(previousUmask);
  }
  fs.chmodSync(options.file, 0o600);
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = argValue("--out") ?? path.join("backups", `advocacy-${stamp}.dump`);
  const target = await openDatabaseTarget().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
  try {
    await backupDatabase({ url: target.url, file, snapshot: argValue("--snapshot") });
    console.log(`Backup of ${redact(target.url)} written to ${file} (${fs.statSync(file).size} bytes).`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await target.release();
  }
}
