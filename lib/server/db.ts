import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server/env";

const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

/** Statements with more parameters than this (bulk inserts of any size) stay unnamed: one-off texts. */
const MAX_PREPARED_PARAMS = 100;

/**
 * Bumped when PostgreSQL refuses a prepared statement because its result columns changed since it was
 * prepared (a migration added a column to a table that a `SELECT t.*` reads, while this instance kept
 * running): every statement is then prepared again, under new names.
 */
let generation = 0;

/**
 * A name per statement text, so that each pooled connection parses and plans it once and then only binds
 * and executes it (PostgreSQL keeps a plan per named statement; a page's planning was ~2 ms of its ~3 ms in
 * the database at 150k). Texts with many parameters get no name, so the set of names stays bounded.
 */
function statementName(query: { sql: string; args: unknown[] }): string {
  if (query.args.length > MAX_PREPARED_PARAMS) return undefined as unknown as string; // unnamed
  return `p${generation}_${createHash("sha1").update(query.sql).digest("base64url")}`;
}

const isStalePlan = (error: unknown) =>
  (error as { code?: string } | null)?.code === "0A000" &&
  /cached plan must not change result type/.test(String((error as Error).message));

/**
 * pg's client, which runs a named statement that went stale (isStalePlan) once more under the next
 * generation's name. Inside a transaction the failed statement has aborted it, so the retry fails too and
 * the caller gets the first error (the transaction rolls back whole; the next one prepares afresh).
 */
class RecoveringClient extends pg.Client {}
type Callback = (error: Error | null, result?: unknown) => void;
const plainQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
RecoveringClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  // The adapter's form: one config object (values inside), as pg.Pool passes it on: (config, undefined, cb).
  const [config, values, last] = args;
  const callback = [values, last].find((arg): arg is Callback => typeof arg === "function");
  const name = (config as { name?: unknown } | null)?.name;
  const isAdapterForm = args.length === 1 || (args.length <= 3 && typeof values !== "object" && callback);
  if (typeof name !== "string" || !isAdapterForm) return plainQuery.apply(this, args);
  const run = (named: string) =>
    plainQuery.call(this, { ...(config as object), name: named }) as Promise<unknown>;
  const result = run(name).catch((error: unknown) => {
    if (!isStalePlan(error)) throw error;
    const [, seen, hash] = /^p(\d+)_(.+)$/.exec(name) ?? [];
    if (hash === undefined) throw error;
    if (Number(seen) === generation) generation += 1;
    return run(`p${generation}_${hash}`).catch(() => {
      throw error;
    });
  });
  if (!callback) return result;
  result.then(
    (value) => callback(null, value),
    (error: Error) => callback(error),
  );
  return undefined;
} as typeof pg.Client.prototype.query;

function getClient(): PrismaClient {
  if (globalForDb.prisma) return globalForDb.prisma;
  const config = env();
  const pool = new pg.Pool({
    connectionString: config.DATABASE_URL,
    max: 10,
    connectionTimeoutMillis: 5_000,
    Client: RecoveringClient,
  });
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    ...(config.DATABASE_PREPARED_STATEMENTS ? { statementNameGenerator: statementName } : {}),
  });
  globalForDb.prisma = new PrismaClient({ adapter });
  return globalForDb.prisma;
}

/**
 * The Prisma client, created on first use (not at import, so `next build` needs no database).
 * Only server code uses it: lib/server and each feature's queries.ts / mutations.ts.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
