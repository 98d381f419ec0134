/**
 * The committed migrations are the database: they must apply to an empty database and produce exactly
 * prisma/schema.prisma. Runs the real Prisma CLI (through scripts/prisma.ts, so also where Prisma's native
 * schema engine cannot be downloaded) against its own throwaway PostgreSQL.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startThrowawayPostgres, type RunningDatabase } from "../../scripts/lib/embedded-db";
import { capturePrisma, type PrismaOutput } from "../../scripts/prisma";

const TIMEOUT = 60_000;
const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

let db: RunningDatabase | undefined;
let env: NodeJS.ProcessEnv;

/** Runs `prisma <args>` against the throwaway database. */
function prisma(args: string[]): Promise<PrismaOutput> {
  return capturePrisma(args, env);
}

function explain({ exitCode, stdout, stderr }: PrismaOutput): string {
  return `exit code ${exitCode}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`;
}

function committedMigrationNames(): string[] {
  if (!fs.existsSync(migrationsDir)) return [];
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name)
    .sort();
}

beforeAll(async () => {
  db = await startThrowawayPostgres("migrations");
  env = { ...process.env, DATABASE_URL: db.url };
}, TIMEOUT);

afterAll(async () => {
  await db?.stop();
}, TIMEOUT);

describe("committed migrations", () => {
  it(
    "apply to an empty database with `migrate deploy`",
    async () => {
      const names = committedMigrationNames();
      expect(names.length, `no migrations committed in ${migrationsDir}`).toBeGreaterThan(0);

      const result = await prisma(["migrate", "deploy"]);
      expect(result.exitCode, explain(result)).toBe(0);

      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      try {
        const { rows } = await client.query<{ migration_name: string; finished_at: Date | null }>(
          `SELECT migration_name, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name`,
        );
        expect(rows.map((row) => row.migration_name)).toEqual(names);
        expect(rows.filter((row) => row.finished_at === null)).toEqual([]);
      } finally {
        await client.end();
      }
    },
    TIMEOUT,
  );

  it(
    "leave `migrate status` up to date",
    async () => {
      const result = await prisma(["migrate", "status"]);
      expect(result.exitCode, explain(result)).toBe(0);
      expect(result.stdout).toContain("Database schema is up to date!");
    },
    TIMEOUT,
  );

  it(
    "produce exactly prisma/schema.prisma (`migrate diff` finds no drift)",
    async () => {
      const result = await prisma([
        "migrate",
        "diff",
        "--from-config-datasource",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ]);
      // --exit-code: 0 = no difference, 2 = difference, 1 = error.
      expect(result.exitCode, explain(result)).toBe(0);
      expect(result.stdout).toContain("No difference detected.");
    },
    TIMEOUT,
  );
});
