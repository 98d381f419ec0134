"use server";

import { revalidatePath, revalidateTag } from "next/cache";
import { success, type ActionResult } from "@/lib/action-result";
import { formToObject, runAction } from "@/lib/server/run-action";
import { publishTracker, unpublishTracker } from "@/lib/publishing/mutations";
import { PublishSchema, UnpublishSchema } from "@/lib/publishing/schemas";
import { publicTag } from "@/lib/publishing/rules";

// Thin server actions: parse → the mutation authorizes (tracker.publish), writes the publication and its
// event in one transaction → drop this instance's cached scorecard → ActionResult. Other instances need no
// signal: every public request re-reads the publication (lib/publishing/queries.ts).

export async function publishAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(PublishSchema, formToObject(form), async (input) => {
    const { publishPath, trackerId } = await publishTracker(input);
    revalidateTag(publicTag(trackerId), { expire: 0 });
    revalidatePath(publishPath);
    return success(
      input.source === "live" ? "publishing.toast.published" : "publishing.toast.snapshotPublished",
    );
  });
}

export async function unpublishAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(UnpublishSchema, formToObject(form), async (input) => {
    const { publishPath, trackerId } = await unpublishTracker(input);
    revalidateTag(publicTag(trackerId), { expire: 0 });
    revalidatePath(publishPath);
    return success("publishing.toast.unpublished");
  });
}
