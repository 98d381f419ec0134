import "server-only";
import { db } from "@/lib/db";
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

/** Recommendations shown per section before "show all"; a section page lists the rest. */
export const SECTION_PAGE_SIZE = 100;

export async function getTrackerView(workspaceId: string, trackerId: string) {
  const tracker = await db.tracker.findFirst({
    where: { id: trackerId, workspaceId, archivedAt: null },
    select: {
      id: true,
      name: true,
      description: true,
      document: { select: { title: true, author: true, citation: true } },
      sections: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: { id: true, title: true, description: true },
      },
    },
  });
  if (!tracker) return null;
  const [grouped, sections] = await Promise.all([
    db.recommendation.groupBy({
      by: ["sectionId", "status"],
      where: { workspaceId, trackerId, archivedAt: null },
      _count: { _all: true },
    }),
    Promise.all(
      tracker.sections.map((section) =>
        db.recommendation.findMany({
          where: { workspaceId, sectionId: section.id, archivedAt: null },
          orderBy: { position: "asc" },
          take: SECTION_PAGE_SIZE,
          select: {
            id: true,
            title: true,
            status: true,
            targetActor: true,
            priority: true,
            dueDate: true,
            owners: { select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
            _count: { select: { evidence: true, comments: { where: { deletedAt: null } } } },
          },
        }),
      ),
    ),
  ]);
  const total = emptyCounts();
  const sectionViews = tracker.sections.map((section, index) => {
    const counts = emptyCounts();
    for (const row of grouped) {
      if (row.sectionId !== section.id) continue;
      counts[row.status] = row._count._all;
      total[row.status] += row._count._all;
    }
    const recommendations = (sections[index] ?? []).map((rec) => ({
      id: rec.id,
      title: rec.title,
      status: rec.status,
      targetActor: rec.targetActor,
      priority: rec.priority,
      dueDate: rec.dueDate,
      owners: rec.owners.map((owner) => owner.user),
      evidenceCount: rec._count.evidence,
      commentCount: rec._count.comments,
    }));
    return { ...section, progress: progressFrom(counts), recommendations };
  });
  return {
    id: tracker.id,
    name: tracker.name,
    description: tracker.description,
    document: tracker.document,
    progress: progressFrom(total),
    sections: sectionViews,
  };
}

export type TrackerView = NonNullable<Awaited<ReturnType<typeof getTrackerView>>>;
