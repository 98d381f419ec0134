import "server-only";
import { mutate } from "@/lib/server/mutate";
import { DalError, notFoundError } from "@/lib/server/errors";
import { routes } from "@/lib/routes";
import { SNAPSHOT_LIMITS, endOfDay } from "@/lib/snapshots/rules";
import {
  countLiveRecommendations,
  findTracker,
  readTrackerItems,
  statusesOnDay,
} from "@/lib/snapshots/queries";
import type { CreateSnapshotInput } from "@/lib/snapshots/schemas";

/**
 * Freezes a tracker as of now or the end of a past day. Everything is copied into SnapshotItem rows in
 * one transaction with its event; nothing updates them afterwards. Bounded: at most
 * SNAPSHOT_LIMITS.recommendations items and SNAPSHOT_LIMITS.perTracker snapshots per tracker.
 */
export async function createSnapshot(input: CreateSnapshotInput) {
  return mutate(
    input.workspaceSlug,
    "snapshot.manage",
    async ({ tx, ctx, emit }) => {
      const tracker = await findTracker(ctx.workspace.id, input.trackerId, tx);
      if (!tracker) throw notFoundError("errors.notFound.tracker");
      const existing = await tx.snapshot.count({ where: { trackerId: tracker.id } });
      if (existing >= SNAPSHOT_LIMITS.perTracker)
        throw new DalError("INVALID", "snapshots.errors.tooMany").withValues({
          max: SNAPSHOT_LIMITS.perTracker,
        });
      const live = await countLiveRecommendations(tx, ctx.workspace.id, tracker.id);
      if (live > SNAPSHOT_LIMITS.recommendations)
        throw new DalError("INVALID", "snapshots.errors.tooLarge").withValues({
          max: SNAPSHOT_LIMITS.recommendations,
          count: live,
        });
      const now = new Date();
      const asOf = input.asOf && endOfDay(input.asOf) < now ? endOfDay(input.asOf) : now;
      const past =
        asOf < now ? { asOf, statuses: await statusesOnDay(ctx.workspace.id, tracker.id, asOf) } : undefined;
      if (past && past.statuses.size > SNAPSHOT_LIMITS.recommendations)
        throw new DalError("INVALID", "snapshots.errors.tooLargePast").withValues({
          max: SNAPSHOT_LIMITS.recommendations,
        });
      const items = await readTrackerItems(tx, ctx.workspace.id, tracker.id, past);
      const snapshot = await tx.snapshot.create({
        data: {
          workspaceId: ctx.workspace.id,
          trackerId: tracker.id,
          name: input.name,
          asOf,
          trackerName: tracker.name,
          citation: citationOf(tracker.document),
          itemCount: items.length,
          createdById: ctx.user.id,
        },
        select: { id: true },
      });
      for (let i = 0; i < items.length; i += SNAPSHOT_LIMITS.insertBatch) {
        await tx.snapshotItem.createMany({
          data: items.slice(i, i + SNAPSHOT_LIMITS.insertBatch).map((item) => ({
            ...item,
            snapshotId: snapshot.id,
            statusChangedAt: item.statusChangedAt ? new Date(item.statusChangedAt) : null,
          })),
        });
      }
      await emit({
        type: "snapshot.created",
        trackerId: tracker.id,
        data: {
          snapshotId: snapshot.id,
          name: input.name,
          asOf: asOf.toISOString(),
          recommendations: items.length,
        },
      });
      return {
        snapshotId: snapshot.id,
        path: routes.snapshot(ctx.workspace.slug, tracker.id, snapshot.id),
        listPath: routes.trackerPage(ctx.workspace.slug, tracker.id, "snapshots"),
      };
    },
    { timeout: 120_000 },
  );
}

/** "Title, Author (citation)": how the public page and a snapshot cite the source document. */
export function citationOf(
  document: { title: string; author: string | null; citation: string | null } | null,
): string | null {
  if (!document) return null;
  return `${document.title}${document.author ? `, ${document.author}` : ""}${document.citation ? ` (${document.citation})` : ""}`;
}
