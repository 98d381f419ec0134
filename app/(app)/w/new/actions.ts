"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { success, type ActionResult } from "@/lib/action-result";
import { createWorkspace } from "@/lib/dal/workspaces";
import { formToObject, runAction } from "@/lib/run-action";
import { CreateWorkspaceSchema } from "@/lib/validation/workspace";

export async function createWorkspaceAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  let slug: string | undefined;
  const result = await runAction(CreateWorkspaceSchema, formToObject(form), async (input) => {
    const user = await requireUser();
    slug = (await createWorkspace(user, input)).slug;
    return success("Workspace created");
  });
  if (result.ok && slug) redirect(`/w/${slug}`);
  return result;
}
