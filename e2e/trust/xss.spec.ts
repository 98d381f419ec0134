/**
 * Trust item 5: stored XSS. A corpus of payloads goes into every rendered field (workspace names,
 * user names, tracker name and description, document text, section titles, recommendation titles,
 * text, source passages and target actors, evidence titles and quotes, comments in markdown); most are
 * inserted straight into the database (the rendering is what is under test), a few go through the real
 * comment form. Then a browser visits every page that renders them and checks that no payload ran.
 */
import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail, uniqueSlug } from "../helpers";
import { reportFigure } from "../../tests/support/trust-report";
import { openDb } from "./support";
import { xssCorpus } from "./xss-corpus";
import { toCsv } from "../../lib/import/csv";

const CHUNK = 50;

type Findings = { executed: string[]; dangerous: string[]; csp: string[] };

/** What the page did with the payloads: markers set, dangerous attributes in the DOM, CSP reports. */
async function inspect(page: Page): Promise<Findings> {
  await page.waitForLoadState("load");
  await page.waitForTimeout(150); // let onerror/onload handlers of broken images fire
  return page.evaluate(() => {
    const dangerousUrl = /^\s*(javascript|vbscript|data:text\/html|data:text\/javascript|data:image\/svg)/i;
    const dangerous: string[] = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const isHandler = name.startsWith("on");
        const isUrl = ["href", "src", "action", "formaction", "data", "xlink:href", "poster"].includes(name);
        if (isHandler || name === "srcdoc" || (isUrl && dangerousUrl.test(attribute.value))) {
          dangerous.push(`<${element.tagName.toLowerCase()} ${name}="${attribute.value.slice(0, 60)}">`);
        }
      }
      if (element.tagName === "SCRIPT" && /^\s*window\.__xss_/.test(element.textContent ?? "")) {
        dangerous.push(`<script>${(element.textContent ?? "").slice(0, 60)}`);
      }
    }
    return {
      executed: Object.keys(window).filter((key) => key.startsWith("__xss_")),
      dangerous,
      csp: (window as unknown as { __csp: string[] }).__csp ?? [],
    };
  });
}

test("no stored payload runs on any page", async ({ browser }) => {
  test.setTimeout(180_000);
  const corpus = xssCorpus();
  const texts = corpus.map((p) => p.text);
  const run = uniqueSlug("xss");
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      w.__csp.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const page = await context.newPage();
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const consoleCsp: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleCsp.push(message.text().slice(0, 200));
  });

  const email = uniqueEmail("xss");
  await signUp(page, { name: "Xena Tester", email });

  // Seed: one payload per row, in every field that a page renders.
  const db = openDb();
  const slug = run;
  let trackerId = "";
  const recIds: string[] = [];
  try {
    const me = await db.user.update({ where: { email }, data: { name: texts[3]! } });
    const workspace = await db.workspace.create({ data: { name: texts[0]!, slug } });
    await db.membership.create({ data: { workspaceId: workspace.id, userId: me.id, role: "OWNER" } });
    await db.workspace.createMany({
      data: texts.map((name, i) => ({ name, slug: `${run}-w${i}` })),
    });
    const others = await db.workspace.findMany({
      where: { slug: { startsWith: `${run}-w` } },
      select: { id: true },
    });
    await db.membership.createMany({
      data: others.map((w) => ({ workspaceId: w.id, userId: me.id, role: "VIEWER" as const })),
    });
    await db.user.createMany({
      data: texts.map((name, i) => ({ name, email: `${run}-u${i}@e2e.test`, passwordHash: "!" })),
    });
    const people = await db.user.findMany({
      where: { email: { startsWith: `${run}-u` } },
      select: { id: true },
      orderBy: { email: "asc" },
    });
    await db.membership.createMany({
      data: people.map((u) => ({ workspaceId: workspace.id, userId: u.id, role: "EDITOR" as const })),
    });
    const document = await db.document.create({
      data: {
        workspaceId: workspace.id,
        title: texts[4]!,
        author: texts[5]!,
        citation: texts[6]!,
        content: texts.join("\n\n"),
      },
    });
    const tracker = await db.tracker.create({
      data: { workspaceId: workspace.id, documentId: document.id, name: texts[1]!, description: texts[2]! },
    });
    trackerId = tracker.id;
    await db.section.createMany({
      data: texts.map((title, i) => ({
        workspaceId: workspace.id,
        trackerId,
        title,
        description: title,
        position: i,
      })),
    });
    const sections = await db.section.findMany({ where: { trackerId }, orderBy: { position: "asc" } });
    await db.recommendation.createMany({
      data: texts.map((title, i) => ({
        workspaceId: workspace.id,
        trackerId,
        sectionId: sections[i]!.id,
        title,
        text: title,
        sourcePassage: title,
        targetActor: title,
        position: i,
      })),
    });
    const recs = await db.recommendation.findMany({ where: { trackerId }, orderBy: { position: "asc" } });
    recIds.push(...recs.map((r) => r.id));
    // Every payload as a comment and as evidence, CHUNK per recommendation page, authored by payload-named users.
    const chunks = Math.ceil(texts.length / CHUNK);
    for (let c = 0; c < chunks; c++) {
      const slice = texts.slice(c * CHUNK, (c + 1) * CHUNK);
      const recommendationId = recs[c]!.id;
      await db.comment.createMany({
        data: slice.map((body, i) => ({
          workspaceId: workspace.id,
          recommendationId,
          authorId: people[c * CHUNK + i]!.id,
          body,
        })),
      });
      await db.evidence.createMany({
        data: slice.map((title, i) => ({
          workspaceId: workspace.id,
          recommendationId,
          url: `https://example.org/xss/${c}/${i}`,
          normalizedUrl: `example.org/xss/${c}/${i}`,
          title,
          quote: title,
          sourceType: "NEWS" as const,
          stance: "PROGRESS" as const,
          addedById: people[c * CHUNK + i]!.id,
        })),
      });
    }
    await db.recommendationOwner.createMany({
      data: recs.slice(0, 150).map((r) => ({ recommendationId: r.id, userId: me.id })),
    });
  } finally {
    await db.$disconnect();
  }

  // A few payloads through the real comment form (validation, DAL, markdown renderer).
  const base = `/w/${slug}/t/${trackerId}`;
  await page.goto(`${base}/r/${recIds[0]}`);
  const viaForm = corpus.filter((p) => /^\[|^!\[|^<script|^<img/.test(p.text)).slice(0, 4);
  const comments = page.getByTestId("comment");
  for (const payload of viaForm) {
    const before = await comments.count();
    await page.getByLabel("Comment", { exact: true }).fill(payload.text);
    await page.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(comments).toHaveCount(before + 1);
  }

  const paths = [
    "/",
    `/w/${slug}`,
    `/w/${slug}/members`,
    `/w/${slug}/my-work`,
    `/w/${slug}/audit`,
    ...Array.from({ length: Math.ceil(texts.length / 50) }, (_, i) => `${base}?page=${i + 1}`),
    `${base}?view=board`,
    `${base}/sections`,
    `${base}/document`,
    ...recIds.slice(0, Math.ceil(texts.length / CHUNK)).map((id) => `${base}/r/${id}`),
  ];
  const executed = new Set<string>();
  const dangerous: string[] = [];
  const csp: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const findings = await inspect(page);
    findings.executed.forEach((marker) => executed.add(marker));
    dangerous.push(...findings.dangerous.map((d) => `${path}: ${d}`));
    csp.push(...findings.csp.map((c) => `${path}: ${c}`));
  }
  // The payloads are on the pages as text (proof that they were rendered, not dropped).
  await page.goto(`/w/${slug}/members`);
  await expect(page.getByText(texts[10]!, { exact: true }).first()).toBeVisible();

  if (csp.length + consoleCsp.length > 0) {
    console.log("CSP reports (blocked by the policy):", [...new Set([...csp, ...consoleCsp])].slice(0, 10));
  }
  const executions = executed.size + dialogs;
  const pass = executions === 0 && dangerous.length === 0;
  reportFigure(
    "5. stored XSS",
    `payloads tried ${corpus.length + viaForm.length} on ${paths.length} pages, executions ${executions}, dangerous DOM attributes ${dangerous.length}, CSP violations ${csp.length + consoleCsp.length}`,
    pass,
  );
  expect([...executed], "payload markers that ran").toEqual([]);
  expect(dialogs, "dialogs opened").toBe(0);
  expect(dangerous, "dangerous attributes in the DOM").toEqual([]);
  await context.close();
});

