import "server-only";
import { mutate } from "@/lib/server/mutate";
import { type Tx } from "@/lib/server/db";
import { DalError, notFoundError } from "@/lib/server/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { priorityLabels } from "@/lib/recommendations/rules";
import { statusMeta } from "@/lib/status";
import { type MembershipContext } from "@/lib/server/authz";
import type { UpdateFieldInput } from "@/lib/recommendations/schemas";
import {
  findScopedRecommendation,
  recommendationPaths,
  type RecommendationPath,
} from "@/lib/recommendations/queries";

type ScopedRecommendation = Awaited<ReturnType<typeof findScopedRecommendation>>;

type ConflictField = UpdateFieldInput["field"] | "status";

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** How a field's value reads to a person, for events and conflict messages. */
function displayValue(rec: ScopedRecommendation, field: ConflictField): string {
  switch (field) {
    case "status":
      return statusMeta[rec.status].label;
    case "title":
      return rec.title;
    case "text":
      return rec.text;
    case "targetActor":
      return rec.targetActor ?? "";
    case "requiresLegislation":
      return rec.requiresLegislation === null
        ? "Not assessed"
        : rec.requiresLegislation
          ? "Needs legislation"
          : "Executive can act alone";
    case "priority":
      return rec.priority ? priorityLabels[rec.priority] : "";
    case "dueDate":
      return isoDate(rec.dueDate);
    case "tags":
      return rec.tags
        .map((t) => t.tag.name)
        .sort()
        .join(", ");
    case "sectionId":
      return rec.section.title;
  }
}

async function conflictError(tx: Tx, ctx: MembershipContext, recommendationId: string, field: ConflictField) {
  const current = await findScopedRecommendation(tx, ctx, recommendationId);
  const last = await tx.activityEvent.findFirst({
    where: { recommendationId, workspaceId: ctx.workspace.id },
    orderBy: { createdAt: "desc" },
    select: { actor: { select: { name: true } } },
  });
  const name = last?.actor?.name;
  return new DalError(
    "CONFLICT",
    name ? "recommendation.errors.conflict" : "recommendation.errors.conflictAnonymous",
    undefined,
    {
      field,
      currentValue: displayValue(current, field),
      currentVersion: current.version,
      updatedBy: name,
    },
  ).withValues(name ? { name } : {});
}

