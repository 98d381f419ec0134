import "server-only";
import { mutate } from "@/lib/server/mutate";
import { type Tx } from "@/lib/server/db";
import { DalError, notFoundError } from "@/lib/server/errors";
import { type MembershipContext } from "@/lib/server/authz";
import { routes } from "@/lib/routes";

async function findScopedSection(tx: Tx, ctx: MembershipContext, sectionId: string) {
  const section = await tx.section.findFirst({
    where: { id: sectionId, workspaceId: ctx.workspace.id },
    select: { id: true, title: true, trackerId: true, position: true, version: true },
  });
  if (!section) throw notFoundError("errors.notFound.section");
  return section;
}

const structurePath = (ctx: MembershipContext, trackerId: string) => ({
  path: routes.tracker(ctx.workspace.slug, trackerId),
});

export async function createSection(input: {
  workspaceSlug: string;
  trackerId: string;
  title: string;
  description: string | null;
}) {
  return mutate(input.workspaceSlug, "recommendation.create", async ({ tx, ctx, emit }) => {
    const tracker = await tx.tracker.findFirst({
      where: { id: input.trackerId, workspaceId: ctx.workspace.id },
      select: { id: true },
    });
    if (!tracker) throw notFoundError("errors.notFound.tracker");
    const last = await tx.section.aggregate({ where: { trackerId: tracker.id }, _max: { position: true } });
    const section = await tx.section.create({
      data: {
        workspaceId: ctx.workspace.id,
        trackerId: tracker.id,
        title: input.title,
        description: input.description,
        position: (last._max.position ?? -1) + 1,
      },
      select: { id: true },
    });
    await emit({
      type: "section.created",
      trackerId: tracker.id,
      data: { sectionId: section.id, title: input.title },
    });
    return structurePath(ctx, tracker.id);
  });
}

export async function updateSection(input: {
  workspaceSlug: string;
  sectionId: string;
  version: number;
  title: string;
  description: string | null;
}) {
  return mutate(input.workspaceSlug, "recommendation.update", async ({ tx, ctx, emit }) => {
    const section = await findScopedSection(tx, ctx, input.sectionId);
    const claimed = await tx.section.updateMany({
      where: { id: section.id, version: input.version },
      data: { title: input.title, description: input.description, version: { increment: 1 } },
    });
    if (claimed.count !== 1) {
      throw new DalError("CONFLICT", "sections.errors.conflict", undefined, {
        field: "section",
        currentValue: section.title,
        currentVersion: section.version,
      });
    }
    await emit({
      type: "section.updated",
      trackerId: section.trackerId,
      data: { sectionId: section.id, from: section.title, to: input.title },
    });
    return structurePath(ctx, section.trackerId);
  });
}

export async function moveSection(workspaceSlug: string, sectionId: string, direction: "up" | "down") {
  return mutate(workspaceSlug, "recommendation.update", async ({ tx, ctx, emit }) => {
    const section = await findScopedSection(tx, ctx, sectionId);
    const neighbour = await tx.section.findFirst({
      where: {
        trackerId: section.trackerId,
        position: direction === "up" ? { lt: section.position } : { gt: section.position },
      },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (neighbour) {
      await tx.section.update({
        where: { id: section.id },
        data: { position: neighbour.position, version: { increment: 1 } },
      });
      await tx.section.update({
        where: { id: neighbour.id },
        data: { position: section.position, version: { increment: 1 } },
      });
      await emit({
        type: "section.moved",
        trackerId: section.trackerId,
        data: { sectionId: section.id, title: section.title, direction },
      });
    }
    return structurePath(ctx, section.trackerId);
  });
}

export async function setSectionArchived(workspaceSlug: string, sectionId: string, isArchived: boolean) {
  return mutate(workspaceSlug, "recommendation.update", async ({ tx, ctx, emit }) => {
    const section = await findScopedSection(tx, ctx, sectionId);
    await tx.section.update({
      where: { id: section.id },
      data: { archivedAt: isArchived ? new Date() : null, version: { increment: 1 } },
    });
    await emit({
      type: isArchived ? "section.archived" : "section.restored",
      trackerId: section.trackerId,
      data: { sectionId: section.id, title: section.title },
    });
    return structurePath(ctx, section.trackerId);
  });
}
