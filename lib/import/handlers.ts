import "server-only";
import { checkImportTarget, stageImportFile } from "@/lib/import/mutations";
import { getImportJob } from "@/lib/import/queries";
import { MAX_IMPORT_BYTES } from "@/lib/import/rows";
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

const IMPORT_EXTENSIONS = new Set(["csv", "tsv", "txt", "json"]);
const SPREADSHEET_EXTENSIONS = new Set(["xls", "xlsx", "ods", "numbers"]);

/** 415 for a file that is clearly not CSV or JSON (a file without an extension is sniffed when read). */
function checkImportType(fileName: string) {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!extension || IMPORT_EXTENSIONS.has(extension)) return;
  throw new HttpError(
    415,
    SPREADSHEET_EXTENSIONS.has(extension) ? "import.file.spreadsheet" : "import.file.wrongType",
  );
}

/**
 * POST /api/w/[slug]/t/[trackerId]/import-uploads?name=<file name>: the body is the CSV or JSON file.
 * Authorization, the tracker, the type, the declared size and the quota are checked before the body is
 * read; the body is read with a hard cap. Answers 201 with what the mapping step needs (StagedImport).
 */
export function uploadImportFile(
  request: Request,
  workspaceSlug: string,
  trackerId: string,
): Promise<Response> {
  return jsonRoute(async () => {
    requireSameOrigin(request);
    const ctx = await requireApiMembership(workspaceSlug, "tracker.import");
    await checkImportTarget(ctx, trackerId);
    const fileName = uploadFileName(request);
    checkImportType(fileName);
    const size = declaredLength(request, MAX_IMPORT_BYTES);
    await checkUploadQuota(ctx.user.id, size ?? 0);
    const bytes = await readBodyCapped(request, MAX_IMPORT_BYTES);
    const mimeType = request.headers.get("content-type")?.split(";")[0]?.trim() || "text/csv";
    const staged = await stageImportFile(ctx, { trackerId, fileName, mimeType, bytes });
    return Response.json(staged, { status: 201, headers: { "Cache-Control": "no-store" } });
  });
}

/** GET /api/w/[slug]/import-jobs/[jobId]: the progress or result of one of the caller's imports. */
export function importJobStatus(workspaceSlug: string, jobId: string): Promise<Response> {
  return jsonRoute(async () => {
    const ctx = await requireApiMembership(workspaceSlug, "tracker.import");
    const job = await getImportJob(ctx, jobId);
    return Response.json(job, { headers: { "Cache-Control": "no-store" } });
  });
}
