import "server-only";
/**
 * The tracker dashboard's reads: the status history (lib/history/queries.ts) plus today's breakdowns, stale
 * items and load per owner. Everything is aggregated in PostgreSQL and bounded (top-N lists); the caller
 * passes the workspace id from requirePageMembership.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { emptyCounts, progressFrom, type Progress, type StatusCounts } from "@/lib/status";
import {
  historySummary,
  movementSince,
  recommendationFilterSql,
  type HistoryFilters,
} from "@/lib/history/queries";
import { cachedByTrackerVersion } from "@/lib/history/cache";
import { isoDay, seriesStep } from "@/lib/history/rules";
import type { DashboardOptions } from "@/lib/dashboard/rules";

export const LIST_LIMIT = 20;
const BREAKDOWN_LIMIT = 12;

const toCounts = (rows: { key: string | null; status: RecommendationStatus; n: bigint }[]) => {
  const groups = new Map<string | null, StatusCounts>();
  for (const row of rows) {
    const counts = groups.get(row.key) ?? emptyCounts();
    if (row.status in counts) counts[row.status] += Number(row.n);
    groups.set(row.key, counts);
  }
  return groups;
};

/**
 * Whether today's counts and owner load come from the counters kept by triggers (RecommendationCount,
 * RecommendationOwnerCount): with no filter or a section filter. Tag, owner and actor filters read the live rows.
 */
export const isCounted = (filters: HistoryFilters) => !filters.tag && !filters.owner && !filters.actor;

/**
 * Today's counts per section, target actor and path, over live (unarchived) recommendations in live sections.
 * With no filter or a section filter: one GROUPING SETS pass over the tracker's counter rows (RecommendationCount,
 * per section, status, actor and path: a few hundred rows whatever the tracker's size). With other filters: one
 * pass over the tracker's matching live rows, no events.
 */
async function currentBreakdowns(workspaceId: string, trackerId: string, filters: HistoryFilters) {
  type Row = {
    kind: "section" | "actor" | "path";
    key: string | null;
    status: RecommendationStatus;
    n: bigint;
  };
  const rows = isCounted(filters)
    ? await db.$queryRaw<Row[]>`
        SELECT CASE WHEN GROUPING(c."sectionId") = 0 THEN 'section'
            WHEN GROUPING(c."targetActor") = 0 THEN 'actor' ELSE 'path' END AS kind,
          -- '' is how the counters store "no actor" and "not assessed" (they are part of the key).
          CASE WHEN GROUPING(c."sectionId") = 0 THEN c."sectionId"
            WHEN GROUPING(c."targetActor") = 0 THEN NULLIF(c."targetActor", '') ELSE NULLIF(c.path, '') END AS key,
          c.status::text AS status, sum(c.count) AS n
        FROM "RecommendationCount" c
        JOIN "Section" s ON s.id = c."sectionId" AND s."archivedAt" IS NULL AND s."workspaceId" = ${workspaceId}
        WHERE c."trackerId" = ${trackerId} AND c.count > 0
          ${filters.section ? Prisma.sql`AND c."sectionId" = ${filters.section}` : Prisma.empty}
        GROUP BY GROUPING SETS ((c."sectionId", c.status), (c."targetActor", c.status), (c.path, c.status))`
    : await db.$queryRaw<Row[]>`
        SELECT CASE WHEN GROUPING(r."sectionId") = 0 THEN 'section'
            WHEN GROUPING(r."targetActor") = 0 THEN 'actor' ELSE 'path' END AS kind,
          COALESCE(r."sectionId", r."targetActor", r."requiresLegislation"::text) AS key,
          r.status::text AS status, count(*) AS n
        FROM "Recommendation" r JOIN "Section" s ON s.id = r."sectionId" AND s."archivedAt" IS NULL
        WHERE r."workspaceId" = ${workspaceId} AND r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL
          ${recommendationFilterSql(workspaceId, filters)}
        GROUP BY GROUPING SETS ((r."sectionId", r.status), (r."targetActor", r.status),
          (r."requiresLegislation", r.status))`;
  const pick = (kind: string) => toCounts(rows.filter((row) => row.kind === kind));
  return { sections: pick("section"), actors: pick("actor"), paths: pick("path") };
}

/** The stale count stops here: the dashboard shows "1,000+" beyond (counting every stale row cost O(tracker)). */
export const STALE_COUNT_LIMIT = 1000;

/**
 * Open recommendations with no status change, comment or evidence in `days` days: the count, up to
 * STALE_COUNT_LIMIT (`isCapped` when there are more), and the oldest. `Recommendation.lastActivityAt` (kept by
 * triggers) through the stale index: it costs at most STALE_COUNT_LIMIT + 1 index entries, not the tracker's
 * stale rows or events.
 */
