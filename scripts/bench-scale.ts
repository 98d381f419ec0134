/**
 * Benchmark (not a test gate): the app at 5k, 50k and 150k recommendations per tracker, with 5 comments and
 * 3 events per recommendation, served by the production build (`next build`, then `next start` through the
 * shared harness scripts/lib/bench.ts) on one throwaway embedded PostgreSQL.
 *
 * For each page and size it prints the median and p95 server time over loopback, the SQL statements per
 * request and their time (pg_stat_statements deltas), page ÷ SQL, the app's SQL ÷ hand-written SQL for the
 * same rows, page ÷ hand-written SQL and page ÷ the sign-in page; then autocannon at 10 and 50 connections
 * against the tracker page and the sign-in page of the same server; the HTML, RSC and JS bytes (and gzip);
 * and EXPLAIN (ANALYZE, BUFFERS) of the slowest list-path query (auto_explain). It exits non-zero, loudly,
 * when a list path reads "Comment" or "ActivityEvent" with a sequential scan.
 *
 *   npm run bench:scale [-- --sizes 5000,50000,150000 --runs 15 --seconds 10 --instances 2 --no-build --serve]
 */
import crypto from "node:crypto";
import zlib from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { runPrisma } from "./prisma";
import { runNext } from "./lib/app-env";
import { spawn } from "node:child_process";
import path from "node:path";
import { signIn, startBenchServer, timePage, waitUntilHealthy } from "./lib/bench";
import { findFreePort, startThrowawayPostgres } from "./lib/embedded-db";
import { DEMO_PASSWORD, DEMO_USERS, seedIfEmpty } from "../prisma/seed";

const argValue = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const SIZES = (argValue("sizes") ?? "5000,50000,150000").split(",").map(Number);
const RUNS = Number(argValue("runs") ?? 15);
const SECONDS = Number(argValue("seconds") ?? 10);
const BUILD = !process.argv.includes("--no-build");
/** Seed, start, print the URLs and keep serving (for profiling a page by hand) instead of measuring. */
const SERVE = process.argv.includes("--serve");
/** The `npm start` throughput runs: its front server with this many Next.js instances (WEB_CONCURRENCY). */
const INSTANCES = Number(argValue("instances") ?? 2);
const PAGE_SIZE = 50;
/** Recommendations whose seeded events go in one statement. */
const EVENT_BATCH = 5_000;

// ---------------------------------------------------------------------------------------------------------
// Seeding: one workspace per size (the editor is a member), INSERT … SELECT generate_series, one transaction.
// ---------------------------------------------------------------------------------------------------------

type Seeded = {
  size: number;
  slug: string;
  workspaceId: string;
  trackerId: string;
  editorId: string;
  seconds: number;
};

