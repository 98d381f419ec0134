import "server-only";
import { db } from "@/lib/server/db";
import { DalError, notFoundError } from "@/lib/server/errors";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import {
  MAX_IMPORT_BYTES,
  prepareRows,
  suggestMapping,
  type ColumnMapping,
  type ImportTable,
  type PreparedRow,
  type RejectedRow,
} from "@/lib/import/rows";
import {
  LISTED_REJECTIONS,
  importTable,
  memberIdsByEmail,
  readTable,
  summarizeTable,
  type ImportResult,
} from "@/lib/import/execute";
import { enqueueImportJob } from "@/lib/import/worker";
import { requireMembership, type MembershipContext } from "@/lib/server/authz";
import { storeUpload } from "@/lib/uploads/mutations";
import { findOwnUpload, findOwnUploadInfo } from "@/lib/uploads/queries";

/**
 * CSV and JSON import into a tracker. The file is uploaded once (POST route handler, stored in PostgreSQL
 * as an Upload) while the user maps its columns and previews the rows; the import itself runs as a pg-boss
 * job (lib/import/worker.ts) in one transaction, written in batches, and reports its progress on its
 * ImportJob row. Any app instance can serve any step.
 */

export const PREVIEW_ROWS = 20;

export type { ImportResult };

async function findImportTracker(ctx: MembershipContext, trackerId: string) {
  const tracker = await db.tracker.findFirst({
    where: { id: trackerId, workspaceId: ctx.workspace.id, archivedAt: null },
    select: { id: true, name: true },
  });
  if (!tracker) throw notFoundError("errors.notFound.tracker");
  return tracker;
}

export type StagedImport = {
  uploadId: string;
  fileName: string;
  kind: ImportTable["kind"];
  headers: string[];
  mapping: ColumnMapping;
  rowCount: number;
  sample: Record<string, string>[];
};

/** Checks that the tracker can be imported into, before an upload's body is read. */
export async function checkImportTarget(ctx: MembershipContext, trackerId: string): Promise<void> {
  await findImportTracker(ctx, trackerId);
}

/** Reads an uploaded file and stores it for the mapping, preview and import steps. */
export async function stageImportFile(
  ctx: MembershipContext,
  input: { trackerId: string; fileName: string; mimeType: string; bytes: Uint8Array },
): Promise<StagedImport> {
  const tracker = await findImportTracker(ctx, input.trackerId);
  if (input.bytes.byteLength === 0) throw new DalError("INVALID", "import.file.empty");
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new DalError("INVALID", "import.file.tooLarge").withValues({ mb: MAX_IMPORT_BYTES / 1024 / 1024 });
  }
  const fileName = input.fileName.slice(0, 200);
  const summary = await summarizeTable(fileName, input.bytes);
  const upload = await storeUpload(ctx, {
    kind: "IMPORT",
    trackerId: tracker.id,
    fileName,
    mimeType: input.mimeType,
    bytes: input.bytes,
  });
  return {
    uploadId: upload.id,
    fileName,
    kind: summary.kind,
    headers: summary.headers,
    mapping: suggestMapping(summary.headers),
    rowCount: summary.rowCount,
    sample: summary.sample,
  };
}

async function loadStagedTable(ctx: MembershipContext, trackerId: string, uploadId: string) {
  const upload = await findOwnUpload(ctx, { uploadId, kind: "IMPORT", trackerId });
  return { upload, table: await readTable(upload.fileName ?? "upload.csv", upload.bytes) };
}

export type ImportPreview = {
  total: number;
  validCount: number;
  rejectedCount: number;
  rows: {
    rowNumber: number;
    title: string;
    text: string;
    section: string | null;
    tags: string[];
    status: RecommendationStatus | null;
    attributes: number;
    errors: RejectedRow["errors"];
  }[];
  rejected: RejectedRow[];
};