test("no payload imported from CSV cells runs on any page", async ({ browser }) => {
  test.setTimeout(180_000);
  const corpus = xssCorpus().slice(0, 60);
  const context = await browser.newContext();
  const page = await context.newPage();
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await signUp(page, { name: "Imogen Importer", email: uniqueEmail("xss-csv") });
  const slug = uniqueSlug("xss-csv");
  await page.goto("/w/new");
  await page.getByLabel("Name").fill("CSV payloads");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.getByRole("button", { name: "New tracker" }).click();
  await page.getByLabel("Name").fill("Imported payloads");
  await page.getByLabel("Sections, one per line").fill("General");
  await page.getByRole("button", { name: "Create tracker" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Imported payloads" })).toBeVisible();
  const trackerUrl = page.url();

  // Every cell of every row is a payload: title, text, section, target actor, tags and a free attribute.
  const csv = toCsv(
    ["Title", "Text", "Section", "Target actor", "Note"],
    corpus.map((p, i) => [
      `Row ${i} ${p.text}`,
      `Text ${p.text}`,
      i % 10 === 0 ? p.text : "General",
      p.text,
      p.text,
    ]),
  );
  await page.goto(`${trackerUrl}/import`);
  await page
    .getByLabel("CSV or JSON file")
    .setInputFiles({ name: "payloads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Read file" }).click();
  await page.getByRole("button", { name: "Check rows" }).click();
  await page.getByRole("button", { name: /^Import [\d,]+ rows?$/ }).click();
  await expect(page.getByTestId("import-result")).toBeVisible({ timeout: 60_000 });

  const paths = [trackerUrl, `${trackerUrl}?view=board`, `${trackerUrl}/report`];
  await page.goto(trackerUrl);
  const recLinks = await page
    .locator(`a[href*="${new URL(trackerUrl).pathname}/r/"]`)
    .evaluateAll((links) => links.slice(0, 8).map((link) => (link as HTMLAnchorElement).pathname));
  expect(recLinks.length, "imported rows appear in the tracker").toBeGreaterThan(0);
  const executed = new Set<string>();
  const dangerous: string[] = [];
  for (const path of [...paths, ...recLinks]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const findings = await inspect(page);
    findings.executed.forEach((marker) => executed.add(marker));
    dangerous.push(...findings.dangerous.map((d) => `${path}: ${d}`));
  }
  const executions = executed.size + dialogs;
  reportFigure(
    "5. stored XSS (imported CSV cells)",
    `payloads ${corpus.length} × 5 columns imported, pages ${paths.length + recLinks.length}, executions ${executions}, dangerous DOM attributes ${dangerous.length}`,
    executions === 0 && dangerous.length === 0,
  );
  expect([...executed]).toEqual([]);
  expect(dialogs).toBe(0);
  expect(dangerous).toEqual([]);
  await context.close();
});
