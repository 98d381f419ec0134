import { describe, expect, it } from "vitest";
import {
  BURST_WINDOW_MS,
  defaultChannel,
  digestDue,
  effectiveChannels,
  isTimeZone,
  joinsBurst,
  localTime,
  reminderKind,
  trimTo,
} from "@/lib/notifications/rules";
import { createUnsubscribeToken, verifyUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";

describe("preference defaults", () => {
  it("mentions and assignments are immediate, the rest go to the digest", () => {
    expect(defaultChannel("MENTION")).toBe("IMMEDIATE");
    expect(defaultChannel("ASSIGNED")).toBe("IMMEDIATE");
    for (const kind of [
      "COMMENT",
      "STATUS_CHANGED",
      "EVIDENCE",
      "ARCHIVED",
      "DUE_SOON",
      "OVERDUE",
      "INVITATION_ACCEPTED",
    ] as const)
      expect(defaultChannel(kind)).toBe("DIGEST");
  });
  it("stored choices win over the defaults", () => {
    const channels = effectiveChannels([
      { kind: "MENTION", channel: "OFF" },
      { kind: "COMMENT", channel: "IMMEDIATE" },
    ]);
    expect(channels.MENTION).toBe("OFF");
    expect(channels.COMMENT).toBe("IMMEDIATE");
    expect(channels.ASSIGNED).toBe("IMMEDIATE");
    expect(channels.EVIDENCE).toBe("DIGEST");
  });
});

describe("burst grouping", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const entry = {
    readAt: null,
    updatedAt: new Date(now.getTime() - 60_000),
    recommendationId: "r1",
    kind: "COMMENT" as const,
  };
  it("joins an unread entry of the same recommendation and kind inside the window", () => {
    expect(joinsBurst(entry, { recommendationId: "r1", kind: "COMMENT" }, now)).toBe(true);
  });
  it("starts a new entry when read, another kind or recommendation, or the window has passed", () => {
    expect(joinsBurst({ ...entry, readAt: now }, { recommendationId: "r1", kind: "COMMENT" }, now)).toBe(
      false,
    );
    expect(joinsBurst(entry, { recommendationId: "r1", kind: "MENTION" }, now)).toBe(false);
    expect(joinsBurst(entry, { recommendationId: "r2", kind: "COMMENT" }, now)).toBe(false);
    const old = { ...entry, updatedAt: new Date(now.getTime() - BURST_WINDOW_MS - 1) };
    expect(joinsBurst(old, { recommendationId: "r1", kind: "COMMENT" }, now)).toBe(false);
    expect(
      joinsBurst({ ...entry, recommendationId: null }, { recommendationId: null, kind: "COMMENT" }, now),
    ).toBe(false);
  });
});

describe("digest time", () => {
  it("reads the local date and hour in a time zone, across the date line", () => {
    const now = new Date("2026-12-01T07:30:00Z");
    expect(localTime("UTC", now)).toEqual({ date: "2026-12-01", hour: 7 });
    expect(localTime("Europe/Berlin", now)).toEqual({ date: "2026-12-01", hour: 8 });
    expect(localTime("America/New_York", now)).toEqual({ date: "2026-12-01", hour: 2 });
    expect(localTime("Pacific/Auckland", now)).toEqual({ date: "2026-12-01", hour: 20 });
    expect(localTime("Pacific/Pago_Pago", now)).toEqual({ date: "2026-11-30", hour: 20 });
  });
  it("is due after 08:00 local, once per local date", () => {
    const now = new Date("2026-12-01T07:30:00Z");
    expect(digestDue("Europe/Berlin", now, null)).toEqual({ isDue: true, localDate: "2026-12-01" });
    expect(digestDue("Europe/Berlin", now, "2026-12-01").isDue).toBe(false);
    expect(digestDue("Europe/Berlin", now, "2026-11-30").isDue).toBe(true);
    expect(digestDue("UTC", now, null).isDue).toBe(false);
    expect(digestDue("America/New_York", now, "2026-11-30").isDue).toBe(false);
  });
  it("handles daylight saving: 08:00 in Berlin is 07:00 UTC in winter and 06:00 UTC in summer", () => {
    expect(digestDue("Europe/Berlin", new Date("2026-07-01T06:05:00Z"), null).isDue).toBe(true);
    expect(digestDue("Europe/Berlin", new Date("2026-07-01T05:55:00Z"), null).isDue).toBe(false);
    expect(digestDue("Europe/Berlin", new Date("2026-01-15T06:55:00Z"), null).isDue).toBe(false);
  });
  it("treats an unknown zone as UTC and knows real zones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(digestDue("Mars/Olympus", new Date("2026-12-01T08:00:00Z"), null).isDue).toBe(true);
  });
});

describe("reminders", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it("reminds within 3 days and when overdue, not earlier", () => {
    expect(reminderKind(day("2026-12-01"), "2026-12-01")).toBe("DUE_SOON");
    expect(reminderKind(day("2026-12-04"), "2026-12-01")).toBe("DUE_SOON");
    expect(reminderKind(day("2026-12-05"), "2026-12-01")).toBeNull();
    expect(reminderKind(day("2026-11-30"), "2026-12-01")).toBe("OVERDUE");
  });
});

describe("unsubscribe tokens", () => {
  const secret = "a".repeat(32);
  it("round-trips and is bound to the person and the kind", () => {
    const token = createUnsubscribeToken(secret, "user1", "MENTION");
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ userId: "user1", kind: "MENTION" });
    const [, , signature] = token.split(".");
    expect(verifyUnsubscribeToken(secret, `user2.MENTION.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, `user1.COMMENT.${signature}`)).toBeNull();
  });
  it("refuses forged, altered, oversized and foreign-secret tokens", () => {
    const token = createUnsubscribeToken(secret, "user1", "MENTION");
    expect(verifyUnsubscribeToken("b".repeat(32), token)).toBeNull();
    expect(
      verifyUnsubscribeToken(secret, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`),
    ).toBeNull();
    expect(verifyUnsubscribeToken(secret, "user1.MENTION.")).toBeNull();
    expect(verifyUnsubscribeToken(secret, "user1.NOPE.x")).toBeNull();
    expect(verifyUnsubscribeToken(secret, `${token}.extra`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, "x".repeat(500))).toBeNull();
  });
});

describe("excerpts", () => {
  it("collapses whitespace and cuts with an ellipsis", () => {
    expect(trimTo("a  b\n\nc", 10)).toBe("a b c");
    expect(trimTo("abcdefghijk", 5)).toBe("abcd…");
  });
});
