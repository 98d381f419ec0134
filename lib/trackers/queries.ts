import "server-only";
import { RECOMMENDED_BY } from "@/lib/documents/un";
import { escapeLike } from "@/lib/trackers/filters";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { emptyCounts, progressFrom, STATUSES } from "@/lib/status";
import { PAGE_SIZE, type TrackerFilters } from "@/lib/trackers/filters";
import { type Progress } from "@/lib/status";
import { todayUtc } from "@/lib/dates";
import { FINISHED_STATUSES, isRecommendationOverdue } from "@/lib/recommendations/rules";
import { countAsOf, sectionCountsAsOf, statusesAsOf } from "@/lib/history/queries";

/**
 * The overdue filter in SQL, the same rule as isRecommendationOverdue / isOverdue (the rules.ts files):
 * a due date before today on an unfinished recommendation, or an open action past its due date.
 */
export function overdueWhere(today: Date): Prisma.RecommendationWhereInput {
  return {
    OR: [
      { dueDate: { lt: today }, status: { notIn: [...FINISHED_STATUSES] } },
      { actionItems: { some: { doneAt: null, dueDate: { lt: today } } } },
    ],
  };
}

/** The filters as one scoped where clause: always this workspace and this tracker. */
export function recommendationWhere(
  workspaceId: string,
  trackerId: string,
  userId: string,
  filters: TrackerFilters,
  today: Date = todayUtc(),
): Prisma.RecommendationWhereInput {
  const and: Prisma.RecommendationWhereInput[] = [];
  if (filters.q) {
    // Prisma's `contains` is a LIKE pattern and does not escape it: "%" and "_" must match only themselves.
    const contains = { contains: escapeLike(filters.q), mode: "insensitive" as const };
    and.push({ OR: [{ title: contains }, { text: contains }, { sourcePassage: contains }] });
  }
  if (filters.section) and.push({ sectionId: filters.section });
  if (filters.status.length) and.push({ status: { in: filters.status } });
  if (filters.owner === "unassigned") and.push({ owners: { none: {} } });
  else if (filters.owner)
    and.push({ owners: { some: { userId: filters.owner === "me" ? userId : filters.owner } } });
  if (filters.tag) and.push({ tags: { some: { tag: { name: filters.tag, workspaceId } } } });
  if (filters.actor) and.push({ targetActor: filters.actor });
  // "Recommended by" holds a list of States or bodies (lib/documents/un.ts); jsonb containment on the path
  if (filters.by) and.push({ attributes: { path: [RECOMMENDED_BY], array_contains: [filters.by] } });
  if (filters.evidence === "with") and.push({ evidence: { some: {} } });
  if (filters.evidence === "without") and.push({ evidence: { none: {} } });
  if (filters.overdue) and.push(overdueWhere(today));
  return {
    workspaceId,
    trackerId,
    archivedAt: filters.archived ? { not: null } : null,
    section: { archivedAt: null },
    AND: and,
  };
}

const orderBy = (sort: TrackerFilters["sort"]): Prisma.RecommendationOrderByWithRelationInput[] => {
  switch (sort) {
    case "title":
      return [{ title: "asc" }, { id: "asc" }];
    case "status":
      return [{ status: "asc" }, { section: { position: "asc" } }, { position: "asc" }];
    case "due":
      return [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }];
    case "priority":
      return [
        { priority: { sort: "desc", nulls: "last" } },
        { section: { position: "asc" } },
        { position: "asc" },
      ];
    case "updated":
      return [{ updatedAt: "desc" }, { id: "asc" }];
    default:
      return [{ section: { position: "asc" } }, { position: "asc" }];
  }
};

