import "server-only";
import { cache } from "react";
import { isCursorInt, isCursorText } from "@/lib/keyset";
import { RECOMMENDED_BY } from "@/lib/documents/un";
import { escapeLike } from "@/lib/trackers/filters";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Priority, RecommendationStatus } from "@/lib/generated/prisma/enums";
import { emptyCounts, progressFrom, STATUSES } from "@/lib/status";
import { PAGE_SIZE, type TrackerFilters, type TrackerSort } from "@/lib/trackers/filters";
import { type Progress } from "@/lib/status";
import { todayUtc } from "@/lib/dates";
import { FINISHED_STATUSES, isRecommendationOverdue } from "@/lib/recommendations/rules";
import { countAsOf, sectionCountsAsOf, statusesAsOf } from "@/lib/history/queries";

/**
 * The list and the board read through hand-written SQL so that every page costs what its rows cost:
 * - counts per row are columns kept by triggers (Recommendation.commentCount / evidenceCount);
 * - the default order (document order) is (sectionPosition, position, id), served by a partial index, and pages
 *   after the first are keyset pages ("after"/"before" cursors) instead of OFFSET;
 * - totals come from RecommendationCount (kept by triggers) when the filters allow, else a bounded count.
 */
const FINISHED_SQL = Prisma.join(
  FINISHED_STATUSES.map((status) => Prisma.sql`${status}::"RecommendationStatus"`),
);
const statusList = (statuses: readonly RecommendationStatus[]) =>
  Prisma.join(statuses.map((status) => Prisma.sql`${status}::"RecommendationStatus"`));

