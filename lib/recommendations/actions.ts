"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { success, type ActionResult } from "@/lib/action-result";
import {
  addOwner,
  createRecommendation,
  deleteRecommendation,
  moveRecommendation,
  removeOwner,
  setRecommendationArchived,
  setRecommendationStatus,
  updateRecommendationField,
} from "@/lib/recommendations/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import { getTranslations } from "next-intl/server";
import {
  ArchiveSchema,
  CreateRecommendationSchema,
  DeleteRecommendationSchema,
  MoveSchema,
  OwnerSchema,
  SetStatusSchema,
  UpdateFieldSchema,
} from "@/lib/recommendations/schemas";

// Thin server actions (docs/architecture.md): parse with the form's own schema → the mutation authorizes,
// writes the change and its event in one transaction (lib/server/mutate.ts) → revalidate → ActionResult.

type Result = ActionResult;

export async function updateFieldAction(_: Result, form: FormData): Promise<Result> {
  return runAction(UpdateFieldSchema, formToObject(form), async (input) => {
    const { path, trackerPath } = await updateRecommendationField(input);
    revalidatePath(path);
    revalidatePath(trackerPath);
    return success("recommendation.toast.saved");
  });
}

export async function setStatusAction(_: Result, form: FormData): Promise<Result> {
  return runAction(SetStatusSchema, formToObject(form), async (input) => {
    const { path, trackerPath } = await setRecommendationStatus(input);
    revalidatePath(path);
    revalidatePath(trackerPath);
    const t = await getTranslations();
    // i18n-keys: status.*.label
    return success(t("recommendation.toast.statusSet", { status: t(`status.${input.status}.label`) }));
  });
}

export async function addOwnerAction(_: Result, form: FormData): Promise<Result> {
  return runAction(OwnerSchema, formToObject(form), async (input) => {
    const { path, trackerPath } = await addOwner(input.workspaceSlug, input.recommendationId, input.userId);
    revalidatePath(path);
    revalidatePath(trackerPath);
    return success("recommendation.toast.ownerAssigned");
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
    return success("recommendation.toast.ownerRemoved");
  });
}

export async function createRecommendationAction(_: Result, form: FormData): Promise<Result> {
  let target: string | undefined;
  const result = await runAction(CreateRecommendationSchema, formToObject(form), async (input) => {
    const { path, trackerPath } = await createRecommendation(input);
    revalidatePath(trackerPath);
    target = path;
    return success("recommendation.toast.added");
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
    return success(input.archived ? "recommendation.toast.archived" : "recommendation.toast.restored");
  });
}

export async function deleteRecommendationAction(_: Result, form: FormData): Promise<Result> {
  let target: string | undefined;
  const result = await runAction(DeleteRecommendationSchema, formToObject(form), async (input) => {
    const { trackerPath } = await deleteRecommendation(input.workspaceSlug, input.recommendationId);
    revalidatePath(trackerPath);
    target = trackerPath;
    return success("recommendation.toast.deleted");
  });
  if (result.ok && target) redirect(target);
  return result;
}
