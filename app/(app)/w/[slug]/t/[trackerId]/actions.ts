"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { success, type ActionResult } from "@/lib/action-result";
import {
  createActionItem,
  deleteActionItem,
  setActionItemDone,
  updateActionItem,
} from "@/lib/dal/action-items";
import { addComment, deleteComment, editComment } from "@/lib/dal/comments";
import { addEvidence, deleteEvidence, updateEvidence } from "@/lib/dal/evidence";
import {
  addOwner,
  createRecommendation,
  deleteRecommendation,
  moveRecommendation,
  removeOwner,
  setRecommendationArchived,
  setRecommendationStatus,
  updateRecommendationField,
} from "@/lib/dal/recommendation-edits";
import { createSection, moveSection, setSectionArchived, updateSection } from "@/lib/dal/sections";
import { formToObject, runAction } from "@/lib/run-action";
import { statusMeta } from "@/lib/status";
import { CreateEvidenceSchema, EvidenceRefSchema, UpdateEvidenceSchema } from "@/lib/validation/evidence";
import {
  ActionItemRefSchema,
  ArchiveSchema,
  CommentRefSchema,
  CreateActionItemSchema,
  CreateCommentSchema,
  CreateRecommendationSchema,
  CreateSectionSchema,
  DeleteRecommendationSchema,
  EditCommentSchema,
  MoveSchema,
  OwnerSchema,
  SetStatusSchema,
  ToggleActionItemSchema,
  UpdateActionItemSchema,
  UpdateFieldSchema,
  UpdateSectionSchema,
} from "@/lib/validation/recommendation";

// Each action: parse with the form's own schema → the lib/dal function authorizes (its first step is
// requireMembership(slug, permission): membership and role re-read from the database), scopes every id
// to the workspace and writes the change with its ActivityEvent in one transaction → revalidate → result.
// tests/trust/permissions.test.ts calls every action here as every role to prove it.

type Result = ActionResult;

export async function updateFieldAction(_: Result, form: FormData): Promise<Result> {
  return runAction(UpdateFieldSchema, formToObject(form), async (input) => {
    const { path, trackerPath } = await updateRecommendationField(input);
    revalidatePath(path);
    revalidatePath(trackerPath);
    return success("Saved");
  });
}

export async function setStatusAction(_: Result, form: FormData): Promise<Result> {
  return runAction(SetStatusSchema, formToObject(form), async (input) => {
    const { path, trackerPath } = await setRecommendationStatus(input);
    revalidatePath(path);
    revalidatePath(trackerPath);
    return success(`Status set to ${statusMeta[input.status].label}`);
  });
}

export async function addOwnerAction(_: Result, form: FormData): Promise<Result> {
  return runAction(OwnerSchema, formToObject(form), async (input) => {
    const { path, trackerPath } = await addOwner(input.workspaceSlug, input.recommendationId, input.userId);
    revalidatePath(path);
    revalidatePath(trackerPath);
    return success("Owner assigned");
  });
}

export async function removeOwnerAction(_: Result, form: FormData): Promise<Result> {
  return runAction(OwnerSchema, formToObject(form), async (input) => {
    const { path, trackerPath } = await removeOwner(
      input.workspaceSlug,
      input.recommendationId,
      input.userId,
    );
    revalidatePath(path);
    revalidatePath(trackerPath);
    return success("Owner removed");
  });
}

export async function createRecommendationAction(_: Result, form: FormData): Promise<Result> {
  let target: string | undefined;
  const result = await runAction(CreateRecommendationSchema, formToObject(form), async (input) => {
    const { path, trackerPath } = await createRecommendation(input);
    revalidatePath(trackerPath);
    target = path;
    return success("Recommendation added");
  });
  if (result.ok && target) redirect(target);
  return result;
}

export async function moveRecommendationAction(_: Result, form: FormData): Promise<Result> {
  return runAction(MoveSchema, formToObject(form), async (input) => {
    const { trackerPath } = await moveRecommendation(input.workspaceSlug, input.id, input.direction);
    revalidatePath(trackerPath);
    return success();
  });
}

