import "server-only";
import { db } from "@/lib/db";

export async function getRecommendationView(
  workspaceId: string,
  trackerId: string,
  recommendationId: string,
) {
  const rec = await db.recommendation.findFirst({
    where: { id: recommendationId, trackerId, workspaceId, archivedAt: null },
    select: {
      id: true,
      title: true,
      text: true,
      sourcePassage: true,
      status: true,
      targetActor: true,
      requiresLegislation: true,
      priority: true,
      dueDate: true,
      referenceId: true,
      attributes: true,
      version: true,
      updatedAt: true,
      section: { select: { id: true, title: true } },
      tracker: { select: { id: true, name: true, document: { select: { title: true, citation: true } } } },
      owners: { select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
      tags: { select: { tag: { select: { name: true } } } },
      actionItems: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          dueDate: true,
          doneAt: true,
          owner: { select: { id: true, name: true } },
        },
      },
      evidence: {
        orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
        select: {
          id: true,
          url: true,
          title: true,
          sourceType: true,
          publishedAt: true,
          stance: true,
          quote: true,
          addedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!rec) return null;
  const [comments, events] = await Promise.all([
    db.comment.findMany({
      where: { workspaceId, recommendationId, deletedAt: null },
      orderBy: { createdAt: "asc" },
      take: 500,
      select: {
        id: true,
        body: true,
        createdAt: true,
        editedAt: true,
        author: { select: { id: true, name: true } },
      },
    }),
    db.activityEvent.findMany({
      where: { workspaceId, recommendationId },
      orderBy: { createdAt: "asc" },
      take: 500,
      select: {
        id: true,
        type: true,
        data: true,
        createdAt: true,
        actor: { select: { id: true, name: true } },
      },
    }),
  ]);
  return {
    ...rec,
    owners: rec.owners.map((owner) => owner.user),
    tags: rec.tags.map((tag) => tag.tag.name).sort(),
    attributes: (rec.attributes ?? {}) as Record<string, string>,
    comments,
    events,
  };
}

export type RecommendationView = NonNullable<Awaited<ReturnType<typeof getRecommendationView>>>;
