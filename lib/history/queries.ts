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
import { emptyCounts, STATUSES, type StatusCounts } from "@/lib/status";
import type { TrackerFilters } from "@/lib/trackers/filters";
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
const ARCHIVED = "recommendation.archived";
const RESTORED = "recommendation.restored";

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

/** The tracker's recommendations in live sections that match the filters (archived ones too: history decides). */
function recsCte(workspaceId: string, trackerId: string, filters: HistoryFilters): Prisma.Sql {
  return Prisma.sql`recs AS MATERIALIZED (
    SELECT r.id, r."createdAt", r."archivedAt", r.status::text AS status, r."sectionId"
    FROM "Recommendation" r JOIN "Section" s ON s.id = r."sectionId" AND s."archivedAt" IS NULL
    WHERE r."workspaceId" = ${workspaceId} AND r."trackerId" = ${trackerId} ${filterSql(workspaceId, filters)}
  )`;
}

/** Per recommendation: status at `bound`, the change that set it, and whether it existed and was live. */
function stateAtSql(bound: Date, source: "recs" | "moved_recs" = "recs"): Prisma.Sql {
  return Prisma.sql`
    SELECT r.id, r."sectionId",
      COALESCE(lst.t, fst.initial, r.status) AS status,
      lst.j AS justification, lst.at AS "changedAt", lst."actorId" AS "changedById"
    FROM ${Prisma.raw(source)} r
    LEFT JOIN LATERAL (
      SELECT e.data->>'to' AS t, e.data->>'justification' AS j, e."createdAt" AS at, e."actorId"
      FROM "ActivityEvent" e
      WHERE e."recommendationId" = r.id AND e.type = ${STATUS_CHANGED} AND e."createdAt" < ${bound}
      ORDER BY e."createdAt" DESC, e.seq DESC LIMIT 1
    ) lst ON true
    LEFT JOIN LATERAL (
      SELECT COALESCE(e.data->>'from', e.data->>'to') AS initial
      FROM "ActivityEvent" e
      WHERE lst.t IS NULL AND e."recommendationId" = r.id AND e.type = ${STATUS_CHANGED}
      ORDER BY e."createdAt", e.seq LIMIT 1
    ) fst ON true
    LEFT JOIN LATERAL (
      SELECT e.type FROM "ActivityEvent" e
      WHERE e."recommendationId" = r.id AND e.type IN (${ARCHIVED}, ${RESTORED}) AND e."createdAt" < ${bound}
      ORDER BY e."createdAt" DESC, e.seq DESC LIMIT 1
    ) la ON true
    LEFT JOIN LATERAL (
      SELECT e.type FROM "ActivityEvent" e
      WHERE la.type IS NULL AND e."recommendationId" = r.id AND e.type IN (${ARCHIVED}, ${RESTORED})
      ORDER BY e."createdAt", e.seq LIMIT 1
    ) fa ON true
    WHERE r."createdAt" < ${bound}
      AND NOT (CASE
        WHEN la.type IS NOT NULL THEN la.type = ${ARCHIVED}
        WHEN fa.type IS NOT NULL THEN fa.type = ${RESTORED}
        ELSE r."archivedAt" IS NOT NULL AND r."archivedAt" < ${bound}
      END)`;
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
  return db.$queryRaw<StatusAsOf[]>`
    WITH ${recsCte(workspaceId, trackerId, filters)}, st AS (${stateAtSql(bound)})
    SELECT st.id, st."sectionId", st.status::text AS status, st.justification, st."changedAt", st."changedById",
      u.name AS "changedByName"
    FROM st
    JOIN "Recommendation" r ON r.id = st.id
    JOIN "Section" s ON s.id = r."sectionId"
    LEFT JOIN "User" u ON u.id = st."changedById"
    ORDER BY s.position, r.position, r.id
    ${paging}`;
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
    SELECT count(*) AS n FROM (${stateAtSql(bound)}) st`;
  return Number(row?.n ?? 0);
}

/** Counts per section and status at the end of the `asOf` day. */
export async function sectionCountsAsOf(
  workspaceId: string,
  trackerId: string,
  asOf: string,
  filters: HistoryFilters = {},
): Promise<Map<string, StatusCounts>> {
  const bound = dayBound(asOf);
  const rows = await db.$queryRaw<{ sectionId: string; status: RecommendationStatus; n: bigint }[]>`
    WITH ${recsCte(workspaceId, trackerId, filters)}
    SELECT st."sectionId", st.status, count(*) AS n FROM (${stateAtSql(bound)}) st GROUP BY 1, 2`;
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
  return Prisma.sql`
    sc AS MATERIALIZED (
      SELECT e."recommendationId" AS rid, e."createdAt" AS at, e.seq, e.data->>'from' AS f, e.data->>'to' AS t
      FROM "ActivityEvent" e JOIN recs r ON r.id = e."recommendationId"
      WHERE e."workspaceId" = ${workspaceId} AND e."trackerId" = ${trackerId} AND e.type = ${STATUS_CHANGED}
    ),
    siv AS (
      SELECT rid, at AS s, COALESCE(lead(at) OVER (PARTITION BY rid ORDER BY at, seq), 'infinity') AS e, t AS status
      FROM sc
      UNION ALL
      (SELECT DISTINCT ON (rid) rid, '-infinity'::timestamp, at, COALESCE(f, t) FROM sc ORDER BY rid, at, seq)
      UNION ALL
      SELECT r.id, '-infinity'::timestamp, 'infinity'::timestamp, r.status FROM recs r
      WHERE NOT EXISTS (SELECT 1 FROM sc WHERE sc.rid = r.id)
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
      SELECT siv.rid, siv.status, GREATEST(siv.s, r."createdAt") AS s, siv.e
      FROM siv JOIN recs r ON r.id = siv.rid
    ),
    spans AS (
      SELECT status, s::date AS d0, e::date AS d1, 1 AS sign FROM live
      UNION ALL
      SELECT live.status, GREATEST(live.s, aiv.s)::date, LEAST(live.e, aiv.e)::date, -1
      FROM live JOIN aiv ON aiv.rid = live.rid
    )`;
}

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
): Promise<DailyCounts[]> {
  const step = Math.max(1, Math.floor(range.step ?? 1));
  const from = parseDay(range.from);
  const to = parseDay(range.to);
  if (from.getTime() > to.getTime()) return [];
  const rows = await db.$queryRaw<{ d: Date; status: RecommendationStatus; c: bigint }[]>`
    WITH ${recsCte(workspaceId, trackerId, filters)}, ${intervalsSql(workspaceId, trackerId)},
    deltas AS (
      SELECT d0 AS d, status, sign AS n FROM spans WHERE d0 < d1
      UNION ALL
      SELECT d1, status, -sign FROM spans WHERE d0 < d1
    ),
    agg AS (
      SELECT GREATEST(d, ${from}::date) AS d, status, sum(n) AS n FROM deltas WHERE d <= ${to}::date GROUP BY 1, 2
    ),
    days AS (SELECT generate_series(${from}::date, ${to}::date, interval '1 day')::date AS d),
    grid AS (
      SELECT days.d, st.status, COALESCE(agg.n, 0) AS n
      FROM days CROSS JOIN unnest(${[...STATUSES]}::text[]) AS st(status)
      LEFT JOIN agg ON agg.d = days.d AND agg.status = st.status
    ),
    cum AS (SELECT d, status, sum(n) OVER (PARTITION BY status ORDER BY d) AS c FROM grid)
    SELECT d, status, c FROM cum
    WHERE (d - ${from}::date) % ${step} = 0 OR d = ${to}::date
    ORDER BY d`;
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
 * What moved after the end of `since` up to the end of `until` (default: today): recommendations live at
 * `until` with at least one status change in between (lib/history/rules.ts `movementBetween`). At most
 * `limit` rows (most recent first), and the totals of each kind over all of them.
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
    WITH ${recsCte(workspaceId, trackerId, filters)},
    win0 AS (
      SELECT e."recommendationId" AS rid,
        bool_or(e.data->>'to' IN ('STALLED', 'REVERSED')) AS reg,
        (array_agg(e.data->>'to' ORDER BY e."createdAt" DESC, e.seq DESC))[1] AS last_to,
        max(e."createdAt") AS last_at
      FROM "ActivityEvent" e JOIN recs ON recs.id = e."recommendationId"
      WHERE e."workspaceId" = ${workspaceId} AND e."trackerId" = ${trackerId} AND e.type = ${STATUS_CHANGED}
        AND e."createdAt" >= ${start} AND e."createdAt" < ${end}
      GROUP BY 1
    ),
    moved_recs AS (SELECT recs.* FROM recs JOIN win0 ON win0.rid = recs.id),
    win AS (SELECT win0.* FROM win0 JOIN (${stateAtSql(end, "moved_recs")}) alive ON alive.id = win0.rid),
    moved AS (
      SELECT win.rid AS id, win.reg, win.last_to AS "to", win.last_at,
        COALESCE(
          (SELECT e.data->>'to' FROM "ActivityEvent" e
            WHERE e."recommendationId" = win.rid AND e.type = ${STATUS_CHANGED} AND e."createdAt" < ${start}
            ORDER BY e."createdAt" DESC, e.seq DESC LIMIT 1),
          (SELECT COALESCE(e.data->>'from', e.data->>'to') FROM "ActivityEvent" e
            WHERE e."recommendationId" = win.rid AND e.type = ${STATUS_CHANGED}
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
    FROM classified c JOIN "Recommendation" r ON r.id = c.id
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
 * status began longest ago.
 */
export async function timeInStatus(
  workspaceId: string,
  trackerId: string,
  filters: HistoryFilters = {},
  options: { limit?: number } = {},
) {
  const limit = Math.min(Math.max(options.limit ?? 10, 1), 100);
  const [medianRows, stuck] = await Promise.all([
    db.$queryRaw<{ median: number | null; n: bigint }[]>`
      WITH ${recsCte(workspaceId, trackerId, filters)}, ${intervalsSql(workspaceId, trackerId)},
      fa AS (SELECT rid, min(at) AS at FROM sc WHERE t = 'ACHIEVED' GROUP BY rid),
      per AS (
        SELECT fa.rid, COALESCE(sum(GREATEST(0,
          extract(epoch FROM (LEAST(live.e, fa.at) - live.s)))) FILTER (WHERE live.status = 'IN_PROGRESS'
            AND live.s < fa.at), 0) / 86400.0 AS days
        FROM fa JOIN recs r ON r.id = fa.rid AND r."archivedAt" IS NULL
        LEFT JOIN live ON live.rid = fa.rid
        GROUP BY fa.rid
      )
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median, count(*) AS n FROM per`,
    db.$queryRaw<{ id: string; title: string; status: RecommendationStatus; since: Date }[]>`
      WITH ${recsCte(workspaceId, trackerId, filters)}
      SELECT r.id, x.title, r.status::text AS status,
        GREATEST(r."createdAt", COALESCE((SELECT max(e."createdAt") FROM "ActivityEvent" e
          WHERE e."recommendationId" = r.id AND e.type = ${STATUS_CHANGED}), r."createdAt")) AS since
      FROM recs r JOIN "Recommendation" x ON x.id = r.id
      WHERE r."archivedAt" IS NULL AND r.status IN ('IN_PROGRESS', 'STALLED')
      ORDER BY since, r.id
      LIMIT ${limit}`,
  ]);
  const row = medianRows[0];
  return {
    medianDaysInProgress: row?.median == null ? null : Number(row.median),
    achievedCount: Number(row?.n ?? 0),
    longestStuck: stuck,
  };
}
