import { describe, expect, it } from "vitest";
import {
  CATCH_UP_LIMIT,
  CATCH_UP_WINDOW,
  SeenSeqs,
  backoffMs,
  catchUpFrom,
  formatSse,
  isForwarded,
  parseLastEventId,
  planCatchUp,
  sseComment,
  touchesPage,
} from "@/lib/live/rules";

describe("SSE formatting", () => {
  it("writes retry, id, event and one JSON data line, ended by a blank line", () => {
    expect(formatSse({ retry: 2000, id: "42", event: "change", data: { type: "comment.added" } })).toBe(
      'retry: 2000\nid: 42\nevent: change\ndata: {"type":"comment.added"}\n\n',
    );
  });

  it("keeps newlines in data inside the JSON string, so a message can never be split or forged", () => {
    const text = formatSse({ event: "change", data: { title: "a\n\nevent: revoked\ndata: x" } });
    expect(text.split("\n\n")).toHaveLength(2);
    expect(text.match(/^data: /gm)).toHaveLength(1);
  });

  it("strips newlines from ids, event names and comments", () => {
    expect(formatSse({ id: "1\n2", event: "a\rb" })).toBe("id: 12\nevent: ab\ndata: \n\n");
    expect(sseComment("heart\nbeat")).toBe(": heart beat\n\n");
  });
});

describe("the catch-up cursor", () => {
  it("accepts only a positive 64-bit integer", () => {
    expect(parseLastEventId("17")).toBe(17n);
    expect(parseLastEventId("9223372036854775807")).toBe(9223372036854775807n);
    for (const bad of [null, "", "0", "-1", "1e3", "abc", "9223372036854775808", "12345678901234567890"]) {
      expect(parseLastEventId(bad)).toBeNull();
    }
  });

  it("re-reads a window behind the cursor (out-of-order commits), never below zero", () => {
    expect(catchUpFrom(1000n)).toBe(1000n - BigInt(CATCH_UP_WINDOW));
    expect(catchUpFrom(3n)).toBe(0n);
  });

  it("sends up to the limit, and asks for a reload instead when more changed", () => {
    const rows = Array.from({ length: CATCH_UP_LIMIT }, (_, i) => i);
    expect(planCatchUp(rows)).toEqual({ send: rows, reload: false });
    expect(planCatchUp([...rows, CATCH_UP_LIMIT])).toEqual({ send: [], reload: true });
    expect(planCatchUp([])).toEqual({ send: [], reload: false });
  });

  it("drops seqs already seen, remembering a bounded number", () => {
    const seen = new SeenSeqs(3);
    expect(["1", "2", "1", "3", "4", "2"].map((s) => seen.add(s))).toEqual([
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(seen.add("1")).toBe(true); // forgotten: the oldest of more than 3
  });
});

describe("which pages an event touches", () => {
  const event = (type: string, trackerId: string | null, recommendationId: string | null) => ({
    type,
    trackerId,
    recommendationId,
  });

  it("a recommendation page: only its own recommendation", () => {
    const page = { trackerId: "t1", recommendationId: "r1" };
    expect(touchesPage(event("comment.added", "t1", "r1"), page)).toBe(true);
    expect(touchesPage(event("comment.added", "t1", "r2"), page)).toBe(false);
    expect(touchesPage(event("tracker.updated", "t1", null), page)).toBe(false);
  });

  it("a tracker page: anything in the tracker", () => {
    const page = { trackerId: "t1" };
    expect(touchesPage(event("recommendation.status_changed", "t1", "r9"), page)).toBe(true);
    expect(touchesPage(event("tracker.updated", "t1", null), page)).toBe(true);
    expect(touchesPage(event("comment.added", "t2", "r1"), page)).toBe(false);
  });

  it("a workspace page: tracker-level and workspace changes", () => {
    expect(touchesPage(event("comment.added", "t2", "r1"), {})).toBe(true);
    expect(touchesPage(event("workspace.renamed", null, null), {})).toBe(true);
    expect(touchesPage(event("account.signed_in", null, null), {})).toBe(false);
  });

  it("never forwards member, invitation or refusal events (admin-only pages)", () => {
    expect(isForwarded("member.removed")).toBe(false);
    expect(isForwarded("invitation.created")).toBe(false);
    expect(isForwarded("access.refused")).toBe(false);
    expect(isForwarded("comment.added")).toBe(true);
  });
});

describe("reconnect backoff", () => {
  it("doubles from about 1 s to at most about 30 s", () => {
    expect(backoffMs(1, 0.5)).toBe(1000);
    expect(backoffMs(3, 0.5)).toBe(4000);
    expect(backoffMs(20, 0.5)).toBe(30_000);
    expect(backoffMs(1, 0)).toBe(750);
    expect(backoffMs(20, 1)).toBe(37_500);
  });
});
