import { describe, expect, it } from "vitest";
import { badgeSvg, buildScorecard, toPublicItem } from "@/lib/publishing/rules";
import type { FrozenItem } from "@/lib/snapshots/rules";

const frozen: FrozenItem = {
  recommendationId: "r1",
  referenceId: "R-1",
  sectionTitle: "Rebuild",
  sectionPosition: 0,
  position: 0,
  title: "Rejoin the Council",
  status: "ACHIEVED",
  justification: "Team-only reasoning",
  isJustificationInternal: true,
  statusChangedAt: "2021-02-08T10:00:00.000Z",
  ownerNames: ["Ada Lovelace"],
  evidence: [
    {
      title: "Statement",
      url: "https://example.org/s",
      sourceType: "OFFICIAL_STATEMENT",
      stance: "PROGRESS",
      publishedAt: "2021-02-08",
      quote: null,
    },
  ],
};

describe("the public allow-list", () => {
  it("drops owners and an internal justification", () => {
    const item = toPublicItem(frozen);
    expect(JSON.stringify(item)).not.toContain("Ada Lovelace");
    expect(JSON.stringify(item)).not.toContain("Team-only");
    expect(item.justification).toBeNull();
    expect(Object.keys(item).sort()).toEqual(
      [
        "evidence",
        "id",
        "justification",
        "referenceId",
        "sectionPosition",
        "sectionTitle",
        "status",
        "statusChangedAt",
        "title",
      ].sort(),
    );
  });

  it("keeps a public justification", () => {
    expect(toPublicItem({ ...frozen, isJustificationInternal: false }).justification).toBe(
      "Team-only reasoning",
    );
  });

  it("counts achieved items for the badge", () => {
    const card = buildScorecard(
      {
        workspaceName: "W",
        trackerName: "T",
        language: null,
        citation: null,
        mode: "live",
        snapshotName: null,
        asOf: null,
        lastUpdated: "2021-02-08T10:00:00.000Z",
      },
      [frozen, { ...frozen, recommendationId: "r2", status: "PARTIALLY_ACHIEVED" }],
    );
    expect(card.achieved).toBe(1);
    expect(card.progress.total).toBe(2);
  });
});

describe("badgeSvg", () => {
  it("says how many are achieved, as accessible SVG", () => {
    const svg = badgeSvg("Progress", "23 of 56 achieved");
    expect(svg).toContain("23 of 56 achieved");
    expect(svg).toContain('aria-label="Progress: 23 of 56 achieved"');
    expect(badgeSvg("Avance", "<b>")).toContain("&lt;b&gt;");
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
