/**
 * Named (prepared) statements (lib/server/db.ts) against a table that changes shape while the app runs, as
 * when another instance applies a migration: PostgreSQL refuses a statement prepared before the change
 * ("cached plan must not change result type"), and the app prepares it again instead of failing the request.
 */
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";

const TABLE = `prepared_probe_${process.pid}`;

afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${TABLE}`);
});

describe("named statements", () => {
  it("keep working on every pooled connection after a column is added to a table they read with *", async () => {
    await db.$executeRawUnsafe(`CREATE TABLE ${TABLE} (id int PRIMARY KEY, name text)`);
    await db.$executeRawUnsafe(`INSERT INTO ${TABLE} VALUES (1, 'first')`);
    // More reads at once than the pool has connections: every connection prepares the statement.
    const readAll = () =>
      Promise.all(
        Array.from({ length: 12 }, () =>
          db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT t.* FROM ${TABLE} t WHERE t.id = $1`, 1),
        ),
      );
    const before = await readAll();
    expect(before.map((rows) => rows[0])).toEqual(Array(12).fill({ id: 1, name: "first" }));

    await db.$executeRawUnsafe(`ALTER TABLE ${TABLE} ADD COLUMN extra text NOT NULL DEFAULT 'added'`);
    const after = await readAll();
    expect(after.map((rows) => rows[0])).toEqual(Array(12).fill({ id: 1, name: "first", extra: "added" }));
  });
});
