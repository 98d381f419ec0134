import "server-only";
import { mutate } from "@/lib/server/mutate";
import { type Tx } from "@/lib/server/db";
import { DalError, notFoundError } from "@/lib/server/errors";
import { can } from "@/lib/permissions";
import { findMentionedNames } from "@/lib/comments/mentions";
import { type MembershipContext } from "@/lib/server/authz";
import { findScopedRecommendation, recommendationPaths } from "@/lib/recommendations/queries";
import { requoteComment } from "@/lib/notifications/mutations";

async function mentionedMembers(tx: Tx, ctx: MembershipContext, body: string) {
  const members = await tx.membership.findMany({
    where: { workspaceId: ctx.workspace.id },
    select: { user: { select: { id: true, name: true } } },
  });
  const names = findMentionedNames(
    body,
    members.map((m) => m.user.name),
  );
  return members
    .filter((m) => names.includes(m.user.name))
    .map((m) => ({ userId: m.user.id, name: m.user.name }));
}

async function findScopedComment(tx: Tx, ctx: MembershipContext, commentId: string) {
  const comment = await tx.comment.findFirst({
    where: { id: commentId, workspaceId: ctx.workspace.id, deletedAt: null },
    select: {
      id: true,
      authorId: true,
      body: true,
      recommendationId: true,
      recommendation: { select: { trackerId: true } },
    },
  });
  if (!comment) throw notFoundError("errors.notFound.comment");
  return comment;
}

export async function addComment(workspaceSlug: string, recommendationId: string, body: string) {
  return mutate(workspaceSlug, "comment.create", async ({ tx, ctx, emit }) => {
    const rec = await findScopedRecommendation(tx, ctx, recommendationId);
    const mentions = await mentionedMembers(tx, ctx, body);
    const comment = await tx.comment.create({
      data: { workspaceId: ctx.workspace.id, recommendationId: rec.id, authorId: ctx.user.id, body },
      select: { id: true },
    });
    await emit({
      type: "comment.added",
      trackerId: rec.trackerId,
      recommendationId: rec.id,
      data: { commentId: comment.id, mentions },
    });
    return recommendationPaths(ctx, { id: rec.id, trackerId: rec.trackerId });
  });
}

export async function editComment(workspaceSlug: string, commentId: string, body: string) {
  return mutate(workspaceSlug, "comment.create", async ({ tx, ctx, emit }) => {
    const comment = await findScopedComment(tx, ctx, commentId);
    if (comment.authorId !== ctx.user.id) throw new DalError("FORBIDDEN", "comments.errors.notOwnEdit");
    const before = await mentionedMembers(tx, ctx, comment.body);
    await tx.comment.update({ where: { id: comment.id }, data: { body, editedAt: new Date() } });
    await requoteComment(tx, ctx, comment, body);
    const mentions = await mentionedMembers(tx, ctx, body);
    const wasMentioned = new Set(before.map((m) => m.userId));
    await emit({
      type: "comment.edited",
      trackerId: comment.recommendation.trackerId,
      recommendationId: comment.recommendationId,
      data: {
        commentId: comment.id,
        mentions,
        addedMentions: mentions.filter((m) => !wasMentioned.has(m.userId)),
      },
    });
    return recommendationPaths(ctx, {
      id: comment.recommendationId,
      trackerId: comment.recommendation.trackerId,
    });
  });
}

/** Authors delete their own comments; admins delete any. The row is kept (soft delete) for the audit trail. */
export async function deleteComment(workspaceSlug: string, commentId: string) {
  return mutate(workspaceSlug, null, async ({ tx, ctx, emit }) => {
    const comment = await findScopedComment(tx, ctx, commentId);
    const isOwn = comment.authorId === ctx.user.id && can(ctx.role, "comment.create");
    if (!isOwn && !can(ctx.role, "comment.deleteAny")) {
      throw new DalError("FORBIDDEN", "comments.errors.notOwnDelete");
    }
    await tx.comment.update({ where: { id: comment.id }, data: { deletedAt: new Date() } });
    await requoteComment(tx, ctx, comment, null);
    await emit({
      type: "comment.deleted",
      trackerId: comment.recommendation.trackerId,
      recommendationId: comment.recommendationId,
      data: { commentId: comment.id, byAuthor: isOwn },
    });
    return recommendationPaths(ctx, {
      id: comment.recommendationId,
      trackerId: comment.recommendation.trackerId,
    });
  });
}