async function seed(client: pg.Client, size: number): Promise<Seeded> {
  const started = Date.now();
  const tag = crypto.randomBytes(3).toString("hex");
  const slug = `scale-${size}`;
  const workspaceId = `ws_${tag}`;
  const t = `t${tag}`; // ids: <tracker>_r<g>, short so the indexes stay realistic
  const { rows: users } = await client.query<{ id: string; email: string }>(
    `SELECT u.id, u.email FROM "User" u JOIN "Membership" m ON m."userId" = u.id
     JOIN "Workspace" w ON w.id = m."workspaceId" WHERE w.slug = 'demo' ORDER BY u.email`,
  );
  const editor = users.find((u) => u.email === DEMO_USERS.editor.email);
  if (!editor) throw new Error("The demo seed has no editor");
  await client.query("BEGIN");
  await client.query(`INSERT INTO "Workspace" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [
    workspaceId,
    `Scale ${size.toLocaleString("en")}`,
    slug,
  ]);
  await client.query(
    `INSERT INTO "Membership" (id, "workspaceId", "userId", role, "updatedAt")
     SELECT $1 || '_m' || row_number() OVER (), $1, u.id, 'EDITOR', now() FROM unnest($2::text[]) AS u(id)`,
    [workspaceId, users.map((u) => u.id)],
  );
  await client.query(
    `INSERT INTO "Tracker" (id, "workspaceId", name, "updatedAt") VALUES ($1, $2, $3, now())`,
    [t, workspaceId, `UPR database: ${size.toLocaleString("en")} recommendations`],
  );
  await client.query(
    `INSERT INTO "Section" (id, "workspaceId", "trackerId", title, position, "updatedAt")
     SELECT $2 || '_s' || g, $1, $2, 'Cycle ' || g, g, now() FROM generate_series(0, 19) g`,
    [workspaceId, t],
  );
  // status = g % 6; evidence when g % 5 = 0; owners by (g / 6) % 3: every filter combination has rows.
  await client.query(
    `INSERT INTO "Recommendation" (id, "workspaceId", "trackerId", "sectionId", title, text, "sourcePassage",
       status, "targetActor", "dueDate", position, attributes, "updatedAt", "createdAt")
     SELECT $2 || '_r' || g, $1, $2, $2 || '_s' || (g % 20),
            'Recommendation ' || g || ': ' || (ARRAY['Ratify the Convention against Torture','End arbitrary detention','Protect human rights defenders','Guarantee freedom of expression','Abolish the death penalty'])[1 + g % 5],
            'Full text of recommendation ' || g || '. The State should take effective measures to ' || md5(g::text) || '.',
            'Source passage ' || g,
            (ARRAY['NOT_STARTED','IN_PROGRESS','STALLED','PARTIALLY_ACHIEVED','ACHIEVED','REVERSED'])[1 + g % 6]::"RecommendationStatus",
            (ARRAY['Ministry of Justice','Ministry of Interior','Parliament','Office of the President'])[1 + g % 4],
            CASE WHEN g % 7 = 0 THEN date '2024-01-01' + (g % 900) ELSE NULL END,
            g / 20,
            jsonb_build_object('Recommended by', jsonb_build_array((ARRAY['France','Chile','Kenya','Japan','Brazil','Norway'])[1 + g % 6])),
            timestamp '2026-01-01' + (g % 300 || ' days')::interval,
            timestamp '2021-01-15' + (g % 500 || ' days')::interval
     FROM generate_series(1, $3::int) g`,
    [workspaceId, t, size],
  );
  for (const [index, user] of users.entries()) {
    await client.query(
      `INSERT INTO "RecommendationOwner" ("recommendationId", "userId")
       SELECT $1 || '_r' || g, $2 FROM generate_series(1, $3::int) g WHERE (g / 6) % 3 = $4`,
      [t, user.id, size, index % 3],
    );
  }
  await client.query(
    `INSERT INTO "Evidence" (id, "workspaceId", "recommendationId", url, "normalizedUrl", title, "sourceType",
       stance, "addedById", "isPublic", "updatedAt")
     SELECT $2 || '_e' || g, $1, $2 || '_r' || g, 'https://example.org/' || g, 'example.org/' || g,
            'Report ' || g, 'NGO_REPORT', 'PROGRESS', $3, true, now()
     FROM generate_series(1, $4::int) g WHERE g % 5 = 0`,
    [workspaceId, t, editor.id, size],
  );
  // 5 comments per recommendation.
  await client.query(
    `INSERT INTO "Comment" (id, "workspaceId", "recommendationId", "authorId", body, "updatedAt", "createdAt")
     SELECT $2 || '_c' || g || '_' || k, $1, $2 || '_r' || g, $3, 'Comment ' || k || ' on ' || g, now(),
            timestamp '2025-01-01' + ((g + k) % 400 || ' days')::interval
     FROM generate_series(1, $4::int) g, generate_series(1, 5) k`,
    [workspaceId, t, editor.id, size],
  );
  // 3 events per recommendation: created, a status change to its status, a comment. In statements of 5,000
  // recommendations, as the app writes (imports write batches of at most 2,000). Since migration
  // 20261203100000_history_refresh_linear each statement costs the same however big the tracker already is
  // (2.0–2.9 s at 150,000 on 2 busy cores). Larger statements were not timed at 150,000 with the whole
  // migration (docs/performance.md, "Known limits"), so the batch stays at 5,000.
  for (let from = 1; from <= size; from += EVENT_BATCH) {
    await client.query(
      `INSERT INTO "ActivityEvent" (id, "workspaceId", "trackerId", "recommendationId", "actorId", type, data, "createdAt")
     SELECT $2 || '_v' || g || '_' || k, $1, $2, $2 || '_r' || g, $3,
            (ARRAY['recommendation.created','recommendation.status_changed','comment.added'])[k],
            CASE k
              WHEN 1 THEN jsonb_build_object('title', 'Recommendation ' || g)
              WHEN 2 THEN jsonb_build_object('from', 'NOT_STARTED',
                'to', (ARRAY['IN_PROGRESS','IN_PROGRESS','STALLED','PARTIALLY_ACHIEVED','ACHIEVED','REVERSED'])[1 + g % 6],
                'justification', 'Benchmark change')
              ELSE jsonb_build_object('commentId', $2 || '_c' || g || '_1', 'mentions', '[]'::jsonb)
            END,
            timestamp '2021-01-15' + (g % 500 || ' days')::interval + (k * 30 || ' days')::interval
     FROM generate_series($4::int, $5::int) g, generate_series(1, 3) k`,
      [workspaceId, t, editor.id, from, Math.min(size, from + EVENT_BATCH - 1)],
    );
  }
  await client.query(
    `INSERT INTO "Publication" (id, "workspaceId", "trackerId", "updatedAt") VALUES ($1, $2, $3, now())`,
    [`pub_${tag}`, workspaceId, t],
  );
  await client.query("COMMIT");
  // What autovacuum would do after a bulk load: statistics, and the visibility map for index-only scans. The
  // trigger-kept tables too: otherwise autovacuum works through them during the measurements (at 150,000 it
  // took CPU from the throughput runs: the sign-in page, which reads nothing, fell from ~170 to ~95/s).
  for (const table of [
    "Recommendation",
    "RecommendationOwner",
    "Comment",
    "Evidence",
    "ActivityEvent",
    "Section",
    "RecommendationCount",
    "RecommendationOwnerCount",
    "RecommenderCount",
    "RecommendationDayDelta",
    "StatusDayDelta",
  ]) {
    await client.query(`VACUUM (ANALYZE) "${table}"`);
  }
  return {
    size,
    slug,
    workspaceId,
    trackerId: t,
    editorId: editor.id,
    seconds: (Date.now() - started) / 1000,
  };
}

// ---------------------------------------------------------------------------------------------------------
// SQL capture: pg_stat_statements deltas (statements and execution time per request).
// ---------------------------------------------------------------------------------------------------------

/** Statements the page did not send: background workers (pg-boss, outboxes, mail) and this benchmark. */
const NOT_THE_PAGE =
  /bench-write|pgboss|pg_stat_statements|"NotificationOutbox"|"AccountMailJob"|"ImportJob"|"DigestRun"|"SentReminder"|"Presence"|pg_notify|LISTEN|^(BEGIN|COMMIT|ROLLBACK|DEALLOCATE)|^SELECT \$1$|^SELECT 1$/i;

async function sqlSnapshot(client: pg.Client) {
  const { rows } = await client.query<{ query: string; calls: string; ms: number }>(
    `SELECT query, calls::text, total_exec_time AS ms FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  const page = rows.filter((row) => !NOT_THE_PAGE.test(row.query.trim()));
  return {
    statements: page.reduce((sum, row) => sum + Number(row.calls), 0),
    ms: page.reduce((sum, row) => sum + row.ms, 0),
  };
}

async function timed<T>(client: pg.Client, requests: number, run: () => Promise<T>) {
  await client.query("SELECT pg_stat_statements_reset()");
  const result = await run();
  const sql = await sqlSnapshot(client);
  return { result, statements: sql.statements / requests, sqlMs: sql.ms / requests };
}

/** The median of `runs` executions of hand-written SQL (after a warm-up), in ms. */
async function timeSql(
  client: pg.Client,
  sql: string,
  params: unknown[],
): Promise<{ ms: number; rows: number }> {
  await client.query(sql, params);
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const result = await client.query(sql, params);
    samples.push(performance.now() - started);
    rows = result.rowCount ?? 0;
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, rows };
}

