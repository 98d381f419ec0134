import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { createWorkspace, signUp, uniqueEmail, uniqueSlug } from "./helpers";

const ESSAY = fs.readFileSync(
  path.join(import.meta.dirname, "../prisma/seed/documents/human-rights-agenda-2021.txt"),
  "utf8",
);
import { UPR_CSV as UPR } from "../tests/support/fixture-files";
const STAGES = ["Reverse and Revoke", "Reaffirm", "Rebuild", "Reengage", "Reconceptualize"];

async function newAdmin(page: Page, label: string) {
  const slug = uniqueSlug(label);
  await signUp(page, { name: "Ada Admin", email: uniqueEmail(label) });
  await createWorkspace(page, `${label} coalition`, slug);
  return slug;
}

async function newEmptyTracker(page: Page, slug: string, name: string) {
  await page.goto(`/w/${slug}`);
  await page.getByRole("button", { name: "New tracker" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Sections, one per line").fill("General");
  await page.getByRole("button", { name: "Create tracker" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

/** Selects the document's characters start..end in the review screen, as a user dragging the mouse would. */
async function selectInDocument(page: Page, start: number, end: number) {
  await page.getByTestId("review-document").evaluate(
    (container, [from, to]) => {
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const locate = (offset: number) => {
        for (const node of nodes) {
          if (offset <= node.data.length) return { node, offset };
          offset -= node.data.length;
        }
        throw new Error("offset out of range");
      };
      const a = locate(from!);
      const b = locate(to!);
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [start, end],
  );
}

test("paste the essay, review the proposal and create a tracker whose recommendations keep their passages", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const slug = await newAdmin(page, "essay");
  await page.getByRole("link", { name: "From a document" }).click();
  await page.getByLabel("Document text").fill(ESSAY);
  await page.getByRole("button", { name: "Propose recommendations" }).click();

  for (const stage of STAGES) {
    await expect(page.getByRole("checkbox", { name: `Include section “${stage}”` })).toBeChecked();
  }
  await expect(page.getByRole("checkbox", { name: "Include section “Introduction”" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Include section “Conclusion”" })).not.toBeChecked();
  await page.screenshot({ path: "screenshots/new-tracker-review.png", fullPage: false });

  await page.getByRole("button", { name: "Accept all to review" }).click();

  // Reject one proposal and make a recommendation from part of its passage instead.
  const first = page
    .getByTestId("candidate")
    .filter({ has: page.getByText(/^\d+\. Reverse and Revoke$/) })
    .first();
  const start = Number(await first.getAttribute("data-start"));
  const end = Number(await first.getAttribute("data-end"));
  await first.getByRole("button", { name: "Accepted" }).click();
  await first.getByRole("button", { name: "Reject" }).click();
  await selectInDocument(page, start, end);
  await page.getByRole("button", { name: "Add selection as recommendation" }).click();
  await expect(page.getByText("Added the selected passage as a recommendation.")).toBeVisible();

  // Split a proposal at a sentence break.
  const long = page
    .getByTestId("candidate")
    .filter({ has: page.getByText(/^\d+\. Reaffirm$/) })
    .first();
  await long.getByRole("button", { name: "Split…" }).click();
  const points = long.getByRole("list", { name: "Split points" }).getByRole("button");
  if ((await points.count()) > 0) await points.first().click();
  const counts = await page.getByTestId("review-counts").innerText();
  const accepted = Number(counts.split(" ")[0]);
  expect(accepted).toBeGreaterThan(25);

  await page.getByLabel("Tracker name").fill("Biden agenda");
  await page.getByRole("button", { name: /Create tracker with \d+ recommendations/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Biden agenda" })).toBeVisible({
    timeout: 20_000,
  });
  for (const stage of STAGES) {
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(stage) })).toBeVisible();
  }
  await expect(page.getByRole("heading", { level: 2, name: /Introduction/ })).toHaveCount(0);

  await page.getByRole("link", { name: "Source document" }).click();
  const highlighted = page.locator("article a[id^=passage-]");
  await expect(highlighted.first()).toBeVisible();
  await highlighted.first().click();
  await expect(page.getByText("Source passage")).toBeVisible();
  await expect(page.getByRole("link", { name: /Show in document/ })).toBeVisible();
  expect(slug).toBeTruthy();
});

test("upload a .docx and create a tracker from it; unsupported files get a clear message", async ({
  page,
}) => {
  await newAdmin(page, "docx");
  await page.getByRole("link", { name: "From a document" }).click();
  await page.getByLabel("Upload a file").check();
  await page.getByLabel("Document file").setInputFiles({
    name: "notes.doc",
    mimeType: "application/msword",
    buffer: Buffer.from("old word"),
  });
  await page.getByRole("button", { name: "Propose recommendations" }).click();
  await expect(page.getByTestId("document-error")).toContainText("old Word document");

  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "Coalition blueprint", heading: HeadingLevel.TITLE }),
          new Paragraph({ text: "Detention", heading: HeadingLevel.HEADING_1 }),
          new Paragraph("The government should close the detention facility at Guantánamo Bay."),
          new Paragraph("Congress must repeal the 2001 authorization for the use of military force."),
          new Paragraph({ text: "Treaties", heading: HeadingLevel.HEADING_1 }),
          new Paragraph("The Senate should give its consent to the Convention on the Rights of the Child."),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  await page.getByLabel("Document file").setInputFiles({
    name: "blueprint.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer,
  });
  await page.getByRole("button", { name: "Propose recommendations" }).click();
  await expect(page.getByTestId("candidate")).toHaveCount(3);
  await page.getByRole("button", { name: "Accept all to review" }).click();
  await page.getByLabel("Tracker name").fill("Blueprint");
  await page.getByRole("button", { name: "Create tracker with 3 recommendations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Blueprint" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 2, name: /Detention/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Treaties/ })).toBeVisible();
  await expect(page.getByText("3 recommendations", { exact: true }).first()).toBeVisible();
});

test("import the UPR CSV with a mapping, then export CSV and JSON and import them again", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const slug = await newAdmin(page, "upr");
  const trackerUrl = await newEmptyTracker(page, slug, "UPR sessions 1-5");
  await page.getByRole("link", { name: "Import" }).click();
  await page.getByLabel("CSV or JSON file").setInputFiles(UPR);
  await page.getByRole("button", { name: "Read file" }).click();
  await expect(page.getByText(/rows, 11 columns/)).toBeVisible();
  await expect(page.getByLabel("Import “Text” as")).toHaveValue("text");
  await expect(page.getByLabel("Import “Issue” as")).toHaveValue("tags");
  await expect(page.getByLabel("Import “To” as")).toHaveValue("attribute");
  await page.getByLabel("Import “To-Rgrp” as").selectOption("ignore");
  await page.getByRole("button", { name: "Check rows" }).click();
  await expect(page.getByTestId("preview-summary")).toContainText("rows are ready");
  await page.screenshot({ path: "screenshots/import-preview.png", fullPage: false });
  await page.getByRole("button", { name: /^Import [\d,]+ rows$/ }).click();
  await expect(page.getByTestId("import-result")).toContainText("0 rejected", { timeout: 120_000 });
  await page.getByRole("link", { name: "Open the tracker" }).click();
  await expect(page).toHaveURL(trackerUrl);
  await expect(page.getByText(/^6,0\d\d recommendations$/).first()).toBeVisible();

  // A small tracker to round-trip.
  const smallUrl = await newEmptyTracker(page, slug, "Round trip");
  await page.getByRole("link", { name: "Import" }).click();
  await page.getByLabel("CSV or JSON file").setInputFiles({
    name: "small.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "Reference;Text;Section;Status;Country\nA1;Close the camp;Detention;In progress;US\nA2;=cmd|' /C calc'!A0;Detention;;UK\n",
    ),
  });
  await page.getByRole("button", { name: "Read file" }).click();
  await page.getByRole("button", { name: "Check rows" }).click();
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByTestId("import-result")).toContainText("2 created");

  const csv = await page.request.get(`${smallUrl}/export.csv`);
  expect(csv.status()).toBe(200);
  const csvText = await csv.text();
  expect(csvText).toContain("'=cmd");
  const json = await page.request.get(`${smallUrl}/export.json`);
  const jsonText = await json.text();
  expect(JSON.parse(jsonText).recommendations).toHaveLength(2);

  // CSV back into the same tracker: updates, no duplicates.
  await page.goto(`${smallUrl}/import`);
  await page
    .getByLabel("CSV or JSON file")
    .setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(csvText) });
  await page.getByRole("button", { name: "Read file" }).click();
  await page.getByRole("button", { name: "Check rows" }).click();
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByTestId("import-result")).toContainText("0 created, 2 updated");

  // JSON into a new tracker: the same sections and statuses.
  const copyUrl = await newEmptyTracker(page, slug, "Copy");
  await page.goto(`${copyUrl}/import`);
  await page.getByLabel("CSV or JSON file").setInputFiles({
    name: "export.json",
    mimeType: "application/json",
    buffer: Buffer.from(jsonText),
  });
  await page.getByRole("button", { name: "Read file" }).click();
  await expect(page.locator("p[aria-live='polite']").filter({ hasText: /a tracker export/ })).toBeVisible();
  await page.getByRole("button", { name: "Check rows" }).click();
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByTestId("import-result")).toContainText("2 created");
  await page.goto(copyUrl);
  await expect(page.getByRole("heading", { level: 2, name: /Detention/ })).toBeVisible();
  await expect(page.getByText("In progress").first()).toBeVisible();

  // The printable report.
  await page.goto(`${smallUrl}/report`);
  await expect(page.getByRole("heading", { level: 1, name: "Round trip" })).toBeVisible();
  await page.screenshot({ path: "screenshots/report.png", fullPage: true });
  await page.pdf({ path: "screenshots/report.pdf", format: "A4" });
});
