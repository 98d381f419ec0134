"use server";

import { revalidatePath } from "next/cache";
import { success, type ActionResult } from "@/lib/action-result";
import { addComment, deleteComment, editComment } from "@/lib/comments/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import { CommentRefSchema, CreateCommentSchema, EditCommentSchema } from "@/lib/comments/schemas";

// Thin server actions (docs/architecture.md): parse with the form's own schema → the mutation authorizes,
// writes the change and its event in one transaction (lib/server/mutate.ts) → revalidate → ActionResult.

type Result = ActionResult;

export async function addCommentAction(_: Result, form: FormData): Promise<Result> {
  return runAction(CreateCommentSchema, formToObject(form), async (input) => {
    revalidatePath((await addComment(input.workspaceSlug, input.recommendationId, input.body)).path);
    return success("comments.toast.posted");
  });
}

export async function editCommentAction(_: Result, form: FormData): Promise<Result> {
  return runAction(EditCommentSchema, formToObject(form), async (input) => {
    revalidatePath((await editComment(input.workspaceSlug, input.commentId, input.body)).path);
    return success("comments.toast.updated");
  });
}

export async function deleteCommentAction(_: Result, form: FormData): Promise<Result> {
  return runAction(CommentRefSchema, formToObject(form), async (input) => {
    revalidatePath((await deleteComment(input.workspaceSlug, input.commentId)).path);
    return success("comments.toast.deleted");
  });
}
