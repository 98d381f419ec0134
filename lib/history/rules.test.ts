import { describe, expect, it } from "vitest";
import {
  dailyStatusCounts,
  dayBound,
  daySeries,
  daysInProgressBeforeAchieved,
  median,
  movementBetween,
  parseDayOrNull,
  seriesStep,
  stateAsOf,
  statusAsOf,
  type RecommendationHistory,
  type StatusChange,
} from "@/lib/history/rules";

const at = (iso: string) => new Date(iso);
let seq = 0;
const change = (
  when: string,
  from: StatusChange["from"],
  to: StatusChange["to"],
  justification = "",
): StatusChange => ({
  at: at(when),
  seq: ++seq,
  from,
  to,
  justification,
  actorId: "u1",
});

const created = at("2021-01-10T09:00:00Z");

describe("statusAsOf", () => {
  const changes = [
    change("2021-02-01T10:00:00Z", "NOT_STARTED", "IN_PROGRESS"),
    change("2021-04-30T23:59:59.999Z", "IN_PROGRESS", "ACHIEVED"),
  ];

  it("is the last change before the end of the day (UTC)", () => {
    expect(statusAsOf(changes, created, null, "2021-01-31", "ACHIEVED")).toBe("NOT_STARTED");
    expect(statusAsOf(changes, created, null, "2021-02-01", "ACHIEVED")).toBe("IN_PROGRESS");
    expect(statusAsOf(changes, created, null, "2021-04-29", "ACHIEVED")).toBe("IN_PROGRESS");
    // A change in the last millisecond of the day counts for that day.
    expect(statusAsOf(changes, created, null, "2021-04-30", "ACHIEVED")).toBe("ACHIEVED");
  });

  it("does not depend on the order the changes are given in", () => {
    expect(statusAsOf([...changes].reverse(), created, null, "2021-03-01", "ACHIEVED")).toBe("IN_PROGRESS");
  });

  it("lets the last of two changes on the same day win", () => {
    const sameDay = [
      change("2021-03-05T08:00:00Z", "NOT_STARTED", "IN_PROGRESS"),
      change("2021-03-05T17:00:00Z", "IN_PROGRESS", "STALLED"),
    ];
    expect(statusAsOf(sameDay, created, null, "2021-03-05", "STALLED")).toBe("STALLED");
    expect(statusAsOf(sameDay, created, null, "2021-03-04", "STALLED")).toBe("NOT_STARTED");
  });

  it("breaks ties in the same millisecond by seq (insertion order)", () => {
    const when = at("2021-03-05T08:00:00Z");
    const tied: StatusChange[] = [
      { at: when, seq: 12n, from: "IN_PROGRESS", to: "ACHIEVED" },
      { at: when, seq: 11n, from: "NOT_STARTED", to: "IN_PROGRESS" },
    ];
    expect(statusAsOf(tied, created, null, "2021-03-05", "ACHIEVED")).toBe("ACHIEVED");
  });

  it("is null before the recommendation was created (created after the as-of date)", () => {
    expect(statusAsOf([], at("2021-05-01T00:00:00Z"), null, "2021-04-30", "IN_PROGRESS")).toBeNull();
    expect(statusAsOf([], at("2021-04-30T23:00:00Z"), null, "2021-04-30", "IN_PROGRESS")).toBe("IN_PROGRESS");
  });

  it("is null once archived (archivedAt without events), and a status before that", () => {
    const archivedAt = at("2021-03-10T12:00:00Z");
    expect(statusAsOf(changes, created, archivedAt, "2021-03-09", "ACHIEVED")).toBe("IN_PROGRESS");
    expect(statusAsOf(changes, created, archivedAt, "2021-03-10", "ACHIEVED")).toBeNull();
  });

  it("follows archive and restore events over archivedAt", () => {
    const archives = [
      { at: at("2021-03-10T12:00:00Z"), seq: 100, isArchived: true },
      { at: at("2021-03-20T12:00:00Z"), seq: 101, isArchived: false },
    ];
    expect(statusAsOf(changes, created, null, "2021-03-09", "ACHIEVED", archives)).toBe("IN_PROGRESS");
    expect(statusAsOf(changes, created, null, "2021-03-15", "ACHIEVED", archives)).toBeNull();
    expect(statusAsOf(changes, created, null, "2021-03-20", "ACHIEVED", archives)).toBe("IN_PROGRESS");
    // Restored with no archive event before: it was archived until then.
    const restoredOnly = [{ at: at("2021-03-20T12:00:00Z"), seq: 102, isArchived: false }];
    expect(statusAsOf(changes, created, null, "2021-03-15", "ACHIEVED", restoredOnly)).toBeNull();
  });

  it("uses today's status when there is no history at all", () => {
    expect(statusAsOf([], created, null, "2021-01-10", "PARTIALLY_ACHIEVED")).toBe("PARTIALLY_ACHIEVED");
    expect(statusAsOf([], created, null, "2021-01-10")).toBe("NOT_STARTED");
  });

  it("starts an imported recommendation at its first change's status (from null)", () => {
    const imported = [
      change("2021-06-01T10:00:00.000Z", null, "IN_PROGRESS"),
      change("2021-06-01T10:00:00.001Z", "IN_PROGRESS", "ACHIEVED"),
    ];
    const importedAt = at("2021-06-01T09:00:00Z");
    expect(statusAsOf(imported, importedAt, null, "2021-05-31", "ACHIEVED")).toBeNull();
    expect(statusAsOf(imported, importedAt, null, "2021-06-01", "ACHIEVED")).toBe("ACHIEVED");
    // Before its first change (a history dated after creation), it had that change's `to`.
    expect(statusAsOf(imported, at("2021-01-01T00:00:00Z"), null, "2021-03-01", "ACHIEVED")).toBe(
      "IN_PROGRESS",
    );
  });

  it("starts at the first change's `from` when it is set (a non-default initial status)", () => {
    const history = [change("2021-06-01T10:00:00Z", "STALLED", "ACHIEVED")];
    expect(statusAsOf(history, created, null, "2021-03-01", "ACHIEVED")).toBe("STALLED");
  });
});

