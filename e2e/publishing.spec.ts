import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { setupTeam } from "./helpers";
import { openDb } from "./trust/support";

/**
 * Publishing a tracker: public evidence and internal justifications set through the UI, markers planted in
 * every private field, then every public URL (HTML, RSC payload, permalink, badge, preview image, embed)
 * fetched anonymously must contain none of them; unpublishing makes all of them 404 at once. Also takes a
 * snapshot and compares it with now.
 */
const shots = "screenshots";

async function shot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** Opens a dialog by its trigger, again if the first click came before the page was hydrated. */
async function openDialog(page: Page, trigger: RegExp | string, name: string) {
  const dialog = page.getByRole("dialog", { name });
  await expect(async () => {
    await page.getByRole("button", { name: trigger }).click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  return dialog;
}

async function addEvidence(
  page: Page,
  fields: { url: string; title: string; quote: string; isPublic: boolean },
) {
  const dialog = await openDialog(page, "Add evidence", "Add evidence");
  await dialog.getByLabel("Link").fill(fields.url);
  await dialog.getByLabel("Title").fill(fields.title);
  await dialog.getByLabel("Quoted passage (optional)").fill(fields.quote);
  if (fields.isPublic) await dialog.getByLabel(/Show on the public scorecard/).check();
  await dialog.getByRole("button", { name: "Add evidence" }).click();
  await expect(dialog).toBeHidden();
}

async function changeStatus(page: Page, status: RegExp, justification: string, isPublic: boolean) {
  const dialog = await openDialog(page, /Change status/, "Change status");
  await dialog.getByLabel(status).check();
  await dialog.getByLabel("Justification").fill(justification);
  if (isPublic) await dialog.getByLabel(/Show on the public scorecard/).check();
  await dialog.getByRole("button", { name: "Change status" }).click();
  await expect(dialog).toBeHidden();
}

type Fetched = { url: string; status: number; body: string; headers: Record<string, string> };

async function fetchAll(
  request: APIRequestContext,
  urls: { url: string; rsc?: boolean }[],
): Promise<Fetched[]> {
  const out: Fetched[] = [];
  for (const { url, rsc } of urls) {
    // An RSC request is redirected once to its cache-busting ?_rsc= address; follow it.
    const response = await request.get(url, { headers: rsc ? { RSC: "1" } : {} });
    const bytes = await response.body();
    out.push({
      url: rsc ? `${url} (RSC)` : url,
      status: response.status(),
      body: bytes.toString("utf8") + bytes.toString("latin1"),
      headers: response.headers(),
    });
  }
  return out;
}

test("publish → public pages carry no private marker → unpublish → every public URL is 404", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(180_000);
  const team = await setupTeam(browser, "publish");
  const { owner, editor } = team;
  const tag = `mk${Date.now().toString(36)}`;
  const marker = (field: string) => `${tag}-${field}-SECRET`;
  const markers = [
    "comment",
    "action",
    "owner",
    "member",
    "justification",
    "evidence-title",
    "evidence-url",
    "evidence-quote",
    "archived-rec",
    "archived-section",
    "attribute",
  ].map(marker);

  // Through the UI: a public and a non-public piece of evidence, and an internal justification.
  await editor.goto(team.recUrl);
  await addEvidence(editor, {
    url: "https://www.state.gov/public-statement",
    title: "Public statement on re-engagement",
    quote: "We are back at the table.",
    isPublic: true,
  });
  await addEvidence(editor, {
    url: `https://example.org/${marker("evidence-url")}`,
    title: marker("evidence-title"),
    quote: marker("evidence-quote"),
    isPublic: false,
  });
  await expect(
    editor.getByRole("list", { name: "Evidence" }).getByText("Public", { exact: true }),
  ).toHaveCount(1);
  await changeStatus(editor, /^Achieved/, marker("justification"), false);
  // Left unticked, the justification is for the team: the history shows it without a "Public" tag.
  const history = editor.getByRole("list", { name: "Status history" });
  await expect(history).toContainText(marker("justification"));
  await expect(history).not.toContainText("Public");

  // Directly: every other private field.
  const db = openDb();
  try {
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: team.slug } });
    const rec = await db.recommendation.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    const members = await db.membership.findMany({
      where: { workspaceId: workspace.id },
      include: { user: true },
    });
    const ownerUser = members.find((m) => m.role === "OWNER")!.user;
    const editorUser = members.find((m) => m.role === "EDITOR")!.user;
    await db.user.update({ where: { id: ownerUser.id }, data: { name: marker("owner") } });
    await db.user.update({ where: { id: editorUser.id }, data: { name: marker("member") } });
    await db.recommendationOwner.create({ data: { recommendationId: rec.id, userId: ownerUser.id } });
    await db.comment.create({
      data: {
        workspaceId: workspace.id,
        recommendationId: rec.id,
        authorId: editorUser.id,
        body: marker("comment"),
      },
    });
    await db.actionItem.create({
      data: { workspaceId: workspace.id, recommendationId: rec.id, title: marker("action"), position: 0 },
    });
    await db.recommendation.update({
      where: { id: rec.id },
      data: { attributes: { "Internal notes": marker("attribute") } },
    });
    await db.recommendation.create({
      data: {
        workspaceId: workspace.id,
        trackerId: rec.trackerId,
        sectionId: rec.sectionId,
        title: marker("archived-rec"),
        text: "Archived.",
        position: 9,
        archivedAt: new Date(),
      },
    });
    const archivedSection = await db.section.create({
      data: {
        workspaceId: workspace.id,
        trackerId: rec.trackerId,
        title: marker("archived-section"),
        position: 9,
        archivedAt: new Date(),
      },
    });
    await db.recommendation.create({
      data: {
        workspaceId: workspace.id,
        trackerId: rec.trackerId,
        sectionId: archivedSection.id,
        title: "In an archived section",
        text: "Hidden with its section.",
        position: 0,
      },
    });

    // Publish the live tracker from the publish page.
    await owner.goto(team.trackerUrl);
    await owner.getByRole("link", { name: "Publish" }).click();
    await expect(owner.getByTestId("publication-status")).toContainText("Not published");
    await owner.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(owner.getByTestId("publication-status")).toContainText("Published");
    await expect(owner.getByLabel("Embed (iframe)")).toHaveValue(/<iframe src="http[^"]+\/embed"/);
    await shot(owner, "publish");
    const trackerId = rec.trackerId;
    const base = `/p/${team.slug}/${trackerId}`;

    const anonymous = await playwright.request.newContext({ baseURL: new URL(owner.url()).origin });
    const permalink = await anonymous.get(`${base}/r/${rec.id}`);
    expect(permalink.status()).toBe(200);
    const permalinkHtml = await permalink.text();
    const ogImage = /<meta property="og:image" content="([^"]+)"/.exec(permalinkHtml)?.[1];
    expect(ogImage, "the permalink has an og:image").toBeTruthy();
    expect(permalinkHtml).toContain('property="og:title"');
    const ogPath =
      new URL(ogImage!.replace(/&amp;/g, "&")).pathname + new URL(ogImage!.replace(/&amp;/g, "&")).search;

    const urls = [
      { url: base },
      { url: base, rsc: true },
      { url: `${base}/r/${rec.id}` },
      { url: `${base}/r/${rec.id}`, rsc: true },
      { url: `${base}/badge.svg` },
      { url: `${base}/embed` },
      { url: `${base}/embed`, rsc: true },
      { url: ogPath },
    ];
    const published = await fetchAll(anonymous, urls);
    for (const page of published) {
      expect(page.status, page.url).toBe(200);
      for (const secret of markers) expect(page.body, `${page.url} leaks ${secret}`).not.toContain(secret);
      // No fragment of the marker's unique prefix either (a truncated or re-encoded leak).
      expect(page.body, `${page.url} leaks a marker`).not.toContain(tag);
    }
    const [html, rscPayload, , , badge, embed, , image] = published;
    expect(rscPayload!.headers["content-type"]).toContain("text/x-component");
    expect(html!.body).toContain("Public statement on re-engagement");
    expect(html!.body).toContain("Last updated");
    expect(html!.body).toContain("1 of 1 achieved");
    expect(html!.headers["x-frame-options"]).toBe("DENY");
    expect(html!.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(badge!.headers["content-type"]).toContain("image/svg+xml");
    expect(badge!.body).toContain("1 of 1 achieved");
    expect(embed!.headers["x-frame-options"]).toBeUndefined();
    expect(embed!.headers["content-security-policy"]).toContain("frame-ancestors *");
    expect(image!.headers["content-type"]).toBe("image/png");

    const visitor = await browser.newPage();
    await visitor.goto(base);
    await expect(visitor.getByRole("heading", { level: 1, name: "Agenda tracker" })).toBeVisible();
    await expect(visitor.getByText("Achieved").first()).toBeVisible();
    await shot(visitor, "public-scorecard");
    await visitor.goto(`${base}/r/${rec.id}`);
    await shot(visitor, "public-permalink");

    // Unpublish: every public URL answers 404 on the next request.
    owner.once("dialog", (dialog) => void dialog.accept());
    await owner.getByRole("button", { name: "Unpublish" }).click();
    await expect(owner.getByTestId("publication-status")).toContainText("Not published");
    const gone = await fetchAll(anonymous, urls);
    for (const page of gone) expect(page.status, `${page.url} after unpublishing`).toBe(404);
    await anonymous.dispose();
    await visitor.close();
  } finally {
    await db.$disconnect();
  }
  await team.close();
});

