/**
 * Trust item 13: backup and restore. `npm run db:backup` runs while writes go on, inside an exported
 * REPEATABLE READ snapshot whose row counts and checksums per table are taken at the same time; the
 * backup is restored with `npm run db:restore` into a fresh database, and every table must match the
 * snapshot exactly.
 *
 * pg_dump must be at least as new as the server. When the machine has client tools for the embedded
 * PostgreSQL 18 the test uses the embedded server; otherwise it runs a cluster of the newest
 * PostgreSQL whose server and client tools are installed (Debian's 15 on this machine image).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { findFreePort, startThrowawayPostgres, type RunningDatabase } from "@/scripts/lib/embedded-db";
import { findPgTool } from "@/scripts/lib/pg-tools";
import { runPrisma } from "@/scripts/prisma";
import { reportFigure } from "@/tests/support/trust-report";

const TEST = "13. backup and restore";
const isRoot = process.getuid?.() === 0;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function asPostgres(command: string, args: string[]) {
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
}

/** A cluster of the newest system PostgreSQL that has server binaries and pg_dump. */
async function startSystemPostgres(): Promise<{ url: (db: string) => string; major: number } | null> {
  if (!fs.existsSync("/usr/lib/postgresql")) return null;
  const major = fs
    .readdirSync("/usr/lib/postgresql")
    .filter(
      (d) =>
        fs.existsSync(`/usr/lib/postgresql/${d}/bin/postgres`) &&
        fs.existsSync(`/usr/lib/postgresql/${d}/bin/pg_dump`),
    )
    .map(Number)
    .sort((a, b) => b - a)[0];
  if (!major) return null;
  const bin = `/usr/lib/postgresql/${major}/bin`;
  const dir = fs.mkdtempSync(path.join("/var/tmp", "advocacy-backup-test-"));
  if (isRoot) spawnSync("chown", ["postgres", dir]);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const port = await findFreePort(3260);
  asPostgres(`${bin}/initdb`, [
    "-D",
    `${dir}/data`,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C",
  ]);
  asPostgres(`${bin}/pg_ctl`, [
    "-D",
    `${dir}/data`,
    "-w",
    "-l",
    `${dir}/log`,
    "-o",
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off`,
    "start",
  ]);
  cleanups.push(() => asPostgres(`${bin}/pg_ctl`, ["-D", `${dir}/data`, "-m", "immediate", "stop"]));
  return { url: (db) => `postgresql://postgres@127.0.0.1:${port}/${db}`, major };
}

type TableStats = Record<string, { rows: number; checksum: string }>;

async function tableStats(client: pg.Client): Promise<TableStats> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const stats: TableStats = {};
  for (const { name } of tables) {
    const { rows } = await client.query<{ n: number; sum: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(t::text), ',' ORDER BY md5(t::text)), '')) AS sum FROM "${name}" t`,
    );
    stats[name] = { rows: rows[0]!.n, checksum: rows[0]!.sum };
  }
  return stats;
}

function run(command: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

it("a backup taken during writes restores to exactly its own snapshot", async () => {
  // Which server can we back up on this machine?
  let url: (db: string) => string;
  let server: string;
  let hasEmbeddedTools = true;
  try {
    findPgTool("pg_dump", 18);
  } catch {
    hasEmbeddedTools = false;
  }
  if (hasEmbeddedTools) {
    const source: RunningDatabase = await startThrowawayPostgres("source");
    cleanups.push(() => source.stop());
    url = (db) => source.url.replace(/\/source$/, `/${db}`);
    server = "embedded PostgreSQL 18";
  } else {
    const system = await startSystemPostgres();
    if (!system) {
      reportFigure(
        TEST,
        "not checked: no pg_dump for the embedded PostgreSQL 18 and no system PostgreSQL",
        true,
      );
      return;
    }
    url = system.url;
    server = `system PostgreSQL ${system.major} (no pg_dump 18 for the embedded server here)`;
    const admin = new pg.Client({ connectionString: url("postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE source`);
    await admin.end();
  }
  const admin = new pg.Client({ connectionString: url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE restored`);
  await admin.end();
  await runPrisma(["migrate", "deploy"], { ...process.env, DATABASE_URL: url("source") });

  // Some data, then writers that keep going during the backup.
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url("source") }) });
  cleanups.push(() => prisma.$disconnect());
  const user = await prisma.user.create({
    data: { name: "Backup Tester", email: "backup@it.test", passwordHash: "!" },
  });
  const workspace = await prisma.workspace.create({ data: { name: "Backup workspace", slug: "backup" } });
  const tracker = await prisma.tracker.create({ data: { workspaceId: workspace.id, name: "Tracker" } });
  const section = await prisma.section.create({
    data: { workspaceId: workspace.id, trackerId: tracker.id, title: "Section", position: 0 },
  });
  const rec = await prisma.recommendation.create({
    data: {
      workspaceId: workspace.id,
      trackerId: tracker.id,
      sectionId: section.id,
      title: "R",
      text: "T",
      position: 0,
    },
  });
  let isWriting = true;
  let writes = 0;
  const writer = (async () => {
    while (isWriting) {
      await prisma.$transaction([
        prisma.comment.create({
          data: {
            workspaceId: workspace.id,
            recommendationId: rec.id,
            authorId: user.id,
            body: `note ${writes} ✓ «ü»`,
          },
        }),
        prisma.activityEvent.create({
          data: {
            workspaceId: workspace.id,
            recommendationId: rec.id,
            actorId: user.id,
            type: "comment.created",
            data: { n: writes },
          },
        }),
        prisma.recommendation.update({ where: { id: rec.id }, data: { version: { increment: 1 } } }),
      ]);
      writes += 1;
    }
  })();
  while (writes < 20) await new Promise((r) => setTimeout(r, 10));

  // The snapshot pg_dump will use, and its own counts and checksums.
  const snapshotClient = new pg.Client({ connectionString: url("source") });
  await snapshotClient.connect();
  await snapshotClient.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const { rows } = await snapshotClient.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
  const expected = await tableStats(snapshotClient);
  const writesBefore = writes;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "advocacy-backup-")), "backup.dump");
  const backup = await run(["npx", "tsx", "scripts/db-backup.ts", "--out", file, "--snapshot", rows[0]!.id], {
    ...process.env,
    DATABASE_URL: url("source"),
  });
  await snapshotClient.query("COMMIT");
  await snapshotClient.end();
  const writesDuringBackup = writes - writesBefore;
  isWriting = false;
  await writer;
  expect(backup.code, backup.output).toBe(0);
  // The dump holds every workspace's data: readable by its owner only.
  const mode = fs.statSync(file).mode & 0o777;

  const restore = await run(["npx", "tsx", "scripts/db-restore.ts", file], {
    ...process.env,
    DATABASE_URL: url("restored"),
  });
  expect(restore.code, restore.output).toBe(0);
  const restoredClient = new pg.Client({ connectionString: url("restored") });
  await restoredClient.connect();
  const actual = await tableStats(restoredClient);
  await restoredClient.end();

  const tables = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
  const differences = tables.filter(
    (t) => expected[t]?.rows !== actual[t]?.rows || expected[t]?.checksum !== actual[t]?.checksum,
  );
  const rowsInSnapshot = Object.values(expected).reduce((sum, s) => sum + s.rows, 0);
  reportFigure(
    TEST,
    `tables ${tables.length}, rows ${rowsInSnapshot}, writes during backup ${writesDuringBackup}, differences ${differences.length}, file mode ${mode.toString(8)} (${server})`,
    differences.length === 0 && writesDuringBackup > 0 && mode === 0o600,
  );
  expect(mode.toString(8)).toBe("600");
  expect(differences).toEqual([]);
  expect(writesDuringBackup).toBeGreaterThan(0);
  expect(expected.Comment?.rows).toBeGreaterThan(0);
});
