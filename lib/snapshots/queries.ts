import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { notFoundError } from "@/lib/server/errors";
import { statusesAsOf } from "@/lib/history/queries";
import { requireMembership } from "@/lib/server/authz";
import { parseEvent } from "@/lib/events/catalog";
import {
  isJustificationPublic,
  SNAPSHOT_LIMITS,
  type FrozenEvidence,
  type FrozenItem,
} from "@/lib/snapshots/rules";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";

type Reader = Tx | typeof db;

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

const END_OF_TIME = new Date("9999-12-31T23:59:59.999Z");

type LatestStatusEvent = { recommendationId: string; data: unknown; createdAt: Date };

/**
 * The latest status change of each recommendation of a tracker, at or before `asOf` (all of them when null):
 * where the justification and its "internal" flag live. One index-ordered DISTINCT ON scan.
 */
async function latestStatusEvents(
  reader: Reader,
  workspaceId: string,
  trackerId: string,
  asOf: Date | null,
): Promise<Map<string, { justification: string; isInternal: boolean; at: Date }>> {
  const rows = await reader.$queryRaw<LatestStatusEvent[]>`
    SELECT DISTINCT ON ("recommendationId") "recommendationId", data, "createdAt"
    FROM "ActivityEvent"
    WHERE "workspaceId" = ${workspaceId} AND "trackerId" = ${trackerId}
      AND type = 'recommendation.status_changed' AND "recommendationId" IS NOT NULL
      AND "createdAt" <= ${asOf ?? END_OF_TIME}
    ORDER BY "recommendationId", "createdAt" DESC, seq DESC`;
  const out = new Map<string, { justification: string; isInternal: boolean; at: Date }>();
  for (const row of rows) {
    const event = parseEvent({ type: "recommendation.status_changed", data: row.data });
    if (event.type !== "recommendation.status_changed") continue;
    out.set(row.recommendationId, {
      justification: event.data.justification,
      isInternal: !isJustificationPublic(event.data),
      at: row.createdAt,
    });
  }
  return out;
}

/** How many live (not archived) recommendations a tracker has: checked against the limit before loading any. */
export function countLiveRecommendations(reader: Reader, workspaceId: string, trackerId: string) {
  return reader.recommendation.count({
    where: { workspaceId, trackerId, archivedAt: null, section: { archivedAt: null } },
  });
}

/**
 * The tracker's live recommendations as frozen items, as they stand now (or, with `statuses`, with the
 * statuses a history read gave for a past date; recommendations missing from it did not exist yet).
 * Only evidence marked public is read, at most SNAPSHOT_LIMITS.evidencePerRecommendation per item.
 */
export async function readTrackerItems(
  reader: Reader,
  workspaceId: string,
  trackerId: string,
  past?: { asOf: Date; statuses: Map<string, RecommendationStatus> },
): Promise<FrozenItem[]> {
  const [recommendations, latest] = await Promise.all([
    reader.recommendation.findMany({
      where: {
        workspaceId,
        trackerId,
        section: { archivedAt: null },
        // Now: the live ones. A past day: those the history says existed and were not archived then.
        ...(past ? { createdAt: { lte: past.asOf } } : { archivedAt: null }),
      },
      orderBy: [{ section: { position: "asc" } }, { position: "asc" }],
      // A past day also reads rows archived since (the history keeps those that were live then): room for both.
      take: past ? 2 * SNAPSHOT_LIMITS.recommendations : SNAPSHOT_LIMITS.recommendations,
      select: {
        id: true,
        referenceId: true,
        title: true,
        status: true,
        position: true,
        section: { select: { title: true, position: true } },
        owners: { orderBy: { createdAt: "asc" }, select: { user: { select: { name: true } } } },
        evidence: {
          where: { isPublic: true, ...(past ? { createdAt: { lte: past.asOf } } : {}) },
          orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
          take: SNAPSHOT_LIMITS.evidencePerRecommendation,
          select: {
            title: true,
            url: true,
            sourceType: true,
            stance: true,
            publishedAt: true,
            quote: true,
          },
        },
      },
    }),
    latestStatusEvents(reader, workspaceId, trackerId, past?.asOf ?? null),
  ]);
  const items: FrozenItem[] = [];
  for (const rec of recommendations) {
    const status = past ? past.statuses.get(rec.id) : rec.status;
    if (!status) continue;
    const last = latest.get(rec.id);
    items.push({
      recommendationId: rec.id,
      referenceId: rec.referenceId,
      sectionTitle: rec.section.title,
      sectionPosition: rec.section.position,
      position: rec.position,
      title: rec.title,
      status,
      justification: last?.justification ?? null,
      isJustificationInternal: last?.isInternal ?? false,
      statusChangedAt: last?.at.toISOString() ?? null,
      ownerNames: rec.owners.map((o) => o.user.name),
      evidence: rec.evidence.map((e): FrozenEvidence => ({
        title: e.title,
        url: e.url,
        sourceType: e.sourceType,
        stance: e.stance,
        publishedAt: isoDay(e.publishedAt),
        quote: e.quote,
      })),
    });
  }
  return items;
}

