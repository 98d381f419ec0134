/**
 * Trust item 15: axe (WCAG 2.x A/AA rules) on the main pages of the demo workspace, signed in as its
 * owner. Serious and critical violations fail; moderate and minor ones are listed in the output.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { reportFigure } from "../../tests/support/trust-report";

const OWNER = { email: "owner@demo.advocacy.test", password: "advocacy-demo-2021" };

async function audit(page: Page, name: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations.map((violation) => ({
    page: name,
    id: violation.id,
    impact: violation.impact ?? "unknown",
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    count: violation.nodes.length,
  }));
}

test("the main pages have no serious or critical accessibility violations", async ({ page }) => {
  test.setTimeout(120_000);
  const found: Awaited<ReturnType<typeof audit>> = [];
  await page.goto("/sign-in");
  found.push(...(await audit(page, "sign-in")));

  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);

  await page.goto("/w/demo");
  found.push(...(await audit(page, "workspace home")));
  const trackerHref = await page.locator('a[href*="/w/demo/t/"]').first().getAttribute("href");
  expect(trackerHref).toBeTruthy();
  const trackerPath = trackerHref!.replace(/[?#].*$/, "");

  await page.goto(trackerPath);
  found.push(...(await audit(page, "tracker list")));
  const recHref = await page.locator(`a[href*="${trackerPath}/r/"]`).first().getAttribute("href");

  await page.goto(`${trackerPath}?view=board`);
  found.push(...(await audit(page, "tracker board")));

  await page.goto(recHref!);
  found.push(...(await audit(page, "recommendation")));

  await page.goto("/w/demo/my-work");
  found.push(...(await audit(page, "my work")));

  await page.goto("/w/demo/members");
  found.push(...(await audit(page, "members")));

  await page.goto(`${trackerPath}/import`);
  found.push(...(await audit(page, "import")));

  await page.goto("/w/demo/new-tracker");
  found.push(...(await audit(page, "new tracker from a document")));

  await page.goto(`${trackerPath}/report`);
  found.push(...(await audit(page, "report")));

  await page.goto("/inbox?show=all");
  found.push(...(await audit(page, "inbox")));

  await page.goto("/account");
  found.push(...(await audit(page, "account (notification settings)")));

  const blocking = found.filter((v) => v.impact === "serious" || v.impact === "critical");
  for (const violation of found) {
    console.log(
      `[axe] ${violation.impact} ${violation.page}: ${violation.id} (${violation.count}) ${violation.help} — ${violation.targets.join(", ")}`,
    );
  }
  reportFigure(
    "15. accessibility (axe)",
    `pages 12, serious or critical violations ${blocking.length} (moderate/minor ${found.length - blocking.length})`,
    blocking.length === 0,
  );
  expect(blocking).toEqual([]);
});
