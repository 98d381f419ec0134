/**
 * Live updates across app instances: two production instances on one database, a browser on each.
 * - Presence: each browser sees the other viewing the recommendation (signalled through PostgreSQL).
 * - A comment posted through instance A appears in the page on instance B without a reload.
 * - The notifications contract: pg_notify('user_notification', <userId>) reaches that user's page on B as a
 *   `live:notification` window event: a mention posted through A updates the editor's bell on B.
 * - Killing instance A (SIGKILL) mid-stream leaves B's browser working: a change made through B still arrives,
 *   on the recommendation page and on the tracker's board (card moved, column counts).
 * - A member removed from the workspace has their stream closed at once, and their page then says not found.
 *
 * Like e2e/import-crash.spec.ts, this spec runs its own throwaway database and instances; the mail of
 * sign-ups goes to the e2e stack's capturing SMTP server. It waits on observable state only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createWorkspace, inviteLink, joinWithLink, signUp, uniqueEmail, uniqueSlug } from "./helpers";
import { E2E } from "./ports";
import { findFreePort, startThrowawayPostgres, type RunningDatabase } from "../scripts/lib/embedded-db";
import { runPrisma } from "../scripts/prisma";
import { openDb } from "./trust/support";
import type { PrismaClient } from "../lib/generated/prisma/client";

type Instance = { name: string; url: string; child: ChildProcess; exited: Promise<void> };

let db: RunningDatabase;
let prisma: PrismaClient;
let a: Instance;
let b: Instance;
let ownerContext: BrowserContext;
let editorContext: BrowserContext;
let owner: Page;
let editor: Page;
const secret = crypto.randomBytes(32).toString("base64url");

async function health(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(8_000) })).status;
  } catch {
    return 0;
  }
}

async function startInstance(name: string, port: number): Promise<Instance> {
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
        SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
        ACCOUNT_EMAILS_PER_IP_PER_HOUR: "100000",
        JOB_WORKERS: "1",
        JOB_POLL_SECONDS: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(`[${name}] ${chunk.toString()}`));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await expect.poll(() => health(url), { timeout: 90_000, intervals: [250, 500, 1000] }).toBe(200);
  return { name, url, child, exited };
}

async function stopInstance(instance: Instance | undefined, signal: NodeJS.Signals = "SIGTERM") {
  if (!instance || instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  instance.child.kill(signal);
  await instance.exited;
}

/** Marks the page's JavaScript world; a reload or navigation would lose the mark. */
const markPage = (page: Page) =>
  page.evaluate(() => ((window as unknown as { liveMark: string }).liveMark = "kept"));
const pageMark = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: string }).liveMark);
const liveState = (page: Page) => page.getByTestId("live-status");

async function postComment(page: Page, text: string) {
  await page.getByLabel("Comment", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByTestId("comment").filter({ hasText: text })).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(240_000);
  db = await startThrowawayPostgres("live");
  await runPrisma(["migrate", "deploy"], { ...process.env, DATABASE_URL: db.url });
  prisma = openDb(db.url);
  a = await startInstance("A", await findFreePort(E2E.appPort + 70));
  b = await startInstance("B", await findFreePort(E2E.appPort + 71));
  ownerContext = await browser.newContext({ baseURL: a.url });
  editorContext = await browser.newContext({ baseURL: b.url });
  owner = await ownerContext.newPage();
  editor = await editorContext.newPage();
});

test.afterAll(async () => {
  await ownerContext?.close();
  await editorContext?.close();
  await stopInstance(a);
  await stopInstance(b);
  await prisma?.$disconnect();
  await db?.stop();
});

