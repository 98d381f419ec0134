/**
 * Trust item 9: cross-site requests. A page on another origin (127.0.0.1:<base+50>, a different site
 * from localhost:<base>) tries to make a signed-in victim's browser call a server action: an
 * auto-submitted form (the progressive-enhancement encoding Next.js accepts without JavaScript) and
 * a credentialed fetch with the Next-Action header. A same-origin submission of the very same form
 * is the positive control: it proves the forged form is one the server would have executed.
 */
import http from "node:http";
import { expect, test, type Page, type Request } from "@playwright/test";
import { createWorkspace, signUp, uniqueEmail, uniqueSlug } from "../helpers";
import { E2E } from "../ports";
import { reportFigure } from "../../tests/support/trust-report";
import { openDb, rowCounts } from "./support";

const EVIL_PORT = E2E.appPort + 50;
const EVIL_ORIGIN = `http://127.0.0.1:${EVIL_PORT}`;

/** An HTML form that calls the server action `actionId` with (prevState, formData) — no JavaScript needed. */
function forgedForm(target: string, actionId: string, fields: Record<string, string>, autoSubmit: boolean) {
  const escape = (value: string) =>
    value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const inputs = {
    $ACTION_REF_1: "",
    "$ACTION_1:0": JSON.stringify({ id: actionId, bound: "$@1" }),
    "$ACTION_1:1": JSON.stringify([{ ok: false }]),
    ...fields,
  };
  return `<!doctype html><html><body><h1>Win a prize</h1>
<form id="f" method="post" enctype="multipart/form-data" action="${escape(target)}">
${Object.entries(inputs)
  .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
  .join("\n")}
<button>Claim</button></form>
${autoSubmit ? `<script>document.getElementById("f").submit()</script>` : ""}
</body></html>`;
}

test("a page on another origin cannot make a signed-in member's browser call a server action", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const victim = await context.newPage();
  const slug = uniqueSlug("csrf");
  await signUp(victim, { name: "Vic Tim", email: uniqueEmail("csrf-owner") });
  await createWorkspace(victim, "CSRF Coalition", slug);

  // Record a legitimate server action call to learn its id (an attacker can do this on their own workspace).
  await victim.goto(`/w/${slug}/members`);
  await victim.getByLabel("Email").fill(uniqueEmail("legit"));
  const recordedPromise = victim.waitForRequest(
    (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
  );
  await victim.getByRole("button", { name: "Create invitation" }).click();
  const recorded: Request = await recordedPromise;
  await expect(victim.getByLabel(/Invitation link/)).toBeVisible();
  const actionId = recorded.headers()["next-action"]!;
  const target = recorded.url();
  const fields = (email: string) => ({ workspaceSlug: slug, email, role: "ADMIN" });

  const db = openDb();
  const invitations = (email: string) => db.invitation.count({ where: { email } });
  const evilHtml = { body: "" };
  const evil = http.createServer((request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(request.url === "/prize" ? evilHtml.body : "<!doctype html><title>blank</title>");
  });
  await new Promise<void>((resolve) => evil.listen(EVIL_PORT, "127.0.0.1", resolve));
  try {
    // Positive control: the same form, submitted from the app's own origin, does create an invitation.
    const controlEmail = uniqueEmail("control");
    await victim.goto("/sign-in?probe=1");
    await submitInPage(victim, forgedForm(target, actionId, fields(controlEmail), false));
    await expect.poll(() => invitations(controlEmail), { timeout: 10_000 }).toBe(1);

    const before = await rowCounts(db);
    const attackEmails = [
      uniqueEmail("attack-form"),
      uniqueEmail("attack-fetch"),
      uniqueEmail("attack-nocors"),
    ];

    // 1. Auto-submitted cross-site form (top-level POST navigation).
    evilHtml.body = forgedForm(target, actionId, fields(attackEmails[0]!), true);
    const evilPage = await context.newPage();
    await evilPage.goto(`${EVIL_ORIGIN}/prize`);
    await evilPage.waitForURL((url) => url.port === String(E2E.appPort), { timeout: 10_000 }).catch(() => {});
    await evilPage.waitForLoadState("load");

    // 2. Credentialed fetch with the Next-Action header (needs a CORS preflight the app never grants).
    // 3. A "simple" no-cors fetch that a browser sends without preflight (no custom header possible).
    await evilPage.goto(`${EVIL_ORIGIN}/fetch`);
    const fetchOutcome = await evilPage.evaluate(
      async ({ target, actionId, email, slug }) => {
        const form = new FormData();
        form.append("1_workspaceSlug", slug);
        form.append("1_email", email.fetch);
        form.append("1_role", "ADMIN");
        form.append("0", JSON.stringify([{ ok: false }, "$K1"]));
        const results: string[] = [];
        try {
          const response = await fetch(target, {
            method: "POST",
            credentials: "include",
            headers: { "Next-Action": actionId, Accept: "text/x-component" },
            body: form,
          });
          results.push(
            `cors fetch from ${location.origin} answered ${response.status} (type ${response.type}, allow-origin ${response.headers.get("access-control-allow-origin")})`,
          );
        } catch (error) {
          results.push(`cors fetch blocked: ${String(error)}`);
        }
        await fetch(target, {
          method: "POST",
          mode: "no-cors",
          credentials: "include",
          body: `$ACTION_ID_${actionId}=&workspaceSlug=${slug}&email=${encodeURIComponent(email.nocors)}&role=ADMIN`,
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }).catch(() => {});
        return results;
      },
      { target, actionId, slug, email: { fetch: attackEmails[1]!, nocors: attackEmails[2]! } },
    );

    // 4. Without SameSite's help: the victim's own cookie replayed with a foreign Origin header.
    const replayEmail = uniqueEmail("attack-origin");
    attackEmails.push(replayEmail);
    const replay = await context.request.post(target, {
      headers: {
        "next-action": actionId,
        "content-type": recorded.headers()["content-type"]!,
        accept: "text/x-component",
        origin: EVIL_ORIGIN,
      },
      data: recorded.postData()!.replace(/[^\s"]+@e2e\.test/, replayEmail),
      failOnStatusCode: false,
    });

    await victim.waitForTimeout(500);
    const after = await rowCounts(db);
    const changed = Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
    const attackRows = (await Promise.all(attackEmails.map(invitations))).reduce((a, b) => a + b, 0);
    const rowsChanged =
      Object.keys(after).reduce(
        (sum, table) => sum + Math.abs((after[table] ?? 0) - (before[table] ?? 0)),
        0,
      ) + attackRows;
    reportFigure(
      "9. cross-site requests",
      `attempts 4 (form, CORS fetch, no-cors fetch, foreign Origin), rows changed ${rowsChanged} (control: same-origin form worked)`,
      rowsChanged === 0,
    );
    console.log("fetch outcome:", fetchOutcome, "foreign-origin replay status:", replay.status());
    expect(changed, "tables whose row count changed").toEqual([]);
    expect(attackRows).toBe(0);
  } finally {
    await new Promise((resolve) => evil.close(resolve));
    await db.$disconnect();
    await context.close();
  }
});

/** Submits `html`'s form from the current page's origin (a same-origin POST with the user's cookies). */
async function submitInPage(page: Page, html: string) {
  const navigation = page.waitForLoadState("load");
  await page.evaluate((markup) => {
    const container = document.createElement("div");
    container.innerHTML = markup;
    document.body.append(container);
    (container.querySelector("form") as HTMLFormElement).submit();
  }, html);
  await navigation;
  await page.waitForTimeout(300);
}
