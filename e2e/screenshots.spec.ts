import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed";
import { signIn } from "./helpers";

/**
 * Screenshots of each page at desktop and phone widths (screenshots/), and a check that
 * nothing overflows the phone viewport horizontally.
 */
const dir = "screenshots";
const widths = { desktop: { width: 1280, height: 860 }, phone: { width: 390, height: 844 } };

async function capture(page: Page, name: string) {
  for (const [label, size] of Object.entries(widths)) {
    await page.setViewportSize(size);
    await page.waitForLoadState("networkidle");
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}/${name}-${label}.png`, fullPage: label === "desktop" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} overflows horizontally at ${label} width`).toBeLessThanOrEqual(1);
  }
}

test("pages look right at desktop and phone widths", async ({ page }) => {
  // About 40 captures, many of them full-page: the default 60 s budget is too tight on a busy 2-core machine.
  test.setTimeout(240_000);
  await page.goto("/sign-in");
  await capture(page, "sign-in");
  await page.goto("/sign-up");
  await capture(page, "sign-up");

  await signIn(page, DEMO_USERS.owner.email, DEMO_PASSWORD);
  await page.goto("/");
  await capture(page, "workspaces");
  await page.goto("/w/demo");
  await capture(page, "workspace-home");
  await page.getByRole("link", { name: /Human Rights Agenda 2021/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await capture(page, "tracker");
  const trackerUrl = page.url();
  await page.goto(`${trackerUrl}?view=board`);
  await capture(page, "board");
  await page.goto(`${trackerUrl}/document`);
  await capture(page, "document");
  await page.goto(`${trackerUrl}/sections`);
  await capture(page, "sections");
  await page.goto(`${trackerUrl}/import`);
  await capture(page, "import");
  await page.goto(`${trackerUrl}/report`);
  await capture(page, "report");
  await page.goto("/w/demo/new-tracker");
  await capture(page, "new-tracker");
  await page.goto(trackerUrl);
  await page.getByRole("link", { name: /Revoke the travel ban/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await capture(page, "recommendation");
  await page.getByRole("link", { name: "Source document" }).count();
  await page.goto("/w/demo/my-work");
  await capture(page, "my-work");
  await page.goto("/inbox?show=all");
  await capture(page, "inbox");
  await page.goto("/w/demo/audit");
  await capture(page, "audit");
  await page.goto("/w/demo/members");
  await capture(page, "members");
  await page.goto("/w/demo/settings");
  await capture(page, "settings");
  await page.goto("/account");
  await capture(page, "account");
});
