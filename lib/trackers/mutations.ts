import "server-only";
import { mutate } from "@/lib/server/mutate";
import { routes } from "@/lib/routes";

/** A tracker built by hand: a name and its sections (one per line). Document import builds on the same rows. */
export async function createTracker(input: {
  workspaceSlug: string;
  name: string;
  description: string | null;
  sections: string[];
}) {
  return mutate(input.workspaceSlug, "tracker.manage", async ({ tx, ctx, emit }) => {
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
    await emit({
      type: "tracker.created",
      trackerId: tracker.id,
      data: { name: input.name, sections: input.sections.length },
    });
    return { path: routes.tracker(ctx.workspace.slug, tracker.id) };
  });
}