// Hand-written SQL for the same rows as the page (what one would write by hand: counts by correlated
// subqueries on the page's rows, owners aggregated, keyset on the document order).
const HAND_ROW = `r.id, r.title, r.status, r."targetActor", r.priority, r."dueDate", r."sectionId",
  (SELECT count(*) FROM "Comment" c WHERE c."recommendationId" = r.id AND c."deletedAt" IS NULL) AS comments,
  (SELECT count(*) FROM "Evidence" e WHERE e."recommendationId" = r.id) AS evidence,
  (SELECT json_agg(json_build_object('id', u.id, 'name', u.name)) FROM "RecommendationOwner" o
    JOIN "User" u ON u.id = o."userId" WHERE o."recommendationId" = r.id) AS owners`;
const HAND_LIVE = `r."trackerId" = $1 AND r."archivedAt" IS NULL
  AND EXISTS (SELECT 1 FROM "Section" s WHERE s.id = r."sectionId" AND s."archivedAt" IS NULL)`;
const HAND = {
  first: `SELECT ${HAND_ROW} FROM "Recommendation" r WHERE ${HAND_LIVE}
    ORDER BY r."sectionPosition", r.position, r.id LIMIT ${PAGE_SIZE}`,
  filtered: `SELECT ${HAND_ROW} FROM "Recommendation" r WHERE ${HAND_LIVE} AND r.status = 'IN_PROGRESS'
    AND EXISTS (SELECT 1 FROM "RecommendationOwner" o WHERE o."recommendationId" = r.id AND o."userId" = $2)
    AND EXISTS (SELECT 1 FROM "Evidence" e WHERE e."recommendationId" = r.id)
    ORDER BY r."sectionPosition", r.position, r.id LIMIT ${PAGE_SIZE}`,
  deep: `SELECT ${HAND_ROW} FROM "Recommendation" r WHERE ${HAND_LIVE}
    AND (r."sectionPosition", r.position, r.id) > ($2::int, $3::int, $4::text)
    ORDER BY r."sectionPosition", r.position, r.id LIMIT ${PAGE_SIZE}`,
  board: `SELECT st, card.* FROM unnest(enum_range(NULL::"RecommendationStatus")) AS st
    CROSS JOIN LATERAL (SELECT ${HAND_ROW} FROM "Recommendation" r WHERE ${HAND_LIVE} AND r.status = st
      ORDER BY r."sectionPosition", r.position, r.id LIMIT 25) card`,
};

