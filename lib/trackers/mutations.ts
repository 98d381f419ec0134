import "server-only";
import { db } from "@/lib/server/db";
import { recordActivity } from "@/lib/server/events";
import { requireMembership } from "@/lib/server/authz";
import { routes } from "@/lib/routes";

/** A tracker built by hand: a name and its sections (one per line). Document import builds on the same rows. */
export async function createTracker(input: {
  workspaceSlug: string;
  name: string;
  description: string | null;
  sections: string[];
}) {
  const ctx = await requireMembership(input.workspaceSlug, "tracker.manage");
  return db.$transaction(async (tx) => {
    const tracker = await tx.tracker.create({
      data: {
        workspaceId: ctx.workspace.id,
        name: input.name,
        description: input.description,
        sections: {
          create: input.sections.map((title, position) => ({
            workspaceId: ctx.workspace.id,
            title,
            position,
          })),
        },
      },
      select: { id: true },
    });
    await recordActivity(tx, {
      type: "tracker.created",
      actorId: ctx.user.id,
      workspaceId: ctx.workspace.id,
      trackerId: tracker.id,
      data: { name: input.name, sections: input.sections.length },
    });
    return { path: routes.tracker(ctx.workspace.slug, tracker.id) };
  });
}