export async function archiveRecommendationAction(_: Result, form: FormData): Promise<Result> {
  return runAction(ArchiveSchema, formToObject(form), async (input) => {
    const { path, trackerPath } = await setRecommendationArchived(
      input.workspaceSlug,
      input.id,
      input.archived,
    );
    revalidatePath(path);
    revalidatePath(trackerPath);
    return success(input.archived ? "Archived: hidden from the tracker until restored" : "Restored");
  });
}

export async function deleteRecommendationAction(_: Result, form: FormData): Promise<Result> {
  let target: string | undefined;
  const result = await runAction(DeleteRecommendationSchema, formToObject(form), async (input) => {
    const { trackerPath } = await deleteRecommendation(input.workspaceSlug, input.recommendationId);
    revalidatePath(trackerPath);
    target = trackerPath;
    return success("Deleted");
  });
  if (result.ok && target) redirect(target);
  return result;
}

export async function createActionItemAction(_: Result, form: FormData): Promise<Result> {
  return runAction(CreateActionItemSchema, formToObject(form), async (input) => {
    revalidatePath((await createActionItem(input)).path);
    return success("Action added");
  });
}

export async function updateActionItemAction(_: Result, form: FormData): Promise<Result> {
  return runAction(UpdateActionItemSchema, formToObject(form), async (input) => {
    revalidatePath((await updateActionItem(input)).path);
    return success("Action saved");
  });
}

export async function toggleActionItemAction(_: Result, form: FormData): Promise<Result> {
  return runAction(ToggleActionItemSchema, formToObject(form), async (input) => {
    revalidatePath((await setActionItemDone(input.workspaceSlug, input.actionId, input.done)).path);
    return success(input.done ? "Marked done" : "Reopened");
  });
}

export async function deleteActionItemAction(_: Result, form: FormData): Promise<Result> {
  return runAction(ActionItemRefSchema, formToObject(form), async (input) => {
    revalidatePath((await deleteActionItem(input.workspaceSlug, input.actionId)).path);
    return success("Action deleted");
  });
}

export async function addCommentAction(_: Result, form: FormData): Promise<Result> {
  return runAction(CreateCommentSchema, formToObject(form), async (input) => {
    revalidatePath((await addComment(input.workspaceSlug, input.recommendationId, input.body)).path);
    return success("Comment posted");
  });
}

export async function editCommentAction(_: Result, form: FormData): Promise<Result> {
  return runAction(EditCommentSchema, formToObject(form), async (input) => {
    revalidatePath((await editComment(input.workspaceSlug, input.commentId, input.body)).path);
    return success("Comment updated");
  });
}

export async function deleteCommentAction(_: Result, form: FormData): Promise<Result> {
  return runAction(CommentRefSchema, formToObject(form), async (input) => {
    revalidatePath((await deleteComment(input.workspaceSlug, input.commentId)).path);
    return success("Comment deleted");
  });
}

export async function addEvidenceAction(_: Result, form: FormData): Promise<Result> {
  return runAction(
    CreateEvidenceSchema,
    formToObject(form),
    async ({ workspaceSlug, recommendationId, ...fields }) => {
      revalidatePath((await addEvidence(workspaceSlug, recommendationId, fields)).path);
      return success("Evidence added");
    },
  );
}

export async function updateEvidenceAction(_: Result, form: FormData): Promise<Result> {
  return runAction(
    UpdateEvidenceSchema,
    formToObject(form),
    async ({ workspaceSlug, evidenceId, version, ...fields }) => {
      revalidatePath((await updateEvidence(workspaceSlug, evidenceId, version, fields)).path);
      return success("Evidence updated");
    },
  );
}

export async function deleteEvidenceAction(_: Result, form: FormData): Promise<Result> {
  return runAction(EvidenceRefSchema, formToObject(form), async (input) => {
    revalidatePath((await deleteEvidence(input.workspaceSlug, input.evidenceId)).path);
    return success("Evidence deleted");
  });
}

export async function createSectionAction(_: Result, form: FormData): Promise<Result> {
  return runAction(CreateSectionSchema, formToObject(form), async (input) => {
    revalidatePath((await createSection(input)).path, "layout");
    return success("Section added");
  });
}

export async function updateSectionAction(_: Result, form: FormData): Promise<Result> {
  return runAction(UpdateSectionSchema, formToObject(form), async (input) => {
    revalidatePath((await updateSection(input)).path, "layout");
    return success("Section saved");
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
    return success(input.archived ? "Section archived" : "Section restored");
  });
}
