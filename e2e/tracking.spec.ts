import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed";
import { setupTeam, signIn } from "./helpers";

async function editField(page: Page, label: string, value: string) {
  await page.getByRole("button", { name: `Edit ${label.toLowerCase()}` }).click();
  const form = page.getByRole("form", { name: `Edit ${label.toLowerCase()}` });
  await form.getByLabel(label).fill(value);
  await form.getByRole("button", { name: /Save|Re-apply mine/ }).click();
}

test("an owner assigns an editor, who finds it in My work and changes its status citing evidence", async ({
  browser,
}) => {
  const team = await setupTeam(browser, "assign");
  const { owner, editor } = team;

  await owner.goto(team.recUrl);
  await owner.getByLabel("Assign an owner").selectOption({ label: "Eddie Editor" });
  await expect(owner.getByRole("list", { name: "Owners" }).getByText("Eddie Editor")).toBeVisible();
  await expect(owner.getByText("Owner assigned", { exact: true })).toBeVisible();

  await editor.goto(`/w/${team.slug}/my-work`);
  await editor.getByRole("link", { name: /Rejoin the UN Human Rights Council/ }).click();
  await expect(editor).toHaveURL(team.recUrl);

  await editor.getByRole("button", { name: "Add evidence" }).click();
  const dialog = editor.getByRole("dialog", { name: "Add evidence" });
  await dialog
    .getByLabel("Link")
    .fill("https://www.state.gov/u-s-decision-to-re-engage-with-the-un-human-rights-council/");
  await dialog.getByLabel("Title").fill("US decision to re-engage with the Human Rights Council");
  await dialog.getByLabel("Source type").selectOption("OFFICIAL_STATEMENT");
  await dialog.getByLabel("Publication date").fill("2021-02-08");
  await dialog.getByRole("button", { name: "Add evidence" }).click();
  await expect(dialog).toBeHidden();
  await expect(
    editor.getByRole("list", { name: "Evidence" }).getByRole("link", { name: /re-engage/ }),
  ).toBeVisible();

  await editor.getByRole("button", { name: /Change status/ }).click();
  const statusDialog = editor.getByRole("dialog", { name: "Change status" });
  await statusDialog.getByLabel(/^Achieved/).check();
  await statusDialog.getByLabel("Justification").fill("The US was elected to the Council in October 2021.");
  await statusDialog.getByLabel(/US decision to re-engage/).check();
  await statusDialog.getByRole("button", { name: "Change status" }).click();
  await expect(statusDialog).toBeHidden();

  const history = editor.getByRole("list", { name: "Status history" });
  await expect(history.getByTestId("status-change").first()).toContainText("Not started");
  await expect(history.getByTestId("status-change").first()).toContainText("Achieved");
  await expect(history).toContainText("Eddie Editor");
  await expect(history).toContainText("elected to the Council in October 2021");
  await expect(history.getByRole("link", { name: /re-engage/ })).toBeVisible();
  await team.close();
});

test("two people edit the same field: the second gets a conflict showing the current value", async ({
  browser,
}) => {
  const team = await setupTeam(browser, "conflict");
  const { owner, editor } = team;
  await owner.goto(team.recUrl);
  await editor.goto(team.recUrl);

  // Both open the editor on the same version.
  await owner.getByRole("button", { name: "Edit target actor" }).click();
  await editor.getByRole("button", { name: "Edit target actor" }).click();

  const ownerForm = owner.getByRole("form", { name: "Edit target actor" });
  await ownerForm.getByLabel("Target actor").fill("State Department");
  await ownerForm.getByRole("button", { name: "Save" }).click();
  await expect(owner.getByText("State Department").first()).toBeVisible();

  const editorForm = editor.getByRole("form", { name: "Edit target actor" });
  await editorForm.getByLabel("Target actor").fill("White House");
  await editorForm.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByTestId("conflict")).toBeVisible();
  await expect(editor.getByTestId("conflict-current")).toHaveText("State Department");

  // Re-applying puts the editor's value on top of the current one.
  await editorForm.getByRole("button", { name: "Re-apply mine" }).click();
  await expect(editor.getByTestId("conflict")).toBeHidden();
  await owner.reload();
  await expect(owner.getByText("White House").first()).toBeVisible();
  await team.close();
});

