/**
 * Benchmark (not a test): requests per second of the public scorecard against the signed-in tracker page,
 * in the same run, on the same production server and database (the demo tracker, published live).
 *
 *   npm run build && npm run bench:public [-- --seconds 10 --connections 10]
 */
import crypto from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { runPrisma } from "./prisma";
import type { runNext } from "./lib/app-env";
import { signIn, startBenchServer } from "./lib/bench";
import { findFreePort, startThrowawayPostgres } from "./lib/embedded-db";
import { DEMO_PASSWORD, DEMO_USERS, seedIfEmpty } from "../prisma/seed";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SECONDS = arg("seconds", 10);
const CONNECTIONS = arg("connections", 10);

async function publishDemo(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; workspaceId: string }>(
      `SELECT t.id, t."workspaceId" FROM "Tracker" t JOIN "Workspace" w ON w.id = t."workspaceId"
       WHERE w.slug = 'demo' AND t."archivedAt" IS NULL ORDER BY t."createdAt" LIMIT 1`,
    );
    const tracker = rows[0];
    if (!tracker) throw new Error("The demo seed has no tracker");
    await client.query(
      `INSERT INTO "Publication" (id, "workspaceId", "trackerId", "updatedAt") VALUES ($1, $2, $3, now())`,
      [`bench_${crypto.randomBytes(4).toString("hex")}`, tracker.workspaceId, tracker.id],
    );
    // Some evidence public, so the page carries what a real scorecard does.
    await client.query(
      `UPDATE "Evidence" SET "isPublic" = true WHERE "recommendationId" IN
       (SELECT id FROM "Recommendation" WHERE "trackerId" = $1)`,
      [tracker.id],
    );
    return tracker.id;
  } finally {
    await client.end();
  }
}

async function load(url: string, headers: Record<string, string>) {
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  const ok = result["2xx"];
  if (result.non2xx > 0 || ok === 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${ok} 2xx`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    kb: result.throughput.average / Math.max(1, result.requests.average) / 1024,
    total: result.requests.total,
  };
}

async function main() {
  const db = await startThrowawayPostgres("bench-public");
  const port = await findFreePort(3470);
  const base = `http://localhost:${port}`;
  const env = { ...process.env, DATABASE_URL: db.url };
  let server: ReturnType<typeof runNext> | undefined;
  try {
    await runPrisma(["migrate", "deploy"], env);
    await seedIfEmpty(db.url, () => {});
    const trackerId = await publishDemo(db.url);
    server = await startBenchServer(base, port, env);
    const cookie = await signIn(base, DEMO_USERS.viewer.email, DEMO_PASSWORD);
    const publicUrl = `${base}/p/demo/${trackerId}`;
    const trackerUrl = `${base}/w/demo/t/${trackerId}`;
    // Warm both (compilation of the route, the scorecard's data cache).
    for (let i = 0; i < 3; i++) {
      await (await fetch(publicUrl)).text();
      await (await fetch(trackerUrl, { headers: { cookie } })).text();
    }
    console.log(
      `\nautocannon, ${CONNECTIONS} connections × ${SECONDS} s each, one production server (next start), same database:`,
    );
    const rows: [string, Awaited<ReturnType<typeof load>>][] = [
      ["public scorecard /p/demo/<tracker> (anonymous)", await load(publicUrl, {})],
      ["signed-in tracker page /w/demo/t/<tracker>", await load(trackerUrl, { cookie })],
      ["public badge /p/demo/<tracker>/badge.svg", await load(`${publicUrl}/badge.svg`, {})],
    ];
    console.log(
      `${"page".padEnd(50)} ${"req/s".padStart(8)} ${"p50".padStart(8)} ${"p99".padStart(8)} ${"KB/resp".padStart(8)} ${"requests".padStart(9)}`,
    );
    for (const [label, r] of rows) {
      console.log(
        `${label.padEnd(50)} ${r.rps.toFixed(1).padStart(8)} ${`${r.p50} ms`.padStart(8)} ${`${r.p99} ms`.padStart(8)} ${r.kb.toFixed(0).padStart(8)} ${String(r.total).padStart(9)}`,
      );
    }
    const [pub, signedIn] = rows.map(([, r]) => r);
    console.log(`\npublic / signed-in: ${(pub!.rps / signedIn!.rps).toFixed(2)}×`);
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
