"use server";

import { revalidatePath } from "next/cache";
import { success, type ActionResult } from "@/lib/action-result";
import { addEvidence, deleteEvidence, updateEvidence } from "@/lib/evidence/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import { CreateEvidenceSchema, EvidenceRefSchema, UpdateEvidenceSchema } from "@/lib/evidence/schemas";

// Thin server actions (docs/architecture.md): parse with the form's own schema → the mutation authorizes,
// writes the change and its event in one transaction (lib/server/mutate.ts) → revalidate → ActionResult.

type Result = ActionResult;

export async function addEvidenceAction(_: Result, form: FormData): Promise<Result> {
  return runAction(
    CreateEvidenceSchema,
    formToObject(form),
    async ({ workspaceSlug, recommendationId, ...fields }) => {
      revalidatePath((await addEvidence(workspaceSlug, recommendationId, fields)).path);
      return success("evidence.toast.added");
    },
  );
}

export async function updateEvidenceAction(_: Result, form: FormData): Promise<Result> {
  return runAction(
    UpdateEvidenceSchema,
    formToObject(form),
    async ({ workspaceSlug, evidenceId, version, ...fields }) => {
      revalidatePath((await updateEvidence(workspaceSlug, evidenceId, version, fields)).path);
      return success("evidence.toast.updated");
    },
  );
}

export async function deleteEvidenceAction(_: Result, form: FormData): Promise<Result> {
  return runAction(EvidenceRefSchema, formToObject(form), async (input) => {
    revalidatePath((await deleteEvidence(input.workspaceSlug, input.evidenceId)).path);
    return success("evidence.toast.deleted");
  });
}
