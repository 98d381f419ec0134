/**
 * The status history kept by triggers (migration 20261202100000_status_days): the per-day counts
 * (StatusDayDelta, and each recommendation's share in RecommendationDayDelta) and the facts on Recommendation
 * (statusSince, lastActivityAt, inProgressDays), against the event-based definition (lib/history/queries.ts with
 * `source: "events"`, itself checked against the pure rules in history.test.ts), after every kind of write:
 * creations with past histories, status changes, archive and restore, section moves, deletions, imports (bulk
 * inserts), late events and removed events, for past days too. Then an EXPLAIN guard: the dashboard's unfiltered
 * history reads read no events, and no read of its first load scans ActivityEvent sequentially. No timings.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { seededRandom as random } from "../support/random";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { actAs } from "../support/session";
import { newWorkspaceWithTracker, type World } from "../support/fixtures";
import { db } from "@/lib/server/db";
import { STATUSES } from "@/lib/status";
import {
  dailyStatusCounts,
  historySummary,
  sectionCountsAsOf,
  timeInStatus,
  type HistoryFilters,
} from "@/lib/history/queries";
import { isoDay } from "@/lib/history/rules";
import { getTrackerDashboard } from "@/lib/dashboard/queries";
import { parseDashboardOptions } from "@/lib/dashboard/rules";
import {
  deleteRecommendation,
  setRecommendationArchived,
  setRecommendationStatus,
  updateRecommendationField,
} from "@/lib/recommendations/mutations";
import { importFile } from "@/lib/import/mutations";

let w: World;
let trackerId: string;
let sections: string[] = [];
const today = isoDay(new Date());
const RANGE = { from: "2020-12-20", to: today };
/** Days the section counts are compared on: before anything, in the middle of the histories, and today. */
const DAYS = ["2020-12-31", "2021-01-20", "2021-02-03", "2021-02-15", "2021-03-10", "2021-06-30", today];

const T0 = Date.parse("2021-01-01T00:00:00Z");
const DAY = 86_400_000;
let counter = 0;

const event = (
  recommendationId: string,
  type: string,
  createdAt: Date,
  data: Record<string, string | null> = {},
) =>
  db.activityEvent.create({
    data: {
      workspaceId: w.workspace.id,
      trackerId,
      recommendationId,
      actorId: w.editor.id,
      type,
      createdAt,
      data,
    },
  });

/** A recommendation with a past history written as rows and events (as imports and seeds write them). */
async function addRec(
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
      title: `Days ${++counter}`,
      text: "…",
      status,
      position: counter,
      createdAt,
      archivedAt,
    },
  });
  for (const change of changes) {
    await event(rec.id, "recommendation.status_changed", change.at, {
      from: change.from,
      to: change.to,
      justification: `to ${change.to}`,
    });
  }
  for (const archive of archives) {
    await event(
      rec.id,
      archive.isArchived ? "recommendation.archived" : "recommendation.restored",
      archive.at,
    );
  }
  return rec;
}

