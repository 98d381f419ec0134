/**
 * Benchmark (not a test): live updates on the production build, two instances on one throwaway database.
 *
 * 1. Latency from commit to paint: a browser posts comments through instance A; another browser, on A
 *    (same instance) or on B (across instances), shows the recommendation. The time is from the comment's
 *    insert (its createdAt, a few ms before the commit) to the observer's next animation frame after the
 *    comment entered its DOM (MutationObserver). Same machine, same clock. Median and p95.
 * 2. Idle subscribers: N live streams (default 500) opened from this process to instance A through the
 *    production front server (scripts/lib/client-ip-server.ts), as 25 users; counts the streams that got
 *    `ready` and a heartbeat 25 s later, the instance's LISTEN connections, and the instance's memory (RSS
 *    of the Next.js process and its children) before and with them open; then latency again under that load.
 *
 *   npm run build && npm run bench:live [-- --samples 20 --idle 500]
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { spawn, type ChildProcess } from "node:child_process";
import { chromium, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { runPrisma } from "./prisma";
import { createClientIpServer } from "./lib/client-ip-server";
import { findFreePort, startThrowawayPostgres } from "./lib/embedded-db";
import { DEMO_USERS, seedIfEmpty } from "../prisma/seed";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SAMPLES = arg("samples", 20);
const IDLE = arg("idle", 500);
const USERS_FOR_IDLE = 25; // MAX_STREAMS_PER_USER is 20 per instance
const secret = crypto.randomBytes(32).toString("base64url");
/** Production cookies are `useSecureCookies` (lib/server/auth): the __Secure- name, also over localhost. */
const COOKIE = "__Secure-authjs.session-token";

type Instance = { url: string; child: ChildProcess; exited: Promise<void> };

