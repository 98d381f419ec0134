import "server-only";
/**
 * Scoped reads of the status history, aggregated in PostgreSQL (see lib/history/README.md for the API).
 *
 * Every function takes the workspace id and tracker id (from an authorized context, never from the client
 * alone) and filters on both. The definitions are the pure functions in lib/history/rules.ts; the integration
 * test tests/integration/history.test.ts checks that these queries agree with them.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { emptyCounts, progressFrom, STATUSES, type StatusCounts } from "@/lib/status";
import type { TrackerFilters } from "@/lib/trackers/filters";
import { cachedByTrackerVersion } from "@/lib/history/cache";
import { dayBound, daySeries, isoDay, parseDay, type DailyCounts } from "@/lib/history/rules";

/**
 * The tracker filters the history honours (parsed by lib/trackers/filters.ts `parseTrackerFilters`). They
 * select recommendations by what they are today (their current section, tags, owners and target actor).
 */
export type HistoryFilters = Partial<Pick<TrackerFilters, "section" | "tag" | "owner" | "actor">> & {
  /** Needed for owner "me". */
  userId?: string;
};

const STATUS_CHANGED = "recommendation.status_changed";

/**
 * Runs one of the range reads with room to sort a big tracker's events in memory (work_mem for this
 * transaction only; the server default of 4 MB spills 50,000 recommendations' history to disk), and without
 * merge joins: the planner cannot size the CTEs and sorted the 141,000 status intervals of the benchmark
 * tracker to join its 1,250 archive intervals (a hash join is ~10% faster over the whole read).
 */
async function readSorted<T>(sql: Prisma.Sql): Promise<T> {
  const [, rows] = await db.$transaction([
    db.$queryRaw`SELECT set_config('work_mem', '48MB', true), set_config('enable_mergejoin', 'off', true)`,
    db.$queryRaw<T>(sql),
  ]);
  return rows;
}
const ARCHIVED = "recommendation.archived";
const RESTORED = "recommendation.restored";

/**
 * Where the range reads answer from: "auto" reads the per-day counts kept by triggers (StatusDayDelta) when the
 * filters allow it (none, or a section) and the events otherwise; "events" always reads the events (the
 * definition, for tests and comparisons).
 */
export type HistorySource = "auto" | "events";

/** True when the per-day counts can answer for these filters (they are kept per section, not per tag or owner). */
export const isDayTableFilter = (filters: HistoryFilters) => !filters.tag && !filters.owner && !filters.actor;

/**
 * The filters' WHERE conditions (starting with AND) on a `Recommendation r`, for reads that start from the
 * recommendations themselves (the dashboard's stale items).
 */
export const recommendationFilterSql = (workspaceId: string, filters: HistoryFilters) =>
  filterSql(workspaceId, filters);

