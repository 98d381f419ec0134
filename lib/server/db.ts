import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server/env";

const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

function getClient(): PrismaClient {
  if (globalForDb.prisma) return globalForDb.prisma;
  const adapter = new PrismaPg({
    connectionString: env().DATABASE_URL,
    max: 10,
    connectionTimeoutMillis: 5_000,
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