/** The filters as SQL conditions on `r` (a Recommendation): always this workspace and this tracker. */
export function recommendationSqlWhere(
  workspaceId: string,
  trackerId: string,
  userId: string,
  filters: TrackerFilters,
  today: Date = todayUtc(),
): Prisma.Sql {
  const and: Prisma.Sql[] = [
    Prisma.sql`r."workspaceId" = ${workspaceId}`,
    Prisma.sql`r."trackerId" = ${trackerId}`,
    filters.archived ? Prisma.sql`r."archivedAt" IS NOT NULL` : Prisma.sql`r."archivedAt" IS NULL`,
    Prisma.sql`EXISTS (SELECT 1 FROM "Section" s WHERE s.id = r."sectionId" AND s."archivedAt" IS NULL)`,
  ];
  if (filters.q) {
    // ILIKE with the pattern's wildcards escaped: "%" and "_" match only themselves (trigram indexes serve it).
    const pattern = `%${escapeLike(filters.q)}%`;
    and.push(
      Prisma.sql`(r.title ILIKE ${pattern} OR r.text ILIKE ${pattern} OR r."sourcePassage" ILIKE ${pattern})`,
    );
  }
  if (filters.section) and.push(Prisma.sql`r."sectionId" = ${filters.section}`);
  if (filters.status.length) and.push(Prisma.sql`r.status IN (${statusList(filters.status)})`);
  if (filters.owner === "unassigned") {
    and.push(
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "RecommendationOwner" o WHERE o."recommendationId" = r.id)`,
    );
  } else if (filters.owner) {
    const owner = filters.owner === "me" ? userId : filters.owner;
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationOwner" o
      WHERE o."recommendationId" = r.id AND o."userId" = ${owner})`);
  }
  if (filters.tag) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationTag" rt JOIN "Tag" t ON t.id = rt."tagId"
      WHERE rt."recommendationId" = r.id AND t.name = ${filters.tag} AND t."workspaceId" = ${workspaceId})`);
  }
  if (filters.actor) and.push(Prisma.sql`r."targetActor" = ${filters.actor}`);
  // "Recommended by" holds a list of States or bodies (lib/documents/un.ts): jsonb containment on the path,
  // served by the GIN index Recommendation_recommended_by_idx on exactly this expression.
  if (filters.by) {
    and.push(Prisma.sql`r."attributes" -> ${RECOMMENDED_BY}::text @> jsonb_build_array(${filters.by}::text)`);
  }
  if (filters.evidence === "with") and.push(Prisma.sql`r."evidenceCount" > 0`);
  if (filters.evidence === "without") and.push(Prisma.sql`r."evidenceCount" = 0`);
  if (filters.overdue) {
    // The same rule as isRecommendationOverdue / isOverdue (the rules.ts files).
    and.push(Prisma.sql`((r."dueDate" < ${today} AND r.status NOT IN (${FINISHED_SQL}))
      OR EXISTS (SELECT 1 FROM "ActionItem" a WHERE a."recommendationId" = r.id
        AND a."doneAt" IS NULL AND a."dueDate" < ${today}))`);
  }
  return Prisma.join(and, " AND ");
}

/** Sorts whose order is a plain ascending key: these page with keyset cursors. */
type KeysetSort = "position" | "status" | "title";
const KEYSET_COLUMNS: Record<KeysetSort, string[]> = {
  position: ["sectionPosition", "position", "id"],
  status: ["status", "sectionPosition", "position", "id"],
  title: ["title", "id"],
};
const isKeysetSort = (sort: TrackerSort): sort is KeysetSort => sort in KEYSET_COLUMNS;

const OFFSET_ORDER: Record<Exclude<TrackerSort, KeysetSort>, Prisma.Sql> = {
  due: Prisma.sql`r."dueDate" ASC NULLS LAST, r.id`,
  priority: Prisma.sql`r.priority DESC NULLS LAST, r."sectionPosition", r.position, r.id`,
  updated: Prisma.sql`r."updatedAt" DESC, r.id`,
};

const keyColumns = (sort: KeysetSort) => KEYSET_COLUMNS[sort].map((c) => Prisma.raw(`r."${c}"`));

function orderSql(sort: TrackerSort, direction: "asc" | "desc" = "asc"): Prisma.Sql {
  if (!isKeysetSort(sort)) return OFFSET_ORDER[sort];
  const dir = Prisma.raw(direction === "asc" ? "ASC" : "DESC");
  return Prisma.join(
    keyColumns(sort).map((column) => Prisma.sql`${column} ${dir}`),
    ", ",
  );
}

/** A cursor: the sort key of a row, base64url JSON (opaque in the URL, checked when read). */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

function decodeCursor(sort: TrackerSort, cursor: string | null): (string | number)[] | null {
  if (!cursor || !isKeysetSort(sort)) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const columns = KEYSET_COLUMNS[sort];
    if (!Array.isArray(values) || values.length !== columns.length) return null;
    const ok = columns.every((column, i) =>
      ["sectionPosition", "position"].includes(column)
        ? isCursorInt(values[i])
        : column === "status"
          ? (STATUSES as readonly unknown[]).includes(values[i])
          : isCursorText(values[i]),
    );
    return ok ? (values as (string | number)[]) : null;
  } catch {
    return null;
  }
}

/** `(keys) > (cursor)` (or `<`): a row comparison, which the order's index answers as a range. */
function keysetSql(sort: KeysetSort, values: (string | number)[], op: ">" | "<"): Prisma.Sql {
  const typed = KEYSET_COLUMNS[sort].map((column, i) =>
    column === "status"
      ? Prisma.sql`${values[i]}::"RecommendationStatus"`
      : typeof values[i] === "number"
        ? Prisma.sql`${values[i]}::int`
        : Prisma.sql`${values[i]}::text`,
  );
  return Prisma.sql`(${Prisma.join(keyColumns(sort), ", ")}) ${Prisma.raw(op)} (${Prisma.join(typed, ", ")})`;
}

type SqlRow = {
  id: string;
  title: string;
  status: RecommendationStatus;
  targetActor: string | null;
  priority: Priority | null;
  dueDate: Date | null;
  sectionId: string;
  sectionPosition: number;
  position: number;
  evidenceCount: number;
  commentCount: number;
};

const ROW_COLUMNS = Prisma.sql`r.id, r.title, r.status::text AS status, r."targetActor", r.priority::text AS priority,
  r."dueDate", r."sectionId", r."sectionPosition", r.position, r."evidenceCount", r."commentCount"`;

const cursorOf = (sort: TrackerSort, row: SqlRow): string | null =>
  isKeysetSort(sort)
    ? encodeCursor(KEYSET_COLUMNS[sort].map((column) => row[column as keyof SqlRow] as string | number))
    : null;

/** The owners of the given rows (one query, in assignment order). */
async function ownersOf(ids: string[]) {
  const owners = new Map<string, { id: string; name: string }[]>();
  if (ids.length === 0) return owners;
  const rows = await db.$queryRaw<{ recommendationId: string; id: string; name: string }[]>`
    SELECT o."recommendationId", u.id, u.name FROM "RecommendationOwner" o JOIN "User" u ON u.id = o."userId"
    WHERE o."recommendationId" IN (${Prisma.join(ids)})
    ORDER BY o."createdAt", u.id`;
  for (const row of rows) {
    const list = owners.get(row.recommendationId) ?? [];
    list.push({ id: row.id, name: row.name });
    owners.set(row.recommendationId, list);
  }
  return owners;
}

const toRow = (rec: SqlRow, owners: Map<string, { id: string; name: string }[]>, today: Date) => ({
  id: rec.id,
  title: rec.title,
  status: rec.status,
  targetActor: rec.targetActor,
  priority: rec.priority,
  dueDate: rec.dueDate,
  sectionId: rec.sectionId,
  owners: owners.get(rec.id) ?? [],
  evidenceCount: rec.evidenceCount,
  commentCount: rec.commentCount,
  isOverdue: isRecommendationOverdue(rec.dueDate, rec.status, today),
});

export type RecommendationRow = ReturnType<typeof toRow>;

/** A filtered count stops here: beyond it the page says "more than …" (a count must not cost a whole scan). */
export const COUNT_LIMIT = 500;

/** Whether the live counts per section and status (RecommendationCount) answer the total exactly. */
const isCountable = (filters: TrackerFilters) =>
  !filters.q &&
  !filters.owner &&
  !filters.tag &&
  !filters.actor &&
  !filters.by &&
  !filters.evidence &&
  !filters.overdue &&
  !filters.archived;

/**
 * Live counts per section and status of a tracker in this workspace, live sections only: the outline's
 * maintained counts (request-cached, so the tracker page that already read its outline sends no statement).
 */
async function liveCounts(workspaceId: string, trackerId: string) {
  const outline = await getTrackerOutline(workspaceId, trackerId);
  return (outline?.sections ?? []).flatMap((section) =>
    STATUSES.map((status) => ({ sectionId: section.id, status, count: section.progress.counts[status] })),
  );
}

async function countMatching(
  workspaceId: string,
  trackerId: string,
  filters: TrackerFilters,
  where: Prisma.Sql,
): Promise<{ total: number; isCapped: boolean }> {
  if (isCountable(filters)) {
    const counts = await liveCounts(workspaceId, trackerId);
    const total = counts
      .filter((c) => !filters.section || c.sectionId === filters.section)
      .filter((c) => !filters.status.length || filters.status.includes(c.status))
      .reduce((sum, c) => sum + c.count, 0);
    return { total, isCapped: false };
  }
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Recommendation" r WHERE ${where} LIMIT ${COUNT_LIMIT + 1}) x`;
  const n = row?.n ?? 0;
  return { total: Math.min(n, COUNT_LIMIT), isCapped: n > COUNT_LIMIT };
}

