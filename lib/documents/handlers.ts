import "server-only";
import { analyzeDocument } from "@/lib/documents/mutations";
import { DOCUMENT_MESSAGE_VALUES, MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
import { checkDocumentType, decodeTextBytes, DocumentParseError } from "@/lib/documents/parse";
import {
  HttpError,
  declaredLength,
  jsonRoute,
  readBodyCapped,
  requireApiMembership,
  requireSameOrigin,
  uploadFileName,
} from "@/lib/server/http";
import { checkUploadQuota } from "@/lib/uploads/mutations";

const PARSE_STATUS: Record<DocumentParseError["code"], HttpError["status"]> = {
  UNSUPPORTED_TYPE: 415,
  TOO_LARGE: 413,
  EMPTY: 400,
  UNREADABLE: 400,
  ENCRYPTED: 400,
};

/**
 * POST /api/w/[slug]/document-uploads: a document to make a new tracker from. The body is the file itself
 * (`?name=<file name>`, Content-Type its type) or pasted text (`?source=paste`, UTF-8). Answers 201 with
 * the proposal (DocumentProposal: upload id, text, sections, candidates). Who may, the type and the size
 * are checked before the body is read.
 */
export function uploadDocument(request: Request, workspaceSlug: string): Promise<Response> {
  return jsonRoute(async () => {
    requireSameOrigin(request);
    const ctx = await requireApiMembership(workspaceSlug, "tracker.manage");
    const isPaste = new URL(request.url).searchParams.get("source") === "paste";
    const fileName = isPaste ? null : uploadFileName(request);
    const mimeType = request.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
    try {
      if (fileName) checkDocumentType(fileName, mimeType);
      const size = declaredLength(request, MAX_DOCUMENT_BYTES);
      await checkUploadQuota(ctx.user.id, size ?? 0);
      const bytes = await readBodyCapped(request, MAX_DOCUMENT_BYTES);
      const proposal = await analyzeDocument(ctx, {
        file: fileName ? { name: fileName, type: mimeType, bytes } : null,
        text: isPaste ? decodeTextBytes(bytes) : null,
      });
      return Response.json(proposal, { status: 201, headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (error instanceof DocumentParseError)
        throw new HttpError(PARSE_STATUS[error.code], error.message, DOCUMENT_MESSAGE_VALUES);
      throw error;
    }
  });
}
