import "server-only";
import { mutate } from "@/lib/server/mutate";
import { type Tx } from "@/lib/server/db";
import { DalError, notFoundError } from "@/lib/server/errors";
import { type MembershipContext } from "@/lib/server/authz";
import { findScopedRecommendation, recommendationPaths } from "@/lib/recommendations/queries";

async function assertMember(tx: Tx, ctx: MembershipContext, userId: string | null) {
  if (!userId) return;
  const member = await tx.membership.findFirst({
    where: { workspaceId: ctx.workspace.id, userId },
    select: { id: true },
  });
  if (!member) {
    throw new DalError("INVALID", "actions.errors.ownerNotMember", {
      ownerId: ["actions.errors.ownerNotMember"],
    });
  }
}

async function findScopedAction(tx: Tx, ctx: MembershipContext, actionId: string) {
  const action = await tx.actionItem.findFirst({
    where: { id: actionId, workspaceId: ctx.workspace.id },
    select: {
      id: true,
      title: true,
      version: true,
      ownerId: true,
      recommendationId: true,
      doneAt: true,
      recommendation: { select: { trackerId: true } },
    },
  });
  if (!action) throw notFoundError("errors.notFound.action");
  return action;
}

export async function createActionItem(input: {
  workspaceSlug: string;
  recommendationId: string;
  title: string;
  ownerId: string | null;
  dueDate: Date | null;
}) {
  return mutate(input.workspaceSlug, "action.manage", async ({ tx, ctx, emit }) => {
    const rec = await findScopedRecommendation(tx, ctx, input.recommendationId);
    await assertMember(tx, ctx, input.ownerId);
    const last = await tx.actionItem.aggregate({
      where: { recommendationId: rec.id },
      _max: { position: true },
    });
    const action = await tx.actionItem.create({
      data: {
        workspaceId: ctx.workspace.id,
        recommendationId: rec.id,
        title: input.title,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        position: (last._max.position ?? -1) + 1,
      },
      select: { id: true },
    });
    await emit({
      type: "action.created",
      trackerId: rec.trackerId,
      recommendationId: rec.id,
      data: { actionId: action.id, title: input.title, ownerId: input.ownerId },
    });
    return recommendationPaths(ctx, { id: rec.id, trackerId: rec.trackerId });
  });
}

export async function updateActionItem(input: {
  workspaceSlug: string;
  actionId: string;
  version: number;
  title: string;
  ownerId: string | null;
  dueDate: Date | null;
}) {
  return mutate(input.workspaceSlug, "action.manage", async ({ tx, ctx, emit }) => {
    const action = await findScopedAction(tx, ctx, input.actionId);
    await assertMember(tx, ctx, input.ownerId);
    const claimed = await tx.actionItem.updateMany({
      where: { id: action.id, workspaceId: ctx.workspace.id, version: input.version },
      data: { title: input.title, ownerId: input.ownerId, dueDate: input.dueDate, version: { increment: 1 } },
    });
    if (claimed.count !== 1) {
      throw new DalError("CONFLICT", "actions.errors.conflict", undefined, {
        field: "action",
        currentValue: action.title,
        currentVersion: action.version,
      });
    }
    await emit({
      type: "action.updated",
      trackerId: action.recommendation.trackerId,
      recommendationId: action.recommendationId,
      data: {
        actionId: action.id,
        title: input.title,
        ownerId: input.ownerId,
        previousOwnerId: action.ownerId,
      },
    });
    return recommendationPaths(ctx, {
      id: action.recommendationId,
      trackerId: action.recommendation.trackerId,
    });
  });
}

export async function setActionItemDone(workspaceSlug: string, actionId: string, isDone: boolean) {
  return mutate(workspaceSlug, "action.manage", async ({ tx, ctx, emit, unchanged }) => {
    const action = await findScopedAction(tx, ctx, actionId);
    if (Boolean(action.doneAt) !== isDone) {
      await tx.actionItem.update({
        where: { id: action.id },
        data: { doneAt: isDone ? new Date() : null, version: { increment: 1 } },
      });
      await emit({
        type: isDone ? "action.completed" : "action.reopened",
        trackerId: action.recommendation.trackerId,
        recommendationId: action.recommendationId,
        data: { actionId: action.id, title: action.title },
      });
    } else unchanged();
    return recommendationPaths(ctx, {
      id: action.recommendationId,
      trackerId: action.recommendation.trackerId,
    });
  });
}

export async function deleteActionItem(workspaceSlug: string, actionId: string) {
  return mutate(workspaceSlug, "action.manage", async ({ tx, ctx, emit }) => {
    const action = await findScopedAction(tx, ctx, actionId);
    await tx.actionItem.delete({ where: { id: action.id } });
    await emit({
      type: "action.deleted",
      trackerId: action.recommendation.trackerId,
      recommendationId: action.recommendationId,
      data: { actionId: action.id, title: action.title },
    });
    return recommendationPaths(ctx, {
      id: action.recommendationId,
      trackerId: action.recommendation.trackerId,
    });
  });
}
