import { describe, expect, it } from "vitest";
import { segmentDocument } from "@/lib/documents/passages";

describe("segmentDocument", () => {
  it("covers the whole text exactly once, highlighting passages and skipping overlaps", () => {
    const text = "Alpha beta gamma delta epsilon";
    const segments = segmentDocument(text, [
      { id: "b", start: 6, end: 10 },
      { id: "overlap", start: 8, end: 16 },
      { id: "d", start: 17, end: 22 },
      { id: "out-of-range", start: 25, end: 99 },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.passageId).map((s) => [s.passageId, s.text])).toEqual([
      ["b", "beta"],
      ["d", "delta"],
    ]);
  });
});