/** The WHERE conditions for the filters, the same meaning as recommendationWhere (lib/trackers/queries.ts). */
function filterSql(workspaceId: string, filters: HistoryFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.section) parts.push(Prisma.sql`r."sectionId" = ${filters.section}`);
  if (filters.actor) parts.push(Prisma.sql`r."targetActor" = ${filters.actor}`);
  if (filters.tag) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationTag" rt JOIN "Tag" t ON t.id = rt."tagId"
      WHERE rt."recommendationId" = r.id AND t.name = ${filters.tag} AND t."workspaceId" = ${workspaceId})`);
  }
  if (filters.owner === "unassigned") {
    parts.push(
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "RecommendationOwner" o WHERE o."recommendationId" = r.id)`,
    );
  } else if (filters.owner) {
    const userId = filters.owner === "me" ? (filters.userId ?? "") : filters.owner;
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationOwner" o
      WHERE o."recommendationId" = r.id AND o."userId" = ${userId})`);
  }
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/**
 * A CTE named `recs`: the tracker's recommendations in live sections that match the filters, archived ones too
 * (the history decides): columns id, createdAt, archivedAt, status (text), sectionId, targetActor,
 * requiresLegislation.
 */
export function recsCte(workspaceId: string, trackerId: string, filters: HistoryFilters): Prisma.Sql {
  return Prisma.sql`recs AS MATERIALIZED (
    SELECT r.id, r."createdAt", r."archivedAt", r.status::text AS status, r."sectionId", r."targetActor",
      r."requiresLegislation"
    FROM "Recommendation" r JOIN "Section" s ON s.id = r."sectionId" AND s."archivedAt" IS NULL
    WHERE r."workspaceId" = ${workspaceId} AND r."trackerId" = ${trackerId} ${filterSql(workspaceId, filters)}
  )`;
}

/**
 * Joins `a` (last_type, first_type): each recommendation's archive/restore events, aggregated in one pass over
 * the tracker's few such events, so "was it archived at `bound`" needs no lookup per recommendation.
 */
function archiveJoinSql(workspaceId: string, trackerId: string, bound: Date): Prisma.Sql {
  return Prisma.sql`LEFT JOIN (
      SELECT e."recommendationId" AS rid,
        (array_agg(e.type ORDER BY e."createdAt" DESC, e.seq DESC) FILTER (WHERE e."createdAt" < ${bound}))[1]
          AS last_type,
        (array_agg(e.type ORDER BY e."createdAt", e.seq))[1] AS first_type
      FROM "ActivityEvent" e
      WHERE e."workspaceId" = ${workspaceId} AND e."trackerId" = ${trackerId}
        AND e.type IN (${ARCHIVED}, ${RESTORED}) AND e."recommendationId" IS NOT NULL
      GROUP BY 1
    ) a ON a.rid = r.id`;
}

/** True for a row `r` (joined with archiveJoinSql) that existed and was not archived at `bound`. */
function aliveWhereSql(bound: Date): Prisma.Sql {
  return Prisma.sql`r."createdAt" < ${bound}
      AND NOT (CASE
        WHEN a.last_type IS NOT NULL THEN a.last_type = ${ARCHIVED}
        WHEN a.first_type IS NOT NULL THEN a.first_type = ${RESTORED}
        ELSE r."archivedAt" IS NOT NULL AND r."archivedAt" < ${bound}
      END)`;
}

/** The recommendations of `source` alive at `bound` (columns of recs). */
function aliveSql(workspaceId: string, trackerId: string, bound: Date, source: string): Prisma.Sql {
  return Prisma.sql`SELECT r.* FROM ${Prisma.raw(source)} r ${archiveJoinSql(workspaceId, trackerId, bound)}
    WHERE ${aliveWhereSql(bound)}`;
}

/** For the rows of `source` (id, sectionId, status): the status at `bound` and the change that set it. */
function statusAtSql(trackerId: string, bound: Date, source: string): Prisma.Sql {
  return Prisma.sql`
    SELECT r.*, COALESCE(lst.t, fst.initial, r.status) AS "statusThen",
      lst.j AS justification, lst.at AS "changedAt", lst."actorId" AS "changedById"
    FROM ${Prisma.raw(source)} r
    LEFT JOIN LATERAL (
      SELECT e.data->>'to' AS t, e.data->>'justification' AS j, e."createdAt" AS at, e."actorId"
      FROM "ActivityEvent" e
      WHERE e."trackerId" = ${trackerId} AND e."recommendationId" = r.id AND e.type = ${STATUS_CHANGED}
        AND e."createdAt" < ${bound}
      ORDER BY e."createdAt" DESC, e.seq DESC LIMIT 1
    ) lst ON true
    LEFT JOIN LATERAL (
      SELECT COALESCE(e.data->>'from', e.data->>'to') AS initial
      FROM "ActivityEvent" e
      WHERE lst.t IS NULL AND e."trackerId" = ${trackerId} AND e."recommendationId" = r.id
        AND e.type = ${STATUS_CHANGED}
      ORDER BY e."createdAt", e.seq LIMIT 1
    ) fst ON true`;
}

export type StatusAsOf = {
  id: string;
  sectionId: string;
  status: RecommendationStatus;
  justification: string | null;
  changedAt: Date | null;
  changedById: string | null;
  changedByName: string | null;
};

/**
 * Each recommendation that existed and was not archived at the end of the `asOf` day (UTC, "YYYY-MM-DD"),
 * with its status then and the change that set it (null when it never changed). Ordered by section and
 * position. `limit`/`offset` page through a big tracker; without them every row is returned.
 */
export async function statusesAsOf(
  workspaceId: string,
  trackerId: string,
  asOf: string,
  filters: HistoryFilters = {},
  page?: { limit: number; offset: number },
): Promise<StatusAsOf[]> {
  const bound = dayBound(asOf);
  const paging = page ? Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset}` : Prisma.empty;
  // Page first (existence and archiving are cheap), then read the status of just those rows.
  return db.$queryRaw<StatusAsOf[]>`
    WITH ${recsCte(workspaceId, trackerId, filters)},
    alive AS (${aliveSql(workspaceId, trackerId, bound, "recs")}),
    paged AS (
      SELECT alive.id, alive."sectionId", alive.status, s.position AS sp, x.position AS xp
      FROM alive JOIN "Recommendation" x ON x.id = alive.id JOIN "Section" s ON s.id = alive."sectionId"
      ORDER BY s.position, x.position, alive.id
      ${paging}
    ),
    st AS (${statusAtSql(trackerId, bound, "paged")})
    SELECT st.id, st."sectionId", st."statusThen" AS status, st.justification, st."changedAt", st."changedById",
      u.name AS "changedByName"
    FROM st LEFT JOIN "User" u ON u.id = st."changedById"
    ORDER BY st.sp, st.xp, st.id`;
}

