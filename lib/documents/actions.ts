"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { success, type ActionResult } from "@/lib/action-result";
import { createTrackerFromDocument } from "@/lib/documents/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import { CreateDocumentTrackerSchema } from "@/lib/documents/schemas";
import { routes } from "@/lib/routes";

// Authorization lives in lib/documents/mutations.ts: requireMembership(slug, "tracker.manage"), and the
// document is the caller's own upload; tests/trust/permissions.test.ts checks every role. The document is
// uploaded and analyzed through a route handler (lib/documents/handlers.ts); this action only gets the
// reviewed result, which refers to the stored document by its upload id.

export async function createDocumentTrackerAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  let target: string | undefined;
  const result = await runAction(CreateDocumentTrackerSchema, formToObject(form), async (input) => {
    target = (await createTrackerFromDocument(input.workspaceSlug, input.payload, input.language)).path;
    revalidatePath(routes.workspace(input.workspaceSlug));
    return success("newTracker.created");
  });
  if (result.ok && target) redirect(target);
  return result;
}
