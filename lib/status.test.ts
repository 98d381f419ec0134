import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import { contrastRatio, emptyCounts, progressFrom, STATUSES, statusMeta } from "@/lib/status";

describe("status scale", () => {
  it("has six statuses, each with a name and a meaning in every language, and a colour", () => {
    expect(STATUSES).toHaveLength(6);
    for (const status of STATUSES) {
      expect(statusMeta[status].label.length).toBeGreaterThan(0);
      for (const catalogue of [en, fr, es]) {
        expect(catalogue.status[status].label.length).toBeGreaterThan(0);
        expect(catalogue.status[status].meaning.length).toBeGreaterThan(10);
      }
      expect(statusMeta[status].dot).toMatch(/^bg-/);
    }
  });

  it("counts partially achieved as half in the achieved share", () => {
    const counts = emptyCounts();
    counts.ACHIEVED = 2;
    counts.PARTIALLY_ACHIEVED = 2;
    counts.NOT_STARTED = 4;
    const progress = progressFrom(counts);
    expect(progress.total).toBe(8);
    expect(progress.achievedShare).toBeCloseTo(3 / 8);
    expect(progressFrom(emptyCounts()).achievedShare).toBe(0);
  });
});

describe("chart colours", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("gives every status a chart fill with at least 3:1 against white (non-text contrast)", () => {
    for (const status of STATUSES) {
      expect(contrastRatio(statusMeta[status].chart, "#ffffff"), status).toBeGreaterThanOrEqual(3);
    }
  });
});
