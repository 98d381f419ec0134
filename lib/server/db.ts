import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server/env";

const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

/** Statements with more parameters than this (bulk inserts of any size) stay unnamed: one-off texts. */
const MAX_PREPARED_PARAMS = 100;

/**
 * A name per statement text, so that each pooled connection parses and plans it once and then only binds
 * and executes it (PostgreSQL keeps a plan per named statement; a page's planning was ~2 ms of its ~3 ms in
 * the database at 150k). Texts with many parameters get no name, so the set of names stays bounded.
 */
function statementName(query: { sql: string; args: unknown[] }): string {
  if (query.args.length > MAX_PREPARED_PARAMS) return undefined as unknown as string; // unnamed
  return `p${createHash("sha1").update(query.sql).digest("base64url")}`;
}

function getClient(): PrismaClient {
  if (globalForDb.prisma) return globalForDb.prisma;
  const config = env();
  const adapter = new PrismaPg(
    { connectionString: config.DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 },
    config.DATABASE_PREPARED_STATEMENTS ? { statementNameGenerator: statementName } : {},
  );
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