/**
 * Each recommendation's status at the end of a past day, from the status history (lib/history, shared with
 * the dashboard). Recommendations that did not exist then are absent.
 */
export async function statusesOnDay(
  workspaceId: string,
  trackerId: string,
  day: Date,
): Promise<Map<string, RecommendationStatus>> {
  const rows = await statusesAsOf(workspaceId, trackerId, day.toISOString().slice(0, 10));
  return new Map(rows.map((row) => [row.id, row.status]));
}

export type SnapshotSummary = {
  id: string;
  name: string;
  asOf: Date;
  itemCount: number;
  createdAt: Date;
  createdByName: string | null;
  isPublished: boolean;
};

/** A tracker's snapshots, newest first (bounded by SNAPSHOT_LIMITS.perTracker). */
export async function listSnapshots(workspaceId: string, trackerId: string): Promise<SnapshotSummary[]> {
  const rows = await db.snapshot.findMany({
    where: { workspaceId, trackerId },
    orderBy: [{ asOf: "desc" }, { createdAt: "desc" }],
    take: SNAPSHOT_LIMITS.perTracker,
    select: {
      id: true,
      name: true,
      asOf: true,
      itemCount: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      publications: { select: { id: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    asOf: row.asOf,
    itemCount: row.itemCount,
    createdAt: row.createdAt,
    createdByName: row.createdBy?.name ?? null,
    isPublished: row.publications.length > 0,
  }));
}

const itemSelect = {
  recommendationId: true,
  referenceId: true,
  sectionTitle: true,
  sectionPosition: true,
  position: true,
  title: true,
  status: true,
  justification: true,
  isJustificationInternal: true,
  statusChangedAt: true,
  ownerNames: true,
  evidence: true,
} as const;

/** A snapshot of this workspace's tracker with its items in order; null when missing or elsewhere. */
export async function getSnapshot(workspaceId: string, trackerId: string, snapshotId: string) {
  const snapshot = await db.snapshot.findFirst({
    where: { id: snapshotId, workspaceId, trackerId },
    select: {
      id: true,
      name: true,
      asOf: true,
      trackerName: true,
      citation: true,
      itemCount: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      tracker: { select: { language: true } },
    },
  });
  if (!snapshot) return null;
  const rows = await db.snapshotItem.findMany({
    where: { snapshotId: snapshot.id },
    orderBy: [{ sectionPosition: "asc" }, { position: "asc" }],
    select: itemSelect,
  });
  const items: FrozenItem[] = rows.map((row) => ({
    ...row,
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    evidence: Array.isArray(row.evidence) ? (row.evidence as FrozenEvidence[]) : [],
  }));
  const { tracker, ...rest } = snapshot;
  return { ...rest, language: tracker.language, items };
}

/** The tracker as it stands now, as frozen items (for "compare with now"). */
export const readLiveItems = (workspaceId: string, trackerId: string) =>
  readTrackerItems(db, workspaceId, trackerId);

/**
 * A snapshot for its CSV/JSON export: members only (viewers included, as for tracker exports); a non-member
 * or another workspace's id is NOT_FOUND. Owners are names only, as on screen.
 */
export async function getSnapshotForExport(workspaceSlug: string, trackerId: string, snapshotId: string) {
  const ctx = await requireMembership(workspaceSlug, "workspace.read");
  const snapshot = await getSnapshot(ctx.workspace.id, trackerId, snapshotId);
  if (!snapshot) throw notFoundError("errors.notFound.snapshot");
  return snapshot;
}

export type SnapshotWithItems = NonNullable<Awaited<ReturnType<typeof getSnapshot>>>;

/** The tracker's name, content language and citation, scoped to the workspace; null when missing or elsewhere. */
export function findTracker(workspaceId: string, trackerId: string, reader: Reader = db) {
  return reader.tracker.findFirst({
    where: { id: trackerId, workspaceId },
    select: {
      id: true,
      name: true,
      language: true,
      document: { select: { title: true, author: true, citation: true } },
    },
  });
}
