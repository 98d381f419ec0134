import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createWorkspace, signUp, uniqueEmail, uniqueSlug } from "./helpers";

/**
 * Issue 12's "Done when": a UPR Working Group report PDF and OHCHR's thematic-list DOCX go through the
 * browser, one review screen, and become trackers whose recommendations keep their paragraph numbers, the
 * recommending States (a filter), their positions and the report's sections. Also measures the review
 * screen's input latency with 250 candidates (click or keystroke to the next paint, in the page).
 */
const FIXTURES = path.join(import.meta.dirname, "../tests/fixtures/documents");
const UPR_PDF = path.join(FIXTURES, "A-HRC-28-15-upr-working-group-report-slovenia-2014.pdf");
const THEMATIC_DOCX = path.join(FIXTURES, "A-HRC-28-15-thematic-list-of-recommendations-slovenia-2014.docx");

async function newAdmin(page: Page, label: string) {
  const slug = uniqueSlug(label);
  await signUp(page, { name: "Ada Admin", email: uniqueEmail(label) });
  await createWorkspace(page, `${label} coalition`, slug);
  return slug;
}

async function uploadAndReview(page: Page, slug: string, file: string) {
  await page.goto(`/w/${slug}`);
  await page.getByRole("link", { name: "From a document" }).click();
  await page.getByLabel("Upload a file").check();
  await page.getByLabel("Document file").setInputFiles(file);
  await page.getByRole("button", { name: "Propose recommendations" }).click();
}

test("a UPR Working Group report PDF becomes a tracker with numbers, States, positions and real sections", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const slug = await newAdmin(page, "upr-pdf");
  await uploadAndReview(page, slug, UPR_PDF);
  await expect(page.getByTestId("document-kind")).toContainText("Looks like a UPR Working Group report", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("candidate")).toHaveCount(163);
  const first = page.getByTestId("candidate").first();
  await expect(first.getByLabel("Paragraph number of recommendation 1")).toHaveValue("115.1");
  await expect(first.getByLabel("Recommended by")).toHaveValue("Croatia");
  await expect(first.getByLabel("Position")).toHaveValue("Pending");
  await expect(first.getByLabel("Text of recommendation 1")).not.toHaveValue(/\(Croatia\)/);
  await page.screenshot({ path: "screenshots/review-upr-report.png", fullPage: false });
  await page.getByTestId("candidate-list").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "screenshots/review-upr-candidates.png", fullPage: false });

  await page.getByRole("button", { name: "Accept all to review" }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("review-counts")).toContainText("0 accepted");
  await page.getByRole("button", { name: "Accept section" }).first().click();
  await expect(page.getByTestId("review-counts")).toContainText("163 accepted");
  await page.getByLabel("Tracker name").fill("Slovenia UPR 2014");
  await page.getByRole("button", { name: "Create tracker with 163 recommendations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Slovenia UPR 2014" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    page.getByRole("heading", { level: 2, name: /Conclusions and\/or recommendations/ }),
  ).toBeVisible();

  // "Recommended by" is a filter: Belgium made 115.2, 115.16, … (not all 163)
  await page.getByLabel("Recommended by").selectOption("Belgium");
  await expect(page).toHaveURL(/by=Belgium/);
  await expect(page.getByText(/Expedite the process of ratification/).first()).toBeVisible();
  await expect(page.getByText(/Take further steps for the ratification of several/)).toHaveCount(0);
  await page.screenshot({ path: "screenshots/tracker-recommended-by.png", fullPage: false });
});

test("OHCHR's thematic list DOCX becomes a tracker with every row, its position and themes", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const slug = await newAdmin(page, "thematic");
  await uploadAndReview(page, slug, THEMATIC_DOCX);
  await expect(page.getByTestId("document-kind")).toContainText("thematic list", { timeout: 30_000 });
  await expect(page.getByTestId("candidate")).toHaveCount(163);
  const row = page
    .getByTestId("candidate")
    .filter({ hasText: "Optional Protocol to the Rights of the Child" });
  await expect(row.first().getByLabel("Recommended by")).toHaveValue("Portugal, Slovakia");
  await expect(row.first().getByLabel("Position")).toHaveValue("Supported");
  await page.getByTestId("candidate-list").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "screenshots/review-thematic-list.png", fullPage: false });
  await page.getByRole("button", { name: "Accept all to review" }).click();
  await page.getByLabel("Tracker name").fill("Slovenia thematic list");
  await page.getByRole("button", { name: "Create tracker with 163 recommendations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Slovenia thematic list" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    page.getByRole("heading", { level: 2, name: /A12 Acceptance of international norms/ }),
  ).toBeVisible();
});

test("the review screen stays responsive with 250 candidates (input latency measured in the page)", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const slug = await newAdmin(page, "latency");
  const lines = [
    "Report of the Working Group on the Universal Periodic Review",
    "",
    "Nordland",
    "",
    "II. Conclusions and/or recommendations",
    "",
  ];
  lines.push("120. The following recommendations enjoy the support of Nordland:", "");
  for (let i = 1; i <= 250; i++)
    lines.push(`120.${i} Ratify and implement instrument number ${i} in full (France, Chile);`, "");
  await page.goto(`/w/${slug}`);
  await page.getByRole("link", { name: "From a document" }).click();
  await page.getByLabel("Document text").fill(lines.join("\n"));
  await page.getByRole("button", { name: "Propose recommendations" }).click();
  await expect(page.getByTestId("candidate")).toHaveCount(250, { timeout: 30_000 });

  const latencies = await page.evaluate(async () => {
    const nextPaint = () =>
      new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const cards = [...document.querySelectorAll<HTMLElement>("[data-testid=candidate]")];
    const click: number[] = [];
    const typing: number[] = [];
    for (let i = 0; i < 30; i++) {
      const card = cards[(i * 37) % cards.length]!;
      const accept = card.querySelector<HTMLButtonElement>("button[aria-pressed]")!;
      const t0 = performance.now();
      accept.click();
      await nextPaint();
      click.push(performance.now() - t0);
    }
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    for (let i = 0; i < 30; i++) {
      const input = cards[(i * 53) % cards.length]!.querySelector<HTMLInputElement>(
        "input[aria-label^='Title']",
      )!;
      const t0 = performance.now();
      setter.call(input, `${input.value}x`);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await nextPaint();
      typing.push(performance.now() - t0);
    }
    const p = (values: number[], q: number) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length * q)]!;
    return {
      clickMedian: p(click, 0.5),
      clickP95: p(click, 0.95),
      typeMedian: p(typing, 0.5),
      typeP95: p(typing, 0.95),
    };
  });
  console.log(`review latency with 250 candidates (ms): ${JSON.stringify(latencies)}`);
  // a generous bound for a shared 2-core machine: the figure itself is reported, the bound catches a regression
  // to whole-list re-rendering per keystroke
  expect(latencies.typeMedian).toBeLessThan(250);
  expect(latencies.clickMedian).toBeLessThan(250);
  await page.screenshot({ path: "screenshots/review-250.png", fullPage: false });
});
