import "server-only";
import { routes } from "@/lib/routes";
import { readEvents } from "@/lib/server/events";
import { db, type Tx } from "@/lib/server/db";
import { notFoundError } from "@/lib/server/errors";
import { type MembershipContext } from "@/lib/server/authz";
import { listTargetActors } from "@/lib/trackers/queries";

export type RecommendationPath = { path: string; trackerPath: string };

/** The pages to revalidate after a change to a recommendation or anything under it. */
export const recommendationPaths = (
  ctx: MembershipContext,
  rec: { id: string; trackerId: string },
): RecommendationPath => ({
  path: routes.recommendation(ctx.workspace.slug, rec.trackerId, rec.id),
  trackerPath: routes.tracker(ctx.workspace.slug, rec.trackerId),
});

const scopedSelect = {
  id: true,
  trackerId: true,
  sectionId: true,
  title: true,
  text: true,
  status: true,
  targetActor: true,
  requiresLegislation: true,
  priority: true,
  dueDate: true,
  version: true,
  archivedAt: true,
  position: true,
  tags: { select: { tag: { select: { name: true } } } },
  section: { select: { title: true } },
} as const;

/** A recommendation of this workspace, or NOT_FOUND: an id from another workspace is the same as a missing one. */
export async function findScopedRecommendation(tx: Tx, ctx: MembershipContext, recommendationId: string) {
  const rec = await tx.recommendation.findFirst({
    where: { id: recommendationId, workspaceId: ctx.workspace.id },
    select: scopedSelect,
  });
  if (!rec) throw notFoundError("errors.notFound.recommendation");
  return rec;
}

/** Everything the recommendation page shows, scoped to the workspace and tracker. Archived ones too (with a banner). */
export async function getRecommendationView(
  workspaceId: string,
  trackerId: string,
  recommendationId: string,
) {
  const rec = await db.recommendation.findFirst({
    where: { id: recommendationId, trackerId, workspaceId },
    select: {
      id: true,
      title: true,
      text: true,
      sourcePassage: true,
      sourceStart: true,
      status: true,
      targetActor: true,
      requiresLegislation: true,
      priority: true,
      dueDate: true,
      referenceId: true,
      attributes: true,
      version: true,
      archivedAt: true,
      updatedAt: true,
      section: { select: { id: true, title: true } },
      tracker: {
        select: {
          id: true,
          name: true,
          language: true,
          documentId: true,
          document: { select: { title: true, citation: true } },
        },
      },
      owners: { select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
      tags: { select: { tag: { select: { name: true } } } },
      actionItems: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          dueDate: true,
          doneAt: true,
          version: true,
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
          isPublic: true,
          version: true,
          addedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!rec) return null;
  const [comments, events, members, sections, actors] = await Promise.all([
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
      take: 1000,
      select: {
        id: true,
        type: true,
        data: true,
        createdAt: true,
        actor: { select: { id: true, name: true } },
      },
    }),
    db.membership.findMany({
      where: { workspaceId },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.section.findMany({
      where: { workspaceId, trackerId, archivedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, title: true },
    }),
    listTargetActors(workspaceId, 200),
  ]);
  return {
    ...rec,
    owners: rec.owners.map((owner) => owner.user),
    tags: rec.tags.map((tag) => tag.tag.name).sort(),
    attributes: (rec.attributes ?? {}) as Record<string, string>,
    comments,
    events: readEvents(events),
    members: members.map((m) => m.user),
    sections,
    actorSuggestions: actors,
  };
}

export type RecommendationView = NonNullable<Awaited<ReturnType<typeof getRecommendationView>>>;