// ---------------------------------------------------------------------------------------------------------
// Payload: HTML, inline and fetched RSC, first-load JS (raw and gzip).
// ---------------------------------------------------------------------------------------------------------

const gz = (data: string | Uint8Array) => zlib.gzipSync(data).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function payload(base: string, path: string, cookie: string) {
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  const html = await response.text();
  const inlineRsc = [...html.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/gs)]
    .map((m) => m[1]!)
    .join("");
  const rsc = await fetch(`${base}${path}`, { headers: { cookie, RSC: "1" } }).then((r) => r.text());
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!);
  let js = 0;
  let jsGzip = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await fetch(new URL(src, base)).then((r) => r.text()));
    js += body.length;
    jsGzip += gz(body);
  }
  return {
    html: Buffer.byteLength(html),
    htmlGzip: gz(html),
    inlineRsc: Buffer.byteLength(inlineRsc),
    rsc: Buffer.byteLength(rsc),
    rscGzip: gz(rsc),
    js,
    jsGzip,
  };
}

async function load(url: string, headers: Record<string, string>, connections: number) {
  const result = await autocannon({ url, headers, connections, duration: SECONDS, timeout: 10 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    timeouts: result.timeouts,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

// ---------------------------------------------------------------------------------------------------------

type Case = {
  key: string;
  label: string;
  path: string;
  isListPath: boolean;
  hand?: keyof typeof HAND;
  /** Before each request (untimed): a status change, so that every request is a first load after a write. */
  afterWrite?: boolean;
};
type Measured = Case & {
  size: number;
  /** The first request after seeding (nothing cached for this page yet). */
  first: number;
  median: number;
  p95: number;
  statements: number;
  sqlMs: number;
  handMs: number | null;
  handRows: number | null;
};

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const ratio = (value: number | null) =>
  value === null || !Number.isFinite(value) ? "–" : `${value.toFixed(1)}×`;

async function main() {
  const planLog: string[] = [];
  let capturePlans = false;
  const db = await startThrowawayPostgres("bench_scale", {
    settings: [
      "shared_preload_libraries=pg_stat_statements,auto_explain",
      "pg_stat_statements.track=top",
      // auto_explain.log_min_duration stays off the command line: a command-line value would override the
      // ALTER SYSTEM that turns plan logging on for the EXPLAIN pass.
      "auto_explain.log_analyze=on",
      "auto_explain.log_buffers=on",
      "auto_explain.log_timing=on",
      "auto_explain.log_nested_statements=on",
    ],
    log: (message) => {
      if (capturePlans) planLog.push(message);
    },
  });
  const port = await findFreePort(3470);
  const base = `http://localhost:${port}`;
  // One secret for both servers: the session cookie signed in on one is valid on the other.
  // No job workers in the measured servers: a scheduled job (the hourly reminder tick, whose first run on a
  // fresh database reminds the owners of every item due or overdue, item by item) landing in a measurement
  // window made one run's 150k pages 1.5–3× slower, with 18–83 statements a request instead of 7.
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    JOB_WORKERS: "0",
  };
  let server: Awaited<ReturnType<typeof startBenchServer>> | undefined;
  let cluster: { child: ReturnType<typeof spawn>; exited: Promise<number> } | undefined;
  const clusterPort = await findFreePort(3490);
  const clusterBase = `http://localhost:${clusterPort}`;
  const client = new pg.Client({ connectionString: db.url });
  const writer = new pg.Client({ connectionString: db.url });
  const failures: string[] = [];
  try {
    if (BUILD) {
      console.log("Building (next build)…");
      const code = await runNext(["build"], env).exited;
      if (code !== 0) throw new Error(`next build failed (${code})`);
    }
    await runPrisma(["migrate", "deploy"], env);
    await seedIfEmpty(db.url, () => {});
    await client.connect();
    await writer.connect();
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    server = await startBenchServer(base, port, env);
    const cookie = await signIn(base, DEMO_USERS.editor.email, DEMO_PASSWORD);
    if (INSTANCES > 0 && !SERVE) {
      // `npm start` as deployed: the front server (client address, round-robin) and INSTANCES Next.js
      // instances on the same database.
      const child = spawn(
        process.execPath,
        [path.join("node_modules", "tsx", "dist", "cli.mjs"), path.join("scripts", "start.ts")],
        {
          env: {
            ...env,
            NODE_ENV: "production",
            PORT: String(clusterPort),
            APP_URL: clusterBase,
            WEB_CONCURRENCY: String(INSTANCES),
            TRUST_PROXY: "",
          },
          stdio: ["ignore", "ignore", "inherit"],
        },
      );
      const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
      cluster = { child, exited };
      await waitUntilHealthy(clusterBase, exited, "npm start");
    }

    const results: Measured[] = [];
    const throughput: {
      size: number;
      server: string;
      page: string;
      connections: number;
      r: Awaited<ReturnType<typeof load>>;
    }[] = [];
    const payloads: { size: number; page: string; p: Awaited<ReturnType<typeof payload>> }[] = [];
    const plans: { size: number; page: string; ms: number; plan: string }[] = [];
    let signInMedian = 0;
    /** Prints the tables for the sizes measured so far (after each size: a long run shows its figures early). */
    const report = () => {
      // ------------------------------------------------------------------------------------------ report
      const lines: string[] = [];
      const out = (line = "") => {
        lines.push(line);
      };
      out(
        `Server time over loopback, median/p95 of ${RUNS} requests (production build, embedded PostgreSQL 18).`,
      );
      out(
        "SQL = statements per request and their execution time (pg_stat_statements); hand = hand-written SQL for the same rows.",
      );
      out();
      out(
        `| page | recs | first load | median | p95 | SQL stmts | SQL time | page ÷ SQL | SQL ÷ hand | page ÷ hand | page ÷ sign-in |`,
      );
      out(`|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
      for (const r of results) {
        const signInForSize = results.find((x) => x.key === "signin" && x.size === r.size)!.median;
        out(
          `| ${r.label} | ${r.size.toLocaleString("en")} | ${ms(r.first)} | ${ms(r.median)} | ${ms(r.p95)} | ${r.statements.toFixed(1)} | ${ms(r.sqlMs)} | ${ratio(r.sqlMs ? r.median / r.sqlMs : null)} | ${ratio(r.handMs ? r.sqlMs / r.handMs : null)} | ${ratio(r.handMs ? r.median / r.handMs : null)} | ${ratio(r.median / signInForSize)} |`,
        );
      }
      if (SIZES.length > 1) {
        const [small, large] = [SIZES[0]!, SIZES.at(-1)!];
        out();
        out(`Growth ${small.toLocaleString("en")} → ${large.toLocaleString("en")} (median; target < 2×):`);
        out();
        out(`| page | ${small.toLocaleString("en")} | ${large.toLocaleString("en")} | growth |`);
        out(`|---|---:|---:|---:|`);
        for (const r of results.filter((x) => x.size === small)) {
          const big = results.find((x) => x.key === r.key && x.size === large);
          if (big)
            out(
              `| ${r.label.replace(/ \d+$/, "")} | ${ms(r.median)} | ${ms(big.median)} | ${ratio(big.median / r.median)} |`,
            );
        }
      }
      out();
      out(
        `Throughput (autocannon, ${SECONDS} s each; tracker page signed in, first page). "next start": one instance;` +
          ` "npm start ×N": the production command, its front server and N instances (WEB_CONCURRENCY=N):`,
      );
      out();
      out(
        `| recs | server | page | conns | req/s | p50 | p99 | timeouts | errors | non-2xx | tracker ÷ sign-in |`,
      );
      out(`|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
      for (const x of throughput) {
        const signInRps = throughput.find(
          (y) =>
            y.size === x.size &&
            y.server === x.server &&
            y.connections === x.connections &&
            y.page === "sign-in page",
        )!.r.rps;
        out(
          `| ${x.size.toLocaleString("en")} | ${x.server} | ${x.page} | ${x.connections} | ${x.r.rps.toFixed(1)} | ${x.r.p50} ms | ${x.r.p99} ms | ${x.r.timeouts} | ${x.r.errors} | ${x.r.non2xx} | ${x.page === "tracker page" ? `${((100 * x.r.rps) / signInRps).toFixed(0)}%` : ""} |`,
        );
      }
      out();
      out("Payload (raw / gzip):");
      out();
      out(`| recs | page | HTML | inline RSC | RSC (navigation) | first-load JS |`);
      out(`|---:|---|---:|---:|---:|---:|`);
      for (const x of payloads) {
        out(
          `| ${x.size.toLocaleString("en")} | ${x.page} | ${kb(x.p.html)} / ${kb(x.p.htmlGzip)} | ${kb(x.p.inlineRsc)} | ${kb(x.p.rsc)} / ${kb(x.p.rscGzip)} | ${kb(x.p.js)} / ${kb(x.p.jsGzip)} |`,
        );
      }
      const slowest = plans.filter((p) => p.size === SIZES.at(-1)).sort((a, b) => b.ms - a.ms)[0];
      if (slowest) {
        out();
        out(
          `Slowest list-path statement at ${slowest.size.toLocaleString("en")} (${slowest.page}, ${slowest.ms.toFixed(1)} ms), EXPLAIN (ANALYZE, BUFFERS):`,
        );
        out();
        out("```");
        for (const line of slowest.plan.trimEnd().split("\n")) out(line.replace(/^\t/, ""));
        out("```");
      }
      console.log(`\n${lines.join("\n")}`);
    };

    for (const size of SIZES) {
      const s = await seed(client, size);
      const { rows: counts } = await client.query<{ comments: string; events: string }>(
        `SELECT (SELECT count(*) FROM "Comment" WHERE "workspaceId" = $1)::text AS comments,
                (SELECT count(*) FROM "ActivityEvent" WHERE "workspaceId" = $1)::text AS events`,
        [s.workspaceId],
      );
      console.log(
        `\nSeeded ${size.toLocaleString("en")} recommendations, ${Number(counts[0]!.comments).toLocaleString("en")} comments, ${Number(counts[0]!.events).toLocaleString("en")} events in ${s.seconds.toFixed(1)} s`,
      );
      const t = `/w/${s.slug}/t/${s.trackerId}`;
      if (SERVE) {
        console.log(`${base}${t}  cookie: ${cookie}\n${db.url}`);
        continue;
      }
      // The deep page: 90% of the way through, reached by its keyset cursor (as "Next" links do).
      const deepPage = Math.max(2, Math.floor((size / PAGE_SIZE) * 0.9));
      const { rows: deepRows } = await client.query<{ sp: number; pos: number; id: string }>(
        `SELECT r."sectionPosition" AS sp, r.position AS pos, r.id FROM "Recommendation" r
         WHERE r."trackerId" = $1 AND r."archivedAt" IS NULL
         ORDER BY r."sectionPosition", r.position, r.id OFFSET $2 LIMIT 1`,
        [s.trackerId, (deepPage - 1) * PAGE_SIZE - 1],
      );
      const deep = deepRows[0]!;
      const cursor = Buffer.from(JSON.stringify([deep.sp, deep.pos, deep.id])).toString("base64url");
      const recId = `${s.trackerId}_r${Math.floor(size / 2)}`;
      const cases: Case[] = [
        { key: "first", label: "list, first page", path: t, isListPath: true, hand: "first" },
        {
          key: "filtered",
          label: "list, filtered (status+owner=me+evidence)",
          path: `${t}?status=IN_PROGRESS&owner=me&evidence=with`,
          isListPath: true,
          hand: "filtered",
        },
        {
          key: "deep",
          label: `list, deep page ${deepPage}`,
          path: `${t}?page=${deepPage}&after=${cursor}`,
          isListPath: true,
          hand: "deep",
        },
        { key: "board", label: "board", path: `${t}?view=board`, isListPath: true, hand: "board" },
        { key: "rec", label: "recommendation page", path: `${t}/r/${recId}`, isListPath: false },
        { key: "dashboard", label: "dashboard", path: `${t}/dashboard`, isListPath: false },
        {
          key: "dashboard-write",
          label: "dashboard, first load after a write",
          path: `${t}/dashboard`,
          isListPath: false,
          afterWrite: true,
        },
        {
          key: "dashboard-section-write",
          label: "dashboard, one section, after a write",
          path: `${t}/dashboard?section=${s.trackerId}_s3`,
          isListPath: false,
          afterWrite: true,
        },
        { key: "public", label: "public scorecard", path: `/p/${s.slug}/${s.trackerId}`, isListPath: false },
      ];
      // The filtered case must show rows (an empty page times nothing).
      const filteredHtml = await fetch(`${base}${cases[1]!.path}`, { headers: { cookie } }).then((r) =>
        r.text(),
      );
      if (!filteredHtml.includes(`/r/${s.trackerId}_r`)) {
        failures.push(`${size}: the filtered page returned no rows`);
      }
      const signIn = await timePage(base, "/sign-in", "", RUNS);
      signInMedian = signIn.median;
      // A status change as the app writes it (the row and its event, one statement: the triggers run as in a
      // server action), alternating Achieved and In progress; "bench-write" keeps it out of the page's SQL. Its
      // own connection: PL/pgSQL keeps a trigger statement's plan per session, planned for the transition
      // tables it first saw, and one-row writes must not plan the next size's seed.
      const write = async () => {
        await writer.query(
          `/* bench-write */ WITH old AS (SELECT id, status FROM "Recommendation" WHERE id = $1),
           upd AS (
             UPDATE "Recommendation" r SET status = (CASE WHEN old.status = 'ACHIEVED' THEN 'IN_PROGRESS'
               ELSE 'ACHIEVED' END)::"RecommendationStatus", version = r.version + 1, "updatedAt" = now()
             FROM old WHERE r.id = old.id
             RETURNING r.id, r."workspaceId", r."trackerId", old.status AS f, r.status AS t
           )
           INSERT INTO "ActivityEvent" (id, "workspaceId", "trackerId", "recommendationId", "actorId", type, data)
           SELECT 'bench_' || md5(random()::text), "workspaceId", "trackerId", id, $2,
             'recommendation.status_changed', jsonb_build_object('from', f, 'to', t, 'justification', 'Benchmark')
           FROM upd`,
          [recId, s.editorId],
        );
      };
      for (const c of cases) {
        const measured = await timed(client, RUNS + 2, () =>
          timePage(base, c.path, cookie, RUNS, c.afterWrite ? write : undefined),
        );
        let hand: { ms: number; rows: number } | null = null;
        if (c.hand) {
          const params: unknown[] =
            c.hand === "filtered"
              ? [s.trackerId, s.editorId]
              : c.hand === "deep"
                ? [s.trackerId, deep.sp, deep.pos, deep.id]
                : [s.trackerId];
          hand = await timeSql(client, HAND[c.hand], params);
        }
        results.push({
          ...c,
          size,
          first: measured.result.first,
          median: measured.result.median,
          p95: measured.result.p95,
          statements: measured.statements,
          sqlMs: measured.sqlMs,
          handMs: hand?.ms ?? null,
          handRows: hand?.rows ?? null,
        });
      }
      results.push({
        key: "signin",
        label: "sign-in page",
        path: "/sign-in",
        isListPath: false,
        size,
        first: signIn.first,
        median: signIn.median,
        p95: signIn.p95,
        statements: 0,
        sqlMs: 0,
        handMs: null,
        handRows: null,
      });

      // Plans of every list-path statement (one request each), with actual rows, timing and buffers.
      await client.query("ALTER SYSTEM SET auto_explain.log_min_duration = 0");
      await client.query("SELECT pg_reload_conf()");
      await new Promise((r) => setTimeout(r, 300));
      for (const c of cases.filter((x) => x.isListPath)) {
        planLog.length = 0;
        capturePlans = true;
        await fetch(`${base}${c.path}`, { headers: { cookie } }).then((r) => r.text());
        await new Promise((r) => setTimeout(r, 300));
        capturePlans = false;
        const text = planLog.join("");
        for (const part of text.split(/(?=LOG:\s+duration: )/)) {
          const m = /duration: ([\d.]+) ms\s+plan:\s*([\s\S]*)/.exec(part);
          if (!m || NOT_THE_PAGE.test(m[2]!.replace(/^\s*Query Text:\s*/, ""))) continue;
          const plan = m[2]!;
          plans.push({ size, page: c.label, ms: Number(m[1]), plan });
          const seq = /Seq Scan on "?(Comment|ActivityEvent)"?/.exec(plan);
          if (seq) failures.push(`${size} ${c.label}: Seq Scan on "${seq[1]}" on a list path`);
        }
      }
      if (!plans.some((p) => p.size === size))
        failures.push(`${size}: no query plan was captured (auto_explain)`);
      await client.query("ALTER SYSTEM SET auto_explain.log_min_duration = -1");
      await client.query("SELECT pg_reload_conf()");

      // Throughput: the tracker page and the sign-in page, same server, same run.
      const servers = [
        { name: "next start", url: base },
        ...(cluster ? [{ name: `npm start ×${INSTANCES}`, url: clusterBase }] : []),
      ];
      for (const { name, url } of servers) {
        // Warm-up, untimed: every instance behind the front server gets its first renders (JIT) here.
        for (let i = 0; i < 10 * INSTANCES; i++) {
          await fetch(`${url}${t}`, { headers: { cookie } }).then((r) => r.text());
          await fetch(`${url}/sign-in`).then((r) => r.text());
        }
        for (const connections of [10, 50]) {
          throughput.push({
            size,
            server: name,
            page: "tracker page",
            connections,
            r: await load(`${url}${t}`, { cookie }, connections),
          });
          throughput.push({
            size,
            server: name,
            page: "sign-in page",
            connections,
            r: await load(`${url}/sign-in`, {}, connections),
          });
        }
      }
      payloads.push({ size, page: "tracker page (50 rows)", p: await payload(base, t, cookie) });
      payloads.push({ size, page: "board", p: await payload(base, `${t}?view=board`, cookie) });
      payloads.push({ size, page: "sign-in page", p: await payload(base, "/sign-in", "") });
      report();
    }

    if (SERVE) {
      console.log("Serving; Ctrl-C stops the server and the database.");
      await new Promise((resolve) => process.once("SIGINT", resolve));
      return;
    }
    void signInMedian;
    if (failures.length) {
      console.error(`\n${"!".repeat(80)}`);
      for (const failure of failures) console.error(`!!! FAILED: ${failure}`);
      console.error(`${"!".repeat(80)}`);
      process.exitCode = 1;
    }
  } finally {
    await client.end().catch(() => {});
    await writer.end().catch(() => {});
    server?.child.kill("SIGTERM");
    cluster?.child.kill("SIGTERM");
    await Promise.all([server?.exited, cluster?.exited]);
    await db.stop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