/**
 * One page of the filtered list; never the whole tracker. Keyset sorts (document order, status, title) page
 * with `after` / `before` cursors; a page number without a cursor (an old link) and the other sorts use OFFSET.
 * Request-cached, so that the page can start it early (preloadTrackerRows) and the list await the same promise.
 */
export const listRecommendationsPage = cache(async function listRecommendationsPage(
  workspaceId: string,
  trackerId: string,
  userId: string,
  filters: TrackerFilters,
) {
  const today = todayUtc();
  const where = recommendationSqlWhere(workspaceId, trackerId, userId, filters, today);
  const sort = filters.sort;
  const after = decodeCursor(sort, filters.after);
  const before = after ? null : decodeCursor(sort, filters.before);
  const keyset =
    isKeysetSort(sort) && (after || before)
      ? Prisma.sql`AND ${keysetSql(sort, (after ?? before)!, after ? ">" : "<")}`
      : Prisma.empty;
  const offset = !after && !before ? (filters.page - 1) * PAGE_SIZE : 0;
  const [count, fetched] = await Promise.all([
    countMatching(workspaceId, trackerId, filters, where),
    db.$queryRaw<SqlRow[]>`
      SELECT ${ROW_COLUMNS} FROM "Recommendation" r
      WHERE ${where} ${keyset}
      ORDER BY ${orderSql(sort, before ? "desc" : "asc")}
      LIMIT ${PAGE_SIZE + 1} OFFSET ${offset}`,
  ]);
  const hasMore = fetched.length > PAGE_SIZE;
  const page = fetched.slice(0, PAGE_SIZE);
  if (before) page.reverse();
  const owners = await ownersOf(page.map((row) => row.id));
  const first = page[0];
  const last = page.at(-1);
  return {
    total: count.total,
    isTotalCapped: count.isCapped,
    pageCount: Math.max(1, Math.ceil(count.total / PAGE_SIZE)),
    hasPrevious: before ? hasMore : Boolean(after) || filters.page > 1,
    hasNext: before ? true : hasMore,
    /** Cursors for the neighbouring pages (null for the OFFSET sorts, which link by page number). */
    previousCursor: first ? cursorOf(sort, first) : null,
    nextCursor: last ? cursorOf(sort, last) : null,
    rows: page.map((row) => toRow(row, owners, today)),
  };
});

