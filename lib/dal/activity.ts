import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";

/** Every kind of event the app writes. Status history is the STATUS_CHANGED events of a recommendation. */
export const ACTIVITY_TYPES = [
  "account.created",
  "account.password_reset_requested",
  "account.password_reset",
  "account.password_changed",
  "account.signed_out_everywhere",
  "workspace.created",
  "workspace.renamed",
  "workspace.ownership_transferred",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.left",
  "invitation.created",
  "invitation.revoked",
  "tracker.created",
  "section.created",
  "recommendation.created",
  "recommendation.status_changed",
  "recommendation.owner_added",
  "evidence.added",
  "comment.added",
  "action.created",
] as const;

export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export type ActivityInput = {
  type: ActivityType;
  actorId: string | null;
  workspaceId?: string | null;
  trackerId?: string | null;
  recommendationId?: string | null;
  data?: Prisma.InputJsonValue;
  createdAt?: Date;
};

/** Writes the audit event inside the caller's transaction: the change and its event commit together or not at all. */
export async function recordActivity(tx: Tx, event: ActivityInput): Promise<void> {
  await tx.activityEvent.create({
    data: {
      type: event.type,
      actorId: event.actorId,
      workspaceId: event.workspaceId ?? null,
      trackerId: event.trackerId ?? null,
      recommendationId: event.recommendationId ?? null,
      data: event.data ?? {},
      ...(event.createdAt ? { createdAt: event.createdAt } : {}),
    },
  });
}
