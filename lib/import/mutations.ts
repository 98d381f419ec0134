import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";
import { DalError, notFoundError } from "@/lib/server/errors";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { decodeImportBytes } from "@/lib/import/encoding";
import {
  ImportFileError,
  MAX_IMPORT_BYTES,
  prepareRows,
  readImportFile,
  suggestMapping,
  type ColumnMapping,
  type ImportTable,
  type PreparedRow,
  type RejectedRow,
} from "@/lib/import/rows";
import { writeImport } from "@/lib/import/writer";
import { requireMembership, type MembershipContext } from "@/lib/server/authz";

/**
 * CSV and JSON import into a tracker. The file is uploaded once and kept in memory (per server process, for 30
 * minutes) while the user maps its columns and previews the rows; the import itself runs as a background job in
 * one long transaction, written in batches (createMany and set-based UPDATEs), and reports its progress.
 */

const UPLOAD_TTL_MS = 30 * 60_000;

const JOB_TTL_MS = 60 * 60_000;

export const PREVIEW_ROWS = 20;

const LISTED_REJECTIONS = 500;

type Upload = {
  id: string;
  workspaceId: string;
  trackerId: string;
  userId: string;
  fileName: string;
  table: ImportTable;
  createdAt: number;
};

export type ImportResult = {
  fileName: string;
  total: number;
  created: number;
  updated: number;
  rejectedCount: number;
  rejected: RejectedRow[];
  isStrictFailure: boolean;
  durationMs: number;
};

export type ImportJobView = {
  id: string;
  state: "running" | "done" | "failed";
  phase: string;
  processed: number;
  total: number;
  result?: ImportResult;
  error?: string;
};

type Job = ImportJobView & { workspaceId: string; userId: string; trackerId: string; startedAt: number };

const store = ((
  globalThis as { __importStore?: { uploads: Map<string, Upload>; jobs: Map<string, Job> } }
).__importStore ??= { uploads: new Map(), jobs: new Map() });

function sweep() {
  const now = Date.now();
  for (const [id, upload] of store.uploads)
    if (now - upload.createdAt > UPLOAD_TTL_MS) store.uploads.delete(id);
  for (const [id, job] of store.jobs) {
    if (job.state !== "running" && now - job.startedAt > JOB_TTL_MS) store.jobs.delete(id);
  }
}

async function findImportTracker(ctx: MembershipContext, trackerId: string) {
  const tracker = await db.tracker.findFirst({
    where: { id: trackerId, workspaceId: ctx.workspace.id, archivedAt: null },
    select: { id: true, name: true },
  });
  if (!tracker) throw notFoundError("That tracker");
  return tracker;
}

async function memberIdsByEmail(workspaceId: string) {
  const members = await db.membership.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, email: true } } },
  });
  return new Map(members.map((m) => [m.user.email.toLowerCase(), m.user.id]));
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

