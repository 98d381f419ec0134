import { describe, expect, it } from "vitest";
import { ACTIVITY_TYPES } from "@/lib/events/catalog";
import { describeActivity } from "@/lib/events/describe";

describe("describeActivity", () => {
  it("has a sentence for every activity type the app writes", () => {
    for (const type of ACTIVITY_TYPES) {
      expect(describeActivity(type, {}), type).not.toBe(type.replace(/[._]/g, " "));
    }
  });

  it("describes a status change with both statuses", () => {
    expect(describeActivity("recommendation.status_changed", { from: "NOT_STARTED", to: "ACHIEVED" })).toBe(
      "changed the status from Not started to Achieved",
    );
  });
});
