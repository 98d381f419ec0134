import { describe, expect, it } from "vitest";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import {
  compareItems,
  isJustificationPublic,
  endOfDay,
  groupBySection,
  statusDirection,
  type FrozenItem,
} from "@/lib/snapshots/rules";

const item = (id: string, status: RecommendationStatus, extra: Partial<FrozenItem> = {}): FrozenItem => ({
  recommendationId: id,
  referenceId: null,
  sectionTitle: "Rebuild",
  sectionPosition: 0,
  position: 0,
  title: `Recommendation ${id}`,
  status,
  justification: null,
  isJustificationInternal: false,
  statusChangedAt: null,
  ownerNames: [],
  evidence: [],
  ...extra,
});

const evidence = (url: string) => ({
  title: url,
  url,
  sourceType: "NEWS" as const,
  stance: "PROGRESS" as const,
  publishedAt: null,
  quote: null,
});

describe("statusDirection", () => {
  it("reads a move up the ladder as advanced and down as regressed", () => {
    expect(statusDirection("NOT_STARTED", "IN_PROGRESS")).toBe("advanced");
    expect(statusDirection("IN_PROGRESS", "ACHIEVED")).toBe("advanced");
    expect(statusDirection("PARTIALLY_ACHIEVED", "ACHIEVED")).toBe("advanced");
    expect(statusDirection("ACHIEVED", "PARTIALLY_ACHIEVED")).toBe("regressed");
    expect(statusDirection("IN_PROGRESS", "NOT_STARTED")).toBe("regressed");
  });

  it("reads any move to Stalled or Reversed as regressed, and recovery from them as advanced", () => {
    expect(statusDirection("NOT_STARTED", "STALLED")).toBe("regressed");
    expect(statusDirection("STALLED", "REVERSED")).toBe("regressed");
    expect(statusDirection("REVERSED", "STALLED")).toBe("regressed");
    expect(statusDirection("STALLED", "IN_PROGRESS")).toBe("advanced");
    expect(statusDirection("REVERSED", "NOT_STARTED")).toBe("advanced");
  });

  it("reads no move as unchanged", () => {
    expect(statusDirection("STALLED", "STALLED")).toBe("unchanged");
  });
});

describe("compareItems", () => {
  it("sorts every recommendation into exactly one movement group, and flags the newly achieved", () => {
    const before = [
      item("a", "IN_PROGRESS"),
      item("b", "IN_PROGRESS"),
      item("c", "ACHIEVED"),
      item("d", "NOT_STARTED", { evidence: [evidence("https://example.org/old")] }),
      item("gone", "NOT_STARTED"),
    ];
    const after = [
      item("a", "ACHIEVED"),
      item("b", "STALLED"),
      item("c", "ACHIEVED"),
      item("d", "NOT_STARTED", {
        evidence: [evidence("https://example.org/old"), evidence("https://example.org/new")],
      }),
      item("new", "IN_PROGRESS"),
    ];
    const result = compareItems(before, after);
    expect(result.advanced.map((c) => c.recommendationId)).toEqual(["a"]);
    expect(result.newlyAchieved.map((c) => c.recommendationId)).toEqual(["a"]);
    expect(result.regressed.map((c) => [c.recommendationId, c.from, c.to])).toEqual([
      ["b", "IN_PROGRESS", "STALLED"],
    ]);
    expect(result.newEvidenceOnly.map((c) => c.recommendationId)).toEqual(["d"]);
    expect(result.newEvidenceOnly[0]!.newEvidence.map((e) => e.url)).toEqual(["https://example.org/new"]);
    expect(result.added.map((c) => [c.recommendationId, c.from])).toEqual([["new", null]]);
    expect(result.removed.map((c) => [c.recommendationId, c.to])).toEqual([["gone", null]]);
    expect(result.unchangedCount).toBe(1);
  });

  it("does not count something already achieved as newly achieved, and reports new evidence with a status move", () => {
    const result = compareItems(
      [item("a", "ACHIEVED"), item("b", "NOT_STARTED")],
      [item("a", "ACHIEVED"), item("b", "IN_PROGRESS", { evidence: [evidence("https://example.org/e")] })],
    );
    expect(result.newlyAchieved).toEqual([]);
    expect(result.advanced[0]!.newEvidence).toHaveLength(1);
    expect(result.newEvidenceOnly).toEqual([]);
  });

  it("finds nothing between a snapshot and itself", () => {
    const items = [item("a", "STALLED"), item("b", "ACHIEVED")];
    const result = compareItems(items, items);
    expect(result.unchangedCount).toBe(2);
    expect([...result.advanced, ...result.regressed, ...result.added, ...result.removed]).toEqual([]);
  });
});

describe("groupBySection", () => {
  it("groups in section order with each section's progress", () => {
    const { sections, progress } = groupBySection([
      item("a", "ACHIEVED", { sectionTitle: "Second", sectionPosition: 1 }),
      item("b", "NOT_STARTED", { sectionTitle: "First", sectionPosition: 0 }),
      item("c", "PARTIALLY_ACHIEVED", { sectionTitle: "Second", sectionPosition: 1 }),
    ]);
    expect(sections.map((s) => [s.title, s.progress.total, s.progress.counts.ACHIEVED])).toEqual([
      ["First", 1, 0],
      ["Second", 2, 1],
    ]);
    expect(sections[1]!.progress.achievedShare).toBe(0.75);
    expect(progress.total).toBe(3);
  });

  it("is empty for no items", () => {
    expect(groupBySection([])).toMatchObject({ sections: [], progress: { total: 0, achievedShare: 0 } });
  });
});

it("reads a day as its last millisecond (UTC)", () => {
  expect(endOfDay(new Date("2021-04-30T00:00:00Z")).toISOString()).toBe("2021-04-30T23:59:59.999Z");
});

describe("isJustificationPublic", () => {
  it("is opt-in: only an explicit isInternal: false publishes the text", () => {
    expect(isJustificationPublic({ isInternal: false })).toBe(true);
    expect(isJustificationPublic({ isInternal: true })).toBe(false);
    // Older events and imports carry no flag: they stay with the team.
    expect(isJustificationPublic({})).toBe(false);
  });
});
