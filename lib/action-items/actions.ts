"use server";

import { revalidatePath } from "next/cache";
import { success, type ActionResult } from "@/lib/action-result";
import {
  createActionItem,
  deleteActionItem,
  setActionItemDone,
  updateActionItem,
} from "@/lib/action-items/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import {
  ActionItemRefSchema,
  CreateActionItemSchema,
  ToggleActionItemSchema,
  UpdateActionItemSchema,
} from "@/lib/action-items/schemas";

// Thin server actions (docs/architecture.md): parse with the form's own schema → the mutation authorizes,
// writes the change and its event in one transaction (lib/server/mutate.ts) → revalidate → ActionResult.

type Result = ActionResult;

export async function createActionItemAction(_: Result, form: FormData): Promise<Result> {
  return runAction(CreateActionItemSchema, formToObject(form), async (input) => {
    revalidatePath((await createActionItem(input)).path);
    return success("actions.toast.added");
  });
}

export async function updateActionItemAction(_: Result, form: FormData): Promise<Result> {
  return runAction(UpdateActionItemSchema, formToObject(form), async (input) => {
    revalidatePath((await updateActionItem(input)).path);
    return success("actions.toast.saved");
  });
}

export async function toggleActionItemAction(_: Result, form: FormData): Promise<Result> {
  return runAction(ToggleActionItemSchema, formToObject(form), async (input) => {
    revalidatePath((await setActionItemDone(input.workspaceSlug, input.actionId, input.done)).path);
    return success(input.done ? "actions.toast.done" : "actions.toast.reopened");
  });
}

export async function deleteActionItemAction(_: Result, form: FormData): Promise<Result> {
  return runAction(ActionItemRefSchema, formToObject(form), async (input) => {
    revalidatePath((await deleteActionItem(input.workspaceSlug, input.actionId)).path);
    return success("actions.toast.deleted");
  });
}
