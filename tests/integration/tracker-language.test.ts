import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { newWorkspaceWithTracker, type World } from "../support/fixtures";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import { createTracker, setTrackerLanguage } from "@/lib/trackers/mutations";
import { CreateTrackerSchema, SetTrackerLanguageSchema } from "@/lib/trackers/schemas";

let w: World;

beforeAll(async () => {
  w = await newWorkspaceWithTracker("lang");
});

const language = async () =>
  (await db.tracker.findUniqueOrThrow({ where: { id: w.tracker.id }, select: { language: true } })).language;
const events = () =>
  db.activityEvent.findMany({
    where: { trackerId: w.tracker.id, type: "tracker.language_changed" },
    orderBy: { seq: "asc" },
  });

describe("a tracker's content language", () => {
  it("is saved and audited when an editor declares it", async () => {
    actAs(w.editor);
    const input = SetTrackerLanguageSchema.parse({
      workspaceSlug: w.workspace.slug,
      trackerId: w.tracker.id,
      language: "fr",
    });
    await setTrackerLanguage(input);
    expect(await language()).toBe("fr");
    const [event] = await events();
    expect(event?.actorId).toBe(w.editor.id);
    expect(event?.data).toMatchObject({ from: null, to: "fr" });

    // unchanged: nothing more is written
    await setTrackerLanguage(input);
    expect(await events()).toHaveLength(1);

    // "" in the form is "not declared"
    await setTrackerLanguage(
      SetTrackerLanguageSchema.parse({
        workspaceSlug: w.workspace.slug,
        trackerId: w.tracker.id,
        language: "",
      }),
    );
    expect(await language()).toBeNull();
    expect((await events()).at(-1)?.data).toMatchObject({ from: "fr", to: null });
  });

  it("is refused for a viewer, and nothing is written", async () => {
    actAs(w.viewer);
    const before = (await events()).length;
    const error = await setTrackerLanguage({
      workspaceSlug: w.workspace.slug,
      trackerId: w.tracker.id,
      language: "es",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DalError);
    expect((error as DalError).code).toBe("FORBIDDEN");
    expect(await language()).toBeNull();
    expect(await events()).toHaveLength(before);
  });

  it("accepts only the offered languages", () => {
    const parse = (language: string) =>
      SetTrackerLanguageSchema.safeParse({ workspaceSlug: "x", trackerId: "y", language }).success;
    expect(parse("ar")).toBe(true);
    expect(parse("klingon")).toBe(false);
  });

  it("can be set when a tracker is created", async () => {
    actAs(w.owner);
    const input = CreateTrackerSchema.parse({
      workspaceSlug: w.workspace.slug,
      name: "Examen périodique universel",
      sections: "Un\nDeux",
      language: "fr",
    });
    const { path } = await createTracker(input);
    const id = path.split("/").at(-1)!;
    expect((await db.tracker.findUniqueOrThrow({ where: { id } })).language).toBe("fr");
  });
});
