import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import type { ACTIVITY_TYPES } from "@/lib/events/catalog";

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