test("changes reach a browser on another instance live, and survive that instance's death", async () => {
  test.setTimeout(300_000);
  // The owner works on A: a workspace, a tracker, a recommendation.
  const slug = uniqueSlug("live");
  await signUp(owner, { name: "Olivia Owner", email: uniqueEmail("live-owner") });
  await createWorkspace(owner, "Live coalition", slug);
  await owner.getByRole("button", { name: "New tracker" }).click();
  await owner.getByLabel("Name").fill("Agenda tracker");
  await owner.getByLabel("Sections, one per line").fill("Reengage");
  await owner.getByRole("button", { name: "Create tracker" }).click();
  await expect(owner.getByRole("heading", { name: "Agenda tracker" })).toBeVisible();
  await owner.getByRole("button", { name: "New recommendation" }).click();
  await owner.getByLabel("Short title").fill("Rejoin the UN Human Rights Council");
  await owner.getByLabel("Full text").fill("The United States should rejoin the UN Human Rights Council.");
  await owner.getByRole("button", { name: "Add recommendation" }).click();
  await expect(
    owner.getByRole("heading", { level: 1, name: "Rejoin the UN Human Rights Council" }),
  ).toBeVisible();
  const recPath = new URL(owner.url()).pathname;

  // The editor joins through B (the invitation link, rewritten to B's origin).
  const editorEmail = uniqueEmail("live-editor");
  const link = (await inviteLink(owner, slug, editorEmail, "EDITOR")).replace(a.url, b.url);
  await joinWithLink(editor, link, "Eddie Editor", editorEmail);
  const editorId = (await prisma.user.findUniqueOrThrow({ where: { email: editorEmail } })).id;

  // Both open the recommendation: the owner's page is served and streamed by A, the editor's by B.
  await owner.goto(recPath);
  await editor.goto(recPath);
  await expect(liveState(owner)).toHaveAttribute("data-state", "open");
  await expect(liveState(editor)).toHaveAttribute("data-state", "open");
  await expect(editor.getByRole("list", { name: "Also viewing: Olivia Owner" })).toBeVisible();
  await expect(owner.getByRole("list", { name: "Also viewing: Eddie Editor" })).toBeVisible();
  await editor.screenshot({ path: "test-results/live-presence.png" });
  await markPage(editor);

  // A comment posted through A appears on B without a reload.
  await postComment(owner, "Posted through instance A");
  await expect(editor.getByTestId("comment").filter({ hasText: "Posted through instance A" })).toBeVisible();
  expect(await pageMark(editor)).toBe("kept");

  // A mention posted through A reaches the editor's bell on B: the fan-out (on either instance) writes the
  // inbox entry and sends pg_notify('user_notification', <editorId>); B's stream turns it into a
  // `live:notification` window event and the bell re-fetches its count. The editor waits on the tracker list
  // (opening the recommendation itself would mark its notifications read).
  const trackerListPath = recPath.replace(/\/r\/[^/]+$/, "");
  await editor.goto(trackerListPath);
  await expect(liveState(editor)).toHaveAttribute("data-state", "open");
  await expect(editor.getByTestId("notification-bell")).toHaveAccessibleName(
    "Inbox, no unread notifications",
  );
  await editor.evaluate(() => {
    const w = window as unknown as { liveNotifications: number };
    w.liveNotifications = 0;
    window.addEventListener("live:notification", () => (w.liveNotifications += 1));
  });
  await postComment(owner, "@Eddie Editor could you check the vote count?");
  await expect(editor.getByTestId("notification-bell")).toHaveAccessibleName(/^Inbox, [1-9]\d* unread$/);
  expect(
    await editor.evaluate(() => (window as unknown as { liveNotifications: number }).liveNotifications),
  ).toBeGreaterThanOrEqual(1);
  expect(await prisma.notification.count({ where: { userId: editorId, kind: "MENTION" } })).toBe(1);
  await editor.goto(recPath);
  await expect(liveState(editor)).toHaveAttribute("data-state", "open");
  await markPage(editor);

  // A dies mid-stream. B's browser keeps working: a change made through B still arrives live.
  await stopInstance(a, "SIGKILL");
  await expect(editor.getByRole("list", { name: "Also viewing: Olivia Owner" })).toHaveCount(0, {
    timeout: 70_000, // A's presence row expires (45 s) and B's next presence heartbeat drops it
  });
  await owner.goto(`${b.url}${recPath}`); // the owner moves to B (same session: shared secret)
  await expect(liveState(owner)).toHaveAttribute("data-state", "open");
  await postComment(owner, "Posted through instance B after A died");
  await expect(
    editor.getByTestId("comment").filter({ hasText: "Posted through instance B after A died" }),
  ).toBeVisible();
  expect(await pageMark(editor)).toBe("kept");
  await expect(liveState(editor)).toHaveAttribute("data-state", "open");

  // The tracker's board on B follows a status change made through B by someone else: the card moves and
  // the column counts change, without a reload.
  const trackerPath = recPath.replace(/\/r\/[^/]+$/, "");
  await editor.goto(`${trackerPath}?view=board`);
  await expect(liveState(editor)).toHaveAttribute("data-state", "open");
  await expect(editor.getByRole("region", { name: "Not started: 1" })).toBeVisible();
  await markPage(editor);
  await owner.getByRole("button", { name: /Change status/ }).click();
  const statusDialog = owner.getByRole("dialog", { name: "Change status" });
  await statusDialog.getByLabel(/^In progress/).check();
  await statusDialog.getByLabel("Justification").fill("Talks with the State Department have begun.");
  await statusDialog.getByRole("button", { name: "Change status" }).click();
  await expect(statusDialog).toBeHidden();
  await expect(editor.getByRole("region", { name: "In progress: 1" })).toBeVisible();
  await expect(editor.getByRole("region", { name: "Not started: 0" })).toBeVisible();
  expect(await pageMark(editor)).toBe("kept");

  // The owner removes the editor: the editor's stream closes at once and the page says so.
  await owner.goto(`${b.url}/w/${slug}/members`);
  owner.on("dialog", (dialog) => dialog.accept());
  await owner
    .getByRole("listitem")
    .filter({ hasText: "Eddie Editor" })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(owner.getByText("Eddie Editor")).toHaveCount(0);
  await expect(liveState(editor)).toHaveAttribute("data-state", "revoked");
  await expect(editor.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(editor.getByText("Posted through instance A")).toHaveCount(0);
});
