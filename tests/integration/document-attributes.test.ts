import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { newWorkspaceWithTracker, type World } from "../support/fixtures";
import { db } from "@/lib/server/db";
import { requireMembership } from "@/lib/server/authz";
import { analyzeDocument, createTrackerFromDocument, type DocumentProposal } from "@/lib/documents/mutations";
import { DocumentTrackerSchema } from "@/lib/documents/schemas";
import { getFilterOptions, listRecommendationsPage } from "@/lib/trackers/queries";
import { parseTrackerFilters } from "@/lib/trackers/filters";

const fixture = (name: string) => readFileSync(path.resolve(process.cwd(), "tests/fixtures/documents", name));

let a: World;
let b: World;
beforeAll(async () => {
  a = await newWorkspaceWithTracker("docattr-a");
  b = await newWorkspaceWithTracker("docattr-b");
});

/** What the review screen sends when every proposed recommendation is accepted as proposed. */
function acceptAll(proposal: DocumentProposal) {
  const used = [...new Set(proposal.candidates.map((c) => c.sectionIndex))].sort((x, y) => x - y);
  return DocumentTrackerSchema.parse({
    name: proposal.suggestedTitle,
    uploadId: proposal.uploadId,
    documentTitle: proposal.suggestedTitle,
    sections: used.map((i) => ({ title: proposal.sections[i]!.title })),
    recommendations: proposal.candidates.map((c) => ({
      title: c.suggestedTitle,
      text: null,
      sourceStart: c.start,
      sourceEnd: c.end,
      sectionIndex: used.indexOf(c.sectionIndex),
      referenceId: c.referenceId,
      attributes: c.attributes,
      tags: c.tags,
    })),
  });
}

describe("a tracker from a UN document keeps numbers, recommending States, positions and themes", () => {
  it("UPR report (French): paragraph numbers, Recommended by, Position; filterable by State, scoped", async () => {
    actAs(a.owner);
    const ctx = await requireMembership(a.workspace.slug, "tracker.manage");
    const proposal = await analyzeDocument(ctx, {
      file: {
        name: "examen-periodique-fr.txt",
        type: "text/plain",
        bytes: new Uint8Array(fixture("examen-periodique-fr.txt")),
      },
      text: null,
    });
    expect(proposal.kind).toBe("upr-report");
    expect(proposal.candidates.map((c) => c.referenceId)).toEqual(["98.1", "98.2", "98.3", "99.1", "99.2"]);
    const { path: trackerPath } = await createTrackerFromDocument(a.workspace.slug, acceptAll(proposal));
    const trackerId = trackerPath.split("/t/")[1]!.split("/")[0]!;

    const recs = await db.recommendation.findMany({
      where: { trackerId },
      orderBy: { sourceStart: "asc" },
      select: { referenceId: true, attributes: true, text: true, section: { select: { title: true } } },
    });
    expect(recs.map((r) => r.referenceId)).toEqual(["98.1", "98.2", "98.3", "99.1", "99.2"]);
    expect(recs[0]!.attributes).toEqual({ "Recommended by": ["France", "Uruguay"], Position: ["Supported"] });
    expect(recs[3]!.attributes).toMatchObject({ Position: ["Noted"] });
    expect(recs[0]!.text).not.toContain("(France)"); // the States left the text
    expect(new Set(recs.map((r) => r.section.title))).toEqual(new Set(["Conclusions et/ou recommandations"]));

    const page = (params: Record<string, string>) =>
      listRecommendationsPage(a.workspace.id, trackerId, a.owner.id, parseTrackerFilters(params));
    expect((await page({ by: "France" })).rows.map((r) => r.title)).toHaveLength(1);
    expect((await page({ by: "Tunisie" })).rows).toHaveLength(1);
    expect((await page({ by: "Atlantis" })).rows).toHaveLength(0);
    expect((await page({})).rows).toHaveLength(5);

    expect((await getFilterOptions(a.workspace.id)).recommenders).toEqual(
      expect.arrayContaining(["France", "Uruguay", "Sénégal", "Hongrie", "Iran (République islamique d')"]),
    );
    // another workspace sees none of them
    expect((await getFilterOptions(b.workspace.id)).recommenders).toEqual([]);
  });

  it("OHCHR thematic list (DOCX): every row, its themes as the workspace's tags", async () => {
    actAs(a.owner);
    const ctx = await requireMembership(a.workspace.slug, "tracker.manage");
    const name = "A-HRC-28-15-thematic-list-of-recommendations-slovenia-2014.docx";
    const proposal = await analyzeDocument(ctx, {
      file: {
        name,
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        bytes: new Uint8Array(fixture(name)),
      },
      text: null,
    });
    expect(proposal.kind).toBe("thematic-list");
    expect(proposal.candidates).toHaveLength(163);
    const { path: trackerPath } = await createTrackerFromDocument(a.workspace.slug, acceptAll(proposal));
    const trackerId = trackerPath.split("/t/")[1]!.split("/")[0]!;
    const rec = await db.recommendation.findFirstOrThrow({
      where: { trackerId, referenceId: "115.3" },
      select: { attributes: true, tags: { select: { tag: { select: { name: true, workspaceId: true } } } } },
    });
    expect(rec.attributes).toEqual({ "Recommended by": ["Portugal", "Slovakia"], Position: ["Supported"] });
    expect(rec.tags.map((t) => t.tag.name)).toContain("A12 Acceptance of international norms");
    expect(rec.tags.every((t) => t.tag.workspaceId === a.workspace.id)).toBe(true);
    expect(await db.recommendation.count({ where: { trackerId } })).toBe(163);
    const noted = await listRecommendationsPage(
      a.workspace.id,
      trackerId,
      a.owner.id,
      parseTrackerFilters({ by: "Iran (Islamic Republic of)" }),
    );
    expect(noted.rows.length).toBeGreaterThan(0);
  });

  it("refuses two recommendations with one paragraph number", () => {
    const result = DocumentTrackerSchema.safeParse({
      name: "Twice",
      uploadId: "cupload000000000000000000",
      documentTitle: "Twice",
      sections: [{ title: "S" }],
      recommendations: [1, 2].map((i) => ({
        title: `R${i}`,
        text: null,
        sourceStart: i * 10,
        sourceEnd: i * 10 + 5,
        sectionIndex: 0,
        referenceId: "1.1",
      })),
    });
    expect(result.success).toBe(false);
  });
});