/** Reads an uploaded file and keeps it for the mapping and preview steps. */
export async function stageImportFile(input: {
  workspaceSlug: string;
  trackerId: string;
  fileName: string;
  bytes: Uint8Array;
}): Promise<StagedImport> {
  const ctx = await requireMembership(input.workspaceSlug, "tracker.import");
  const tracker = await findImportTracker(ctx, input.trackerId);
  if (input.bytes.byteLength === 0) throw new DalError("INVALID", "This file is empty.");
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new DalError("INVALID", `This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  const table = readTable(input.fileName, input.bytes);
  sweep();
  const upload: Upload = {
    id: randomUUID(),
    workspaceId: ctx.workspace.id,
    trackerId: tracker.id,
    userId: ctx.user.id,
    fileName: input.fileName.slice(0, 200),
    table,
    createdAt: Date.now(),
  };
  store.uploads.set(upload.id, upload);
  return {
    uploadId: upload.id,
    fileName: upload.fileName,
    kind: table.kind,
    headers: table.headers,
    mapping: suggestMapping(table.headers),
    rowCount: table.records.length,
    sample: table.records.slice(0, 5).map((r) => r.cells),
  };
}

function readTable(fileName: string, bytes: Uint8Array): ImportTable {
  try {
    return readImportFile(fileName, decodeImportBytes(bytes));
  } catch (error) {
    if (error instanceof ImportFileError) throw new DalError("INVALID", error.message);
    throw error;
  }
}

function findUpload(ctx: MembershipContext, trackerId: string, uploadId: string): Upload {
  sweep();
  const upload = store.uploads.get(uploadId);
  if (
    !upload ||
    upload.workspaceId !== ctx.workspace.id ||
    upload.trackerId !== trackerId ||
    upload.userId !== ctx.user.id
  ) {
    throw new DalError("NOT_FOUND", "This upload has expired. Choose the file again.");
  }
  return upload;
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
    errors: string[];
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
  const upload = findUpload(ctx, input.trackerId, input.uploadId);
  const prepared = prepareRows(upload.table, input.mapping, {
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

/** Starts the import of a staged upload as a background job; poll it with getImportJob. */
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
  const upload = findUpload(ctx, tracker.id, input.uploadId);
  const running = [...store.jobs.values()].find((j) => j.trackerId === tracker.id && j.state === "running");
  if (running)
    throw new DalError("CONFLICT", "An import into this tracker is already running. Wait for it to finish.");
  const job: Job = {
    id: randomUUID(),
    state: "running",
    phase: "Checking rows",
    processed: 0,
    total: upload.table.records.length,
    workspaceId: ctx.workspace.id,
    userId: ctx.user.id,
    trackerId: tracker.id,
    startedAt: Date.now(),
  };
  store.jobs.set(job.id, job);
  void importTable(ctx, {
    trackerId: tracker.id,
    fileName: upload.fileName,
    table: upload.table,
    mapping: input.mapping,
    isStrict: input.isStrict,
    defaultSection: input.defaultSection,
    onProgress: (processed, phase) => {
      job.processed = processed;
      job.phase = phase;
    },
  }).then(
    (result) => {
      job.state = "done";
      job.result = result;
      job.processed = job.total;
      job.phase = "Done";
      store.uploads.delete(upload.id);
    },
    (error: unknown) => {
      console.error("[import] failed", error);
      job.state = "failed";
      job.error =
        error instanceof DalError ? error.message : "The import failed on our side. Nothing was imported.";
    },
  );
  return { jobId: job.id };
}

export async function getImportJob(workspaceSlug: string, jobId: string): Promise<ImportJobView> {
  const ctx = await requireMembership(workspaceSlug, "tracker.import");
  const job = store.jobs.get(jobId);
  if (!job || job.workspaceId !== ctx.workspace.id || job.userId !== ctx.user.id) {
    throw new DalError("NOT_FOUND", "This import was not found. It may have finished a while ago.");
  }
  const { id, state, phase, processed, total, result, error } = job;
  return { id, state, phase, processed, total, result, error };
}

/** Imports a file in one go (tests and scripts; the UI goes through stage → preview → job). */
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
  const table = readTable(input.fileName, input.bytes);
  return importTable(ctx, {
    trackerId: tracker.id,
    fileName: input.fileName,
    table,
    mapping: input.mapping ?? suggestMapping(table.headers),
    isStrict: input.isStrict ?? false,
    defaultSection: input.defaultSection ?? "Imported",
  });
}

async function importTable(
  ctx: MembershipContext,
  input: {
    trackerId: string;
    fileName: string;
    table: ImportTable;
    mapping: ColumnMapping;
    isStrict: boolean;
    defaultSection: string;
    onProgress?: (processed: number, phase: string) => void;
  },
): Promise<ImportResult> {
  const started = performance.now();
  const memberIds = await memberIdsByEmail(ctx.workspace.id);
  const prepared = prepareRows(input.table, input.mapping, { memberIdsByEmail: memberIds });
  const base = {
    fileName: input.fileName,
    total: prepared.total,
    rejectedCount: prepared.rejected.length,
    rejected: prepared.rejected.slice(0, LISTED_REJECTIONS),
  };
  if (input.isStrict && prepared.rejected.length > 0) {
    return {
      ...base,
      created: 0,
      updated: 0,
      isStrictFailure: true,
      durationMs: performance.now() - started,
    };
  }
  const counts = await db.$transaction(
    (tx) =>
      writeImport(tx, {
        workspaceId: ctx.workspace.id,
        trackerId: input.trackerId,
        actorId: ctx.user.id,
        fileName: input.fileName,
        prepared,
        sectionOrder: input.table.sectionOrder,
        defaultSection: input.defaultSection,
        memberIdsByEmail: memberIds,
        onProgress: input.onProgress,
      }),
    { timeout: 15 * 60_000, maxWait: 30_000 },
  );
  return { ...base, ...counts, isStrictFailure: false, durationMs: performance.now() - started };
}
