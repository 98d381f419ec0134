"use server";

import { getTranslations } from "next-intl/server";
import { successWith, type ActionResult } from "@/lib/action-result";
import type { RootTranslator } from "@/lib/i18n/localize";
import { localizePreview, type ShownImportPreview } from "@/lib/import/messages";
import { previewImport, startImportJob } from "@/lib/import/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import { PreviewImportSchema, StartImportSchema } from "@/lib/import/schemas";

// Parse → authorize and work in lib/import/mutations.ts (membership with tracker.import, tracker and upload
// scoped to the workspace and the caller) → ActionResult. The file itself is uploaded through a route
// handler (lib/import/handlers.ts), and progress is read from one too: only small bodies come here.

export async function previewImportAction(
  _: ActionResult<ShownImportPreview>,
  form: FormData,
): Promise<ActionResult<ShownImportPreview>> {
  return runAction(PreviewImportSchema, formToObject(form), async (input) => {
    const preview = await previewImport(input);
    const t = (await getTranslations()) as unknown as RootTranslator;
    return successWith(localizePreview(t, preview));
  });
}

export async function startImportAction(
  _: ActionResult<{ jobId: string }>,
  form: FormData,
): Promise<ActionResult<{ jobId: string }>> {
  return runAction(StartImportSchema, formToObject(form), async (input) =>
    successWith(await startImportJob(input)),
  );
}
