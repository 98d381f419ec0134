"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, success, successWith, type ActionResult } from "@/lib/action-result";
import { analyzeDocument, createTrackerFromDocument, type DocumentProposal } from "@/lib/documents/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import { AnalyzeDocumentSchema, CreateDocumentTrackerSchema } from "@/lib/documents/schemas";
import { routes } from "@/lib/routes";

// Authorization lives in lib/dal/document-trackers.ts: both steps start with
// requireMembership(slug, "tracker.manage"), and tests/trust/permissions.test.ts checks every role.

export async function analyzeDocumentAction(
  _: ActionResult<DocumentProposal>,
  form: FormData,
): Promise<ActionResult<DocumentProposal>> {
  const file = form.get("file");
  return runAction(AnalyzeDocumentSchema, formToObject(form), async (input) => {
    if (input.source === "file" && !(file instanceof File && file.name)) {
      return failure("Choose a file to upload.", { file: ["Choose a file to upload."] });
    }
    if (input.source === "paste" && !input.text?.trim()) {
      return failure("Paste the document's text.", { text: ["Paste the document's text."] });
    }
    const proposal = await analyzeDocument(input.workspaceSlug, {
      file:
        input.source === "file" && file instanceof File
          ? { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }
          : null,
      text: input.source === "paste" ? (input.text ?? "") : null,
    });
    return successWith(proposal);
  });
}

export async function createDocumentTrackerAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  let target: string | undefined;
  const result = await runAction(CreateDocumentTrackerSchema, formToObject(form), async (input) => {
    target = (await createTrackerFromDocument(input.workspaceSlug, input.payload)).path;
    revalidatePath(routes.workspace(input.workspaceSlug));
    return success("Tracker created");
  });
  if (result.ok && target) redirect(target);
  return result;
}
