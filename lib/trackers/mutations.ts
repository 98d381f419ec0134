import "server-only";
import { mutate } from "@/lib/server/mutate";
import { DalError } from "@/lib/server/errors";
import { routes } from "@/lib/routes";

/** A tracker built by hand: a name and its sections (one per line). Document import builds on the same rows. */
export async function createTracker(input: {
  workspaceSlug: string;
  name: string;
  description: string | null;
  language?: string | null;
  sections: string[];
}) {
  return mutate(input.workspaceSlug, "tracker.manage", async ({ tx, ctx, emit }) => {
    const tracker = await tx.tracker.create({
      data: {
        workspaceId: ctx.workspace.id,
        name: input.name,
        description: input.description,
        language: input.language ?? null,
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

/**
 * The language a tracker's content is written in (a BCP 47 tag; null: not declared). Editing the
 * tracker's content needs "recommendation.update" (as sections do), so editors and up may declare it.
 * Audited as `tracker.language_changed`; an unchanged choice writes nothing.
 */
export async function setTrackerLanguage(input: {
  workspaceSlug: string;
  trackerId: string;
  language: string | null;
}) {
  return mutate(input.workspaceSlug, "recommendation.update", async ({ tx, ctx, emit, unchanged }) => {
    const tracker = await tx.tracker.findFirst({
      where: { id: input.trackerId, workspaceId: ctx.workspace.id },
      select: { id: true, name: true, language: true },
    });
    if (!tracker) throw new DalError("NOT_FOUND", "errors.notFound.tracker");
    if (tracker.language === input.language) return unchanged();
    await tx.tracker.update({
      where: { id: tracker.id },
      data: { language: input.language, version: { increment: 1 } },
    });
    await emit({
      type: "tracker.language_changed",
      trackerId: tracker.id,
      data: { name: tracker.name, from: tracker.language, to: input.language },
    });
  });
}
