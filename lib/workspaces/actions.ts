"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/server/auth/session";
import { success, type ActionResult } from "@/lib/action-result";
import { createWorkspace } from "@/lib/workspaces/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import { CreateWorkspaceSchema } from "@/lib/workspaces/schemas";
import { revalidatePath } from "next/cache";
import { deleteWorkspace, renameWorkspace, setWorkspaceLanguage } from "@/lib/workspaces/mutations";
import {
  DeleteWorkspaceSchema,
  RenameWorkspaceSchema,
  WorkspaceLanguageSchema,
} from "@/lib/workspaces/schemas";
import { routes } from "@/lib/routes";

export async function createWorkspaceAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  let slug: string | undefined;
  const result = await runAction(CreateWorkspaceSchema, formToObject(form), async (input) => {
    const user = await requireUser();
    slug = (await createWorkspace(user, input)).slug;
    return success("home.created");
  });
  if (result.ok && slug) redirect(routes.workspace(slug));
  return result;
}

export async function renameWorkspaceAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(RenameWorkspaceSchema, formToObject(form), async (input) => {
    await renameWorkspace(input.workspaceSlug, input.name);
    revalidatePath("/", "layout");
    return success("workspace.toasts.renamed");
  });
}

export async function deleteWorkspaceAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(DeleteWorkspaceSchema, formToObject(form), async (input) => {
    await deleteWorkspace(input.workspaceSlug, input.confirmSlug);
    return success("workspace.toasts.deleted");
  });
  if (result.ok) redirect("/");
  return result;
}

export async function setWorkspaceLanguageAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(WorkspaceLanguageSchema, formToObject(form), async (input) => {
    await setWorkspaceLanguage(input.workspaceSlug, input.locale);
    revalidatePath(routes.settings(input.workspaceSlug));
    return success("workspace.toasts.languageChanged");
  });
}