describe("stateAsOf", () => {
  it("reports the change that set the status", () => {
    const history: RecommendationHistory = {
      id: "r1",
      createdAt: created,
      archivedAt: null,
      status: "IN_PROGRESS",
      changes: [change("2021-02-01T10:00:00Z", "NOT_STARTED", "IN_PROGRESS", "A bill was tabled.")],
    };
    expect(stateAsOf(history, "2021-01-31")).toEqual({
      id: "r1",
      status: "NOT_STARTED",
      justification: null,
      changedAt: null,
      changedById: null,
    });
    expect(stateAsOf(history, "2021-02-02")).toMatchObject({
      status: "IN_PROGRESS",
      justification: "A bill was tabled.",
      changedAt: at("2021-02-01T10:00:00Z"),
      changedById: "u1",
    });
  });
});

describe("days", () => {
  it("parses only real calendar days", () => {
    expect(parseDayOrNull("2021-04-30")?.toISOString()).toBe("2021-04-30T00:00:00.000Z");
    expect(parseDayOrNull("2021-02-30")).toBeNull();
    expect(parseDayOrNull("30/04/2021")).toBeNull();
    expect(parseDayOrNull("")).toBeNull();
  });

  it("bounds a day at the next UTC midnight", () => {
    expect(dayBound("2021-12-31").toISOString()).toBe("2022-01-01T00:00:00.000Z");
    expect(dayBound(at("2021-12-31T23:59:00Z")).toISOString()).toBe("2022-01-01T00:00:00.000Z");
  });

  it("makes a series that always ends on the last day", () => {
    expect(daySeries("2021-01-01", "2021-01-03")).toEqual(["2021-01-01", "2021-01-02", "2021-01-03"]);
    expect(daySeries("2021-01-01", "2021-01-08", 3)).toEqual([
      "2021-01-01",
      "2021-01-04",
      "2021-01-07",
      "2021-01-08",
    ]);
    expect(seriesStep("2021-01-01", "2021-01-31")).toBe(1);
    expect(seriesStep("2021-01-01", "2026-01-01")).toBe(10);
  });
});