test("an admin takes a snapshot, which keeps its statuses when the tracker moves on, and compares it with now", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const team = await setupTeam(browser, "snapshot");
  const { owner } = team;
  await owner.goto(team.recUrl);
  await changeStatus(owner, /^In progress/, "Hearings began in the Senate.", true);
  await expect(owner.getByRole("list", { name: "Status history" })).toContainText("Public");

  await owner.goto(team.trackerUrl);
  await owner.getByRole("link", { name: "Snapshots" }).click();
  await expect(owner.getByText("No snapshots yet.")).toBeVisible();
  await owner.getByLabel("Name").fill("100-day report card");
  await owner.getByRole("button", { name: "Take snapshot" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "100-day report card" })).toBeVisible();
  await expect(owner.getByText("Hearings began in the Senate.")).toBeVisible();
  await shot(owner, "snapshot");
  const snapshotUrl = owner.url();

  await owner.goto(team.recUrl);
  await changeStatus(owner, /^Stalled/, "The bill died in committee.", true);

  await owner.goto(snapshotUrl);
  await expect(owner.getByText("Hearings began in the Senate.")).toBeVisible();
  await expect(owner.getByText("The bill died in committee.")).toHaveCount(0);
  await owner.getByRole("button", { name: "Compare" }).click();
  await expect(owner.getByTestId("compare-summary")).toContainText("0 advanced, 1 regressed");
  await expect(owner.getByRole("region", { name: /Regressed \(1\)/ })).toContainText(
    "Rejoin the UN Human Rights Council",
  );
  await shot(owner, "snapshot-compare");

  const csv = await owner.request.get(`${snapshotUrl}/export.csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Hearings began in the Senate.");
  const json = (await (await owner.request.get(`${snapshotUrl}/export.json`)).json()) as {
    snapshot: { name: string };
    items: { status: string }[];
  };
  expect(json.snapshot.name).toBe("100-day report card");
  expect(json.items.map((i) => i.status)).toEqual(["IN_PROGRESS"]);
  await team.close();
});
