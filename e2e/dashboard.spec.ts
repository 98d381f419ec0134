/**
 * Issue 11, parts 1, 2 and 5 in a real browser, on the demo tracker (its seeded status history spans 2021 to
 * November 2026): the workspace overview, the tracker dashboard (a chart toggled to its table by keyboard,
 * the 30-day quick pick, a filter) and time travel with ?asOf=. Screenshots land in screenshots/.
 */
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed";
import { signIn } from "./helpers";

const dir = "screenshots";

test("overview, dashboard and time travel on the demo tracker", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  // The owner: the tracker page has edit controls, so their absence in time travel means something.
  await signIn(page, DEMO_USERS.owner.email, DEMO_PASSWORD);

  // Workspace overview: a sparkline per tracker and what moved this week.
  await page.goto("/w/demo");
  await expect(
    page.getByRole("img", { name: /Share achieved over the last 12 weeks: \d+% on/ }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "What moved this week" })).toBeVisible();
  await page.screenshot({ path: `${dir}/overview-desktop.png`, fullPage: true });

  // The dashboard, linked from the tracker header.
  await page.getByRole("link", { name: /Human Rights Agenda 2021/ }).click();
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const overTime = page.getByRole("region", { name: "Status over time" });
  await expect(overTime.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Progress by section" }).getByRole("row")).toHaveCount(6);

  // "Show as table" by keyboard: the same data as a table, and back.
  const toggle = overTime.getByRole("button", { name: "Show as table" });
  await toggle.focus();
  await page.keyboard.press("Enter");
  const table = overTime.getByRole("table", { name: "Recommendations in each status by day" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Achieved", exact: true })).toBeVisible();
  await expect(overTime.getByRole("button", { name: "Show as chart" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  // The first row is today: 56 recommendations in all, as on the tracker page.
  await expect(table.getByRole("row").nth(1).getByRole("cell").last()).toHaveText("56");
  await page.keyboard.press("Space");
  await expect(table).toBeHidden();

  // Movement over the last 30 days (the seed moved some items in November 2026).
  await page
    .getByRole("navigation", { name: "Measure movement since" })
    .getByRole("link", { name: "30 days" })
    .click();
  await expect(page).toHaveURL(/since=30d/);
  const movement = page.getByRole("region", { name: "Movement" });
  await expect(movement.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "true");
  await expect(movement.getByRole("heading", { name: /Newly achieved/ })).toBeVisible();
  const moved = movement.locator('a[href*="/r/"]');
  expect(await moved.count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${dir}/dashboard-desktop.png`, fullPage: true });

  // The tracker filters apply: one section.
  await page.getByRole("combobox", { name: "Section", exact: true }).selectOption({ label: "Reaffirm" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/section=/);
  await expect(page.getByRole("region", { name: "Progress by section" }).getByRole("row")).toHaveCount(2);

  // Time travel: the list as it stood, read-only.
  const trackerUrl = new URL(page.url()).pathname.replace(/\/dashboard$/, "");
  await page.goto(`${trackerUrl}?asOf=2021-04-30`);
  // Visible ones: while React reveals the streamed page (after loading.tsx), a hidden copy is in the DOM too.
  await expect(page.getByText("Viewing as of April 30, 2021 —").filter({ visible: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /New recommendation/ })).toHaveCount(0);
  await page.screenshot({ path: `${dir}/time-travel-desktop.png`, fullPage: false });
  // The day after the tracker was created, nothing had moved yet.
  await page.goto(`${trackerUrl}?asOf=2021-01-20`);
  await expect(page.getByText("0% achieved", { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(page.locator("main li").getByText("Achieved", { exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "back to today" }).click();
  await expect(page).toHaveURL(new RegExp(`${trackerUrl}$`));
  await expect(page.getByText(/Viewing as of/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: /New recommendation/ }).first()).toBeVisible();
});