/** Every row validated against the mapping; the first rows shown with their errors. */
export async function previewImport(input: {
  workspaceSlug: string;
  trackerId: string;
  uploadId: string;
  mapping: ColumnMapping;
}): Promise<ImportPreview> {
  const ctx = await requireMembership(input.workspaceSlug, "tracker.import");
  const { table } = await loadStagedTable(ctx, input.trackerId, input.uploadId);
  const prepared = prepareRows(table, input.mapping, {
    memberIdsByEmail: await memberIdsByEmail(ctx.workspace.id),
  });
  const byRow = new Map<number, { row?: PreparedRow; rejected?: RejectedRow }>();
  for (const row of prepared.rows) if (byRow.size < PREVIEW_ROWS * 2) byRow.set(row.rowNumber, { row });
  for (const rej of prepared.rejected)
    if (byRow.size < PREVIEW_ROWS * 4) byRow.set(rej.rowNumber, { rejected: rej });
  const firstRows = [...byRow.entries()].sort(([a], [b]) => a - b).slice(0, PREVIEW_ROWS);
  return {
    total: prepared.total,
    validCount: prepared.rows.length,
    rejectedCount: prepared.rejected.length,
    rows: firstRows.map(([rowNumber, { row, rejected }]) => ({
      rowNumber,
      title: row ? (row.title ?? row.derivedTitle) : (rejected?.label ?? ""),
      text: row ? row.text.slice(0, 300) : "",
      section: row?.section ?? null,
      tags: row?.tags ?? [],
      status: row?.status ?? null,
      attributes: row ? Object.keys(row.attributes).length : 0,
      errors: rejected?.errors ?? [],
    })),
    rejected: prepared.rejected.slice(0, LISTED_REJECTIONS),
  };
}

/**
 * Queues the import of a staged upload as a background job; follow it with getImportJob. One import per
 * tracker at a time: the tracker row is locked while the check and the insert run.
 */
export async function startImportJob(input: {
  workspaceSlug: string;
  trackerId: string;
  uploadId: string;
  mapping: ColumnMapping;
  isStrict: boolean;
  defaultSection: string;
}): Promise<{ jobId: string }> {
  const ctx = await requireMembership(input.workspaceSlug, "tracker.import");
  const tracker = await findImportTracker(ctx, input.trackerId);
  const upload = await findOwnUploadInfo(ctx, {
    uploadId: input.uploadId,
    kind: "IMPORT",
    trackerId: tracker.id,
  });
  const job = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Tracker" WHERE "id" = ${tracker.id} FOR UPDATE`;
    const active = await tx.importJob.findFirst({
      where: { trackerId: tracker.id, state: { in: ["QUEUED", "RUNNING"] } },
      select: { id: true },
    });
    if (active) {
      throw new DalError("CONFLICT", "import.jobErrors.alreadyRunning");
    }
    return tx.importJob.create({
      data: {
        workspaceId: ctx.workspace.id,
        trackerId: tracker.id,
        userId: ctx.user.id,
        uploadId: upload.id,
        fileName: upload.fileName ?? "upload",
        mapping: input.mapping,
        isStrict: input.isStrict,
        defaultSection: input.defaultSection,
        heartbeatAt: new Date(),
      },
      select: { id: true },
    });
  });
  // Committed first, then sent: if this instance dies in between, the sweeper sends it (lib/import/worker.ts).
  await enqueueImportJob(job.id);
  return { jobId: job.id };
}

/** Imports a file in one go (tests and scripts; the UI goes through upload → preview → job). */
export async function importFile(input: {
  workspaceSlug: string;
  trackerId: string;
  fileName: string;
  bytes: Uint8Array;
  mapping?: ColumnMapping;
  isStrict?: boolean;
  defaultSection?: string;
}): Promise<ImportResult> {
  const ctx = await requireMembership(input.workspaceSlug, "tracker.import");
  const tracker = await findImportTracker(ctx, input.trackerId);
  const table = await readTable(input.fileName, input.bytes);
  return importTable({
    workspaceId: ctx.workspace.id,
    actorId: ctx.user.id,
    trackerId: tracker.id,
    fileName: input.fileName,
    table,
    mapping: input.mapping ?? suggestMapping(table.headers),
    isStrict: input.isStrict ?? false,
    defaultSection: input.defaultSection ?? "Imported",
  });
}
