/**
 * The history's SQL (lib/history/queries.ts) against its definitions (lib/history/rules.ts), on the same data
 * in the real database: a tracker with hand-made edge cases and a deterministic pseudo-random history.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { newWorkspaceWithTracker, type World } from "../support/fixtures";
import { db } from "@/lib/server/db";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { STATUSES } from "@/lib/status";
import {
  countAsOf,
  dailyStatusCounts,
  movementSince,
  sectionCountsAsOf,
  statusesAsOf,
  timeInStatus,
} from "@/lib/history/queries";
import {
  dailyStatusCounts as dailyCountsPure,
  daySeries,
  daysInProgressBeforeAchieved,
  median,
  movementBetween,
  stateAsOf,
  type RecommendationHistory,
} from "@/lib/history/rules";

let w: World;
let trackerId: string;
const histories: RecommendationHistory[] = [];
const sectionOf = new Map<string, string>();

/** A small deterministic generator (mulberry32), so the data is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const T0 = Date.parse("2021-01-01T00:00:00Z");
const DAY = 86_400_000;

async function addRec(
  index: number,
  sectionId: string,
  createdAt: Date,
  changes: { at: Date; from: RecommendationStatus | null; to: RecommendationStatus }[],
  status: RecommendationStatus,
  archives: { at: Date; isArchived: boolean }[] = [],
  archivedAt: Date | null = null,
) {
  const rec = await db.recommendation.create({
    data: {
      workspaceId: w.workspace.id,
      trackerId,
      sectionId,
      title: `History ${index}`,
      text: "…",
      status,
      position: index,
      createdAt,
      archivedAt,
    },
  });
  const history: RecommendationHistory = {
    id: rec.id,
    createdAt,
    archivedAt,
    status,
    changes: [],
    archives: [],
  };
  for (const change of changes) {
    const event = await db.activityEvent.create({
      data: {
        workspaceId: w.workspace.id,
        trackerId,
        recommendationId: rec.id,
        actorId: w.editor.id,
        type: "recommendation.status_changed",
        createdAt: change.at,
        data: { from: change.from, to: change.to, justification: `to ${change.to}` },
      },
    });
    history.changes.push({
      ...change,
      seq: event.seq,
      justification: `to ${change.to}`,
      actorId: w.editor.id,
    });
  }
  for (const archive of archives) {
    const event = await db.activityEvent.create({
      data: {
        workspaceId: w.workspace.id,
        trackerId,
        recommendationId: rec.id,
        actorId: w.editor.id,
        type: archive.isArchived ? "recommendation.archived" : "recommendation.restored",
        createdAt: archive.at,
        data: { title: rec.title },
      },
    });
    history.archives!.push({ ...archive, seq: event.seq });
  }
  histories.push(history);
  sectionOf.set(rec.id, sectionId);
}

beforeAll(async () => {
  w = await newWorkspaceWithTracker("history");
  const tracker = await db.tracker.create({ data: { workspaceId: w.workspace.id, name: "History" } });
  trackerId = tracker.id;
  const sections = await Promise.all(
    ["One", "Two"].map((title, position) =>
      db.section.create({ data: { workspaceId: w.workspace.id, trackerId, title, position } }),
    ),
  );
  const [s1, s2] = sections.map((s) => s.id) as [string, string];
  const at = (iso: string) => new Date(iso);
  let i = 0;
  // Edge cases.
  await addRec(i++, s1, at("2021-01-05T10:00:00Z"), [], "IN_PROGRESS"); // no history: today's status
  await addRec(
    i++,
    s1,
    at("2021-01-05T10:00:00Z"),
    [
      { at: at("2021-02-03T08:00:00Z"), from: "NOT_STARTED", to: "IN_PROGRESS" },
      { at: at("2021-02-03T17:00:00Z"), from: "IN_PROGRESS", to: "STALLED" }, // twice in a day
    ],
    "STALLED",
  );
  await addRec(i++, s1, at("2021-03-01T00:00:00Z"), [], "NOT_STARTED", [], at("2021-03-20T12:00:00Z")); // archived
  await addRec(
    i++,
    s2,
    at("2021-01-05T10:00:00Z"),
    [{ at: at("2021-02-10T12:00:00Z"), from: "NOT_STARTED", to: "ACHIEVED" }],
    "ACHIEVED",
    [
      { at: at("2021-02-15T00:00:00Z"), isArchived: true },
      { at: at("2021-02-25T00:00:00Z"), isArchived: false },
    ],
  ); // archived, then restored
  await addRec(i++, s2, at("2021-04-10T10:00:00Z"), [], "NOT_STARTED"); // created after many as-of dates
  await addRec(
    i++,
    s2,
    at("2021-02-01T10:00:00Z"),
    [
      { at: at("2021-02-01T10:00:00.001Z"), from: null, to: "IN_PROGRESS" },
      { at: at("2021-02-01T10:00:00.002Z"), from: "IN_PROGRESS", to: "PARTIALLY_ACHIEVED" },
    ],
    "PARTIALLY_ACHIEVED",
  ); // imported with a non-default status
  // Pseudo-random histories.
  const rand = random(42);
  for (let n = 0; n < 40; n++) {
    const created = new Date(T0 + Math.floor(rand() * 60) * DAY + Math.floor(rand() * DAY));
    let status: RecommendationStatus = "NOT_STARTED";
    let t = created.getTime();
    const changes: { at: Date; from: RecommendationStatus; to: RecommendationStatus }[] = [];
    const count = Math.floor(rand() * 5);
    for (let k = 0; k < count; k++) {
      t += Math.floor(rand() * 20 * DAY);
      const to = STATUSES.filter((s) => s !== status)[Math.floor(rand() * 5)]!;
      changes.push({ at: new Date(t), from: status, to });
      status = to;
    }
    const archived = rand() < 0.15 ? new Date(t + Math.floor(rand() * 10 * DAY)) : null;
    await addRec(i++, rand() < 0.5 ? s1 : s2, created, changes, status, [], archived);
  }
});

const days = daySeries("2020-12-30", "2021-06-30", 3);

describe("history SQL agrees with the pure definitions", () => {
  it("daily status counts", async () => {
    const sql = await dailyStatusCounts(w.workspace.id, trackerId, {
      from: "2020-12-30",
      to: "2021-06-30",
      step: 3,
    });
    expect(sql).toEqual(dailyCountsPure(histories, days));
    expect(sql.some((row) => row.total > 20)).toBe(true);
  });

  it("statuses as of a date, for many dates", async () => {
    for (const day of days.filter((_, index) => index % 6 === 0)) {
      const sql = await statusesAsOf(w.workspace.id, trackerId, day);
      const pure = histories
        .map((h) => stateAsOf(h, day))
        .filter((s) => s !== null)
        .map((s) => ({
          id: s.id,
          status: s.status,
          justification: s.justification,
          changedAt: s.changedAt,
          changedById: s.changedById,
        }));
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect(
        sql
          .map(({ id, status, justification, changedAt, changedById }) => ({
            id,
            status,
            justification,
            changedAt,
            changedById,
          }))
          .sort(byId),
        day,
      ).toEqual(pure.sort(byId));
      expect(await countAsOf(w.workspace.id, trackerId, day)).toBe(pure.length);
    }
  });

  it("section counts as of a date", async () => {
    const day = "2021-03-15";
    const sql = await sectionCountsAsOf(w.workspace.id, trackerId, day);
    for (const [sectionId, counts] of sql) {
      const pure = histories.filter((h) => sectionOf.get(h.id) === sectionId).map((h) => stateAsOf(h, day));
      for (const status of STATUSES) {
        expect(counts[status]).toBe(pure.filter((s) => s?.status === status).length);
      }
    }
  });

  it("movement since a date", async () => {
    for (const [since, until] of [
      ["2021-01-31", "2021-03-01"],
      ["2021-02-02", "2021-02-03"],
      ["2021-03-01", "2021-06-30"],
    ] as const) {
      const sql = await movementSince(w.workspace.id, trackerId, since, {}, { until, limit: 500 });
      const pure = histories.map((h) => movementBetween(h, since, until)).filter((m) => m !== null);
      const pick = (m: {
        id: string;
        from: string;
        to: string;
        isAdvanced: boolean;
        isRegressed: boolean;
        isNewlyAchieved: boolean;
      }) => ({
        id: m.id,
        from: m.from,
        to: m.to,
        isAdvanced: m.isAdvanced,
        isRegressed: m.isRegressed,
        isNewlyAchieved: m.isNewlyAchieved,
      });
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect(sql.rows.map(pick).sort(byId), `${since}..${until}`).toEqual(pure.map(pick).sort(byId));
      expect(sql.totals.moved).toBe(pure.length);
      expect(sql.totals.regressed).toBe(pure.filter((m) => m.isRegressed).length);
    }
  });

  it("median days in progress before achieved", async () => {
    const sql = await timeInStatus(w.workspace.id, trackerId);
    const pure = histories
      .filter((h) => h.archivedAt === null)
      .map(daysInProgressBeforeAchieved)
      .filter((d) => d !== null);
    expect(sql.achievedCount).toBe(pure.length);
    expect(sql.medianDaysInProgress).toBeCloseTo(median(pure)!, 6);
  });

  it("is scoped: another workspace's id sees nothing", async () => {
    const other = await newWorkspaceWithTracker("history-other");
    expect(await statusesAsOf(other.workspace.id, trackerId, "2021-06-30")).toEqual([]);
    const counts = await dailyStatusCounts(other.workspace.id, trackerId, {
      from: "2021-06-01",
      to: "2021-06-02",
    });
    expect(counts.every((row) => row.total === 0)).toBe(true);
  });
});
