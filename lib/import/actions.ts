"use server";

import { successWith, type ActionResult } from "@/lib/action-result";
import { previewImport, startImportJob, type ImportPreview } from "@/lib/import/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import { PreviewImportSchema, StartImportSchema } from "@/lib/import/schemas";

// Parse → authorize and work in lib/import/mutations.ts (membership with tracker.import, tracker and upload
// scoped to the workspace and the caller) → ActionResult. The file itself is uploaded through a route
// handler (lib/import/handlers.ts), and progress is read from one too: only small bodies come here.

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
