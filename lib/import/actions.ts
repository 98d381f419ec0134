"use server";

import { revalidatePath } from "next/cache";
import { failure, successWith, type ActionResult } from "@/lib/action-result";
import {
  getImportJob,
  previewImport,
  stageImportFile,
  startImportJob,
  type ImportJobView,
  type ImportPreview,
  type StagedImport,
} from "@/lib/import/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import {
  ImportJobSchema,
  PreviewImportSchema,
  StageImportSchema,
  StartImportSchema,
} from "@/lib/import/schemas";
import { routes } from "@/lib/routes";

// Parse → authorize and work in lib/dal/import.ts (membership with tracker.import, tracker scoped to the
// workspace, one transaction with its activity events) → ActionResult.

export async function stageImportAction(
  _: ActionResult<StagedImport>,
  form: FormData,
): Promise<ActionResult<StagedImport>> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return failure("Choose a CSV or JSON file.", { file: ["Choose a CSV or JSON file."] });
  }
  return runAction(StageImportSchema, formToObject(form), async (input) =>
    successWith(
      await stageImportFile({
        ...input,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      }),
    ),
  );
}

export async function previewImportAction(
  _: ActionResult<ImportPreview>,
  form: FormData,
): Promise<ActionResult<ImportPreview>> {
  return runAction(PreviewImportSchema, formToObject(form), async (input) =>
    successWith(await previewImport(input)),
  );
}

export async function startImportAction(
  _: ActionResult<{ jobId: string }>,
  form: FormData,
): Promise<ActionResult<{ jobId: string }>> {
  return runAction(StartImportSchema, formToObject(form), async (input) =>
    successWith(await startImportJob(input)),
  );
}

export async function importJobAction(
  _: ActionResult<ImportJobView>,
  form: FormData,
): Promise<ActionResult<ImportJobView>> {
  return runAction(ImportJobSchema, formToObject(form), async (input) => {
    const job = await getImportJob(input.workspaceSlug, input.jobId);
    if (job.state === "done") revalidatePath(routes.workspace(input.workspaceSlug), "layout");
    return successWith(job);
  });
}