/** Bumps the version only if it is still the one the edit started from; otherwise a conflict. */
async function claimVersion(
  tx: Tx,
  ctx: MembershipContext,
  recommendationId: string,
  version: number,
  field: ConflictField,
  data: Prisma.RecommendationUncheckedUpdateManyInput = {},
) {
  const claimed = await tx.recommendation.updateMany({
    where: { id: recommendationId, workspaceId: ctx.workspace.id, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (claimed.count !== 1) throw await conflictError(tx, ctx, recommendationId, field);
}

async function setTags(tx: Tx, workspaceId: string, recommendationId: string, names: string[]) {
  await tx.recommendationTag.deleteMany({ where: { recommendationId } });
  for (const name of names) {
    const tag = await tx.tag.upsert({
      where: { workspaceId_name: { workspaceId, name } },
      create: { workspaceId, name },
      update: {},
      select: { id: true },
    });
    await tx.recommendationTag.create({ data: { recommendationId, tagId: tag.id } });
  }
}

export async function updateRecommendationField(input: UpdateFieldInput): Promise<RecommendationPath> {
  return mutate(input.workspaceSlug, "recommendation.update", async ({ tx, ctx, emit }) => {
    const before = await findScopedRecommendation(tx, ctx, input.recommendationId);
    let data: Prisma.RecommendationUncheckedUpdateManyInput = {};
    switch (input.field) {
      case "tags":
        await setTags(tx, ctx.workspace.id, before.id, input.value);
        break;
      case "sectionId": {
        const section = await tx.section.findFirst({
          where: { id: input.value, trackerId: before.trackerId, workspaceId: ctx.workspace.id },
          select: { id: true },
        });
        if (!section) throw notFoundError("errors.notFound.section");
        const last = await tx.recommendation.aggregate({
          where: { sectionId: section.id },
          _max: { position: true },
        });
        data = { sectionId: section.id, position: (last._max.position ?? -1) + 1 };
        break;
      }
      default:
        data = { [input.field]: input.value };
    }
    await claimVersion(tx, ctx, before.id, input.version, input.field, data);
    const after = await findScopedRecommendation(tx, ctx, before.id);
    await emit({
      type: "recommendation.updated",
      trackerId: before.trackerId,
      recommendationId: before.id,
      data: {
        field: input.field,
        from: displayValue(before, input.field),
        to: displayValue(after, input.field),
      },
    });
    return recommendationPaths(ctx, before);
  });
}

export async function setRecommendationStatus(input: {
  workspaceSlug: string;
  recommendationId: string;
  version: number;
  status: RecommendationStatus;
  justification: string;
  /** Show the justification on the public scorecard (opt-in). */
  isPublic?: boolean;
  evidenceIds: string[];
}): Promise<RecommendationPath> {
  return mutate(input.workspaceSlug, "recommendation.update", async ({ tx, ctx, emit }) => {
    const before = await findScopedRecommendation(tx, ctx, input.recommendationId);
    const cited = await tx.evidence.findMany({
      where: { id: { in: input.evidenceIds }, recommendationId: before.id, workspaceId: ctx.workspace.id },
      select: { id: true, title: true, url: true },
    });
    if (cited.length !== new Set(input.evidenceIds).size) {
      throw new DalError("INVALID", "recommendation.errors.evidenceNotLinked", {
        evidenceIds: ["recommendation.errors.evidenceNotLinked"],
      });
    }
    if (before.status === input.status) {
      throw new DalError("INVALID", "recommendation.errors.statusUnchanged", {
        status: ["recommendation.errors.statusUnchanged"],
      });
    }
    await claimVersion(tx, ctx, before.id, input.version, "status", { status: input.status });
    await emit({
      type: "recommendation.status_changed",
      trackerId: before.trackerId,
      recommendationId: before.id,
      data: {
        from: before.status,
        to: input.status,
        justification: input.justification,
        isInternal: !(input.isPublic ?? false),
        evidence: cited,
      },
    });
    return recommendationPaths(ctx, before);
  });
}

export async function addOwner(
  workspaceSlug: string,
  recommendationId: string,
  userId: string,
): Promise<RecommendationPath> {
  return mutate(workspaceSlug, "recommendation.assign", async ({ tx, ctx, emit }) => {
    const rec = await findScopedRecommendation(tx, ctx, recommendationId);
    const member = await tx.membership.findFirst({
      where: { workspaceId: ctx.workspace.id, userId },
      select: { user: { select: { id: true, name: true } } },
    });
    if (!member)
      throw new DalError("INVALID", "recommendation.errors.ownerNotMember", {
        userId: ["recommendation.errors.ownerNotMember"],
      });
    const created = await tx.recommendationOwner.createMany({
      data: [{ recommendationId: rec.id, userId, assignedById: ctx.user.id }],
      skipDuplicates: true,
    });
    if (created.count === 1) {
      await emit({
        type: "recommendation.owner_added",
        trackerId: rec.trackerId,
        recommendationId: rec.id,
        data: { userId, name: member.user.name },
      });
    }
    return recommendationPaths(ctx, rec);
  });
}

export async function removeOwner(
  workspaceSlug: string,
  recommendationId: string,
  userId: string,
): Promise<RecommendationPath> {
  return mutate(workspaceSlug, "recommendation.assign", async ({ tx, ctx, emit }) => {
    const rec = await findScopedRecommendation(tx, ctx, recommendationId);
    const owner = await tx.recommendationOwner.findUnique({
      where: { recommendationId_userId: { recommendationId: rec.id, userId } },
      select: { user: { select: { name: true } } },
    });
    if (!owner) throw notFoundError("errors.notFound.owner");
    await tx.recommendationOwner.delete({
      where: { recommendationId_userId: { recommendationId: rec.id, userId } },
    });
    await emit({
      type: "recommendation.owner_removed",
      trackerId: rec.trackerId,
      recommendationId: rec.id,
      data: { userId, name: owner.user.name },
    });
    return recommendationPaths(ctx, rec);
  });
}

export async function createRecommendation(input: {
  workspaceSlug: string;
  trackerId: string;
  sectionId: string;
  title: string;
  text: string;
}) {
  return mutate(input.workspaceSlug, "recommendation.create", async ({ tx, ctx, emit }) => {
    const section = await tx.section.findFirst({
      where: {
        id: input.sectionId,
        trackerId: input.trackerId,
        workspaceId: ctx.workspace.id,
        archivedAt: null,
      },
      select: { id: true, trackerId: true },
    });
    if (!section) throw notFoundError("errors.notFound.section");
    const last = await tx.recommendation.aggregate({
      where: { sectionId: section.id },
      _max: { position: true },
    });
    const rec = await tx.recommendation.create({
      data: {
        workspaceId: ctx.workspace.id,
        trackerId: section.trackerId,
        sectionId: section.id,
        title: input.title,
        text: input.text,
        position: (last._max.position ?? -1) + 1,
      },
      select: { id: true, trackerId: true },
    });
    await emit({
      type: "recommendation.created",
      trackerId: rec.trackerId,
      recommendationId: rec.id,
      data: { title: input.title },
    });
    return recommendationPaths(ctx, rec);
  });
}

/** Swaps a recommendation with its neighbour in the section. */
export async function moveRecommendation(
  workspaceSlug: string,
  recommendationId: string,
  direction: "up" | "down",
) {
  return mutate(workspaceSlug, "recommendation.update", async ({ tx, ctx, emit }) => {
    const rec = await findScopedRecommendation(tx, ctx, recommendationId);
    const neighbour = await tx.recommendation.findFirst({
      where: {
        sectionId: rec.sectionId,
        workspaceId: ctx.workspace.id,
        archivedAt: null,
        position: direction === "up" ? { lt: rec.position } : { gt: rec.position },
      },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (neighbour) {
      await tx.recommendation.update({
        where: { id: rec.id },
        data: { position: neighbour.position, version: { increment: 1 } },
      });
      await tx.recommendation.update({
        where: { id: neighbour.id },
        data: { position: rec.position, version: { increment: 1 } },
      });
      await emit({
        type: "recommendation.moved",
        trackerId: rec.trackerId,
        recommendationId: rec.id,
        data: { direction },
      });
    }
    return recommendationPaths(ctx, rec);
  });
}

export async function setRecommendationArchived(
  workspaceSlug: string,
  recommendationId: string,
  isArchived: boolean,
) {
  return mutate(workspaceSlug, "recommendation.update", async ({ tx, ctx, emit }) => {
    const rec = await findScopedRecommendation(tx, ctx, recommendationId);
    await tx.recommendation.update({
      where: { id: rec.id },
      data: { archivedAt: isArchived ? new Date() : null, version: { increment: 1 } },
    });
    await emit({
      type: isArchived ? "recommendation.archived" : "recommendation.restored",
      trackerId: rec.trackerId,
      recommendationId: rec.id,
      data: { title: rec.title },
    });
    return recommendationPaths(ctx, rec);
  });
}

/** Owners only. The event outlives the row (its recommendationId is set to null by the foreign key). */
export async function deleteRecommendation(workspaceSlug: string, recommendationId: string) {
  return mutate(workspaceSlug, "recommendation.delete", async ({ tx, ctx, emit }) => {
    const rec = await findScopedRecommendation(tx, ctx, recommendationId);
    await emit({
      type: "recommendation.deleted",
      trackerId: rec.trackerId,
      data: { recommendationId: rec.id, title: rec.title },
    });
    await tx.recommendation.delete({ where: { id: rec.id } });
    return recommendationPaths(ctx, rec);
  });
}
