/**
 * Nothing held in the app process: two production instances on one database. Instance A (with a background
 * worker) takes the upload and runs the import; instance B (JOB_WORKERS=0, web only) reports its progress.
 * A is killed with SIGKILL in the middle of the import and started again: the import still finishes exactly
 * once — every row once, one tracker.imported event, job DONE.
 *
 * This spec runs its own throwaway database and instances (the e2e server's instance has workers too and
 * must not pick the job up). It waits on observable state only (health, the job row), with generous limits.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createWorkspace, signUp, uniqueEmail, uniqueSlug } from "./helpers";
import { E2E } from "./ports";
import { findFreePort, startThrowawayPostgres, type RunningDatabase } from "../scripts/lib/embedded-db";
import { runPrisma } from "../scripts/prisma";
import { openDb } from "./trust/support";
import type { PrismaClient } from "../lib/generated/prisma/client";

const ROWS = 60_000;
/** A dead worker's import is resumed after this long without a heartbeat (production default: 60 s). */
const STALE_SECONDS = 10;

type Instance = { name: string; port: number; url: string; child: ChildProcess; exited: Promise<void> };

let db: RunningDatabase;
let prisma: PrismaClient;
let a: Instance;
let b: Instance;
let context: BrowserContext;
let page: Page;
const secret = crypto.randomBytes(32).toString("base64url");

function bigCsv(): Buffer {
  const lines = ["Reference id,Text,Section,Tags,Country"];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `CRASH-${i},"Recommendation number ${i}, imported while an instance dies",Section ${i % 7},"tag-${i % 30}, common",Country ${i % 190}`,
    );
  }
  return Buffer.from(lines.join("\n"));
}

async function health(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(8_000) })).status;
  } catch {
    return 0;
  }
}

async function startInstance(name: string, port: number, jobWorkers: number): Promise<Instance> {
  const url = `http://localhost:${port}`;
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--port", String(port)],
    {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        DATABASE_URL: db.url,
        AUTH_SECRET: secret, // shared: a session from one instance is valid on the other
        APP_URL: url,
        // sign-up confirms by an emailed link: the e2e stack's capturing SMTP server receives it
        SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
        JOB_WORKERS: String(jobWorkers),
        JOB_POLL_SECONDS: "1",
        IMPORT_STALE_SECONDS: String(STALE_SECONDS),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(`[${name}] ${chunk.toString()}`));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await expect.poll(() => health(url), { timeout: 90_000, intervals: [250, 500, 1000] }).toBe(200);
  return { name, port, url, child, exited };
}

async function stopInstance(instance: Instance | undefined, signal: NodeJS.Signals = "SIGTERM") {
  if (!instance || instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  instance.child.kill(signal);
  await instance.exited;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(240_000);
  db = await startThrowawayPostgres("crash");
  await runPrisma(["migrate", "deploy"], { ...process.env, DATABASE_URL: db.url });
  prisma = openDb(db.url);
  a = await startInstance("A", await findFreePort(E2E.appPort + 60), 1);
  b = await startInstance("B", await findFreePort(E2E.appPort + 61), 0);
  context = await browser.newContext({ baseURL: a.url });
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
  await stopInstance(a);
  await stopInstance(b);
  await prisma?.$disconnect();
  await db?.stop();
});

test("an import survives the death of the instance running it and finishes exactly once", async () => {
  test.setTimeout(600_000);
  const slug = uniqueSlug("crash");
  await signUp(page, { name: "Kim Crash", email: uniqueEmail("crash") });
  await createWorkspace(page, "Crash coalition", slug);
  await page.getByRole("button", { name: "New tracker" }).click();
  await page.getByLabel("Name").fill("Crash test");
  await page.getByLabel("Sections, one per line").fill("General");
  await page.getByRole("button", { name: "Create tracker" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Crash test" })).toBeVisible();
  const trackerUrl = new URL(page.url()).pathname;
  const trackerId = trackerUrl.split("/").pop()!;

  // Upload, map, preview and start on A, through the wizard.
  await page.goto(`${trackerUrl}/import`);
  await page
    .getByLabel("CSV or JSON file")
    .setInputFiles({ name: "crash.csv", mimeType: "text/csv", buffer: bigCsv() });
  await page.getByRole("button", { name: "Read file" }).click();
  await expect(page.getByText(/60,000 rows, 5 columns/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Check rows" }).click();
  await expect(page.getByTestId("preview-summary")).toContainText("60,000 of 60,000 rows are ready", {
    timeout: 60_000,
  });
  const firstPoll = page.waitForRequest(/\/api\/w\/[^/]+\/import-jobs\/[^/?]+/, { timeout: 60_000 });
  await page.getByRole("button", { name: "Import 60,000 rows" }).click();
  const jobId = new URL((await firstPoll).url()).pathname.split("/").pop()!;

  // Follow the job on B (the other instance) with the same session, until A has written some rows.
  const progressOnB = async () => {
    const response = await context.request.get(`${b.url}/api/w/${slug}/import-jobs/${jobId}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as { state: string; processed: number; total: number; attempts: number };
  };
  await expect
    .poll(
      async () => {
        const job = await progressOnB();
        return job.state === "running" && job.processed > 0;
      },
      { timeout: 180_000, intervals: [100] },
    )
    .toBe(true);

  // Kill A mid-import. Its transaction dies with its connection: nothing of it is committed.
  await stopInstance(a, "SIGKILL");
  const afterKill = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
  expect(afterKill.state, "the import finished before the kill: make the file bigger").toBe("RUNNING");
  await expect.poll(() => prisma.recommendation.count({ where: { trackerId } }), { timeout: 30_000 }).toBe(0);
  // B still answers for the job (from the database), while nobody works on it.
  expect((await progressOnB()).state).toMatch(/running|queued/);

  // A comes back; its sweeper finds the stale heartbeat and runs the import again, from a clean tracker.
  a = await startInstance("A", a.port, 1);
  await expect
    .poll(async () => (await progressOnB()).state, { timeout: 300_000, intervals: [500] })
    .toBe("done");

  const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
  expect(job).toMatchObject({
    state: "DONE",
    created: ROWS,
    updated: 0,
    rejectedCount: 0,
    processed: ROWS,
    total: ROWS,
  });
  expect(job.attempts).toBeGreaterThanOrEqual(2);
  expect(job.uploadId).toBeNull(); // the upload was deleted in the import's transaction
  expect(await prisma.recommendation.count({ where: { trackerId } })).toBe(ROWS);
  const distinct = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(DISTINCT "referenceId") AS n FROM "Recommendation" WHERE "trackerId" = ${trackerId}`;
  expect(Number(distinct[0]!.n)).toBe(ROWS);
  expect(await prisma.activityEvent.count({ where: { trackerId, type: "tracker.imported" } })).toBe(1);
  expect(await prisma.activityEvent.count({ where: { trackerId, type: "recommendation.created" } })).toBe(
    ROWS,
  );
  expect(await prisma.section.count({ where: { trackerId } })).toBe(8); // General + Section 0…6

  // The page on A kept polling through the restart and shows the one result.
  await expect(page.getByTestId("import-result")).toContainText("60,000 created, 0 updated, 0 rejected", {
    timeout: 60_000,
  });
});
