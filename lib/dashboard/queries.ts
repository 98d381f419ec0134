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
 * Today's counts per section, target actor and path, over live (unarchived) recommendations in live sections: one
 * pass over the tracker's live rows (GROUPING SETS), no events.
 */
async function currentBreakdowns(workspaceId: string, trackerId: string, filters: HistoryFilters) {
  const rows = await db.$queryRaw<
    { kind: "section" | "actor" | "path"; key: string | null; status: RecommendationStatus; n: bigint }[]
  >`
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

/**
 * Open recommendations with no status change, comment or evidence in `days` days: the count and the oldest.
 * `Recommendation.lastActivityAt` (kept by triggers) through the stale index: it costs the stale rows, not the
 * tracker's events.
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
    db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total ${where}`,
    db.$queryRaw<{ id: string; title: string; status: RecommendationStatus; lastActivity: Date }[]>`
      SELECT r.id, r.title, r.status::text AS status, r."lastActivityAt" AS "lastActivity" ${where}
      ORDER BY r."lastActivityAt", r.id
      LIMIT ${LIST_LIMIT}`,
  ]);
  return { total: Number(counted[0]?.total ?? 0), rows };
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

async function ownerLoad(
  workspaceId: string,
  trackerId: string,
  filters: HistoryFilters,
): Promise<OwnerLoad[]> {
  const today = new Date(`${isoDay(new Date())}T00:00:00.000Z`);
  const rows = await db.$queryRaw<
    { userId: string; name: string; orec: bigint; odrec: bigint; oact: bigint; odact: bigint }[]
  >`
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
  // tracker version and day, like the history reads (the first day is an index read, stale items the stale
  // rows, owner load the tracker's live recommendations).
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
