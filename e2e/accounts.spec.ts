import { expect, test } from "@playwright/test";
import {
  createWorkspace,
  linkFromMail,
  mailsTo,
  PASSWORD,
  signIn,
  signOut,
  signUp,
  uniqueEmail,
  uniqueSlug,
} from "./helpers";

test("sign up, create a workspace, sign out and sign in again", async ({ page }) => {
  const email = uniqueEmail("founder");
  await signUp(page, { name: "Fatima Founder", email });
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await expect(page.getByText("No workspace yet")).toBeVisible();

  const slug = uniqueSlug("coalition");
  await createWorkspace(page, "Rights Coalition", slug);
  await expect(page.getByRole("heading", { name: "Rights Coalition" })).toBeVisible();
  await expect(page.getByText("No trackers yet")).toBeVisible();

  await signOut(page);
  await page.goto(`/w/${slug}`);
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, email);
  await page.goto(`/w/${slug}`);
  await expect(page.getByRole("heading", { name: "Rights Coalition" })).toBeVisible();
});

test("before the page's script runs, no form can be sent: a password never lands in a URL", async ({
  browser,
}) => {
  // What a slow phone sees between the HTML and hydration (and what CI saw once: a click that sent
  // the sign-up form as a plain GET, with the password in the address bar, and never answered).
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of ["/sign-up", "/sign-in", "/forgot-password"]) {
    await page.goto(path);
    const form = page.locator("form").filter({ has: page.getByLabel("Email") });
    await expect(form).toHaveAttribute("method", "post");
    await expect(form.locator('button[type="submit"]')).toBeDisabled();
  }
  // Enter in a field (implicit submission) sends nothing either: no request leaves the page.
  const sent: string[] = [];
  page.on("request", (request) => sent.push(`${request.method()} ${request.url()}`));
  await page.getByLabel("Email").fill("early@e2e.test");
  await page.getByLabel("Email").press("Enter");
  await page.waitForTimeout(500);
  expect(sent).toEqual([]);
  await expect(page).toHaveURL(/\/forgot-password$/);
  await context.close();
});

test("sign-up answers the same for a registered address, and refuses weak passwords keeping typed values", async ({
  page,
}) => {
  const email = uniqueEmail("dup");
  await signUp(page, { name: "First", email });
  await signOut(page);

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Second");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/too easy to guess/).first()).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Second");

  // A registered address gets the same answer as a new one; its owner gets an email saying so.
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect
    .poll(async () => (await mailsTo(email)).at(-1)?.raw ?? "")
    .toMatch(/already have an Advocacy Tracker account/);
  await expect(page.getByText("already exists")).toHaveCount(0);
});

test("the sign-up link works once", async ({ page }) => {
  const email = uniqueEmail("once");
  await signUp(page, { name: "Once", email });
  await signOut(page);
  const link = await linkFromMail(email, "/verify-email/");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Link unavailable" })).toBeVisible();
});

test("unknown email and wrong password get the same message", async ({ page }) => {
  const email = uniqueEmail("known");
  await signUp(page, { name: "Known", email });
  await signOut(page);
  for (const attempt of [email, uniqueEmail("unknown")]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(attempt);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
  }
});

test("password reset through the emailed link, which works once", async ({ page }) => {
  const email = uniqueEmail("forgetful");
  await signUp(page, { name: "Forgetful", email });
  await signOut(page);

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If an account exists/).first()).toBeVisible();

  const link = await linkFromMail(email, "/reset-password/");
  const newPassword = "a brand new passphrase";
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  await signOut(page);
  await page.goto(link);
  await expect(page.getByText("This reset link has already been used.")).toBeVisible();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
  await signIn(page, email, newPassword);
});

test("sign out of all devices ends other sessions", async ({ browser }) => {
  const email = uniqueEmail("everywhere");
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signUp(a, { name: "Two Devices", email });
  await signIn(b, email);
  await b.goto("/account");
  await expect(b.getByRole("heading", { name: "Account and security" })).toBeVisible();

  a.on("dialog", (dialog) => dialog.accept());
  await a.goto("/account");
  await a.getByRole("button", { name: "Sign out of all devices" }).click();
  await expect(a).toHaveURL(/\/sign-in\?signedOut=all/);

  await b.goto("/account");
  await expect(b).toHaveURL(/\/sign-in/);
  await first.close();
  await second.close();
});

test("after sign-out, a copy of the old session cookie opens nothing and its server-action calls change nothing", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail("stale");
  await signUp(page, { name: "Stale Cookie", email });
  const slug = uniqueSlug("before");
  // Record a real server-action request (create workspace) to replay later.
  const recorded = page.waitForRequest(
    (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
  );
  await createWorkspace(page, "Before sign-out", slug);
  const request = await recorded;
  const stolen = await context.cookies();
  await signOut(page);

  const thief = await browser.newContext();
  await thief.addCookies(stolen);
  const thiefPage = await thief.newPage();
  await thiefPage.goto(`/w/${slug}`);
  await expect(thiefPage).toHaveURL(/\/sign-in/);

  const replaySlug = uniqueSlug("replayed");
  const response = await thiefPage.request.post(request.url(), {
    headers: {
      "next-action": request.headers()["next-action"]!,
      "content-type": request.headers()["content-type"]!,
      accept: "text/x-component",
      origin: new URL(request.url()).origin,
    },
    data: request.postData()!.replace(slug, replaySlug),
  });
  expect(response.status()).toBeLessThan(500);

  await thief.close();
  // The owner signs in again: had the replay worked, they would own the replayed workspace.
  await signIn(page, email);
  const replayed = await page.goto(`/w/${replaySlug}`);
  expect(replayed?.status()).toBe(404);
  const original = await page.goto(`/w/${slug}`);
  expect(original?.status()).toBe(200);
  await context.close();
});