/** Every kept number equals the event-based definition, for the whole tracker and each section. */
async function expectAgreement(label: string) {
  const ws = w.workspace.id;
  for (const filters of [{}, ...sections.map((section) => ({ section }))] as HistoryFilters[]) {
    const kept = await dailyStatusCounts(ws, trackerId, RANGE, filters);
    const events = await dailyStatusCounts(ws, trackerId, RANGE, filters, { source: "events" });
    expect(kept, `${label}: daily counts ${JSON.stringify(filters)}`).toEqual(events);
    for (const day of DAYS) {
      expect(await sectionCountsAsOf(ws, trackerId, day, filters), `${label}: sections ${day}`).toEqual(
        await sectionCountsAsOf(ws, trackerId, day, filters, { source: "events" }),
      );
    }
    const timing = await timeInStatus(ws, trackerId, filters, { limit: 100 });
    const timingEvents = await timeInStatus(ws, trackerId, filters, { limit: 100, source: "events" });
    expect(timing.achievedCount, `${label}: achieved`).toBe(timingEvents.achievedCount);
    if (timingEvents.medianDaysInProgress === null) expect(timing.medianDaysInProgress).toBeNull();
    else expect(timing.medianDaysInProgress).toBeCloseTo(timingEvents.medianDaysInProgress, 6);
    expect(timing.longestStuck, `${label}: longest stuck`).toEqual(timingEvents.longestStuck);
  }
  // The stored shares sum to the table, and equal a recomputation from scratch; nothing is left of deleted rows.
  const [check] = await db.$queryRaw<{ table: string; shares: string; fresh: string; orphans: number }[]>`
    WITH t AS (
      SELECT "sectionId", day, status::text, delta::bigint AS n FROM "StatusDayDelta"
      WHERE "trackerId" = ${trackerId} AND delta <> 0
    ),
    s AS (
      SELECT "sectionId", day, status::text, sum(delta) AS n FROM "RecommendationDayDelta"
      WHERE "trackerId" = ${trackerId} GROUP BY 1, 2, 3 HAVING sum(delta) <> 0
    ),
    f AS (
      SELECT "sectionId", day, status::text, sum(delta) AS n
      FROM "recommendation_day_deltas"(ARRAY(SELECT id FROM "Recommendation" WHERE "trackerId" = ${trackerId}))
      GROUP BY 1, 2, 3 HAVING sum(delta) <> 0
    )
    SELECT (SELECT string_agg(x, ',' ORDER BY x) FROM (SELECT concat_ws(' ', "sectionId", day, status, n) x FROM t))
        AS table,
      (SELECT string_agg(x, ',' ORDER BY x) FROM (SELECT concat_ws(' ', "sectionId", day, status, n) x FROM s))
        AS shares,
      (SELECT string_agg(x, ',' ORDER BY x) FROM (SELECT concat_ws(' ', "sectionId", day, status, n) x FROM f))
        AS fresh,
      (SELECT count(*)::int FROM "RecommendationDayDelta" d
        WHERE NOT EXISTS (SELECT 1 FROM "Recommendation" r WHERE r.id = d."recommendationId")) AS orphans`;
  expect(check!.table, `${label}: the table is not empty`).toBeTruthy();
  expect(check!.table, `${label}: table = shares`).toBe(check!.shares);
  expect(check!.table, `${label}: table = recomputed`).toBe(check!.fresh);
  expect(check!.orphans).toBe(0);
  // lastActivityAt: the last status change, comment or evidence, or the creation.
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM "Recommendation" r
    WHERE r."trackerId" = ${trackerId} AND r."lastActivityAt" IS DISTINCT FROM GREATEST(r."createdAt",
      (SELECT max(e."createdAt") FROM "ActivityEvent" e WHERE e."recommendationId" = r.id
        AND e."trackerId" = ${trackerId}
        AND e.type IN ('recommendation.status_changed', 'comment.added', 'evidence.added')))`;
  expect(stale, `${label}: lastActivityAt`).toEqual([]);
}

async function liveTotal() {
  const series = await dailyStatusCounts(w.workspace.id, trackerId, { from: today, to: today });
  return series[0]!.total;
}

beforeAll(async () => {
  w = await newWorkspaceWithTracker("days");
  trackerId = w.tracker.id;
  const third = await db.section.create({
    data: { workspaceId: w.workspace.id, trackerId, title: "Section C", position: 2 },
  });
  sections = [w.sectionA.id, w.sectionB.id, third.id];
});

describe("per-day status counts kept by triggers agree with the events", () => {
  it("after creations with past histories (edge cases and a pseudo-random history)", async () => {
    const [s1, s2, s3] = sections as [string, string, string];
    const at = (iso: string) => new Date(iso);
    await addRec(s1, at("2021-01-05T10:00:00Z"), [], "IN_PROGRESS"); // no history: today's status
    await addRec(
      s1,
      at("2021-01-05T10:00:00Z"),
      [
        { at: at("2021-02-03T08:00:00Z"), from: "NOT_STARTED", to: "IN_PROGRESS" },
        { at: at("2021-02-03T17:00:00Z"), from: "IN_PROGRESS", to: "STALLED" }, // twice in a day
      ],
      "STALLED",
    );
    await addRec(s2, at("2021-03-01T00:00:00Z"), [], "NOT_STARTED", [], at("2021-03-20T12:00:00Z"));
    await addRec(
      s2,
      at("2021-01-05T10:00:00Z"),
      [{ at: at("2021-02-10T12:00:00Z"), from: "NOT_STARTED", to: "ACHIEVED" }],
      "ACHIEVED",
      [
        { at: at("2021-02-15T00:00:00Z"), isArchived: true },
        { at: at("2021-02-25T00:00:00Z"), isArchived: false },
      ],
    );
    await addRec(s3, at("2021-02-01T10:00:00Z"), [], "NOT_STARTED", [
      { at: at("2021-02-20T00:00:00Z"), isArchived: false }, // restored first: archived before it
    ]);
    await addRec(
      s3,
      at("2021-02-01T10:00:00Z"),
      [
        { at: at("2021-01-25T10:00:00Z"), from: "NOT_STARTED", to: "IN_PROGRESS" }, // before its creation
        { at: at("2021-02-01T10:00:00.002Z"), from: "IN_PROGRESS", to: "ACHIEVED" },
      ],
      "ACHIEVED",
    );
    await addRec(
      s3,
      at("2021-02-01T10:00:00Z"),
      [{ at: at("2021-02-01T10:00:00.001Z"), from: null, to: "PARTIALLY_ACHIEVED" }], // imported
      "PARTIALLY_ACHIEVED",
    );
    const rand = random(7);
    for (let n = 0; n < 30; n++) {
      const created = new Date(T0 + Math.floor(rand() * 60) * DAY + Math.floor(rand() * DAY));
      let status: RecommendationStatus = "NOT_STARTED";
      let t = created.getTime();
      const changes: { at: Date; from: RecommendationStatus; to: RecommendationStatus }[] = [];
      for (let k = Math.floor(rand() * 5); k > 0; k--) {
        t += Math.floor(rand() * 20 * DAY);
        const to = STATUSES.filter((s) => s !== status)[Math.floor(rand() * 5)]!;
        changes.push({ at: new Date(t), from: status, to });
        status = to;
      }
      const archived = rand() < 0.15 ? new Date(t + Math.floor(rand() * 10 * DAY)) : null;
      await addRec(sections[Math.floor(rand() * 3)]!, created, changes, status, [], archived);
    }
    const series = await dailyStatusCounts(w.workspace.id, trackerId, RANGE);
    expect(series.some((row) => row.total > 20)).toBe(true);
    expect(new Set(series.flatMap((row) => STATUSES.filter((s) => row.counts[s] > 0))).size).toBe(6);
    await expectAgreement("created");
  });

  it("after status changes, archiving and restoring through the app", async () => {
    actAs(w.editor);
    const recs = await db.recommendation.findMany({
      where: { trackerId, archivedAt: null },
      orderBy: { position: "asc" },
      take: 6,
    });
    for (const [index, rec] of recs.entries()) {
      await setRecommendationStatus({
        workspaceSlug: w.workspace.slug,
        recommendationId: rec.id,
        version: rec.version,
        status: STATUSES.filter((status) => status !== rec.status)[index % 5]!,
        justification: "Today",
        evidenceIds: [],
      });
    }
    const before = await liveTotal();
    await setRecommendationArchived(w.workspace.slug, recs[0]!.id, true);
    await setRecommendationArchived(w.workspace.slug, recs[1]!.id, true);
    await setRecommendationArchived(w.workspace.slug, recs[1]!.id, false);
    expect(await liveTotal()).toBe(before - 1);
    await expectAgreement("status changes and archiving");
  });

  it("after section moves (one through the app, many in one statement): counted under today's section", async () => {
    actAs(w.editor);
    const [s1, s2, s3] = sections as [string, string, string];
    const rec = await db.recommendation.findFirstOrThrow({
      where: { trackerId, sectionId: s1, archivedAt: null },
      orderBy: { position: "asc" },
    });
    const before = await sectionCountsAsOf(w.workspace.id, trackerId, "2021-06-30");
    await updateRecommendationField({
      workspaceSlug: w.workspace.slug,
      recommendationId: rec.id,
      version: rec.version,
      field: "sectionId",
      value: s2,
    });
    const after = await sectionCountsAsOf(w.workspace.id, trackerId, "2021-06-30");
    const total = (m: Map<string, Record<string, number>>, id: string) =>
      Object.values(m.get(id) ?? {}).reduce((a, b) => a + b, 0);
    if (rec.createdAt < new Date("2021-06-30")) expect(total(after, s2)).toBe(total(before, s2) + 1);
    await db.$executeRaw`
      UPDATE "Recommendation" SET "sectionId" = ${s3} WHERE "trackerId" = ${trackerId} AND "sectionId" = ${s1}
        AND position % 2 = 0`;
    await expectAgreement("section moves");
  });

  it("after deletions (through the app, and many in one statement)", async () => {
    actAs(w.owner);
    const rec = await db.recommendation.findFirstOrThrow({
      where: { trackerId, status: "ACHIEVED" },
      orderBy: { position: "asc" },
    });
    await deleteRecommendation(w.workspace.slug, rec.id);
    await db.$executeRaw`
      DELETE FROM "Recommendation" WHERE "trackerId" = ${trackerId} AND position % 7 = 3`;
    await expectAgreement("deletions");
  });

  it("after imports: an import file and a bulk INSERT … SELECT of rows, then of their events", async () => {
    actAs(w.editor);
    const csv = [
      "Reference,Text,Status,Section",
      "I-1,Ratify the Convention,Achieved,Section A",
      "I-2,End detention,In progress,Section B",
      "I-3,Protect defenders,,Section C",
    ].join("\n");
    const result = await importFile({
      workspaceSlug: w.workspace.slug,
      trackerId,
      fileName: "days.csv",
      bytes: new TextEncoder().encode(csv),
    });
    expect(result.created).toBe(3);
    // As the benchmark seeds and a restore would write them: rows in one statement, their events in another.
    await db.$executeRaw`
      INSERT INTO "Recommendation" (id, "workspaceId", "trackerId", "sectionId", title, text, status, position,
        "updatedAt", "createdAt", "archivedAt")
      SELECT ${trackerId} || '_bulk' || g, ${w.workspace.id}, ${trackerId}, (${sections}::text[])[1 + g % 3],
        'Bulk ' || g, 'Text', (ARRAY['IN_PROGRESS','STALLED','ACHIEVED','REVERSED'])[1 + g % 4]::"RecommendationStatus",
        1000 + g, now(), timestamp '2021-01-10' + (g || ' days')::interval,
        CASE WHEN g % 9 = 0 THEN timestamp '2021-04-01' ELSE NULL END
      FROM generate_series(1, 60) g`;
    await db.$executeRaw`
      INSERT INTO "ActivityEvent" (id, "workspaceId", "trackerId", "recommendationId", type, data, "createdAt")
      SELECT ${trackerId} || '_bulkv' || g || '_' || k, ${w.workspace.id}, ${trackerId}, ${trackerId} || '_bulk' || g,
        CASE WHEN k = 3 THEN 'comment.added' ELSE 'recommendation.status_changed' END,
        CASE k WHEN 1 THEN jsonb_build_object('from', 'NOT_STARTED', 'to', 'IN_PROGRESS')
          WHEN 2 THEN jsonb_build_object('from', 'IN_PROGRESS',
            'to', (ARRAY['IN_PROGRESS','STALLED','ACHIEVED','REVERSED'])[1 + g % 4])
          ELSE '{}'::jsonb END,
        timestamp '2021-01-10' + (g || ' days')::interval + (k * 9 || ' days')::interval
      FROM generate_series(1, 60) g, generate_series(1, 3) k WHERE g % 5 <> 0`;
    await expectAgreement("imports");
  });

  it("after late events (before existing ones) and removed events", async () => {
    const recs = await db.recommendation.findMany({
      where: { trackerId },
      orderBy: { position: "asc" },
      take: 4,
    });
    await event(recs[0]!.id, "recommendation.status_changed", new Date("2021-01-12T12:00:00Z"), {
      from: "NOT_STARTED",
      to: "REVERSED",
    });
    await event(recs[1]!.id, "recommendation.archived", new Date("2021-02-02T00:00:00Z"));
    await event(recs[2]!.id, "comment.added", new Date("2021-03-03T00:00:00Z"));
    await db.$executeRaw`
      DELETE FROM "ActivityEvent" WHERE id IN (
        SELECT id FROM "ActivityEvent" WHERE "trackerId" = ${trackerId} AND type = 'recommendation.status_changed'
        ORDER BY seq LIMIT 3)`;
    await expectAgreement("late and removed events");
  });

  it("after one statement of many rows, on several sections and days, on a connection that served one-row statements first", async () => {
    const [s1, s2, s3] = sections as [string, string, string];
    const recs = await db.recommendation.findMany({
      where: { trackerId, archivedAt: null },
      orderBy: { position: "asc" },
      take: 8,
    });
    // One transaction: one connection, whose trigger statements were first planned (and, after five calls,
    // cached as generic plans) for one-row statements.
    await db.$transaction(
      async (tx) => {
        for (const [i, rec] of recs.entries()) {
          await tx.$executeRaw`
            INSERT INTO "ActivityEvent" (id, "workspaceId", "trackerId", "recommendationId", "actorId", type, data,
              "createdAt")
            VALUES (${`one_${rec.id}`}, ${w.workspace.id}, ${trackerId}, ${rec.id}, ${w.editor.id}, 'comment.added',
              '{}', timestamp '2021-04-01' + ${i} * interval '1 day')`;
        }
        // Status changes of every live recommendation (from its status today, on one of 40 days), an archive and
        // a restore for some, a comment for all, in one statement; then the rows follow in one statement that
        // also moves many of them between sections.
        await tx.$executeRaw`
          INSERT INTO "ActivityEvent" (id, "workspaceId", "trackerId", "recommendationId", "actorId", type, data,
            "createdAt")
          SELECT 'many_' || r.id || '_' || k, r."workspaceId", r."trackerId", r.id, ${w.editor.id},
            (ARRAY['recommendation.status_changed', 'comment.added', 'recommendation.archived',
              'recommendation.restored'])[k],
            CASE WHEN k = 1 THEN jsonb_build_object('from', r.status::text,
              'to', CASE WHEN r.status = 'IN_PROGRESS' THEN 'ACHIEVED' ELSE 'IN_PROGRESS' END,
              'justification', 'many at once') ELSE '{}'::jsonb END,
            timestamp '2021-03-01' + (r.position % 40) * interval '1 day' + k * interval '3 days'
          FROM "Recommendation" r, generate_series(1, 4) k
          WHERE r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL AND (k <= 2 OR r.position % 3 = 0)`;
        await tx.$executeRaw`
          UPDATE "Recommendation" r SET
            status = CASE WHEN r.status = 'IN_PROGRESS' THEN 'ACHIEVED'::"RecommendationStatus"
              ELSE 'IN_PROGRESS'::"RecommendationStatus" END,
            "sectionId" = (ARRAY[${s1}, ${s2}, ${s3}])[1 + r.position % 3]
          WHERE r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL`;
      },
      { timeout: 60_000 },
    );
    await expectAgreement("one statement of many rows");
  });

  it("leaves archived sections out, and counts them again when restored (nothing rewritten)", async () => {
    const s3 = sections[2]!;
    await db.section.update({ where: { id: s3 }, data: { archivedAt: new Date() } });
    const withoutC = await dailyStatusCounts(w.workspace.id, trackerId, RANGE);
    await expectAgreement("section archived");
    await db.section.update({ where: { id: s3 }, data: { archivedAt: null } });
    const withC = await dailyStatusCounts(w.workspace.id, trackerId, RANGE);
    expect(withC.at(-1)!.total).toBeGreaterThan(withoutC.at(-1)!.total);
    await expectAgreement("section restored");
  });

  it("the comparison reads the kept table: a wrong row is seen", async () => {
    const [row] = await db.$queryRaw<{ sectionId: string; day: Date; status: string }[]>`
      SELECT "sectionId", day, status::text FROM "StatusDayDelta" WHERE "trackerId" = ${trackerId} AND delta <> 0
      ORDER BY day LIMIT 1`;
    const changed = await db.$executeRaw`UPDATE "StatusDayDelta" SET delta = delta + 1
      WHERE "trackerId" = ${trackerId} AND "sectionId" = ${row!.sectionId} AND day = ${isoDay(row!.day)}::date
        AND status = ${row!.status}::"RecommendationStatus"`;
    expect(changed).toBe(1);
    try {
      expect(await dailyStatusCounts(w.workspace.id, trackerId, RANGE)).not.toEqual(
        await dailyStatusCounts(w.workspace.id, trackerId, RANGE, {}, { source: "events" }),
      );
    } finally {
      await db.$executeRaw`UPDATE "StatusDayDelta" SET delta = delta - 1
        WHERE "trackerId" = ${trackerId} AND "sectionId" = ${row!.sectionId} AND day = ${isoDay(row!.day)}::date
          AND status = ${row!.status}::"RecommendationStatus"`;
    }
    await expectAgreement("restored row");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// EXPLAIN guard (no timings): statements are captured with a logging client and EXPLAINed.
// ---------------------------------------------------------------------------------------------------------------

type Captured = { query: string; params: string };
const captured: Captured[] = [];
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };
let previous: PrismaClient | undefined;
let logging: PrismaClient | undefined;

async function capture<T>(read: () => Promise<T>): Promise<Captured[]> {
  captured.length = 0;
  previous = globalForDb.prisma;
  globalForDb.prisma = logging;
  try {
    await read();
    return [...captured];
  } finally {
    globalForDb.prisma = previous;
  }
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Cond"?: string;
  "Recheck Cond"?: string;
  Plans?: PlanNode[];
};

/** The scans of ActivityEvent in a plan: node type and index condition (a bitmap scan's is on its child). */
function eventScans(node: PlanNode, out: { type: string; cond: string }[] = []) {
  if (node["Relation Name"] === "ActivityEvent") {
    const cond = [node["Index Cond"], node["Recheck Cond"], ...(node.Plans ?? []).map((c) => c["Index Cond"])]
      .filter(Boolean)
      .join(" ");
    out.push({ type: node["Node Type"], cond });
  }
  for (const child of node.Plans ?? []) eventScans(child, out);
  return out;
}

/**
 * EXPLAIN (no ANALYZE) with sequential scans priced out: a Seq Scan still shows when no index can serve the
 * read (the test tables are small, so costs alone would pick sequential scans everywhere).
 */
async function explain({ query, params }: Captured): Promise<PlanNode> {
  const values = JSON.parse(params) as unknown[];
  const [, rows] = await db.$transaction([
    db.$queryRaw`SELECT set_config('enable_seqscan', 'off', true)`,
    db.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`EXPLAIN (FORMAT JSON) ${query}`, ...values),
  ]);
  return rows[0]!["QUERY PLAN"][0].Plan;
}

describe("the dashboard's first load", () => {
  beforeAll(() => {
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }),
      log: [{ emit: "event", level: "query" }],
    });
    client.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
    logging = client as unknown as PrismaClient;
  });
  afterAll(async () => {
    await logging?.$disconnect();
  });

  it("reads no events for the unfiltered and section series and section counts", async () => {
    for (const filters of [{}, { section: sections[0]! }] as HistoryFilters[]) {
      const statements = await capture(() =>
        historySummary(
          w.workspace.id,
          trackerId,
          { from: "2021-01-01", to: today, step: 7 },
          "2021-03-01",
          filters,
        ),
      );
      expect(statements.length).toBeGreaterThan(0);
      for (const { query } of statements)
        expect(query, JSON.stringify(filters)).not.toContain('"ActivityEvent"');
      expect(statements.some(({ query }) => query.includes('"StatusDayDelta"'))).toBe(true);
    }
  });

  it("scans ActivityEvent only through indexes, each scoped (no sequential scan), with or without a section", async () => {
    const names = await db.section.findMany({ where: { trackerId }, select: { id: true, title: true } });
    for (const filters of [{}, { section: sections[1]! }] as HistoryFilters[]) {
      // A write first, so nothing is cached for this tracker version: every read of the first load runs.
      await db.section.update({ where: { id: sections[0]! }, data: { title: `Section A ${Date.now()}` } });
      const options = parseDashboardOptions({ since: "2021-03-01" });
      const statements = await capture(() =>
        getTrackerDashboard(w.workspace.id, trackerId, names, filters, options),
      );
      const reads = statements.filter(({ query }) => query.includes('"ActivityEvent"'));
      expect(reads.length).toBeGreaterThan(0);
      for (const statement of reads) {
        const scans = eventScans(await explain(statement));
        for (const scan of scans) {
          expect(scan.type, statement.query).not.toBe("Seq Scan");
          expect(scan.cond, `${JSON.stringify(scan)} in ${statement.query}`).toMatch(
            /trackerId|recommendationId|workspaceId/,
          );
        }
      }
    }
  });
});
