import { describe, expect, it } from "vitest";
import { escapeLike, parseTrackerFilters, toSearchParams } from "@/lib/trackers/filters";

describe("tracker filters in the URL", () => {
  it("round-trips every filter through the query string", () => {
    const filters = parseTrackerFilters({
      view: "board",
      q: "travel ban",
      section: "s1",
      status: "ACHIEVED,STALLED",
      owner: "me",
      tag: "migration",
      actor: "White House",
      evidence: "without",
      overdue: "1",
      archived: "1",
      sort: "due",
      page: "3",
      reorder: "1",
    });
    const again = parseTrackerFilters(Object.fromEntries(toSearchParams(filters)));
    expect(again).toEqual(filters);
    expect(filters.status).toEqual(["STALLED", "ACHIEVED"]);
  });

  it("falls back to defaults on bad values and omits defaults from URLs", () => {
    const filters = parseTrackerFilters({
      status: "HACKED",
      sort: "drop table",
      page: "-4",
      evidence: "maybe",
      view: "x",
    });
    expect(filters).toMatchObject({ status: [], sort: "position", page: 1, evidence: null, view: "list" });
    expect(toSearchParams(filters).toString()).toBe("");
  });
});

describe("escapeLike", () => {
  it("escapes the wildcards and the escape character, and nothing else", () => {
    expect(escapeLike("100% of 5_000 \\ done")).toBe("100\\% of 5\\_000 \\\\ done");
    expect(escapeLike("plain text")).toBe("plain text");
  });
});