async function staleItems(
  workspaceId: string,
  trackerId: string,
  filters: HistoryFilters,
  days: number,
  today: string,
) {
  // From the start of the day the dashboard is cached for, so a cached answer is the same all day.
  const cutoff = new Date(Date.parse(`${today}T00:00:00.000Z`) - days * 86_400_000);
  const where = Prisma.sql`
    FROM "Recommendation" r JOIN "Section" s ON s.id = r."sectionId" AND s."archivedAt" IS NULL
    WHERE r."workspaceId" = ${workspaceId} AND r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL
      AND r.status <> 'ACHIEVED' AND r."lastActivityAt" < ${cutoff}
      ${recommendationFilterSql(workspaceId, filters)}`;
  // The count and the oldest rows apart: the page stops after LIST_LIMIT rows of the index.
  const [counted, rows] = await Promise.all([
    db.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM (SELECT 1 ${where} LIMIT ${STALE_COUNT_LIMIT + 1}) x`,
    db.$queryRaw<{ id: string; title: string; status: RecommendationStatus; lastActivity: Date }[]>`
      SELECT r.id, r.title, r.status::text AS status, r."lastActivityAt" AS "lastActivity" ${where}
      ORDER BY r."lastActivityAt", r.id
      LIMIT ${LIST_LIMIT}`,
  ]);
  const total = Number(counted[0]?.total ?? 0);
  return { total: Math.min(total, STALE_COUNT_LIMIT), isCapped: total > STALE_COUNT_LIMIT, rows };
}

export type OwnerLoad = {
  userId: string;
  name: string;
  openRecommendations: number;
  overdueRecommendations: number;
  openActions: number;
  overdueActions: number;
};

/** Per member: the open (not achieved) recommendations they own and open actions they own, and overdue ones. */
/** Changes when a member joins, leaves or is renamed (one small read over the workspace's members). */
async function membershipFingerprint(workspaceId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ n: bigint; joined: Date | null; renamed: Date | null }[]>`
    SELECT count(*) AS n, max(m."createdAt") AS joined, max(u."updatedAt") AS renamed
    FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."workspaceId" = ${workspaceId}`;
  return `${row?.n ?? 0}:${row?.joined?.toISOString() ?? ""}:${row?.renamed?.toISOString() ?? ""}`;
}

type OwnerLoadRow = {
  userId: string;
  name: string;
  orec: bigint;
  odrec: bigint;
  oact: bigint;
  odact: bigint;
};

/**
 * Owner load with no filter or a section filter, without reading the tracker's recommendations: open ones per
 * owner from RecommendationOwnerCount (kept by triggers; a row per section, owner and status), overdue ones
 * through the overdue index (the open rows with a past due date only: "overdue" depends on the day), open actions
 * through the open-and-owned index of ActionItem (the workspace's open actions with an owner only).
 */
async function countedOwnerLoad(workspaceId: string, trackerId: string, filters: HistoryFilters) {
  const day = isoDay(new Date());
  const inSection = (column: Prisma.Sql) =>
    filters.section ? Prisma.sql`AND ${column} = ${filters.section}` : Prisma.empty;
  return db.$queryRaw<OwnerLoadRow[]>`
    WITH recload AS (
      SELECT c."userId", COALESCE(sum(c.count) FILTER (WHERE c.status <> 'ACHIEVED'), 0) AS orec
      FROM "RecommendationOwnerCount" c
      JOIN "Section" s ON s.id = c."sectionId" AND s."archivedAt" IS NULL AND s."workspaceId" = ${workspaceId}
      WHERE c."trackerId" = ${trackerId} AND c.count > 0 ${inSection(Prisma.sql`c."sectionId"`)}
      GROUP BY 1
    ),
    overdue AS (
      SELECT o."userId", count(*) AS odrec
      FROM "Recommendation" r JOIN "Section" s ON s.id = r."sectionId" AND s."archivedAt" IS NULL
      JOIN "RecommendationOwner" o ON o."recommendationId" = r.id
      WHERE r."workspaceId" = ${workspaceId} AND r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL
        AND r.status <> 'ACHIEVED' AND r."dueDate" IS NOT NULL AND r."dueDate" < ${day}::date
        ${inSection(Prisma.sql`r."sectionId"`)}
      GROUP BY 1
    ),
    actload AS (
      SELECT a."ownerId" AS "userId", count(*) AS oact, count(*) FILTER (WHERE a."dueDate" < ${day}::date) AS odact
      FROM "ActionItem" a
      JOIN "Recommendation" r ON r.id = a."recommendationId" AND r."workspaceId" = ${workspaceId}
        AND r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL ${inSection(Prisma.sql`r."sectionId"`)}
      JOIN "Section" s ON s.id = r."sectionId" AND s."archivedAt" IS NULL
      WHERE a."workspaceId" = ${workspaceId} AND a."doneAt" IS NULL AND a."ownerId" IS NOT NULL
      GROUP BY 1
    )
    SELECT u.id AS "userId", u.name, COALESCE(recload.orec, 0) AS orec, COALESCE(overdue.odrec, 0) AS odrec,
      COALESCE(actload.oact, 0) AS oact, COALESCE(actload.odact, 0) AS odact
    FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    LEFT JOIN recload ON recload."userId" = u.id
    LEFT JOIN overdue ON overdue."userId" = u.id
    LEFT JOIN actload ON actload."userId" = u.id
    WHERE m."workspaceId" = ${workspaceId} AND (recload."userId" IS NOT NULL OR actload."userId" IS NOT NULL)
    ORDER BY COALESCE(recload.orec, 0) + COALESCE(actload.oact, 0) DESC, u.name
    LIMIT 50`;
}

async function ownerLoad(
  workspaceId: string,
  trackerId: string,
  filters: HistoryFilters,
): Promise<OwnerLoad[]> {
  const today = new Date(`${isoDay(new Date())}T00:00:00.000Z`);
  const rows = isCounted(filters)
    ? await countedOwnerLoad(workspaceId, trackerId, filters)
    : await db.$queryRaw<OwnerLoadRow[]>`
    WITH open AS (
      SELECT r.id, r."dueDate", r.status
      FROM "Recommendation" r JOIN "Section" s ON s.id = r."sectionId" AND s."archivedAt" IS NULL
      WHERE r."workspaceId" = ${workspaceId} AND r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL
        ${recommendationFilterSql(workspaceId, filters)}
    ),
    recload AS (
      SELECT o."userId", count(*) FILTER (WHERE open.status <> 'ACHIEVED') AS orec,
        count(*) FILTER (WHERE open.status <> 'ACHIEVED' AND open."dueDate" < ${today}) AS odrec
      FROM "RecommendationOwner" o JOIN open ON open.id = o."recommendationId"
      GROUP BY 1
    ),
    actload AS (
      SELECT a."ownerId" AS "userId", count(*) AS oact, count(*) FILTER (WHERE a."dueDate" < ${today}) AS odact
      FROM "ActionItem" a JOIN open ON open.id = a."recommendationId"
      WHERE a."workspaceId" = ${workspaceId} AND a."doneAt" IS NULL AND a."ownerId" IS NOT NULL
      GROUP BY 1
    )
    SELECT u.id AS "userId", u.name, COALESCE(recload.orec, 0) AS orec, COALESCE(recload.odrec, 0) AS odrec,
      COALESCE(actload.oact, 0) AS oact, COALESCE(actload.odact, 0) AS odact
    FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    LEFT JOIN recload ON recload."userId" = u.id
    LEFT JOIN actload ON actload."userId" = u.id
    WHERE m."workspaceId" = ${workspaceId} AND (recload."userId" IS NOT NULL OR actload."userId" IS NOT NULL)
    ORDER BY COALESCE(recload.orec, 0) + COALESCE(actload.oact, 0) DESC, u.name
    LIMIT 50`;
  return rows.map((row) => ({
    userId: row.userId,
    name: row.name,
    openRecommendations: Number(row.orec),
    overdueRecommendations: Number(row.odrec),
    openActions: Number(row.oact),
    overdueActions: Number(row.odact),
  }));
}

/** The first day of the tracker's history: its oldest recommendation's creation (null when it has none). */
async function historyStart(workspaceId: string, trackerId: string): Promise<Date | null> {
  // min() straight on the table reads one entry of the (trackerId, createdAt) index; Prisma's aggregate wraps
  // the rows in a subquery that PostgreSQL cannot turn into that.
  const [row] = await db.$queryRaw<{ start: Date | null }[]>`
    SELECT min(r."createdAt") AS start FROM "Recommendation" r
    WHERE r."workspaceId" = ${workspaceId} AND r."trackerId" = ${trackerId}`;
  return row?.start ?? null;
}

/**
 * One row of a breakdown. `label` is the actor's name; rows without one are worded by the view from their key
 * ("" no actor or path not assessed, "true"/"false" for paths, "__other" with the number of actors as label).
 */
export type Breakdown = { key: string; label: string; progress: Progress };

const topBreakdown = (groups: Map<string | null, StatusCounts>, label: (key: string | null) => string) => {
  const entries = [...groups].map(([key, counts]) => ({
    key: key ?? "",
    label: label(key),
    progress: progressFrom(counts),
  }));
  entries.sort((a, b) => b.progress.total - a.progress.total || a.label.localeCompare(b.label));
  if (entries.length <= BREAKDOWN_LIMIT) return entries;
  const rest = emptyCounts();
  for (const entry of entries.slice(BREAKDOWN_LIMIT - 1)) {
    for (const [status, n] of Object.entries(entry.progress.counts))
      rest[status as RecommendationStatus] += n;
  }
  return [
    ...entries.slice(0, BREAKDOWN_LIMIT - 1),
    {
      key: "__other",
      label: String(entries.length - BREAKDOWN_LIMIT + 1),
      progress: progressFrom(rest),
    },
  ];
};

/**
 * The dashboard's reads of the status history and today's breakdowns, cached per tracker version
 * (lib/history/cache.ts). Tag filters are read fresh (renaming a tag writes no tracker event), and so are
 * stale items and owner load (they depend on the clock, comments and actions).
 */
async function historyReads(
  workspaceId: string,
  trackerId: string,
  filters: HistoryFilters,
  range: { from: string; to: string; step: number },
  since: string,
) {
  const load = async () => {
    const [history, breakdowns, movement] = await Promise.all([
      historySummary(workspaceId, trackerId, range, since, filters, { limit: 10 }),
      currentBreakdowns(workspaceId, trackerId, filters),
      movementSince(workspaceId, trackerId, since, filters, { until: range.to, limit: 60 }),
    ]);
    return { history, breakdowns, movement };
  };
  if (filters.tag) return load();
  const key = [
    "dashboard",
    filters.section ?? null,
    filters.actor ?? null,
    filters.owner ?? null,
    filters.owner === "me" ? (filters.userId ?? null) : null,
    range,
    since,
  ];
  return cachedByTrackerVersion(workspaceId, trackerId, key, load);
}

/** Everything the dashboard shows, for one tracker, the tracker filters and the dashboard options. */
export async function getTrackerDashboard(
  workspaceId: string,
  trackerId: string,
  sections: { id: string; title: string }[],
  filters: HistoryFilters,
  options: DashboardOptions,
) {
  // The first day, stale items and owner load depend on the tracker (its version) and the day: cached per
  // tracker version and day, like the history reads (the first day is an index read, stale items at most
  // STALE_COUNT_LIMIT + 1 index entries, owner load the counter rows and the overdue ones with no filter or a
  // section filter, the tracker's live recommendations with other filters).
  const perDay = (name: string, load: () => Promise<unknown>, extra: string | null = null) =>
    filters.tag
      ? load()
      : cachedByTrackerVersion(
          workspaceId,
          trackerId,
          [
            name,
            options.today,
            filters.section ?? null,
            filters.actor ?? null,
            filters.owner ?? null,
            filters.owner === "me" ? (filters.userId ?? null) : null,
            options.staleDays,
            extra,
          ],
          load,
        );
  const start = (await perDay("start", () => historyStart(workspaceId, trackerId))) as Date | null;
  const from = start ? isoDay(new Date(start)) : options.today;
  const step = seriesStep(from, options.today);
  const [{ history, breakdowns, movement }, stale, owners] = await Promise.all([
    historyReads(workspaceId, trackerId, filters, { from, to: options.today, step }, options.since),
    perDay("stale", () =>
      staleItems(workspaceId, trackerId, filters, options.staleDays, options.today),
    ) as ReturnType<typeof staleItems>,
    // Members joining, leaving or renaming write no tracker event: their fingerprint is in the key.
    membershipFingerprint(workspaceId).then(
      (fingerprint) =>
        perDay("owners", () => ownerLoad(workspaceId, trackerId, filters), fingerprint) as ReturnType<
          typeof ownerLoad
        >,
    ),
  ]);
  const { series, sectionCounts: sinceCounts, timing } = history;
  const sectionRows = sections
    .map((section) => ({
      ...section,
      now: progressFrom(breakdowns.sections.get(section.id) ?? emptyCounts()),
      then: progressFrom(sinceCounts.get(section.id) ?? emptyCounts()),
    }))
    .filter((row) => row.now.total > 0 || row.then.total > 0);
  return {
    series,
    step,
    sections: sectionRows,
    movement,
    timing,
    stale,
    owners,
    actors: topBreakdown(breakdowns.actors, (key) => key ?? ""),
    paths: topBreakdown(breakdowns.paths, (key) => key ?? ""),
  };
}

export type TrackerDashboard = Awaited<ReturnType<typeof getTrackerDashboard>>;
