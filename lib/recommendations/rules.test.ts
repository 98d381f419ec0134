import { describe, expect, it } from "vitest";
import { STATUSES } from "@/lib/status";
import { isFinished, isRecommendationOverdue } from "@/lib/recommendations/rules";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const today = day("2021-03-15");

describe("isRecommendationOverdue", () => {
  it("is overdue past its due date unless achieved", () => {
    for (const status of STATUSES) {
      expect(isRecommendationOverdue(day("2021-03-14"), status, today)).toBe(status !== "ACHIEVED");
    }
  });

  it("is not overdue on or before its due date, or without one", () => {
    expect(isRecommendationOverdue(day("2021-03-15"), "IN_PROGRESS", today)).toBe(false);
    expect(isRecommendationOverdue(day("2021-04-01"), "STALLED", today)).toBe(false);
    expect(isRecommendationOverdue(null, "NOT_STARTED", today)).toBe(false);
  });

  it("treats only Achieved as finished", () => {
    expect(STATUSES.filter(isFinished)).toEqual(["ACHIEVED"]);
  });
});
