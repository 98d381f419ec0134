/**
 * Benchmark (not a test): the UPR Info CSV repeated to 50,000 rows, imported through the app's own write path
 * (lib/import/writer.ts: batched INSERTs, tags, events, one transaction; the same write path the background
 * import job runs, lib/import/execute.ts), next to a plain PostgreSQL
 * `COPY … FROM STDIN` of the same recommendation rows, in a throwaway embedded PostgreSQL.
 *
 *   npx tsx --conditions=react-server scripts/bench-import.ts [rows]
 *
 * (`react-server` makes the `server-only` guard of lib/import a no-op outside Next.js.)
 */
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { writeImport } from "@/lib/import/writer";
import { decodeImportBytes } from "@/lib/import/encoding";
import { prepareRows, readImportFile, suggestMapping, titleFromText } from "@/lib/import/rows";
import { startThrowawayPostgres } from "./lib/embedded-db";
import { runPrisma } from "./prisma";

const ROWS = Number(process.argv[2] ?? 50_000);
import { UPR_CSV as UPR } from "../tests/support/fixture-files";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const csvCell = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;

async function main() {
  const database = await startThrowawayPostgres("bench");
  try {
    await runPrisma(["migrate", "deploy"], { ...process.env, DATABASE_URL: database.url });
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    const user = await prisma.user.create({
      data: { name: "Bench", email: "bench@example.org", passwordHash: "x" },
    });
    const workspace = await prisma.workspace.create({ data: { name: "Bench", slug: "bench" } });
    await prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "OWNER" } });
    const appTracker = await prisma.tracker.create({
      data: { workspaceId: workspace.id, name: "App import" },
    });
    const copyTracker = await prisma.tracker.create({ data: { workspaceId: workspace.id, name: "COPY" } });

    const table = readImportFile("upr.csv", decodeImportBytes(new Uint8Array(fs.readFileSync(UPR))));
    const source = table.records;
    table.records = Array.from({ length: ROWS }, (_, i) => source[i % source.length]!);
    console.log(`UPR Info CSV: ${source.length} rows, repeated to ${ROWS.toLocaleString("en")}`);

    // 1. The app's import: validation + one transaction of batched writes.
    const started = performance.now();
    const prepared = prepareRows(table, suggestMapping(table.headers), { memberIdsByEmail: new Map() });
    const prepMs = performance.now() - started;
    const counts = await prisma.$transaction(
      (tx) =>
        writeImport(tx, {
          workspaceId: workspace.id,
          trackerId: appTracker.id,
          actorId: user.id,
          fileName: "upr.csv",
          prepared,
          sectionOrder: [],
          defaultSection: "Imported",
          memberIdsByEmail: new Map(),
        }),
      { timeout: 15 * 60_000 },
    );
    const appMs = performance.now() - started;

    // 2. Plain COPY of the same recommendation rows (no tags, no events, no validation).
    const section = await prisma.section.create({
      data: { workspaceId: workspace.id, trackerId: copyTracker.id, title: "Imported", position: 0 },
    });
    const now = new Date().toISOString();
    const lines = prepared.rows.map((row, position) =>
      [
        `c${randomUUID().replace(/-/g, "").slice(0, 24)}`,
        workspace.id,
        copyTracker.id,
        section.id,
        row.title ?? titleFromText(row.text),
        row.text,
        "NOT_STARTED",
        JSON.stringify(row.attributes),
        position,
        now,
        now,
      ]
        .map(csvCell)
        .join(","),
    );
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const copyStarted = performance.now();
    await client.query("BEGIN");
    const stream = client.query(
      copyFrom(
        `COPY "Recommendation" ("id", "workspaceId", "trackerId", "sectionId", "title", "text", "status", "attributes", "position", "createdAt", "updatedAt") FROM STDIN (FORMAT csv)`,
      ),
    );
    await pipeline(Readable.from(lines.map((line) => `${line}\n`)), stream);
    await client.query("COMMIT");
    const copyMs = performance.now() - copyStarted;
    await client.end();

    const [appCount, copyCount, tagLinks, events] = await Promise.all([
      prisma.recommendation.count({ where: { trackerId: appTracker.id } }),
      prisma.recommendation.count({ where: { trackerId: copyTracker.id } }),
      prisma.recommendationTag.count({ where: { recommendation: { trackerId: appTracker.id } } }),
      prisma.activityEvent.count({ where: { trackerId: appTracker.id } }),
    ]);
    console.log(
      `App import : ${seconds(appMs)} for ${appCount.toLocaleString("en")} recommendations ` +
        `(${counts.created} created; parse+validate ${seconds(prepMs)}; also ${tagLinks.toLocaleString("en")} tag links, ${events.toLocaleString("en")} events)`,
    );
    console.log(
      `Plain COPY : ${seconds(copyMs)} for ${copyCount.toLocaleString("en")} recommendation rows only`,
    );
    console.log(`Ratio      : ${(appMs / copyMs).toFixed(1)}×`);
    await prisma.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
