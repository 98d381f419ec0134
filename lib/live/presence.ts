import "server-only";
import { db } from "@/lib/server/db";
import { PRESENCE_CHANNEL } from "@/lib/live/channels";
import { PRESENCE_TTL_MS } from "@/lib/live/rules";

/**
 * Presence rows: one per open stream on a recommendation page. They are not workspace mutations (nothing a
 * person did, nothing to audit), so they are written directly rather than through mutate(); each change is
 * announced with pg_notify('presence', <recommendationId>) so every instance's viewers re-read the list.
 */
export async function markPresent(presence: {
  id: string;
  userId: string;
  workspaceId: string;
  recommendationId: string;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    // Rows left by streams whose instance died: readers already ignore them; tidy them where we look.
    await tx.presence.deleteMany({
      where: {
        recommendationId: presence.recommendationId,
        lastSeenAt: { lt: new Date(Date.now() - PRESENCE_TTL_MS) },
      },
    });
    await tx.presence.upsert({
      where: { id: presence.id },
      create: presence,
      update: { lastSeenAt: new Date() },
    });
    await tx.$executeRaw`SELECT pg_notify(${PRESENCE_CHANNEL}, ${presence.recommendationId})`;
  });
}

/** Refreshes a stream's presence without announcing it (nothing changed for other viewers). */
export async function refreshPresence(id: string): Promise<void> {
  await db.presence.updateMany({ where: { id }, data: { lastSeenAt: new Date() } });
}

/** Removes a closed stream's presence and announces it. */
export async function markGone(id: string, recommendationId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.presence.deleteMany({ where: { id } });
    if (count > 0) await tx.$executeRaw`SELECT pg_notify(${PRESENCE_CHANNEL}, ${recommendationId})`;
  });
}