const rowSelect = {
  id: true,
  title: true,
  status: true,
  targetActor: true,
  priority: true,
  dueDate: true,
  sectionId: true,
  owners: { select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
  _count: { select: { evidence: true, comments: { where: { deletedAt: null } } } },
} as const satisfies Prisma.RecommendationSelect;

type Row = Prisma.RecommendationGetPayload<{ select: typeof rowSelect }>;

const toRow = (rec: Row, today: Date) => ({
  id: rec.id,
  title: rec.title,
  status: rec.status,
  targetActor: rec.targetActor,
  priority: rec.priority,
  dueDate: rec.dueDate,
  sectionId: rec.sectionId,
  owners: rec.owners.map((owner) => owner.user),
  evidenceCount: rec._count.evidence,
  commentCount: rec._count.comments,
  isOverdue: isRecommendationOverdue(rec.dueDate, rec.status, today),
});

export type RecommendationRow = ReturnType<typeof toRow>;

/** One page of the filtered list; never the whole tracker. */
export async function listRecommendationsPage(
  workspaceId: string,
  trackerId: string,
  userId: string,
  filters: TrackerFilters,
) {
  const today = todayUtc();
  const where = recommendationWhere(workspaceId, trackerId, userId, filters, today);
  const [total, rows] = await Promise.all([
    db.recommendation.count({ where }),
    db.recommendation.findMany({
      where,
      orderBy: orderBy(filters.sort),
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: rowSelect,
    }),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((row) => toRow(row, today)),
  };
}

export const BOARD_COLUMN_SIZE = 25;

/** The board: per status, the count and the first cards. */
export async function listBoardColumns(
  workspaceId: string,
  trackerId: string,
  userId: string,
  filters: TrackerFilters,
) {
  const statuses = filters.status.length ? filters.status : [...STATUSES];
  const today = todayUtc();
  const base = recommendationWhere(workspaceId, trackerId, userId, { ...filters, status: [] }, today);
  return Promise.all(
    statuses.map(async (status: RecommendationStatus) => {
      const where = { ...base, status };
      const [count, rows] = await Promise.all([
        db.recommendation.count({ where }),
        db.recommendation.findMany({
          where,
          orderBy: orderBy(filters.sort),
          take: BOARD_COLUMN_SIZE,
          select: rowSelect,
        }),
      ]);
      return { status, count, rows: rows.map((row) => toRow(row, today)) };
    }),
  );
}

/** Sections with their progress (all live recommendations, whatever the filters). */
export async function getTrackerOutline(workspaceId: string, trackerId: string) {
  const tracker = await db.tracker.findFirst({
    where: { id: trackerId, workspaceId, archivedAt: null },
    select: {
      id: true,
      name: true,
      description: true,
      document: { select: { title: true, citation: true } },
      sections: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: { id: true, title: true, description: true },
      },
    },
  });
  if (!tracker) return null;
  const grouped = await db.recommendation.groupBy({
    by: ["sectionId", "status"],
    where: { workspaceId, trackerId, archivedAt: null },
    _count: { _all: true },
  });
  const total = emptyCounts();
  const sections = tracker.sections.map((section) => {
    const counts = emptyCounts();
    for (const row of grouped) {
      if (row.sectionId !== section.id) continue;
      counts[row.status] = row._count._all;
      total[row.status] += row._count._all;
    }
    return { ...section, progress: progressFrom(counts) };
  });
  return { ...tracker, sections, progress: progressFrom(total) };
}

export type TrackerOutline = NonNullable<Awaited<ReturnType<typeof getTrackerOutline>>>;

/** Values for the filter menus: members, tags and target actors used in this workspace. */
export async function getFilterOptions(workspaceId: string) {
  const [members, tags, actors, recommenders] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.tag.findMany({ where: { workspaceId }, select: { name: true }, orderBy: { name: "asc" }, take: 500 }),
    listTargetActors(workspaceId, 500),
    listRecommenders(workspaceId, 500),
  ]);
  return {
    members: members.map((m) => m.user),
    tags: tags.map((t) => t.name),
    actors,
    recommenders,
  };
}

/**
 * The States and bodies named in "Recommended by" across the workspace, for the filter menu: one SQL query
 * that unnests the JSON arrays (never every row into memory).
 */
export async function listRecommenders(workspaceId: string, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ value: string }[]>`
    SELECT DISTINCT value
    FROM "Recommendation" AS r
    CROSS JOIN LATERAL jsonb_array_elements_text(
      CASE WHEN jsonb_typeof(r."attributes" -> ${RECOMMENDED_BY}::text) = 'array'
        THEN r."attributes" -> ${RECOMMENDED_BY}::text ELSE '[]'::jsonb END
    ) AS value
    WHERE r."workspaceId" = ${workspaceId} AND r."archivedAt" IS NULL
    ORDER BY value
    LIMIT ${limit}`;
  return rows.map((row) => row.value);
}

/**
 * Target actors already used in the workspace, for filters and suggestions. GROUP BY in SQL: Prisma's
 * `distinct` would load every recommendation and deduplicate in memory.
 */
export async function listTargetActors(workspaceId: string, limit: number): Promise<string[]> {
  const rows = await db.recommendation.groupBy({
    by: ["targetActor"],
    where: { workspaceId, targetActor: { not: null } },
    orderBy: { targetActor: "asc" },
    take: limit,
  });
  return rows.map((row) => row.targetActor).filter((actor): actor is string => Boolean(actor));
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
  const grouped = await db.recommendation.groupBy({
    by: ["trackerId", "status"],
    where: { workspaceId, trackerId: { in: trackers.map((t) => t.id) }, archivedAt: null },
    _count: { _all: true },
  });
  return trackers.map((tracker) => {
    const counts = emptyCounts();
    for (const row of grouped) if (row.trackerId === tracker.id) counts[row.status] = row._count._all;
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
