"use server";

import { redirect } from "next/navigation";
import { success, type ActionResult } from "@/lib/action-result";
import { createTracker } from "@/lib/trackers/mutations";
import { CreateTrackerSchema } from "@/lib/trackers/schemas";
import { formToObject, runAction } from "@/lib/server/run-action";

export async function createTrackerAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  let target: string | undefined;
  const result = await runAction(CreateTrackerSchema, formToObject(form), async (input) => {
    target = (await createTracker(input)).path;
    return success("Tracker created");
  });
  if (result.ok && target) redirect(target);
  return result;
}