/** How many recommendations `statusesAsOf` would return. */
export async function countAsOf(
  workspaceId: string,
  trackerId: string,
  asOf: string,
  filters: HistoryFilters = {},
) {
  const bound = dayBound(asOf);
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    WITH ${recsCte(workspaceId, trackerId, filters)}
    SELECT count(*) AS n FROM (${aliveSql(workspaceId, trackerId, bound, "recs")}) alive`;
  return Number(row?.n ?? 0);
}

/**
 * Counts per section and status at the end of the `asOf` day (one pass over the tracker's status intervals,
 * the same definition as statusesAsOf).
 */
export async function sectionCountsAsOf(
  workspaceId: string,
  trackerId: string,
  asOf: string,
  filters: HistoryFilters = {},
  options: { source?: HistorySource } = {},
): Promise<Map<string, StatusCounts>> {
  const bound = dayBound(asOf);
  const rows =
    options.source !== "events" && isDayTableFilter(filters)
      ? await db.$queryRaw<{ sectionId: string; status: RecommendationStatus; n: bigint }[]>`
          ${dayTableSectionsSql(workspaceId, trackerId, filters, parseDay(asOf))}`
      : await readSorted<{ sectionId: string; status: RecommendationStatus; n: bigint }[]>(Prisma.sql`
          WITH ${recsCte(workspaceId, trackerId, filters)}, ${intervalsSql(workspaceId, trackerId)}
          ${sectionsAtSql(bound)}`);
  const bySection = new Map<string, StatusCounts>();
  for (const row of rows) {
    const counts = bySection.get(row.sectionId) ?? emptyCounts();
    if (row.status in counts) counts[row.status] += Number(row.n);
    bySection.set(row.sectionId, counts);
  }
  return bySection;
}

/** Status intervals [s, e) per recommendation, and archived intervals: the shared CTEs of the range reads. */
function intervalsSql(workspaceId: string, trackerId: string): Prisma.Sql {
  // One sort of the tracker's status events (the window), no per-recommendation lookups: `live` carries the
  // recommendation's section, and starts no earlier than its creation.
  return Prisma.sql`
    sc AS MATERIALIZED (
      SELECT e."recommendationId" AS rid, e."createdAt" AS at, e.data->>'from' AS f, e.data->>'to' AS t,
        r."createdAt" AS created, r."sectionId",
        lead(e."createdAt") OVER w AS nxt, row_number() OVER w AS rn
      FROM "ActivityEvent" e JOIN recs r ON r.id = e."recommendationId"
      WHERE e."workspaceId" = ${workspaceId} AND e."trackerId" = ${trackerId} AND e.type = ${STATUS_CHANGED}
      WINDOW w AS (PARTITION BY e."recommendationId" ORDER BY e."createdAt", e.seq)
    ),
    ac AS (
      SELECT e."recommendationId" AS rid, e."createdAt" AS at, e.seq, e.type = ${ARCHIVED} AS arch,
        COALESCE(lead(e."createdAt") OVER (PARTITION BY e."recommendationId" ORDER BY e."createdAt", e.seq),
          'infinity') AS nxt,
        row_number() OVER (PARTITION BY e."recommendationId" ORDER BY e."createdAt", e.seq) AS k
      FROM "ActivityEvent" e JOIN recs r ON r.id = e."recommendationId"
      WHERE e."workspaceId" = ${workspaceId} AND e."trackerId" = ${trackerId} AND e.type IN (${ARCHIVED}, ${RESTORED})
    ),
    aiv AS (
      SELECT rid, at AS s, nxt AS e FROM ac WHERE arch
      UNION ALL
      SELECT rid, '-infinity'::timestamp, at FROM ac WHERE k = 1 AND NOT arch
      UNION ALL
      SELECT r.id, r."archivedAt", 'infinity'::timestamp FROM recs r
      WHERE r."archivedAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ac WHERE ac.rid = r.id)
    ),
    live AS (
      SELECT rid, "sectionId", t AS status, GREATEST(at, created) AS s, COALESCE(nxt, 'infinity') AS e FROM sc
      UNION ALL
      SELECT rid, "sectionId", COALESCE(f, t), created, at FROM sc WHERE rn = 1
      UNION ALL
      SELECT r.id, r."sectionId", r.status, r."createdAt", 'infinity'::timestamp FROM recs r
      WHERE NOT EXISTS (SELECT 1 FROM sc WHERE sc.rid = r.id)
    ),
    spans AS (
      SELECT status, s::date AS d0, e::date AS d1, 1 AS sign FROM live
      UNION ALL
      SELECT live.status, GREATEST(live.s, aiv.s)::date, LEAST(live.e, aiv.e)::date, -1
      FROM live JOIN aiv ON aiv.rid = live.rid
    )`;
}

/** CTEs deltas, agg, days, grid, cum (d, status, c): counts per day from `spans`. */
function dailySql(from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`
    deltas AS (
      SELECT d0 AS d, status, sign AS n FROM spans WHERE d0 < d1
      UNION ALL
      SELECT d1, status, -sign FROM spans WHERE d0 < d1
    ),
    ${cumulativeSql(from, to)}`;
}

/**
 * The CTE `deltas` (d, status, n) from the per-day counts kept by triggers: the tracker's rows up to `to` in live
 * sections (and the filtered section), summed over sections. O(days × statuses × sections), not O(events).
 */
function dayTableDeltasSql(workspaceId: string, trackerId: string, filters: HistoryFilters, to: Date) {
  return Prisma.sql`
    deltas AS (
      SELECT d.day AS d, d.status::text AS status, sum(d.delta) AS n
      FROM "StatusDayDelta" d
      JOIN "Section" s ON s.id = d."sectionId" AND s."trackerId" = d."trackerId" AND s."archivedAt" IS NULL
      WHERE d."workspaceId" = ${workspaceId} AND d."trackerId" = ${trackerId} AND d.day <= ${to}::date
        ${filters.section ? Prisma.sql`AND d."sectionId" = ${filters.section}` : Prisma.empty}
      GROUP BY 1, 2
    )`;
}

/** Counts per section and status at the end of `day`, from the per-day counts (sectionId, status, n). */
function dayTableSectionsSql(workspaceId: string, trackerId: string, filters: HistoryFilters, day: Date) {
  return Prisma.sql`
    SELECT d."sectionId", d.status::text AS status, sum(d.delta) AS n
    FROM "StatusDayDelta" d
    JOIN "Section" s ON s.id = d."sectionId" AND s."trackerId" = d."trackerId" AND s."archivedAt" IS NULL
    WHERE d."workspaceId" = ${workspaceId} AND d."trackerId" = ${trackerId} AND d.day <= ${day}::date
      ${filters.section ? Prisma.sql`AND d."sectionId" = ${filters.section}` : Prisma.empty}
    GROUP BY 1, 2 HAVING sum(d.delta) <> 0`;
}

/** CTEs agg, days, grid, cum (d, status, c): cumulative counts per day from `deltas` (d, status, n). */
function cumulativeSql(from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`
    agg AS (
      SELECT GREATEST(d, ${from}::date) AS d, status, sum(n) AS n FROM deltas WHERE d <= ${to}::date GROUP BY 1, 2
    ),
    days AS (SELECT generate_series(${from}::date, ${to}::date, interval '1 day')::date AS d),
    grid AS (
      SELECT days.d, st.status, COALESCE(agg.n, 0) AS n
      FROM days CROSS JOIN unnest(${[...STATUSES]}::text[]) AS st(status)
      LEFT JOIN agg ON agg.d = days.d AND agg.status = st.status
    ),
    cum AS (SELECT d, status, sum(n) OVER (PARTITION BY status ORDER BY d) AS c FROM grid)`;
}

const sampledDaySql = (from: Date, to: Date, step: number) =>
  Prisma.sql`((d - ${from}::date) % ${step} = 0 OR d = ${to}::date)`;

/** Counts per section and status at `bound`, from `live` and `aiv`. */
const sectionsAtSql = (bound: Date) => Prisma.sql`
    SELECT live."sectionId", live.status, count(*) AS n
    FROM live
    WHERE live.s < ${bound} AND live.e >= ${bound}
      AND NOT EXISTS (SELECT 1 FROM aiv WHERE aiv.rid = live.rid AND aiv.s < ${bound} AND aiv.e >= ${bound})
    GROUP BY 1, 2`;

/** CTEs fa, per (rid, days): days In progress before first Achieved, over recommendations live today. */
const inProgressDaysSql = () => Prisma.sql`
      fa AS (SELECT rid, min(at) AS at FROM sc WHERE t = 'ACHIEVED' GROUP BY rid),
      per AS (
        SELECT fa.rid, COALESCE(sum(GREATEST(0,
          extract(epoch FROM (LEAST(live.e, fa.at) - live.s)))) FILTER (WHERE live.status = 'IN_PROGRESS'
            AND live.s < fa.at), 0) / 86400.0 AS days
        FROM fa JOIN recs r ON r.id = fa.rid AND r."archivedAt" IS NULL
        LEFT JOIN live ON live.rid = fa.rid
        GROUP BY fa.rid
      )`;

/**
 * For each day from `from` to `to` (inclusive, "YYYY-MM-DD"), every `step` days and always the last day: how
 * many recommendations were in each status at the end of that day. One pass over the tracker's status events
 * (window functions), summed per day with generate_series; nothing is loaded per recommendation.
 */
export async function dailyStatusCounts(
  workspaceId: string,
  trackerId: string,
  range: { from: string; to: string; step?: number },
  filters: HistoryFilters = {},
  options: { source?: HistorySource } = {},
): Promise<DailyCounts[]> {
  const step = Math.max(1, Math.floor(range.step ?? 1));
  const from = parseDay(range.from);
  const to = parseDay(range.to);
  if (from.getTime() > to.getTime()) return [];
  const rows =
    options.source !== "events" && isDayTableFilter(filters)
      ? await db.$queryRaw<{ d: Date; status: RecommendationStatus; c: bigint }[]>`
          WITH ${dayTableDeltasSql(workspaceId, trackerId, filters, to)}, ${cumulativeSql(from, to)}
          SELECT d, status, c FROM cum WHERE ${sampledDaySql(from, to, step)} ORDER BY d`
      : await readSorted<{ d: Date; status: RecommendationStatus; c: bigint }[]>(Prisma.sql`
          WITH ${recsCte(workspaceId, trackerId, filters)}, ${intervalsSql(workspaceId, trackerId)},
          ${dailySql(from, to)}
          SELECT d, status, c FROM cum WHERE ${sampledDaySql(from, to, step)} ORDER BY d`);
  const byDay = new Map<string, StatusCounts>();
  for (const day of daySeries(range.from, range.to, step)) byDay.set(day, emptyCounts());
  for (const row of rows) {
    const counts = byDay.get(isoDay(row.d));
    if (counts && row.status in counts) counts[row.status] = Number(row.c);
  }
  return [...byDay].map(([day, counts]) => ({
    day,
    counts,
    total: STATUSES.reduce((sum, s) => sum + counts[s], 0),
  }));
}

export type MovementRow = {
  id: string;
  title: string;
  sectionId: string;
  from: RecommendationStatus;
  to: RecommendationStatus;
  isAdvanced: boolean;
  isRegressed: boolean;
  isNewlyAchieved: boolean;
  lastChangedAt: Date;
};

/**
 * The rows of `source` (columns of recs) alive at `bound`, each checked by its own archive/restore events (two
 * index reads per row): for reads that start from a few rows (what moved in a window), not the whole tracker.
 */
function aliveRowsSql(workspaceId: string, trackerId: string, bound: Date, source: string): Prisma.Sql {
  return Prisma.sql`SELECT r.* FROM ${Prisma.raw(source)} r
    LEFT JOIN LATERAL (
      SELECT e.type FROM "ActivityEvent" e
      WHERE e."recommendationId" = r.id AND e."workspaceId" = ${workspaceId} AND e."trackerId" = ${trackerId}
        AND e.type IN (${ARCHIVED}, ${RESTORED}) AND e."createdAt" < ${bound}
      ORDER BY e."createdAt" DESC, e.seq DESC LIMIT 1
    ) la ON true
    LEFT JOIN LATERAL (
      SELECT e.type FROM "ActivityEvent" e
      WHERE la.type IS NULL AND e."recommendationId" = r.id AND e."workspaceId" = ${workspaceId}
        AND e."trackerId" = ${trackerId} AND e.type IN (${ARCHIVED}, ${RESTORED})
      ORDER BY e."createdAt", e.seq LIMIT 1
    ) fa ON true
    WHERE r."createdAt" < ${bound}
      AND NOT (CASE
        WHEN la.type IS NOT NULL THEN la.type = ${ARCHIVED}
        WHEN fa.type IS NOT NULL THEN fa.type = ${RESTORED}
        ELSE r."archivedAt" IS NOT NULL AND r."archivedAt" < ${bound}
      END)`;
}

/**
 * What moved after the end of `since` up to the end of `until` (default: today): recommendations live at
 * `until` with at least one status change in between (lib/history/rules.ts `movementBetween`). At most
 * `limit` rows (most recent first), and the totals of each kind over all of them. Starts from the window's
 * events (an index range on the tracker and time), so it costs what moved, not the tracker's history.
 */
export async function movementSince(
  workspaceId: string,
  trackerId: string,
  since: string,
  filters: HistoryFilters = {},
  options: { until?: string; limit?: number } = {},
) {
  const start = dayBound(since);
  const end = dayBound(options.until ?? isoDay(new Date()));
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  const rows = await db.$queryRaw<(Omit<MovementRow, "title"> & { title: string; total: bigint })[]>`
    WITH win0 AS (
      SELECT e."recommendationId" AS rid,
        bool_or(e.data->>'to' IN ('STALLED', 'REVERSED')) AS reg,
        (array_agg(e.data->>'to' ORDER BY e."createdAt" DESC, e.seq DESC))[1] AS last_to,
        max(e."createdAt") AS last_at
      FROM "ActivityEvent" e
      WHERE e."workspaceId" = ${workspaceId} AND e."trackerId" = ${trackerId} AND e.type = ${STATUS_CHANGED}
        AND e."createdAt" >= ${start} AND e."createdAt" < ${end} AND e."recommendationId" IS NOT NULL
      GROUP BY 1
    ),
    moved_recs AS MATERIALIZED (
      SELECT r.id, r."createdAt", r."archivedAt", r.status::text AS status, r."sectionId"
      FROM win0 JOIN "Recommendation" r ON r.id = win0.rid
      JOIN "Section" s ON s.id = r."sectionId" AND s."archivedAt" IS NULL
      WHERE r."workspaceId" = ${workspaceId} AND r."trackerId" = ${trackerId} ${filterSql(workspaceId, filters)}
    ),
    win AS (
      SELECT win0.* FROM win0
      JOIN (${aliveRowsSql(workspaceId, trackerId, end, "moved_recs")}) alive ON alive.id = win0.rid
    ),
    moved AS (
      SELECT win.rid AS id, win.reg, win.last_to AS "to", win.last_at,
        COALESCE(
          (SELECT e.data->>'to' FROM "ActivityEvent" e
            WHERE e."trackerId" = ${trackerId} AND e."recommendationId" = win.rid AND e.type = ${STATUS_CHANGED}
              AND e."createdAt" < ${start}
            ORDER BY e."createdAt" DESC, e.seq DESC LIMIT 1),
          (SELECT COALESCE(e.data->>'from', e.data->>'to') FROM "ActivityEvent" e
            WHERE e."trackerId" = ${trackerId} AND e."recommendationId" = win.rid AND e.type = ${STATUS_CHANGED}
            ORDER BY e."createdAt", e.seq LIMIT 1)
        ) AS "from"
      FROM win
    ),
    ranked AS (
      SELECT m.*,
        CASE m."from" WHEN 'ACHIEVED' THEN 3 WHEN 'PARTIALLY_ACHIEVED' THEN 2 WHEN 'IN_PROGRESS' THEN 1
          WHEN 'STALLED' THEN 1 ELSE 0 END AS rf,
        CASE m."to" WHEN 'ACHIEVED' THEN 3 WHEN 'PARTIALLY_ACHIEVED' THEN 2 WHEN 'IN_PROGRESS' THEN 1
          WHEN 'STALLED' THEN 1 ELSE 0 END AS rt
      FROM moved m
    ),
    classified AS (
      SELECT id, "from", "to", last_at, reg AS "isRegressed",
        ("to" = 'ACHIEVED' AND "from" <> 'ACHIEVED') AS "isNewlyAchieved",
        (NOT ("to" = 'ACHIEVED' AND "from" <> 'ACHIEVED') AND rt > rf) AS "isAdvanced"
      FROM ranked
    )
    SELECT c.id, r.title, r."sectionId", c."from", c."to", c."isRegressed", c."isNewlyAchieved", c."isAdvanced",
      c.last_at AS "lastChangedAt", count(*) OVER () AS total,
      count(*) FILTER (WHERE c."isAdvanced") OVER () AS advanced,
      count(*) FILTER (WHERE c."isRegressed") OVER () AS regressed,
      count(*) FILTER (WHERE c."isNewlyAchieved") OVER () AS achieved
    FROM classified c JOIN "Recommendation" r ON r.id = c.id AND r."trackerId" = ${trackerId}
    ORDER BY c.last_at DESC, c.id
    LIMIT ${limit}`;
  const first = rows[0] as unknown as {
    total?: bigint;
    advanced?: bigint;
    regressed?: bigint;
    achieved?: bigint;
  };
  return {
    totals: {
      moved: Number(first?.total ?? 0),
      advanced: Number(first?.advanced ?? 0),
      regressed: Number(first?.regressed ?? 0),
      newlyAchieved: Number(first?.achieved ?? 0),
    },
    rows: rows.map((row): MovementRow => ({
      id: row.id,
      title: row.title,
      sectionId: row.sectionId,
      from: row.from,
      to: row.to,
      isAdvanced: row.isAdvanced,
      isRegressed: row.isRegressed,
      isNewlyAchieved: row.isNewlyAchieved,
      lastChangedAt: row.lastChangedAt,
    })),
  };
}

/**
 * Time in status over the recommendations live today: the median days spent In progress before first reaching
 * Achieved (rules.ts `daysInProgressBeforeAchieved`), and the open ones (In progress or Stalled) whose current
 * status began longest ago. Read from `Recommendation.inProgressDays` and `statusSince` (kept by triggers) through
 * partial indexes: it costs the achieved rows and the shown rows; `source: "events"` computes both from the events.
 */
export async function timeInStatus(
  workspaceId: string,
  trackerId: string,
  filters: HistoryFilters = {},
  options: { limit?: number; source?: HistorySource } = {},
) {
  const limit = Math.min(Math.max(options.limit ?? 10, 1), 100);
  const fromEvents = options.source === "events";
  const [medianRows, stuck] = await Promise.all([
    fromEvents
      ? readSorted<{ median: number | null; n: bigint }[]>(Prisma.sql`
          WITH ${recsCte(workspaceId, trackerId, filters)}, ${intervalsSql(workspaceId, trackerId)},
          ${inProgressDaysSql()}
          SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median, count(*) AS n FROM per`)
      : db.$queryRaw<
          { median: number | null; n: bigint }[]
        >`${medianInProgressSql(workspaceId, trackerId, filters)}`,
    fromEvents
      ? longestStuckFromEvents(workspaceId, trackerId, filters, limit)
      : longestStuck(workspaceId, trackerId, filters, limit),
  ]);
  const row = medianRows[0];
  return {
    medianDaysInProgress: row?.median == null ? null : Number(row.median),
    achievedCount: Number(row?.n ?? 0),
    longestStuck: stuck,
  };
}

/** The median of `inProgressDays` over the live recommendations that reached Achieved (median, n). */
const medianInProgressSql = (workspaceId: string, trackerId: string, filters: HistoryFilters) => Prisma.sql`
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY r."inProgressDays") AS median, count(*) AS n
  FROM "Recommendation" r JOIN "Section" s ON s.id = r."sectionId" AND s."archivedAt" IS NULL
  WHERE r."workspaceId" = ${workspaceId} AND r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL
    AND r."inProgressDays" IS NOT NULL ${filterSql(workspaceId, filters)}`;

/**
 * Open recommendations (In progress or Stalled, live today) whose current status began longest ago: the stuck
 * index in `statusSince` order, stopping after `limit` matches.
 */
function longestStuck(workspaceId: string, trackerId: string, filters: HistoryFilters, limit: number) {
  return db.$queryRaw<{ id: string; title: string; status: RecommendationStatus; since: Date }[]>`
    SELECT r.id, r.title, r.status::text AS status, r."statusSince" AS since
    FROM "Recommendation" r JOIN "Section" s ON s.id = r."sectionId" AND s."archivedAt" IS NULL
    WHERE r."workspaceId" = ${workspaceId} AND r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL
      AND (r.status = 'IN_PROGRESS' OR r.status = 'STALLED') ${filterSql(workspaceId, filters)}
    ORDER BY r."statusSince", r.id
    LIMIT ${limit}`;
}

/** longestStuck from the events (the definition). */
function longestStuckFromEvents(
  workspaceId: string,
  trackerId: string,
  filters: HistoryFilters,
  limit: number,
) {
  return db.$queryRaw<{ id: string; title: string; status: RecommendationStatus; since: Date }[]>`
      WITH ${recsCte(workspaceId, trackerId, filters)}
      SELECT r.id, x.title, r.status::text AS status,
        GREATEST(r."createdAt", COALESCE((SELECT max(e."createdAt") FROM "ActivityEvent" e
          WHERE e."trackerId" = ${trackerId} AND e."recommendationId" = r.id AND e.type = ${STATUS_CHANGED}),
          r."createdAt")) AS since
      FROM recs r JOIN "Recommendation" x ON x.id = r.id
      WHERE r."archivedAt" IS NULL AND r.status IN ('IN_PROGRESS', 'STALLED')
      ORDER BY since, r.id
      LIMIT ${limit}`;
}

/**
 * The dashboard's three history reads (dailyStatusCounts over `range`, sectionCountsAsOf at `since`, and
 * timeInStatus), the same results as calling them apart. With no filter or a section filter the series and the
 * section counts are one read of the per-day counts (O(days)); other filters read the events in one pass.
 */
export async function historySummary(
  workspaceId: string,
  trackerId: string,
  range: { from: string; to: string; step?: number },
  since: string,
  filters: HistoryFilters = {},
  options: { limit?: number; source?: HistorySource } = {},
) {
  const step = Math.max(1, Math.floor(range.step ?? 1));
  const from = parseDay(range.from);
  const to = parseDay(range.to);
  const bound = dayBound(since);
  const limit = Math.min(Math.max(options.limit ?? 10, 1), 100);
  type Row = { kind: string; d: Date | null; key: string | null; status: string | null; n: number };
  const [rows, timing] = await Promise.all([
    options.source !== "events" && isDayTableFilter(filters)
      ? db.$queryRaw<Row[]>`
          WITH ${dayTableDeltasSql(workspaceId, trackerId, filters, to)}, ${cumulativeSql(from, to)}
          SELECT 'day' AS kind, d, NULL::text AS key, status, c::float8 AS n FROM cum
          WHERE ${sampledDaySql(from, to, step)}
          UNION ALL
          SELECT 'section', NULL, x."sectionId", x.status, x.n::float8
          FROM (${dayTableSectionsSql(workspaceId, trackerId, filters, parseDay(since))}) x`
      : readSorted<Row[]>(Prisma.sql`
          WITH ${recsCte(workspaceId, trackerId, filters)}, ${intervalsSql(workspaceId, trackerId)},
          ${dailySql(from, to)}
          SELECT 'day' AS kind, d, NULL::text AS key, status, c::float8 AS n FROM cum
          WHERE ${sampledDaySql(from, to, step)}
          UNION ALL
          SELECT 'section', NULL, x."sectionId", x.status, x.n::float8 FROM (${sectionsAtSql(bound)}) x`),
    timeInStatus(workspaceId, trackerId, filters, { limit, source: options.source }),
  ]);
  const byDay = new Map<string, StatusCounts>();
  if (from.getTime() <= to.getTime()) {
    for (const day of daySeries(range.from, range.to, step)) byDay.set(day, emptyCounts());
  }
  const sections = new Map<string, StatusCounts>();
  for (const row of rows) {
    if (row.kind === "day" && row.d) {
      const counts = byDay.get(isoDay(row.d));
      if (counts && row.status && row.status in counts)
        counts[row.status as RecommendationStatus] = Number(row.n);
    } else if (row.kind === "section" && row.key && row.status) {
      const counts = sections.get(row.key) ?? emptyCounts();
      if (row.status in counts) counts[row.status as RecommendationStatus] += Number(row.n);
      sections.set(row.key, counts);
    }
  }
  return {
    series: [...byDay].map(([day, counts]) => ({
      day,
      counts,
      total: STATUSES.reduce((sum, s) => sum + counts[s], 0),
    })) satisfies DailyCounts[],
    sectionCounts: sections,
    timing,
  };
}

/** At most this many trackers get a sparkline and movement on the workspace overview. */
export const OVERVIEW_TRACKER_LIMIT = 24;

/**
 * The workspace overview: for each tracker (at most OVERVIEW_TRACKER_LIMIT), the share achieved at the end of
 * each of the last `weeks` weeks (ending today), and what moved in the last 7 days across them (most recent
 * first, at most `limit`).
 */
export async function workspaceOverview(
  workspaceId: string,
  trackers: { id: string; name: string }[],
  options: { weeks?: number; limit?: number; today?: string } = {},
) {
  const weeks = Math.min(Math.max(options.weeks ?? 12, 2), 52);
  const today = options.today ?? isoDay(new Date());
  const from = isoDay(new Date(parseDay(today).getTime() - (weeks - 1) * 7 * 86_400_000));
  const weekAgo = isoDay(new Date(parseDay(today).getTime() - 7 * 86_400_000));
  const shown = trackers.slice(0, OVERVIEW_TRACKER_LIMIT);
  const perTracker = await Promise.all(
    shown.map(async (tracker) => {
      const limit = options.limit ?? 15;
      const [series, moved] = await cachedByTrackerVersion(
        workspaceId,
        tracker.id,
        ["overview", from, today, weekAgo, limit],
        () =>
          Promise.all([
            dailyStatusCounts(workspaceId, tracker.id, { from, to: today, step: 7 }),
            movementSince(workspaceId, tracker.id, weekAgo, {}, { until: today, limit }),
          ]),
      );
      return {
        trackerId: tracker.id,
        sparkline: series.map((row) => ({ day: row.day, share: progressFrom(row.counts).achievedShare })),
        moved: moved.rows.map((row) => ({ ...row, trackerId: tracker.id, trackerName: tracker.name })),
        movedTotal: moved.totals.moved,
      };
    }),
  );
  const moved = perTracker
    .flatMap((t) => t.moved)
    .sort((a, b) => b.lastChangedAt.getTime() - a.lastChangedAt.getTime())
    .slice(0, options.limit ?? 15);
  return {
    since: weekAgo,
    sparklines: new Map(perTracker.map((t) => [t.trackerId, t.sparkline])),
    moved,
    movedTotal: perTracker.reduce((sum, t) => sum + t.movedTotal, 0),
  };
}
