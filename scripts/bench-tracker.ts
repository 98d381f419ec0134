/**
 * Benchmark (not a test): a tracker of 50,000 recommendations, served by the production build.
 * Prints the server time of the filtered list page, the board and a recommendation page.
 *
 *   npm run build && npm run bench:tracker [-- --rows 50000 --runs 15]
 */
import crypto from "node:crypto";
import pg from "pg";
import { runPrisma } from "./prisma";
import type { runNext } from "./lib/app-env";
import { signIn, startBenchServer, timePage } from "./lib/bench";
import { findFreePort, startThrowawayPostgres } from "./lib/embedded-db";
import { DEMO_PASSWORD, DEMO_USERS, seedIfEmpty } from "../prisma/seed";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const ROWS = arg("rows", 50_000);
const RUNS = arg("runs", 15);

async function populate(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  const { rows: ws } = await client.query(`SELECT id FROM "Workspace" WHERE slug = 'demo'`);
  const workspaceId = ws[0].id as string;
  const { rows: users } = await client.query(
    `SELECT u.id FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m."workspaceId" = $1`,
    [workspaceId],
  );
  const trackerId = `bench_${crypto.randomBytes(4).toString("hex")}`;
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "Tracker" (id, "workspaceId", name, "updatedAt") VALUES ($1, $2, $3, now())`,
    [trackerId, workspaceId, `Benchmark: ${ROWS.toLocaleString("en")} recommendations`],
  );
  await client.query(
    `INSERT INTO "Section" (id, "workspaceId", "trackerId", title, position, "updatedAt")
     SELECT $2 || '_s' || g, $1, $2, 'Section ' || g, g, now() FROM generate_series(0, 19) g`,
    [workspaceId, trackerId],
  );
  await client.query(
    `INSERT INTO "Recommendation" (id, "workspaceId", "trackerId", "sectionId", title, text, "sourcePassage", status, "targetActor", "dueDate", position, "updatedAt")
     SELECT $2 || '_r' || g, $1, $2, $2 || '_s' || (g % 20),
            'Recommendation ' || g || ': ' || (ARRAY['Ratify the Convention against Torture','End arbitrary detention','Protect human rights defenders','Guarantee freedom of expression','Abolish the death penalty'])[1 + g % 5],
            'Full text of recommendation ' || g || '. The State should take effective measures to ' || md5(g::text) || '.',
            'Source passage ' || g,
            (ARRAY['NOT_STARTED','IN_PROGRESS','STALLED','PARTIALLY_ACHIEVED','ACHIEVED','REVERSED'])[1 + g % 6]::"RecommendationStatus",
            (ARRAY['White House','State Department','Congress','Department of Justice'])[1 + g % 4],
            CASE WHEN g % 7 = 0 THEN date '2024-01-01' + (g % 900) ELSE NULL END,
            g / 20, now() - (g || ' seconds')::interval
     FROM generate_series(1, $3::int) g`,
    [workspaceId, trackerId, ROWS],
  );
  for (const [index, user] of users.entries()) {
    await client.query(
      `INSERT INTO "RecommendationOwner" ("recommendationId", "userId") SELECT $1 || '_r' || g, $2 FROM generate_series(1, $3::int) g WHERE g % 3 = $4`,
      [trackerId, user.id, ROWS, index % 3],
    );
  }
  await client.query(
    `INSERT INTO "Evidence" (id, "workspaceId", "recommendationId", url, "normalizedUrl", title, "sourceType", stance, "addedById", "updatedAt")
     SELECT $2 || '_e' || g, $1, $2 || '_r' || g, 'https://example.org/' || g, 'example.org/' || g, 'Report ' || g, 'NGO_REPORT', 'CONTEXT', $3, now()
     FROM generate_series(1, $4::int) g WHERE g % 4 = 0`,
    [workspaceId, trackerId, users[0].id, ROWS],
  );
  await client.query("COMMIT");
  await client.query("ANALYZE");
  await client.end();
  console.log(
    `Seeded ${ROWS.toLocaleString("en")} recommendations in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return trackerId;
}

async function main() {
  const db = await startThrowawayPostgres("bench");
  const port = await findFreePort(3450);
  const base = `http://localhost:${port}`;
  const env = { ...process.env, DATABASE_URL: db.url };
  let server: ReturnType<typeof runNext> | undefined;
  try {
    await runPrisma(["migrate", "deploy"], env);
    await seedIfEmpty(db.url, () => {});
    const trackerId = await populate(db.url);
    server = await startBenchServer(base, port, env);
    const cookie = await signIn(base, DEMO_USERS.editor.email, DEMO_PASSWORD);
    const t = `/w/demo/t/${trackerId}`;
    const cases: [string, string][] = [
      ["list, first page, no filter", t],
      ["list, filtered (status + owner=me + evidence)", `${t}?status=IN_PROGRESS&owner=me&evidence=with`],
      ["list, text search 'torture'", `${t}?q=torture`],
      ["list, overdue, sorted by due date, page 20", `${t}?overdue=1&sort=due&page=20`],
      ["list, deep page 900", `${t}?page=900`],
      ["board, all statuses", `${t}?view=board`],
      ["recommendation page", `${t}/r/${trackerId}_r12345`],
    ];
    console.log(
      `\nServer time over loopback, ${RUNS} runs each (production build, ${ROWS.toLocaleString("en")} recommendations):`,
    );
    console.log(`${"page".padEnd(50)} ${"median".padStart(9)} ${"p95".padStart(9)} ${"HTML".padStart(9)}`);
    for (const [label, path] of cases) {
      const result = await timePage(base, path, cookie, RUNS);
      console.log(
        `${label.padEnd(50)} ${`${result.median.toFixed(0)} ms`.padStart(9)} ${`${result.p95.toFixed(0)} ms`.padStart(9)} ${`${Math.round(result.bytes / 1024)} KB`.padStart(9)}`,
      );
    }
  } finally {
    server?.child.kill("SIGTERM");
    await server?.exited;
    await db.stop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