async function startInstance(name: string, port: number, databaseUrl: string): Promise<Instance> {
  const url = `http://localhost:${port}`;
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: secret,
        AUTH_TRUST_HOST: "true",
        APP_URL: url,
        JOB_WORKERS: "0",
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; i < 360; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { url, child, exited };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not start`);
}

/** RSS of a process and all its descendants, in MB (Linux /proc). */
function treeRssMb(rootPid: number): number {
  const parent = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone
    }
  }
  const inTree = (pid: number): boolean =>
    pid === rootPid || (parent.has(pid) && pid > 1 && inTree(parent.get(pid)!));
  let kb = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return Math.round(kb / 102.4) / 10;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const summary = (values: number[]) =>
  `median ${quantile(values, 0.5)} ms, p95 ${quantile(values, 0.95)} ms, min ${Math.min(...values)} ms, max ${Math.max(...values)} ms (n=${values.length})`;

async function sessionCookie(userId: string, sessionVersion: number) {
  return encode({
    token: { sub: userId, sv: sessionVersion, sid: crypto.randomUUID() },
    secret,
    salt: COOKIE,
  });
}

async function observe(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { benchSeen: Record<string, number>; benchDelivered: number[] };
    w.benchSeen = {};
    w.benchDelivered = [];
    window.addEventListener("live:change", () => w.benchDelivered.push(Date.now()));
    new MutationObserver(() => {
      for (const node of document.querySelectorAll("[data-testid=comment]")) {
        const key = /bench-[a-z0-9-]+/.exec(node.textContent ?? "")?.[0];
        if (key && !(key in w.benchSeen)) {
          w.benchSeen[key] = 0;
          requestAnimationFrame(() => (w.benchSeen[key] = Date.now()));
        }
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

async function measure(label: string, writer: Page, observer: Page, db: pg.Client, samples: number) {
  await observe(observer);
  const results: number[] = [];
  const delivered: number[] = [];
  for (let i = 0; i < samples; i++) {
    const key = `bench-${i}-${crypto.randomBytes(4).toString("hex")}`;
    await writer.getByLabel("Comment", { exact: true }).fill(`Live ${key}`);
    await writer.getByRole("button", { name: "Comment", exact: true }).click();
    let seenAt = 0;
    const deadline = Date.now() + 15_000;
    while (!seenAt && Date.now() < deadline) {
      seenAt = await observer.evaluate(
        (k) => (window as unknown as { benchSeen: Record<string, number> }).benchSeen[k] ?? 0,
        key,
      );
      if (!seenAt) await new Promise((r) => setTimeout(r, 20));
    }
    const { rows } = await db.query(
      `SELECT (EXTRACT(EPOCH FROM "createdAt") * 1000)::float8 AS at FROM "Comment" WHERE body = $1`,
      [`Live ${key}`],
    );
    if (!seenAt || rows.length === 0) {
      console.log(`  ${label} sample ${i}: not seen within 15 s`);
      continue;
    }
    const committedAt = Number(rows[0].at);
    results.push(Math.round(seenAt - committedAt));
    // The first change event that reached the page after the insert: the stream's share of the time.
    const arrivals = await observer.evaluate(
      () => (window as unknown as { benchDelivered: number[] }).benchDelivered,
    );
    const arrival = arrivals.find((t) => t >= committedAt);
    if (arrival) delivered.push(Math.round(arrival - committedAt));
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`${label}: painted ${summary(results)}`);
  if (delivered.length) console.log(`${" ".repeat(label.length)}  event delivered ${summary(delivered)}`);
  return results;
}

/** Opens one idle stream; resolves when `ready` arrives. Counts heartbeats afterwards. */
function openIdleStream(port: number, cookie: string, state: { heartbeats: Set<number> }, index: number) {
  return new Promise<http.ClientRequest>((resolve, reject) => {
    const request = http.get(
      {
        host: "127.0.0.1",
        port,
        path: "/api/w/demo/live",
        headers: { cookie: `${COOKIE}=${cookie}`, host: `localhost:${port}` },
      },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`status ${response.statusCode}`));
        let isReady = false;
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (!isReady && chunk.includes("event: ready")) {
            isReady = true;
            resolve(request);
          }
          if (chunk.includes(": heartbeat")) state.heartbeats.add(index);
        });
      },
    );
    request.on("error", reject);
  });
}

async function main() {
  const db = await startThrowawayPostgres("bench-live");
  const databaseUrl = db.url;
  let a: Instance | undefined;
  let b: Instance | undefined;
  let browser: Browser | undefined;
  const front = { close: () => undefined as unknown };
  try {
    await runPrisma(["migrate", "deploy"], { ...process.env, DATABASE_URL: databaseUrl });
    await seedIfEmpty(databaseUrl);
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("error", () => undefined); // the database stops at the end
    await client.connect();
    const ws = (await client.query(`SELECT id FROM "Workspace" WHERE slug = 'demo'`)).rows[0].id as string;
    const users = (
      await client.query(`SELECT id, email, "sessionVersion" FROM "User" WHERE email = ANY($1)`, [
        [DEMO_USERS.owner.email, DEMO_USERS.editor.email],
      ])
    ).rows as { id: string; email: string; sessionVersion: number }[];
    const ownerUser = users.find((u) => u.email === DEMO_USERS.owner.email)!;
    const editorUser = users.find((u) => u.email === DEMO_USERS.editor.email)!;
    const rec = (
      await client.query(
        `SELECT r.id, r."trackerId" FROM "Recommendation" r WHERE r."workspaceId" = $1 AND r."archivedAt" IS NULL ORDER BY r.id LIMIT 1`,
        [ws],
      )
    ).rows[0] as { id: string; trackerId: string };
    const recPath = `/w/demo/t/${rec.trackerId}/r/${rec.id}`;

    const portA = await findFreePort(4390);
    const portB = await findFreePort(4391);
    [a, b] = await Promise.all([
      startInstance("A", portA, databaseUrl),
      startInstance("B", portB, databaseUrl),
    ]);
    const frontPort = await findFreePort(4392);
    const frontServer = createClientIpServer({ upstreamPort: portA, trust: { kind: "none" } });
    await new Promise<void>((resolve) => frontServer.listen(frontPort, "127.0.0.1", resolve));
    front.close = () => frontServer.close();
    console.log(
      `instances: A ${a.url} (front server :${frontPort}), B ${b.url}; cores: ${(await import("node:os")).cpus().length}`,
    );

    browser = await chromium.launch({
      executablePath: fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
    const pageFor = async (user: { id: string; sessionVersion: number }, url: string) => {
      // The session cookie as a header (CDP refuses to set a __Secure- cookie for an http origin).
      const cookie = `${COOKIE}=${await sessionCookie(user.id, user.sessionVersion)}`;
      const context = await browser!.newContext({ extraHTTPHeaders: { cookie } });
      const page = await context.newPage();
      await page.goto(`${url}${recPath}`);
      if (!page.url().endsWith(recPath)) throw new Error(`Not signed in: landed on ${page.url()}`);
      await page
        .locator("[data-testid=live-status][data-state=open]")
        .waitFor({ state: "attached", timeout: 30_000 });
      return page;
    };
    const writer = await pageFor(ownerUser, a.url);
    const sameObserver = await pageFor(editorUser, a.url);
    const crossObserver = await pageFor(editorUser, b.url);
    // Warm-up (first renders compile nothing in production, but caches and connections warm up).
    await measure("warm-up", writer, crossObserver, client, 3);
    const same = await measure("same instance (A → A)", writer, sameObserver, client, SAMPLES);
    const cross = await measure("across instances (A → B)", writer, crossObserver, client, SAMPLES);

    // Idle subscribers on A, through the front server.
    const idleUsers: { id: string; cookie: string }[] = [];
    for (let i = 0; i < USERS_FOR_IDLE; i++) {
      const id = `bench_idle_${i}_${crypto.randomBytes(3).toString("hex")}`;
      await client.query(
        `INSERT INTO "User" (id, name, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, 'x', now())`,
        [id, `Idle ${i}`, `${id}@bench.test`],
      );
      await client.query(
        `INSERT INTO "Membership" (id, "workspaceId", "userId", role, "updatedAt") VALUES ($1, $2, $3, 'VIEWER', now())`,
        [`${id}_m`, ws, id],
      );
      idleUsers.push({ id, cookie: await sessionCookie(id, 0) });
    }
    const rssBefore = treeRssMb(a.child.pid!);
    const state = { heartbeats: new Set<number>() };
    const started = Date.now();
    const requests = await Promise.allSettled(
      Array.from({ length: IDLE }, (_, i) =>
        openIdleStream(frontPort, idleUsers[i % USERS_FOR_IDLE]!.cookie, state, i),
      ),
    );
    const opened = requests.filter((r) => r.status === "fulfilled").length;
    const openMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, 25_000)); // past one 20 s heartbeat
    const rssWith = treeRssMb(a.child.pid!);
    const listens = (
      await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'LISTEN %'`)
    ).rows[0].n as number;
    console.log(
      `idle subscribers on A: ${opened}/${IDLE} opened (ready) in ${openMs} ms; ${state.heartbeats.size} received the 20 s heartbeat`,
    );
    console.log(
      `A's memory (Next.js process tree RSS): ${rssBefore} MB before, ${rssWith} MB with ${opened} open streams (${Math.round(((rssWith - rssBefore) * 1024) / Math.max(1, opened))} KB per stream)`,
    );
    console.log(`LISTEN connections in PostgreSQL (both instances): ${listens}`);
    const loaded = await measure(
      `across instances with ${opened} idle streams on A`,
      writer,
      crossObserver,
      client,
      Math.min(SAMPLES, 10),
    );
    for (const r of requests) if (r.status === "fulfilled") r.value.destroy();

    console.log("\nSummary");
    console.log(`  same instance:    ${summary(same)}`);
    console.log(`  across instances: ${summary(cross)}`);
    console.log(`  across, loaded:   ${summary(loaded)}`);
    await client.end();
  } catch (error) {
    console.error("[bench] failed:", error);
    process.exitCode = 1;
  } finally {
    await browser?.close();
    front.close();
    for (const instance of [a, b]) {
      if (instance && instance.child.exitCode === null) {
        instance.child.kill("SIGTERM");
        await instance.exited;
      }
    }
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
