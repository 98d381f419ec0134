/** Shared by the trust specs: direct access to the e2e stack's throwaway database. */
import fs from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { e2eStackFile } from "../ports";

export function e2eDatabaseUrl(): string {
  const { databaseUrl } = JSON.parse(fs.readFileSync(e2eStackFile(), "utf8")) as { databaseUrl: string };
  // Only ever the local throwaway cluster the e2e server started.
  if (!/^postgresql:\/\/[^@]+@127\.0\.0\.1:\d+\/e2e$/.test(databaseUrl)) {
    throw new Error(`Refusing to touch ${databaseUrl}: not the e2e throwaway database`);
  }
  return databaseUrl;
}

export function openDb(url = e2eDatabaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** Row counts of every application table (to prove that nothing changed). */
export async function rowCounts(db: PrismaClient): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}
