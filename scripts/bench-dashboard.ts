/**
 * Benchmark (not a test): the tracker dashboard over a tracker of 50,000 recommendations with a status
 * history (about 100,000 status_changed events over 2021–2026, plus creation and comment events), served
 * by the production build. Prints the server time (median and p95) of the dashboard, time travel and the
 * workspace overview.
 *
 *   npx next build && npm run bench:dashboard [-- --rows 50000 --runs 15]
 */
import crypto from "node:crypto";
import { pathToFileURL } from "node:url";
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

/** Adds the benchmark tracker to the demo workspace of the database at `url`; returns its id. */
export async function populate(url: string) {
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
  // Created over 2021–2022; status g % 6; every 40th archived.
  await client.query(
    `INSERT INTO "Recommendation" (id, "workspaceId", "trackerId", "sectionId", title, text, status, "targetActor",
       "requiresLegislation", "dueDate", position, "archivedAt", "createdAt", "updatedAt")
     SELECT $2 || '_r' || g, $1, $2, $2 || '_s' || (g % 20),
            'Recommendation ' || g || ': ' || (ARRAY['Ratify the Convention against Torture','End arbitrary detention','Protect human rights defenders','Guarantee freedom of expression','Abolish the death penalty'])[1 + g % 5],
            'Full text of recommendation ' || g || '.',
            (ARRAY['NOT_STARTED','IN_PROGRESS','STALLED','PARTIALLY_ACHIEVED','ACHIEVED','REVERSED'])[1 + g % 6]::"RecommendationStatus",
            (ARRAY['White House','State Department','Congress','Department of Justice'])[1 + g % 4],
            CASE g % 3 WHEN 0 THEN true WHEN 1 THEN false ELSE NULL END,
            CASE WHEN g % 7 = 0 THEN date '2024-01-01' + (g % 900) ELSE NULL END,
            g / 20,
            CASE WHEN g % 40 = 0 THEN timestamp '2024-06-01' + (g % 300 || ' days')::interval ELSE NULL END,
            timestamp '2021-01-15' + (g % 500 || ' days')::interval, now()
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
    `INSERT INTO "ActivityEvent" (id, "workspaceId", "trackerId", "recommendationId", "actorId", type, data, "createdAt")
     SELECT $2 || '_c' || g, $1, $2, $2 || '_r' || g, $3, 'recommendation.created',
            jsonb_build_object('title', 'Recommendation ' || g), timestamp '2021-01-15' + (g % 500 || ' days')::interval
     FROM generate_series(1, $4::int) g`,
    [workspaceId, trackerId, users[0].id, ROWS],
  );
  // A chain of 1–3 changes ending at the recommendation's status (none for Not started); every 50th moved
  // in the last 60 days.
  await client.query(
    `WITH recs AS (
       SELECT g, (ARRAY['NOT_STARTED','IN_PROGRESS','STALLED','PARTIALLY_ACHIEVED','ACHIEVED','REVERSED'])[1 + g % 6] AS fin,
              timestamp '2021-01-15' + (g % 500 || ' days')::interval AS created
       FROM generate_series(1, $4::int) g
     ),
     paths AS (
       SELECT g, created, CASE 1 + g % 3
         WHEN 1 THEN ARRAY[fin]
         WHEN 2 THEN ARRAY[CASE WHEN fin = 'IN_PROGRESS' THEN 'STALLED' ELSE 'IN_PROGRESS' END, fin]
         ELSE ARRAY['IN_PROGRESS', CASE WHEN fin = 'STALLED' THEN 'PARTIALLY_ACHIEVED' ELSE 'STALLED' END, fin]
       END AS steps
       FROM recs WHERE fin <> 'NOT_STARTED'
     ),
     steps AS (
       SELECT g, k, cardinality(steps) AS n, s AS "to",
              COALESCE(lag(s) OVER (PARTITION BY g ORDER BY k), 'NOT_STARTED') AS "from",
              CASE WHEN g % 50 = 0 AND k = cardinality(steps) THEN now() - ((g % 60) || ' days')::interval
                ELSE created + (k * (20 + g % 200) || ' days')::interval + (g % 1440 || ' minutes')::interval END AS at
       FROM paths, unnest(steps) WITH ORDINALITY AS u(s, k)
     )
     INSERT INTO "ActivityEvent" (id, "workspaceId", "trackerId", "recommendationId", "actorId", type, data, "createdAt")
     SELECT $2 || '_h' || g || '_' || k, $1, $2, $2 || '_r' || g, $3, 'recommendation.status_changed',
            jsonb_build_object('from', "from", 'to', "to", 'justification', 'Benchmark change ' || k), at
     FROM steps`,
    [workspaceId, trackerId, users[0].id, ROWS],
  );
  await client.query(
    `INSERT INTO "ActivityEvent" (id, "workspaceId", "trackerId", "recommendationId", "actorId", type, data, "createdAt")
     SELECT $2 || '_a' || g, $1, $2, $2 || '_r' || g, $3, 'recommendation.archived',
            jsonb_build_object('title', 'Recommendation ' || g), timestamp '2024-06-01' + (g % 300 || ' days')::interval
     FROM generate_series(1, $4::int) g WHERE g % 40 = 0`,
    [workspaceId, trackerId, users[0].id, ROWS],
  );
  await client.query(
    `INSERT INTO "ActivityEvent" (id, "workspaceId", "trackerId", "recommendationId", "actorId", type, data, "createdAt")
     SELECT $2 || '_m' || g, $1, $2, $2 || '_r' || g, $3, 'comment.added',
            jsonb_build_object('commentId', 'c' || g, 'mentions', '[]'::jsonb), now() - ((g % 400) || ' days')::interval
     FROM generate_series(1, $4::int) g WHERE g % 5 = 0`,
    [workspaceId, trackerId, users[0].id, ROWS],
  );
  await client.query("COMMIT");
  await client.query("ANALYZE");
  const { rows: counted } = await client.query(
    `SELECT type, count(*)::int AS n FROM "ActivityEvent" WHERE "trackerId" = $1 GROUP BY type ORDER BY type`,
    [trackerId],
  );
  await client.end();
  console.log(
    `Seeded ${ROWS.toLocaleString("en")} recommendations in ${((Date.now() - started) / 1000).toFixed(1)} s; events: ${counted
      .map((row) => `${row.type} ${row.n.toLocaleString("en")}`)
      .join(", ")}`,
  );
  return trackerId;
}

async function main() {
  const db = await startThrowawayPostgres("bench");
  const port = await findFreePort(3460);
  const base = `http://localhost:${port}`;
  const env = { ...process.env, DATABASE_URL: db.url };
  let server: ReturnType<typeof runNext> | undefined;
  try {
    await runPrisma(["migrate", "deploy"], env);
    await seedIfEmpty(db.url, () => {});
    const trackerId = await populate(db.url);
    server = await startBenchServer(base, port, { ...env, JOB_WORKERS: "0" });
    const cookie = await signIn(base, DEMO_USERS.editor.email, DEMO_PASSWORD);
    const t = `/w/demo/t/${trackerId}`;
    const cases: [string, string][] = [
      ["dashboard (30 days, no filter)", `${t}/dashboard`],
      ["dashboard (100 days, section filter)", `${t}/dashboard?section=${trackerId}_s3&since=100d`],
      ["dashboard (custom date, owner=me, stale 90)", `${t}/dashboard?since=2022-06-30&owner=me&stale=90`],
      ["dashboard (actor filter, 7 days)", `${t}/dashboard?actor=Congress&since=7d`],
      ["time travel ?asOf=2021-12-31", `${t}?asOf=2021-12-31`],
      ["time travel ?asOf=2023-06-30, page 300", `${t}?asOf=2023-06-30&page=300`],
      ["workspace overview (demo + 50k tracker)", `/w/demo`],
      ["tracker list (for comparison)", t],
    ];
    // Warm the server (code, connections, PostgreSQL's buffers) on the tracker list, which caches nothing, so
    // the "first" column is a page's first load on a running server, not the server's first request.
    for (let i = 0; i < 3; i++) await fetch(`${base}${t}`, { headers: { cookie } }).then((r) => r.text());
    console.log(
      `\nServer time over loopback, ${RUNS} runs each (production build, ${ROWS.toLocaleString("en")} recommendations):`,
    );
    console.log(
      `${"page".padEnd(50)} ${"first".padStart(9)} ${"median".padStart(9)} ${"p95".padStart(9)} ${"HTML".padStart(9)}`,
    );
    for (const [label, path] of cases) {
      const result = await timePage(base, path, cookie, RUNS);
      console.log(
        `${label.padEnd(50)} ${`${result.first.toFixed(0)} ms`.padStart(9)} ${`${result.median.toFixed(0)} ms`.padStart(9)} ${`${result.p95.toFixed(0)} ms`.padStart(9)} ${`${Math.round(result.bytes / 1024)} KB`.padStart(9)}`,
      );
    }
  } finally {
    server?.child.kill("SIGTERM");
    await server?.exited;
    await db.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