export const BOARD_COLUMN_SIZE = 25;

/**
 * Starts the rows of the list or the board (whichever the filters show) without waiting: the page calls it
 * before its other reads, and the view awaits the same request-cached promise. A failure reaches the view.
 */
export function preloadTrackerRows(
  workspaceId: string,
  trackerId: string,
  userId: string,
  filters: TrackerFilters,
): void {
  const rows =
    filters.view === "board"
      ? listBoardColumns(workspaceId, trackerId, userId, filters)
      : listRecommendationsPage(workspaceId, trackerId, userId, filters);
  rows.catch(() => {}); // handled where the view awaits it; not an unhandled rejection meanwhile
}

/**
 * The board in one query: for each status, its first cards (or the cards after that column's cursor) through a
 * LATERAL join, each column an index range read of BOARD_COLUMN_SIZE + 1 rows. (A window function ranking every
 * matching row would read the whole tracker; this reads what it shows.) Column totals come from the outline's
 * counters when the filters allow; otherwise a column says only whether it has more.
 */
export const listBoardColumns = cache(async function listBoardColumns(
  workspaceId: string,
  trackerId: string,
  userId: string,
  filters: TrackerFilters,
) {
  const statuses = filters.status.length ? filters.status : [...STATUSES];
  const today = todayUtc();
  const where = recommendationSqlWhere(workspaceId, trackerId, userId, { ...filters, status: [] }, today);
  const sort = filters.sort;
  const cursor = filters.column ? decodeCursor(sort, filters.after) : null;
  const keyset =
    cursor && isKeysetSort(sort) && filters.column
      ? Prisma.sql`AND (col.status <> ${filters.column}::"RecommendationStatus" OR ${keysetSql(sort, cursor, ">")})`
      : Prisma.empty;
  const [fetched, counts] = await Promise.all([
    db.$queryRaw<(SqlRow & { column: RecommendationStatus })[]>`
      SELECT col.status::text AS "column", card.* FROM unnest(ARRAY[${statusList(statuses)}]) AS col(status)
      CROSS JOIN LATERAL (
        SELECT ${ROW_COLUMNS} FROM "Recommendation" r
        WHERE ${where} AND r.status = col.status ${keyset}
        ORDER BY ${orderSql(sort)}
        LIMIT ${BOARD_COLUMN_SIZE + 1}
      ) card`,
    isCountable({ ...filters, status: [] }) ? liveCounts(workspaceId, trackerId) : null,
  ]);
  const owners = await ownersOf(fetched.map((row) => row.id));
  return statuses.map((status: RecommendationStatus) => {
    const all = fetched.filter((row) => row.column === status);
    const rows = all.slice(0, BOARD_COLUMN_SIZE);
    const hasMore = all.length > BOARD_COLUMN_SIZE;
    const count = counts
      ? counts
          .filter((c) => c.status === status && (!filters.section || c.sectionId === filters.section))
          .reduce((sum, c) => sum + c.count, 0)
      : null;
    return {
      status,
      /** null when the filters leave no maintained count: the column shows its cards and "more". */
      count,
      hasMore,
      isContinued: Boolean(cursor) && filters.column === status,
      nextCursor: hasMore && rows.length ? cursorOf(sort, rows.at(-1)!) : null,
      rows: rows.map((row) => toRow(row, owners, today)),
    };
  });
});

/**
 * Sections with their progress (all live recommendations, whatever the filters), from the maintained counts:
 * the tracker, its document, its live sections and its counts in one statement. Request-cached: the tracker
 * view's layout reads it to answer a real 404, and the page gets the same answer without a second statement.
 */
