/**
 * The history's SQL (lib/history/queries.ts) against its definitions (lib/history/rules.ts), on the same data
 * in the real database: a tracker with hand-made edge cases and a deterministic pseudo-random history.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seededRandom as random } from "../support/random";
import { newWorkspaceWithTracker, type World } from "../support/fixtures";
import { getTrackerDashboard } from "@/lib/dashboard/queries";
import { parseDashboardOptions } from "@/lib/dashboard/rules";
import { db } from "@/lib/server/db";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { progressFrom, STATUSES } from "@/lib/status";
import {
  countAsOf,
  dailyStatusCounts,
  historySummary,
  movementSince,
  sectionCountsAsOf,
  statusesAsOf,
  timeInStatus,
  workspaceOverview,
} from "@/lib/history/queries";
import { trackerVersion } from "@/lib/history/cache";
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
    for (const day of ["2021-01-05", "2021-02-03", "2021-02-20", "2021-03-15", "2021-06-30"]) {
      const sql = await sectionCountsAsOf(w.workspace.id, trackerId, day);
      const states = histories.map((h) => stateAsOf(h, day)).filter((s) => s !== null);
      let total = 0;
      for (const sectionId of new Set(sectionOf.values())) {
        const counts = sql.get(sectionId);
        for (const status of STATUSES) {
          const expected = states.filter(
            (s) => sectionOf.get(s.id) === sectionId && s.status === status,
          ).length;
          expect(counts?.[status] ?? 0, `${day} ${status}`).toBe(expected);
          total += counts?.[status] ?? 0;
        }
      }
      expect(total).toBe(states.length);
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

  it("the combined summary equals the separate reads, and pages equal slices", async () => {
    const range = { from: "2020-12-30", to: "2021-06-30", step: 3 };
    const summary = await historySummary(w.workspace.id, trackerId, range, "2021-03-15");
    expect(summary.series).toEqual(await dailyStatusCounts(w.workspace.id, trackerId, range));
    expect(summary.sectionCounts).toEqual(await sectionCountsAsOf(w.workspace.id, trackerId, "2021-03-15"));
    const timing = await timeInStatus(w.workspace.id, trackerId);
    expect(summary.timing.achievedCount).toBe(timing.achievedCount);
    expect(summary.timing.medianDaysInProgress).toBeCloseTo(timing.medianDaysInProgress!, 6);
    const all = await statusesAsOf(w.workspace.id, trackerId, "2021-06-30");
    expect(all.length).toBeGreaterThan(20);
    const pages = [];
    for (let offset = 0; offset < all.length; offset += 7) {
      pages.push(...(await statusesAsOf(w.workspace.id, trackerId, "2021-06-30", {}, { limit: 7, offset })));
    }
    expect(pages).toEqual(all);
  });

  it("the dashboard: breakdowns, stale items and series agree with the data", async () => {
    const sections = await db.section.findMany({ where: { trackerId }, select: { id: true, title: true } });
    const options = parseDashboardOptions({ since: "2021-03-01", stale: "30" });
    const dash = await getTrackerDashboard(w.workspace.id, trackerId, sections, {}, options);
    const live = await db.recommendation.findMany({ where: { trackerId, archivedAt: null } });
    const sum = (rows: { progress: { total: number } }[]) =>
      rows.reduce((n, row) => n + row.progress.total, 0);
    expect(sum(dash.actors)).toBe(live.length);
    expect(sum(dash.paths)).toBe(live.length);
    expect(dash.sections.reduce((n, row) => n + row.now.total, 0)).toBe(live.length);
    // Every event here is from 2021: every open (not achieved) live recommendation is stale.
    expect(dash.stale.total).toBe(live.filter((r) => r.status !== "ACHIEVED").length);
    expect(dash.series.at(-1)!.total).toBe(
      (await statusesAsOf(w.workspace.id, trackerId, options.today)).length,
    );
    const one = sections[0]!.id;
    const filtered = await getTrackerDashboard(
      w.workspace.id,
      trackerId,
      sections,
      { section: one },
      options,
    );
    expect(sum(filtered.actors)).toBe(live.filter((r) => r.sectionId === one).length);
  });

  it("the cached reads (per tracker version) equal fresh ones and follow every change", async () => {
    const sections = await db.section.findMany({ where: { trackerId }, select: { id: true, title: true } });
    const options = parseDashboardOptions({ since: "7d" });
    const read = () => getTrackerDashboard(w.workspace.id, trackerId, sections, {}, options);
    const first = await read();
    expect(await read()).toEqual(first);
    const before = await trackerVersion(w.workspace.id, trackerId);
    // A status change today (recommendation and event, as lib/recommendations/mutations.ts writes them).
    const target = await db.recommendation.findFirstOrThrow({
      where: { trackerId, archivedAt: null, status: "NOT_STARTED" },
      orderBy: { position: "asc" },
    });
    await db.recommendation.update({ where: { id: target.id }, data: { status: "ACHIEVED" } });
    await db.activityEvent.create({
      data: {
        workspaceId: w.workspace.id,
        trackerId,
        recommendationId: target.id,
        actorId: w.editor.id,
        type: "recommendation.status_changed",
        data: { from: "NOT_STARTED", to: "ACHIEVED", justification: "cache test" },
      },
    });
    expect(await trackerVersion(w.workspace.id, trackerId)).not.toBe(before);
    const changed = await read();
    const last = (dash: typeof first) => dash.series.at(-1)!.counts;
    expect(last(changed).ACHIEVED).toBe(last(first).ACHIEVED + 1);
    expect(last(changed).NOT_STARTED).toBe(last(first).NOT_STARTED - 1);
    expect(changed.movement.totals.moved).toBe(first.movement.totals.moved + 1);
    expect(changed.movement.rows[0]!.id).toBe(target.id);
    // A write with no event (archiving by hand) still makes a new version.
    await db.recommendation.update({ where: { id: target.id }, data: { archivedAt: new Date() } });
    const archived = await read();
    expect(archived.series.at(-1)!.total).toBe(changed.series.at(-1)!.total - 1);
    expect(archived.movement.totals.moved).toBe(first.movement.totals.moved);
    // The workspace overview's cached reads equal a fresh read on a new version.
    const trackers = [{ id: trackerId, name: "History" }];
    const overview = await workspaceOverview(w.workspace.id, trackers);
    expect(await workspaceOverview(w.workspace.id, trackers)).toEqual(overview);
    expect(overview.sparklines.get(trackerId)!.at(-1)!.share).toBeCloseTo(
      progressFrom(last(archived)).achievedShare,
      6,
    );
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
