/**
 * Trust item 12: outages. This spec runs its own stack (the e2e server owns its database): a
 * persistent embedded PostgreSQL in a temporary directory and the production build on port
 * <base+80>. It stops the database mid-session (friendly error page, /api/health 503), starts it
 * again on the same port and data (the app recovers without a restart), and kills the app's
 * connections in the middle of a transaction (no partial write).
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { createWorkspace, signUp, uniqueEmail, uniqueSlug } from "../helpers";
import { E2E } from "../ports";
import { reportFigure } from "../../tests/support/trust-report";
import { findFreePort, startEmbeddedPostgres, type RunningDatabase } from "../../scripts/lib/embedded-db";
import { runPrisma } from "../../scripts/prisma";
import { openDb } from "./support";

const APP_PORT = E2E.appPort + 80;
const BASE = `http://localhost:${APP_PORT}`;
const LEAKS = /prisma|ECONNREFUSED|SELECT |INSERT |postgres|at [\w.<>]+ \(|\.js:\d+|stack/i;

let db: RunningDatabase;
let dataDir: string;
let dbPort: number;
let app: ChildProcess;
let context: BrowserContext;
let page: Page;
let slug: string;

const startDb = () =>
  startEmbeddedPostgres({ dataDir, database: "outage", persistent: true, isThrowaway: true, port: dbPort });

async function health(): Promise<number> {
  try {
    return (await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(8_000) })).status;
  } catch {
    return 0;
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(120_000);
  dataDir = fs.mkdtempSync(path.join("/var/tmp", "advocacy-outage-"));
  fs.chmodSync(dataDir, 0o777);
  fs.rmSync(dataDir, { recursive: true });
  dbPort = await findFreePort(E2E.appPort + 70);
  db = await startDb();
  await runPrisma(["migrate", "deploy"], { ...process.env, DATABASE_URL: db.url });
  app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(APP_PORT)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      DATABASE_URL: db.url,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      APP_URL: BASE,
      // The e2e stack's capturing SMTP server: signUp() confirms the account through the emailed link.
      SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
    },
    stdio: "ignore",
  });
  await expect.poll(health, { timeout: 60_000 }).toBe(200);
  context = await browser.newContext({ baseURL: BASE });
  page = await context.newPage();
  slug = uniqueSlug("outage");
  await signUp(page, { name: "Otto Outage", email: uniqueEmail("outage") });
  await createWorkspace(page, "Outage Coalition", slug);
});

test.afterAll(async () => {
  await context?.close();
  app?.kill("SIGTERM");
  await db?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("a stopped database gives a friendly error page and a 503 health check; the app recovers without a restart", async () => {
  test.setTimeout(120_000);
  await db.stop();
  const problems: string[] = [];
  const healthDown = await health();
  if (healthDown !== 503) problems.push(`/api/health answered ${healthDown} with the database down`);
  for (const path of [`/w/${slug}`, "/", `/w/${slug}/members`]) {
    const response = await page.goto(path);
    const html = (await response?.text()) ?? "";
    // The error page renders in the browser (the server's 500 carries it in the RSC payload): wait for it
    // rather than reading the body at the load event.
    const friendly = await page
      .getByText(/Something went wrong|could not load|unavailable/i)
      .first()
      .waitFor({ state: "visible", timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    if (!friendly) problems.push(`${path}: no friendly error`);
    if (LEAKS.test(html.replace(/<script[\s\S]*?<\/script>/g, "")))
      problems.push(`${path}: internals in the HTML`);
    if (/ECONNREFUSED|PrismaClient|DriverAdapterError/.test(html))
      problems.push(`${path}: error details in the payload`);
  }

  // Back up on the same port and data directory; the running app must reconnect on its own.
  db = await startDb();
  await expect.poll(health, { timeout: 30_000 }).toBe(200);
  await page.goto(`/w/${slug}`);
  await expect(page.getByRole("heading", { name: "Outage Coalition" })).toBeVisible();
  reportFigure(
    "12. outages: database stopped",
    `pages checked 3, without a friendly error or leaking internals ${problems.length}; health 503 while down: ${healthDown === 503 ? "yes" : "no"}; recovered without restart: yes`,
    problems.length === 0,
  );
  expect(problems).toEqual([]);
});

test("a mutation whose connection is killed mid-transaction leaves no partial write", async () => {
  test.setTimeout(120_000);
  const prisma = openDb(db.url);
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  try {
    const workspace = await prisma.workspace.findUniqueOrThrow({ where: { slug } });
    const tracker = await prisma.tracker.create({
      data: { workspaceId: workspace.id, name: "Outage tracker" },
    });
    const section = await prisma.section.create({
      data: { workspaceId: workspace.id, trackerId: tracker.id, title: "Section", position: 0 },
    });
    const rec = await prisma.recommendation.create({
      data: {
        workspaceId: workspace.id,
        trackerId: tracker.id,
        sectionId: section.id,
        title: "Cut off",
        text: "Text",
        position: 0,
      },
    });
    await page.goto(`/w/${slug}/t/${tracker.id}/r/${rec.id}`);
    const body = `cut-off comment ${Date.now()}`;

    // Hold the audit table so the action's transaction stops after writing its comment row…
    await admin.query("BEGIN");
    await admin.query(`LOCK TABLE "ActivityEvent" IN EXCLUSIVE MODE`);
    await page.getByLabel("Comment", { exact: true }).fill(body);
    await page.getByRole("button", { name: "Comment", exact: true }).click();
    const blocked = async () =>
      (
        await admin.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        )
      ).rows[0]!.n;
    await expect.poll(blocked, { timeout: 15_000 }).toBeGreaterThan(0);
    // …then kill every connection of the app, mid-transaction.
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    await admin.query("COMMIT");

    await page.waitForTimeout(1_000);
    const partial =
      (await prisma.comment.count({ where: { body } })) +
      (await prisma.activityEvent.count({
        where: { recommendationId: rec.id, type: { contains: "comment" } },
      }));

    // The app keeps working on fresh connections: the same comment goes through now.
    await page.goto(`/w/${slug}/t/${tracker.id}/r/${rec.id}`);
    await page.getByLabel("Comment", { exact: true }).fill(`${body} (retry)`);
    await page.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(page.getByTestId("comment").filter({ hasText: "(retry)" })).toBeVisible();
    const complete =
      (await prisma.comment.count({ where: { body: `${body} (retry)` } })) === 1 &&
      (await prisma.activityEvent.count({ where: { recommendationId: rec.id } })) >= 1;

    reportFigure(
      "12. outages: connection killed mid-transaction",
      `connections killed ${rows[0]!.n}, partial writes ${partial}; retry wrote comment and audit event: ${complete ? "yes" : "no"}`,
      partial === 0 && complete,
    );
    expect(partial).toBe(0);
    expect(complete).toBe(true);
  } finally {
    await admin.end().catch(() => {});
    await prisma.$disconnect();
  }
});
