import "server-only";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/dal/activity";
import { requireMembership } from "@/lib/dal/memberships";
import { emptyCounts, progressFrom, type Progress } from "@/lib/status";

export type TrackerSummary = {
  id: string;
  name: string;
  description: string | null;
  documentTitle: string | null;
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
      sectionCount: tracker._count.sections,
      updatedAt: tracker.updatedAt,
      progress: progressFrom(counts),
    };
  });
}

/** A tracker built by hand: a name and its sections (one per line). Document import builds on the same rows. */
export async function createTracker(input: {
  workspaceSlug: string;
  name: string;
  description: string | null;
  sections: string[];
}) {
  const ctx = await requireMembership(input.workspaceSlug, "tracker.manage");
  return db.$transaction(async (tx) => {
    const tracker = await tx.tracker.create({
      data: {
        workspaceId: ctx.workspace.id,
        name: input.name,
        description: input.description,
        sections: {
          create: input.sections.map((title, position) => ({
            workspaceId: ctx.workspace.id,
            title,
            position,
          })),
        },
      },
      select: { id: true },
    });
    await recordActivity(tx, {
      type: "tracker.created",
      actorId: ctx.user.id,
      workspaceId: ctx.workspace.id,
      trackerId: tracker.id,
      data: { name: input.name, sections: input.sections.length },
    });
    return { path: `/w/${ctx.workspace.slug}/t/${tracker.id}` };
  });
}

/** The tracker's source document with the passages its recommendations come from, in document order. */
export async function getTrackerDocument(workspaceId: string, trackerId: string) {
  const tracker = await db.tracker.findFirst({
    where: { id: trackerId, workspaceId },
    select: {
      id: true,
      name: true,
      document: { select: { title: true, author: true, citation: true, content: true } },
    },
  });
  if (!tracker?.document) return null;
  const passages = await db.recommendation.findMany({
    where: { workspaceId, trackerId, archivedAt: null, sourceStart: { not: null }, sourceEnd: { not: null } },
    orderBy: { sourceStart: "asc" },
    select: { id: true, title: true, status: true, sourceStart: true, sourceEnd: true },
  });
  return { tracker: { id: tracker.id, name: tracker.name }, document: tracker.document, passages };
}
