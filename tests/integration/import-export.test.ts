import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { newWorkspaceWithTracker, type World } from "../support/fixtures";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import { exportTrackerCsv, exportTrackerJson } from "@/lib/export/queries";
import { addOwner } from "@/lib/recommendations/mutations";
import { importFile } from "@/lib/import/mutations";
import { addEvidence } from "@/lib/evidence/mutations";
import { setRecommendationStatus } from "@/lib/recommendations/mutations";
import { parseCsv } from "@/lib/import/csv";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import type { RootTranslator } from "@/lib/i18n/localize";
import { localizeRowError } from "@/lib/import/messages";
import { suggestMapping } from "@/lib/import/rows";

let a: World;
let b: World;
const utf8 = (text: string) => new TextEncoder().encode(text);
import { UPR_CSV as UPR } from "../support/fixture-files";

beforeAll(async () => {
  a = await newWorkspaceWithTracker("import-a");
  b = await newWorkspaceWithTracker("import-b");
});

async function newTracker(world: World, name: string) {
  return db.tracker.create({ data: { workspaceId: world.workspace.id, name } });
}

async function expectDalError(promise: Promise<unknown>, code: DalError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DalError);
  expect((error as DalError).code).toBe(code);
}

describe("CSV import", () => {
  it("imports valid rows and rejects missing text, bad dates, unknown owners and duplicate reference ids", async () => {
    actAs(a.editor);
    const tracker = await newTracker(a, "Row errors");
    const csv = [
      "Ref;Title;Text;Section;Status;Owner;Due date;Issue;Session",
      `R1;Ratify;Ratify the Convention;Treaties;In progress;${a.editor.email};2026-05-01;Women's rights, Torture;5`,
      "R2;No text;;Treaties;;;;;5",
      "R3;Bad date;Close the camp;Detention;;;31/02/2026;;5",
      "R4;Unknown owner;Release detainees;Detention;;nobody@example.org;;;5",
      "R1;Duplicate;Another text;Treaties;;;;;5",
      "R6;Bad status;Fund the office;Treaties;Finished;;;;5",
      "R7;;Seek the consent of the Senate to ratify the Convention on the Rights of the Child without delay;;achieved;;;;5",
    ].join("\r\n");
    const result = await importFile({
      workspaceSlug: a.workspace.slug,
      trackerId: tracker.id,
      fileName: "rows.csv",
      bytes: utf8(csv),
    });
    expect(result.created).toBe(2);
    expect(result.rejectedCount).toBe(5);
    // stored as keys with values, shown in the reader's language
    const t = createTranslator({ locale: "en", messages: en }) as unknown as RootTranslator;
    const reasons = Object.fromEntries(
      result.rejected.map((r) => [r.rowNumber, r.errors.map((e) => localizeRowError(t, e)).join(" ")]),
    );
    expect(reasons[3]).toMatch(/text is missing/);
    expect(reasons[4]).toMatch(/not a date/);
    expect(reasons[5]).toMatch(/No member .* nobody@example.org/);
    expect(reasons[6]).toMatch(/already used in row 2/);
    expect(reasons[7]).toMatch(/Unknown status “Finished”/);

    const recs = await db.recommendation.findMany({
      where: { trackerId: tracker.id },
      include: { tags: { include: { tag: true } }, owners: true, section: true },
      orderBy: { referenceId: "asc" },
    });
    expect(recs.map((r) => r.referenceId)).toEqual(["R1", "R7"]);
    const [r1, r7] = recs;
    expect(r1!.status).toBe("IN_PROGRESS");
    expect(r1!.section.title).toBe("Treaties");
    expect(r1!.tags.map((t) => t.tag.name).sort()).toEqual(["torture", "women's-rights"]);
    expect(r1!.owners.map((o) => o.userId)).toEqual([a.editor.id]);
    expect(r1!.dueDate?.toISOString().slice(0, 10)).toBe("2026-05-01");
    expect(r1!.attributes).toEqual({ Session: "5" });
    expect(r7!.status).toBe("ACHIEVED");
    expect(r7!.section.title).toBe("Imported");
    expect(r7!.title).toBe("Seek the consent of the Senate to ratify the Convention on the…");
    expect(await db.activityEvent.count({ where: { trackerId: tracker.id, type: "tracker.imported" } })).toBe(
      1,
    );
    expect(
      await db.activityEvent.count({ where: { trackerId: tracker.id, type: "recommendation.created" } }),
    ).toBe(2);
  });

  it("in strict mode imports nothing when a row fails", async () => {
    actAs(a.editor);
    const tracker = await newTracker(a, "Strict");
    const result = await importFile({
      workspaceSlug: a.workspace.slug,
      trackerId: tracker.id,
      fileName: "strict.csv",
      bytes: utf8("Text,Due date\nFirst measure,2026-01-01\nSecond measure,tomorrow\n"),
      isStrict: true,
    });
    expect(result.isStrictFailure).toBe(true);
    expect(result.created).toBe(0);
    expect(await db.recommendation.count({ where: { trackerId: tracker.id } })).toBe(0);
  });

  it("updates recommendations on re-import by reference id instead of duplicating them", async () => {
    actAs(a.editor);
    const tracker = await newTracker(a, "Re-import");
    const first = "Reference,Text,Status,Tags\nA-1,Old text,Not started,one\nA-2,Second,,two\n";
    await importFile({
      workspaceSlug: a.workspace.slug,
      trackerId: tracker.id,
      fileName: "v1.csv",
      bytes: utf8(first),
    });
    const second = "Reference,Text,Status,Tags\nA-1,New text,Achieved,three\nA-3,Third,,\n";
    const result = await importFile({
      workspaceSlug: a.workspace.slug,
      trackerId: tracker.id,
      fileName: "v2.csv",
      bytes: utf8(second),
    });
    expect(result).toMatchObject({ created: 1, updated: 1 });
    const recs = await db.recommendation.findMany({
      where: { trackerId: tracker.id },
      include: { tags: { include: { tag: true } } },
      orderBy: { referenceId: "asc" },
    });
    expect(recs.map((r) => r.referenceId)).toEqual(["A-1", "A-2", "A-3"]);
    expect(recs[0]).toMatchObject({ text: "New text", status: "ACHIEVED", version: 2 });
    expect(recs[0]!.tags.map((t) => t.tag.name)).toEqual(["three"]);
    const history = await db.activityEvent.findMany({
      where: { recommendationId: recs[0]!.id, type: "recommendation.status_changed" },
    });
    expect(history.map((h) => (h.data as { to: string }).to)).toEqual(["ACHIEVED"]);
  });

  it("refuses viewers and trackers of another workspace", async () => {
    actAs(a.viewer);
    await expectDalError(
      importFile({
        workspaceSlug: a.workspace.slug,
        trackerId: a.tracker.id,
        fileName: "x.csv",
        bytes: utf8("Text\nx\n"),
      }),
      "FORBIDDEN",
    );
    actAs(a.editor);
    await expectDalError(
      importFile({
        workspaceSlug: a.workspace.slug,
        trackerId: b.tracker.id,
        fileName: "x.csv",
        bytes: utf8("Text\nx\n"),
      }),
      "NOT_FOUND",
    );
  });

  it("imports the UPR Info CSV (Mac Roman) with the suggested mapping", async () => {
    actAs(a.owner);
    const tracker = await newTracker(a, "UPR");
    const bytes = new Uint8Array(fs.readFileSync(UPR));
    const result = await importFile({
      workspaceSlug: a.workspace.slug,
      trackerId: tracker.id,
      fileName: "upr.csv",
      bytes,
    });
    expect(result.rejectedCount).toBe(0);
    expect(result.created).toBeGreaterThan(6000);
    const habre = await db.recommendation.findFirst({
      where: { trackerId: tracker.id, text: { contains: "Habré" } },
      include: { tags: { include: { tag: true } } },
    });
    expect(habre?.text).toContain("Hissène Habré");
    expect(Object.keys(habre!.attributes as object).sort()).toEqual(
      ["Action", "From", "From-Org", "From-Rgrp", "Response", "Session", "To", "To-Org", "To-Rgrp"].sort(),
    );
    expect(suggestMapping(["To", "Text", "Issue"])).toEqual({ To: "attribute", Text: "text", Issue: "tags" });
  });

  it("imports 50,000 rows in one transaction", async () => {
    actAs(a.owner);
    const tracker = await newTracker(a, "Fifty thousand");
    const lines = ["Reference id,Text,Section,Tags,Country"];
    for (let i = 0; i < 50_000; i++) {
      lines.push(
        `REF-${i},"Recommendation number ${i}, with a comma",Section ${i % 7},"tag-${i % 30}, common",Country ${i % 190}`,
      );
    }
    const started = performance.now();
    const result = await importFile({
      workspaceSlug: a.workspace.slug,
      trackerId: tracker.id,
      fileName: "big.csv",
      bytes: utf8(lines.join("\n")),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`[import] 50,000 rows imported in ${seconds.toFixed(1)} s`);
    expect(result.created).toBe(50_000);
    expect(await db.recommendation.count({ where: { trackerId: tracker.id } })).toBe(50_000);
    expect(await db.section.count({ where: { trackerId: tracker.id } })).toBe(7);
    expect(await db.recommendationTag.count({ where: { recommendation: { trackerId: tracker.id } } })).toBe(
      100_000,
    );
  }, 300_000);
});

describe("export", () => {
  it("exports CSV with every field, owners by email and formula cells neutralized", async () => {
    actAs(a.editor);
    const tracker = await newTracker(a, "Export CSV");
    await importFile({
      workspaceSlug: a.workspace.slug,
      trackerId: tracker.id,
      fileName: "formula.csv",
      bytes: utf8(
        `Title,Text,Owner,Note\n=HYPERLINK("http://evil"),+1+2 formula text,${a.editor.email},@SUM(A1)\n`,
      ),
    });
    actAs(a.owner); // owners and admins see members' emails; editors get names
    const { csv } = await exportTrackerCsv(a.workspace.slug, tracker.id);
    const parsed = parseCsv(csv);
    expect(parsed.headers.slice(0, 9)).toEqual([
      "Reference id",
      "Title",
      "Text",
      "Section",
      "Status",
      "Tags",
      "Owner emails",
      "Due date",
      "Target actor",
    ]);
    const row = parsed.rows[0]!;
    const cell = (name: string) => row[parsed.headers.indexOf(name)];
    expect(cell("Title")).toBe(`'=HYPERLINK("http://evil")`);
    expect(cell("Text")).toBe("'+1+2 formula text");
    expect(cell("Note")).toBe("'@SUM(A1)");
    expect(cell("Owner emails")).toBe(a.editor.email);
  });

  it("viewers may export what they see (names, not members' emails); each export is audited; non-members get NOT_FOUND", async () => {
    actAs(a.owner);
    await addOwner(a.workspace.slug, a.rec.id, a.editor.id);
    const exports = () =>
      db.activityEvent.count({ where: { workspaceId: a.workspace.id, type: "tracker.exported" } });
    const before = await exports();
    const asOwner = await exportTrackerJson(a.workspace.slug, a.tracker.id);
    expect(JSON.stringify(asOwner)).toContain(a.editor.email);

    actAs(a.viewer);
    const asViewer = await exportTrackerJson(a.workspace.slug, a.tracker.id);
    expect(asViewer).toMatchObject({ format: "advocacy-tracker/v1" });
    expect(asViewer.recommendations.find((r) => r.title === a.rec.title)?.owners).toEqual([a.editor.name]);
    const { csv } = await exportTrackerCsv(a.workspace.slug, a.tracker.id);
    for (const email of [a.editor.email, a.owner.email, a.viewer.email]) {
      expect(JSON.stringify(asViewer)).not.toContain(email);
      expect(csv).not.toContain(email);
    }
    expect(await exports()).toBe(before + 3);
    actAs(b.owner);
    await expectDalError(exportTrackerJson(a.workspace.slug, a.tracker.id), "NOT_FOUND");
    await expectDalError(exportTrackerJson(b.workspace.slug, a.tracker.id), "NOT_FOUND");
  });

  it("round-trips through JSON into a new tracker: sections, recommendations, statuses, attributes, evidence", async () => {
    actAs(a.owner);
    const source = await newTracker(a, "Round trip source");
    await importFile({
      workspaceSlug: a.workspace.slug,
      trackerId: source.id,
      fileName: "source.csv",
      bytes: utf8(
        `Reference,Text,Section,Tags,Owner,Due date,Target,Country\n` +
          `X1,Rejoin the Council,Reengage,un,${a.editor.email},2026-03-01,State Department,US\n` +
          `X2,Close the camp,Reverse,,,,,\n`,
      ),
      mapping: {
        Reference: "referenceId",
        Text: "text",
        Section: "section",
        Tags: "tags",
        Owner: "ownerEmail",
        "Due date": "dueDate",
        Target: "targetActor",
        Country: "attribute",
      },
    });
    await db.section.create({
      data: { workspaceId: a.workspace.id, trackerId: source.id, title: "Empty section", position: 10 },
    });
    const x1 = await db.recommendation.findFirstOrThrow({
      where: { trackerId: source.id, referenceId: "X1" },
    });
    await addEvidence(a.workspace.slug, x1.id, {
      url: "https://www.state.gov/rejoin",
      title: "Rejoining the Council",
      sourceType: "OFFICIAL_STATEMENT",
      publishedAt: new Date("2021-02-08T00:00:00Z"),
      stance: "PROGRESS",
      quote: "We are back",
    });
    await setRecommendationStatus({
      workspaceSlug: a.workspace.slug,
      recommendationId: x1.id,
      version: (await db.recommendation.findUniqueOrThrow({ where: { id: x1.id } })).version,
      status: "ACHIEVED",
      justification: "Elected in October.",
      evidenceIds: [],
    });

    const exported = await exportTrackerJson(a.workspace.slug, source.id);
    const target = await newTracker(a, "Round trip target");
    const result = await importFile({
      workspaceSlug: a.workspace.slug,
      trackerId: target.id,
      fileName: "export.json",
      bytes: utf8(JSON.stringify(exported)),
    });
    expect(result).toMatchObject({ created: 2, rejectedCount: 0 });
    const again = await exportTrackerJson(a.workspace.slug, target.id);
    const strip = (e: typeof exported) => ({
      sections: e.sections,
      recommendations: e.recommendations.map((r) => ({
        ...r,
        statusHistory: r.statusHistory?.map((h) => ({ ...h, at: undefined })),
      })),
    });
    expect(strip(again)).toEqual(strip(exported));
    expect(again.recommendations[0]!.statusHistory?.at(-1)?.justification).toBe("Elected in October.");
    expect(again.recommendations[0]!.evidence?.[0]).toMatchObject({
      title: "Rejoining the Council",
      stance: "PROGRESS",
    });
  });

  it("re-importing an exported CSV into its own tracker updates instead of duplicating", async () => {
    actAs(a.owner);
    const { csv } = await exportTrackerCsv(a.workspace.slug, a.tracker.id);
    const before = await db.recommendation.count({ where: { trackerId: a.tracker.id } });
    const result = await importFile({
      workspaceSlug: a.workspace.slug,
      trackerId: a.tracker.id,
      fileName: "self.csv",
      bytes: utf8(csv),
    });
    expect(result.updated).toBe(before);
    expect(result.created).toBe(0);
    expect(await db.recommendation.count({ where: { trackerId: a.tracker.id } })).toBe(before);
  });
});