export const getTrackerOutline = cache(async (workspaceId: string, trackerId: string) => {
  const [tracker] = await db.$queryRaw<
    {
      id: string;
      name: string;
      description: string | null;
      language: string | null;
      document: { title: string; citation: string | null } | null;
      sections: { id: string; title: string; description: string | null }[];
      counts: { sectionId: string; status: RecommendationStatus; count: number }[];
    }[]
  >`
    SELECT t.id, t.name, t.description, t.language,
      CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('title', d.title, 'citation', d.citation) END
        AS document,
      COALESCE((SELECT json_agg(json_build_object('id', s.id, 'title', s.title, 'description', s.description)
          ORDER BY s.position, s.id)
        FROM "Section" s WHERE s."trackerId" = t.id AND s."workspaceId" = t."workspaceId" AND s."archivedAt" IS NULL),
        '[]') AS sections,
      COALESCE((SELECT json_agg(json_build_object('sectionId', c."sectionId", 'status', c.status, 'count', c.count))
        FROM (SELECT c."sectionId", c.status, sum(c.count)::int AS count FROM "RecommendationCount" c
          WHERE c."trackerId" = t.id AND c.count > 0 GROUP BY 1, 2) c), '[]') AS counts
    FROM "Tracker" t LEFT JOIN "Document" d ON d.id = t."documentId"
    WHERE t.id = ${trackerId} AND t."workspaceId" = ${workspaceId} AND t."archivedAt" IS NULL`;
  if (!tracker) return null;
  const { counts, ...rest } = tracker;
  const total = emptyCounts();
  const sections = tracker.sections.map((section) => {
    const sectionCounts = emptyCounts();
    for (const row of counts) {
      if (row.sectionId !== section.id) continue;
      sectionCounts[row.status] = row.count;
      total[row.status] += row.count;
    }
    return { ...section, progress: progressFrom(sectionCounts) };
  });
  return { ...rest, sections, progress: progressFrom(total) };
});

export type TrackerOutline = NonNullable<Awaited<ReturnType<typeof getTrackerOutline>>>;

/** How many values each filter menu offers at most. */
const FILTER_OPTION_LIMIT = 500;

/**
 * Values for the filter menus: members, tags, target actors and recommending States used in this workspace,
 * in one statement (each part is an index read or a small table).
 */
export async function getFilterOptions(workspaceId: string) {
  const [row] = await db.$queryRaw<
    { members: { id: string; name: string }[]; tags: string[]; actors: string[]; recommenders: string[] }[]
  >`
    SELECT
      (SELECT COALESCE(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name, u.id), '[]')
        FROM "Membership" m JOIN "User" u ON u.id = m."userId"
        WHERE m."workspaceId" = ${workspaceId}) AS members,
      (SELECT COALESCE(array_agg(t.name ORDER BY t.name), '{}') FROM (
        SELECT t.name FROM "Tag" t WHERE t."workspaceId" = ${workspaceId}
        ORDER BY t.name LIMIT ${FILTER_OPTION_LIMIT}) t) AS tags,
      (SELECT COALESCE(array_agg(a.actor ORDER BY a.actor), '{}') FROM (${targetActorsSql(workspaceId, FILTER_OPTION_LIMIT)}) a) AS actors,
      (SELECT COALESCE(array_agg(c.value ORDER BY c.value), '{}') FROM (${recommendersSql(workspaceId, FILTER_OPTION_LIMIT)}) c)
        AS recommenders`;
  return row ?? { members: [], tags: [], actors: [], recommenders: [] };
}

/**
 * The States and bodies named in "Recommended by" across the workspace, by name: read from RecommenderCount,
 * a small table kept by triggers (never the recommendations themselves).
 */
const recommendersSql = (workspaceId: string, limit: number) => Prisma.sql`
  SELECT c.value FROM "RecommenderCount" c WHERE c."workspaceId" = ${workspaceId} AND c.count > 0
  ORDER BY c.value LIMIT ${limit}`;

/**
 * Target actors already used in the workspace, by name: a loose index scan (one index probe per distinct
 * actor on Recommendation (workspaceId, targetActor)), never a GROUP BY over every recommendation.
 */
const targetActorsSql = (workspaceId: string, limit: number) => Prisma.sql`
  WITH RECURSIVE actors(actor) AS (
    (SELECT r."targetActor" FROM "Recommendation" r
      WHERE r."workspaceId" = ${workspaceId} AND r."targetActor" IS NOT NULL
      ORDER BY r."targetActor" LIMIT 1)
    UNION ALL
    SELECT (SELECT r."targetActor" FROM "Recommendation" r
      WHERE r."workspaceId" = ${workspaceId} AND r."targetActor" > actors.actor
      ORDER BY r."targetActor" LIMIT 1)
    FROM actors WHERE actors.actor IS NOT NULL
  )
  SELECT actor FROM actors WHERE actor IS NOT NULL LIMIT ${limit}`;

