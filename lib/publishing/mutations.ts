import "server-only";
import { mutate } from "@/lib/server/mutate";
import { DalError, notFoundError } from "@/lib/server/errors";
import { routes } from "@/lib/routes";

/** Publishes a tracker (live) or one of its snapshots at /p/<workspace>/<tracker>; replaces what was published. */
export async function publishTracker(input: { workspaceSlug: string; trackerId: string; source: string }) {
  return mutate(input.workspaceSlug, "tracker.publish", async ({ tx, ctx, emit, unchanged }) => {
    const tracker = await tx.tracker.findFirst({
      where: { id: input.trackerId, workspaceId: ctx.workspace.id },
      select: { id: true, archivedAt: true },
    });
    if (!tracker) throw notFoundError("errors.notFound.tracker");
    if (tracker.archivedAt) throw new DalError("INVALID", "publishing.errors.archived");
    const snapshot =
      input.source === "live"
        ? null
        : await tx.snapshot.findFirst({
            where: { id: input.source, trackerId: tracker.id, workspaceId: ctx.workspace.id },
            select: { id: true, name: true },
          });
    if (input.source !== "live" && !snapshot)
      throw new DalError("INVALID", "publishing.errors.snapshotMissing", {
        source: ["publishing.errors.snapshotMissing"],
      });
    const current = await tx.publication.findUnique({
      where: { trackerId: tracker.id },
      select: { snapshotId: true },
    });
    const paths = {
      publishPath: routes.trackerPage(ctx.workspace.slug, tracker.id, "publish"),
      publicPath: routes.publicScorecard(ctx.workspace.slug, tracker.id),
      trackerId: tracker.id,
    };
    if (current && current.snapshotId === (snapshot?.id ?? null)) {
      unchanged();
      return paths;
    }
    await tx.publication.upsert({
      where: { trackerId: tracker.id },
      create: {
        workspaceId: ctx.workspace.id,
        trackerId: tracker.id,
        snapshotId: snapshot?.id ?? null,
        publishedById: ctx.user.id,
      },
      update: { snapshotId: snapshot?.id ?? null, publishedById: ctx.user.id, publishedAt: new Date() },
    });
    await emit({
      type: "tracker.published",
      trackerId: tracker.id,
      data: {
        mode: snapshot ? "snapshot" : "live",
        snapshotId: snapshot?.id ?? null,
        snapshotName: snapshot?.name ?? null,
      },
    });
    return paths;
  });
}

/** Unpublishes: deletes the publication, so every public URL answers 404 from the next request on. */
export async function unpublishTracker(input: { workspaceSlug: string; trackerId: string }) {
  return mutate(input.workspaceSlug, "tracker.publish", async ({ tx, ctx, emit }) => {
    const tracker = await tx.tracker.findFirst({
      where: { id: input.trackerId, workspaceId: ctx.workspace.id },
      select: { id: true },
    });
    if (!tracker) throw notFoundError("errors.notFound.tracker");
    const publication = await tx.publication.findFirst({
      where: { trackerId: tracker.id, workspaceId: ctx.workspace.id },
      select: { id: true, snapshotId: true },
    });
    if (!publication) throw new DalError("INVALID", "publishing.errors.notPublished");
    await tx.publication.delete({ where: { id: publication.id } });
    await emit({
      type: "tracker.unpublished",
      trackerId: tracker.id,
      data: { mode: publication.snapshotId ? "snapshot" : "live" },
    });
    return {
      publishPath: routes.trackerPage(ctx.workspace.slug, tracker.id, "publish"),
      publicPath: routes.publicScorecard(ctx.workspace.slug, tracker.id),
      trackerId: tracker.id,
    };
  });
}
