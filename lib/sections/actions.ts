"use server";

import { revalidatePath } from "next/cache";
import { success, type ActionResult } from "@/lib/action-result";
import { createSection, moveSection, setSectionArchived, updateSection } from "@/lib/sections/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import { ArchiveSchema, MoveSchema } from "@/lib/recommendations/schemas";
import { CreateSectionSchema, UpdateSectionSchema } from "@/lib/sections/schemas";

// Thin server actions (docs/architecture.md): parse with the form's own schema → the mutation authorizes,
// writes the change and its event in one transaction (lib/server/mutate.ts) → revalidate → ActionResult.

type Result = ActionResult;

export async function createSectionAction(_: Result, form: FormData): Promise<Result> {
  return runAction(CreateSectionSchema, formToObject(form), async (input) => {
    revalidatePath((await createSection(input)).path, "layout");
    return success("sections.toast.added");
  });
}

export async function updateSectionAction(_: Result, form: FormData): Promise<Result> {
  return runAction(UpdateSectionSchema, formToObject(form), async (input) => {
    revalidatePath((await updateSection(input)).path, "layout");
    return success("sections.toast.saved");
  });
}

export async function moveSectionAction(_: Result, form: FormData): Promise<Result> {
  return runAction(MoveSchema, formToObject(form), async (input) => {
    revalidatePath((await moveSection(input.workspaceSlug, input.id, input.direction)).path, "layout");
    return success();
  });
}

export async function archiveSectionAction(_: Result, form: FormData): Promise<Result> {
  return runAction(ArchiveSchema, formToObject(form), async (input) => {
    revalidatePath((await setSectionArchived(input.workspaceSlug, input.id, input.archived)).path, "layout");
    return success(input.archived ? "sections.toast.archived" : "sections.toast.restored");
  });
}