/** Target actors already used in the workspace (suggestions). */
export async function listTargetActors(workspaceId: string, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ actor: string }[]>(targetActorsSql(workspaceId, limit));
  return rows.map((row) => row.actor);
}

export type TrackerSummary = {
  id: string;
  name: string;
  description: string | null;
  documentTitle: string | null;
  /** The language the tracker's content is written in (BCP 47), when declared. */
  language: string | null;
  sectionCount: number;
  updatedAt: Date;
  progress: Progress;
};

export async function listTrackers(workspaceId: string): Promise<TrackerSummary[]> {
  const trackers = await db.tracker.findMany({
    where: { workspaceId, archivedAt: null },
    select: {
      id: true,
      name: true,
      description: true,
      language: true,
      updatedAt: true,
      document: { select: { title: true } },
      _count: { select: { sections: { where: { archivedAt: null } } } },
    },
    orderBy: { createdAt: "desc" },
  });
  if (trackers.length === 0) return [];
  // Live counts from RecommendationCount (kept by triggers), live sections only.
  const grouped = await db.$queryRaw<{ trackerId: string; status: RecommendationStatus; n: number }[]>`
    SELECT c."trackerId", c.status::text AS status, sum(c.count)::int AS n
    FROM "RecommendationCount" c
    JOIN "Section" s ON s.id = c."sectionId" AND s."archivedAt" IS NULL AND s."workspaceId" = ${workspaceId}
    WHERE c."trackerId" IN (${Prisma.join(trackers.map((t) => t.id))})
    GROUP BY 1, 2`;
  return trackers.map((tracker) => {
    const counts = emptyCounts();
    for (const row of grouped) if (row.trackerId === tracker.id) counts[row.status] = row.n;
    return {
      id: tracker.id,
      name: tracker.name,
      description: tracker.description,
      documentTitle: tracker.document?.title ?? null,
      language: tracker.language,
      sectionCount: tracker._count.sections,
      updatedAt: tracker.updatedAt,
      progress: progressFrom(counts),
    };
  });
}

/** The tracker's source document with the passages its recommendations come from, in document order. */
export async function getTrackerDocument(workspaceId: string, trackerId: string) {
  const tracker = await db.tracker.findFirst({
    where: { id: trackerId, workspaceId },
    select: {
      id: true,
      name: true,
      language: true,
      document: { select: { title: true, author: true, citation: true, content: true } },
    },
  });
  if (!tracker?.document) return null;
  const passages = await db.recommendation.findMany({
    where: { workspaceId, trackerId, archivedAt: null, sourceStart: { not: null }, sourceEnd: { not: null } },
    orderBy: { sourceStart: "asc" },
    select: { id: true, title: true, status: true, sourceStart: true, sourceEnd: true },
  });
  return {
    tracker: { id: tracker.id, name: tracker.name, language: tracker.language },
    document: tracker.document,
    passages,
  };
}

/**
 * One page of the tracker as it stood at the end of `asOf` (time travel, read-only): statuses from the history
 * (lib/history), titles and sections from today's rows. Honours the section, tag, owner and actor filters.
 */
export async function listRecommendationsAsOf(
  workspaceId: string,
  trackerId: string,
  userId: string,
  filters: TrackerFilters,
  asOf: string,
) {
  const historyFilters = {
    section: filters.section,
    tag: filters.tag,
    owner: filters.owner,
    actor: filters.actor,
    userId,
  };
  const [total, states, counts] = await Promise.all([
    countAsOf(workspaceId, trackerId, asOf, historyFilters),
    statusesAsOf(workspaceId, trackerId, asOf, historyFilters, {
      limit: PAGE_SIZE,
      offset: (filters.page - 1) * PAGE_SIZE,
    }),
    sectionCountsAsOf(workspaceId, trackerId, asOf, historyFilters),
  ]);
  const recs = await db.recommendation.findMany({
    where: { workspaceId, trackerId, id: { in: states.map((s) => s.id) } },
    select: { id: true, title: true, targetActor: true },
  });
  const byId = new Map(recs.map((rec) => [rec.id, rec]));
  const overall = emptyCounts();
  const sections = new Map<string, Progress>();
  for (const [sectionId, sectionCounts] of counts) {
    sections.set(sectionId, progressFrom(sectionCounts));
    for (const status of STATUSES) overall[status] += sectionCounts[status];
  }
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    progress: progressFrom(overall),
    sections,
    rows: states.map((state) => ({
      ...state,
      title: byId.get(state.id)?.title ?? "",
      targetActor: byId.get(state.id)?.targetActor ?? null,
    })),
  };
}