test("script payloads in a comment, an evidence title and a title render as text; javascript: and data: links are refused", async ({
  browser,
}) => {
  const team = await setupTeam(browser, "xss");
  const { editor } = team;
  const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;
  await editor.goto(team.recUrl);

  await editField(editor, "Title", `Title ${payload}`);
  await expect(editor.getByRole("heading", { level: 1 })).toContainText("<script>window.__xss=1</script>");

  await editor
    .getByLabel("Comment", { exact: true })
    .fill(`Comment ${payload} [click me](javascript:window.__xss=1) ![img](javascript:1)`);
  await editor.getByRole("button", { name: "Comment", exact: true }).click();
  const comment = editor.getByTestId("comment").last();
  await expect(comment).toContainText("Comment");
  await expect(comment.locator("a[href^='javascript']")).toHaveCount(0);
  await expect(comment.locator("img, script")).toHaveCount(0);

  await editor.getByRole("button", { name: "Add evidence" }).click();
  const dialog = editor.getByRole("dialog", { name: "Add evidence" });
  for (const bad of [
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "  JaVaScRiPt:alert(1)",
  ]) {
    await dialog.getByLabel("Link").fill(bad);
    await dialog.getByLabel("Title").fill(`Evidence ${payload}`);
    await dialog.getByRole("button", { name: "Add evidence" }).click();
    await expect(dialog.getByText("Use a web link that starts with http:// or https://.")).toBeVisible();
  }
  await dialog.getByLabel("Link").fill("https://example.org/report");
  await dialog.getByRole("button", { name: "Add evidence" }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.getByRole("list", { name: "Evidence" })).toContainText(
    "<script>window.__xss=1</script>",
  );

  await editor.reload();
  await editor.goto(team.trackerUrl);
  await expect(editor.getByText(/Title <img/)).toBeVisible();
  expect(await editor.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await team.close();
});

test("a viewer sees the timeline but no edit controls", async ({ page }) => {
  await signIn(page, DEMO_USERS.viewer.email, DEMO_PASSWORD);
  await page.goto("/w/demo");
  await page.getByRole("link", { name: /Human Rights Agenda 2021/ }).click();
  await page.getByRole("link", { name: /Revoke the travel ban/ }).click();
  await expect(page.getByRole("list", { name: "Status history" })).toContainText("Achieved");
  await expect(page.getByRole("heading", { name: "Activity and comments" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Change status/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add evidence" })).toHaveCount(0);
  await expect(page.getByLabel("Assign an owner")).toHaveCount(0);
  await expect(page.getByLabel("Comment", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);
  // Pages for editors answer a real 403 to a viewer.
  const trackerPath = new URL(page.url()).pathname.replace(/\/r\/.*$/, "");
  for (const path of [
    `${trackerPath}/sections`,
    `${trackerPath}/import`,
    "/w/demo/new-tracker",
    "/w/demo/members",
    "/w/demo/audit",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
  // A tracker that does not exist is a real 404, not a 200 carrying the not-found page.
  const missing = await page.goto("/w/demo/t/no-such-tracker");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("filters live in the URL: they survive a reload and the back button", async ({ page }) => {
  await signIn(page, DEMO_USERS.editor.email, DEMO_PASSWORD);
  await page.goto("/w/demo");
  await page.getByRole("link", { name: /Human Rights Agenda 2021/ }).click();
  await expect(page).toHaveURL(/\/t\//);
  const trackerUrl = page.url();
  const count = page.locator("p[aria-live='polite']").filter({ hasText: "recommendation" });
  await expect(count).toContainText("56 recommendations");

  await page.getByRole("combobox", { name: "Status" }).selectOption("ACHIEVED");
  await expect(page).toHaveURL(/status=ACHIEVED/);
  await expect(count).toContainText("match");
  const achieved = await count.textContent();

  await page.getByRole("combobox", { name: "Owner" }).selectOption("unassigned");
  await expect(page).toHaveURL(/owner=unassigned/);

  await page.reload();
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("ACHIEVED");
  await expect(page.getByRole("combobox", { name: "Owner" })).toHaveValue("unassigned");

  await page.goBack();
  await expect(page).toHaveURL(/status=ACHIEVED/);
  await expect(page).not.toHaveURL(/owner=/);
  await expect(count).toHaveText(achieved!);
  await page.goBack();
  await expect(page).toHaveURL(trackerUrl);
  await expect(count).toContainText("56 recommendations");

  await page.getByLabel("Search title, text and source passage").fill("Guantánamo");
  await expect(page).toHaveURL(/q=Guant/);
  await expect(page.getByRole("link", { name: /Guantánamo/ })).toBeVisible();
  await page.getByRole("button", { name: "Board" }).click();
  await expect(page).toHaveURL(/view=board/);
  await expect(page.getByRole("region", { name: /In progress/ })).toBeVisible();
});

test("an editor reorders recommendations in reorder mode; the list has no move buttons otherwise", async ({
  page,
}) => {
  await signIn(page, DEMO_USERS.editor.email, DEMO_PASSWORD);
  await page.goto("/w/demo");
  await page.getByRole("link", { name: /Human Rights Agenda 2021/ }).click();
  await expect(page).toHaveURL(/\/t\//);
  await expect(page.getByRole("button", { name: "Move down" })).toHaveCount(0);

  await page.getByRole("link", { name: "Reorder" }).click();
  await expect(page).toHaveURL(/reorder=1/);
  const firstSection = page
    .getByRole("region")
    .filter({ has: page.getByRole("heading", { level: 2 }) })
    .first();
  const rows = firstSection.locator("li.rec a.rec-row .rec-t");
  const [first, second] = [await rows.nth(0).textContent(), await rows.nth(1).textContent()];
  expect(first).not.toEqual(second);

  await firstSection.getByRole("button", { name: "Move down" }).first().click();
  await expect(rows.nth(0)).toHaveText(second!);
  await expect(rows.nth(1)).toHaveText(first!);
  // The move is kept: it survives a reload.
  await page.reload();
  await expect(rows.nth(1)).toHaveText(first!);

  await firstSection.getByRole("button", { name: "Move up" }).nth(1).click();
  await expect(rows.nth(0)).toHaveText(first!);
  await page.getByRole("link", { name: "Done reordering" }).click();
  await expect(page).not.toHaveURL(/reorder=1/);
  await expect(page.getByRole("button", { name: "Move down" })).toHaveCount(0);
});