describe("dailyStatusCounts", () => {
  it("counts each status at the end of each day", () => {
    const histories: RecommendationHistory[] = [
      {
        id: "a",
        createdAt: created,
        archivedAt: null,
        status: "ACHIEVED",
        changes: [
          change("2021-01-11T10:00:00Z", "NOT_STARTED", "IN_PROGRESS"),
          change("2021-01-12T10:00:00Z", "IN_PROGRESS", "STALLED"),
          change("2021-01-12T11:00:00Z", "STALLED", "ACHIEVED"),
        ],
      },
      {
        id: "b",
        createdAt: at("2021-01-12T00:00:00Z"),
        archivedAt: null,
        status: "NOT_STARTED",
        changes: [],
      },
      {
        id: "c",
        createdAt: created,
        archivedAt: at("2021-01-12T05:00:00Z"),
        status: "IN_PROGRESS",
        changes: [],
      },
    ];
    const rows = dailyStatusCounts(histories, ["2021-01-09", "2021-01-10", "2021-01-11", "2021-01-12"]);
    expect(rows.map((r) => r.total)).toEqual([0, 2, 2, 2]);
    expect(rows[1]!.counts).toMatchObject({ NOT_STARTED: 1, IN_PROGRESS: 1 });
    expect(rows[2]!.counts).toMatchObject({ IN_PROGRESS: 2 });
    expect(rows[3]!.counts).toMatchObject({ ACHIEVED: 1, NOT_STARTED: 1, IN_PROGRESS: 0, STALLED: 0 });
  });
});

describe("movementBetween", () => {
  const history = (changes: StatusChange[], status: StatusChange["to"]): RecommendationHistory => ({
    id: "m",
    createdAt: created,
    archivedAt: null,
    status,
    changes,
  });

  it("is null when nothing changed in the window", () => {
    const h = history([change("2021-02-01T10:00:00Z", "NOT_STARTED", "IN_PROGRESS")], "IN_PROGRESS");
    expect(movementBetween(h, "2021-02-01", "2021-03-01")).toBeNull();
  });

  it("finds advances, regressions and new achievements", () => {
    const h = history(
      [
        change("2021-02-01T10:00:00Z", "NOT_STARTED", "IN_PROGRESS"),
        change("2021-02-10T10:00:00Z", "IN_PROGRESS", "STALLED"),
        change("2021-02-20T10:00:00Z", "STALLED", "ACHIEVED"),
      ],
      "ACHIEVED",
    );
    expect(movementBetween(h, "2021-01-31", "2021-02-05")).toMatchObject({
      from: "NOT_STARTED",
      to: "IN_PROGRESS",
      isAdvanced: true,
      isRegressed: false,
      isNewlyAchieved: false,
    });
    expect(movementBetween(h, "2021-02-05", "2021-02-15")).toMatchObject({
      from: "IN_PROGRESS",
      to: "STALLED",
      isAdvanced: false,
      isRegressed: true,
    });
    expect(movementBetween(h, "2021-02-05", "2021-02-28")).toMatchObject({
      from: "IN_PROGRESS",
      to: "ACHIEVED",
      isRegressed: true,
      isNewlyAchieved: true,
      isAdvanced: false,
    });
  });

  it("leaves out a recommendation archived at the end of the window", () => {
    const h = { ...history([change("2021-02-01T10:00:00Z", "NOT_STARTED", "IN_PROGRESS")], "IN_PROGRESS") };
    h.archivedAt = at("2021-02-02T00:00:00Z");
    expect(movementBetween(h, "2021-01-31", "2021-02-05")).toBeNull();
  });
});

describe("time in status", () => {
  it("sums In progress spells before the first Achieved", () => {
    const h: RecommendationHistory = {
      id: "t",
      createdAt: created,
      archivedAt: null,
      status: "ACHIEVED",
      changes: [
        change("2021-02-01T00:00:00Z", "NOT_STARTED", "IN_PROGRESS"),
        change("2021-02-11T00:00:00Z", "IN_PROGRESS", "STALLED"),
        change("2021-03-01T00:00:00Z", "STALLED", "IN_PROGRESS"),
        change("2021-03-06T00:00:00Z", "IN_PROGRESS", "ACHIEVED"),
        change("2021-04-01T00:00:00Z", "ACHIEVED", "IN_PROGRESS"),
      ],
    };
    expect(daysInProgressBeforeAchieved(h)).toBe(15);
    expect(daysInProgressBeforeAchieved({ ...h, changes: h.changes.slice(0, 2) })).toBeNull();
  });

  it("takes the median", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
