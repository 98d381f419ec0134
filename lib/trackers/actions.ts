"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { success, type ActionResult } from "@/lib/action-result";
import { createTracker, setTrackerLanguage } from "@/lib/trackers/mutations";
import { CreateTrackerSchema, SetTrackerLanguageSchema } from "@/lib/trackers/schemas";
import { formToObject, runAction } from "@/lib/server/run-action";
import { routes } from "@/lib/routes";

export async function createTrackerAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  let target: string | undefined;
  const result = await runAction(CreateTrackerSchema, formToObject(form), async (input) => {
    target = (await createTracker(input)).path;
    return success("newTracker.created");
  });
  if (result.ok && target) redirect(target);
  return result;
}

/** Declares the language a tracker's content is written in (null: not declared). Editors and up. */
export async function setTrackerLanguageAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(SetTrackerLanguageSchema, formToObject(form), async (input) => {
    await setTrackerLanguage(input);
    revalidatePath(routes.tracker(input.workspaceSlug, input.trackerId), "layout");
    return success("trackerLanguage.saved");
  });
}
