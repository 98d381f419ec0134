import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { DalError, notFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
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
  type PreparedImport,
  type PreparedRow,
  type RejectedRow,
} from "@/lib/import/rows";
import { normalizeHttpUrl, urlIdentity } from "@/lib/url";
import { requireMembership, type MembershipContext } from "@/lib/dal/memberships";

/**
 * CSV and JSON import into a tracker. The file is uploaded once and kept in memory (per server process, for 30
 * minutes) while the user maps its columns and previews the rows; the import itself runs as a background job in
 * one long transaction, written in batches (createMany and set-based UPDATEs), and reports its progress.
 */

const UPLOAD_TTL_MS = 30 * 60_000;
const JOB_TTL_MS = 60 * 60_000;
const BATCH = 1000;
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

/** A cuid-like id for rows created in bulk (createMany needs the ids up front to link tags and owners). */
const newId = () => `c${randomUUID().replace(/-/g, "").slice(0, 24)}`;

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

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type EventRow = Prisma.ActivityEventCreateManyInput;

/**
 * Writes prepared rows into a tracker inside the caller's transaction: sections by name, tags, new
 * recommendations (createMany), updates of existing ones matched by reference id (set-based UPDATE), owners,
 * evidence, status history, and the activity events (one summary plus one per recommendation).
 */
export async function writeImport(
  tx: Tx,
  input: {
    workspaceId: string;
    trackerId: string;
    actorId: string;
    fileName: string;
    prepared: PreparedImport;
    sectionOrder: string[];
    defaultSection: string;
    memberIdsByEmail: Map<string, string>;
    onProgress?: (processed: number, phase: string) => void;
  },
): Promise<{ created: number; updated: number }> {
  const { workspaceId, trackerId, actorId, prepared } = input;
  const rows = prepared.rows;
  const progress = input.onProgress ?? (() => {});
  const now = new Date();
  const events: EventRow[] = [];

  // Sections, matched by title (case-insensitive), created when missing.
  const sections = await tx.section.findMany({
    where: { trackerId, workspaceId, archivedAt: null },
    select: { id: true, title: true, position: true },
    orderBy: { position: "asc" },
  });
  const sectionIds = new Map(sections.map((s) => [s.title.trim().toLowerCase(), s.id]));
  let nextPosition =
    (await tx.section.aggregate({ where: { trackerId }, _max: { position: true } }))._max.position ?? -1;
  const newSections: Prisma.SectionCreateManyInput[] = [];
  const ensureSection = (title: string) => {
    const key = title.trim().toLowerCase();
    const existing = sectionIds.get(key);
    if (existing) return existing;
    const id = newId();
    sectionIds.set(key, id);
    newSections.push({ id, workspaceId, trackerId, title: title.trim(), position: ++nextPosition });
    return id;
  };
  for (const title of input.sectionOrder) ensureSection(title);

  // Existing recommendations: matched by reference id, or by their own id (what an export writes when a
  // recommendation has no reference id).
  const existing = await tx.recommendation.findMany({
    where: { trackerId, workspaceId },
    select: { id: true, referenceId: true, status: true },
  });
  const byRef = new Map<string, (typeof existing)[number]>();
  const byId = new Map<string, (typeof existing)[number]>();
  for (const rec of existing) {
    if (rec.referenceId) byRef.set(rec.referenceId, rec);
    else byId.set(rec.id, rec);
  }
  const creates: { row: PreparedRow; id: string; sectionId: string }[] = [];
  const updates: { row: PreparedRow; id: string; status: RecommendationStatus; sectionId: string | null }[] =
    [];
  for (const row of rows) {
    const match = row.referenceId ? (byRef.get(row.referenceId) ?? byId.get(row.referenceId)) : undefined;
    if (match) {
      updates.push({
        row,
        id: match.id,
        status: match.status,
        sectionId: row.section ? ensureSection(row.section) : null,
      });
    } else {
      creates.push({ row, id: newId(), sectionId: ensureSection(row.section ?? input.defaultSection) });
    }
  }
  for (const batch of chunks(newSections)) await tx.section.createMany({ data: batch });
  for (const section of newSections) {
    events.push({
      type: "section.created",
      actorId,
      workspaceId,
      trackerId,
      data: { title: section.title, importedFrom: input.fileName },
    });
  }

  // Tags.
  const tagNames = [...new Set(rows.flatMap((row) => row.tags ?? []))];
  const tagIds = new Map<string, string>();
  for (const batch of chunks(tagNames, 5000)) {
    await tx.tag.createMany({ data: batch.map((name) => ({ workspaceId, name })), skipDuplicates: true });
    const found = await tx.tag.findMany({
      where: { workspaceId, name: { in: batch } },
      select: { id: true, name: true },
    });
    for (const tag of found) tagIds.set(tag.name, tag.id);
  }

  // New recommendations, appended to their sections.
  const maxPositions = await tx.recommendation.groupBy({
    by: ["sectionId"],
    where: { trackerId },
    _max: { position: true },
  });
  const positions = new Map(maxPositions.map((p) => [p.sectionId, p._max.position ?? -1]));
  let processed = 0;
  progress(0, "Creating recommendations");
  for (const batch of chunks(creates, 2000)) {
    // One INSERT … SELECT FROM unnest(…) per batch: a handful of array parameters instead of 20 per row.
    const values = batch.map(({ row, id, sectionId }) => {
      const position = (positions.get(sectionId) ?? -1) + 1;
      positions.set(sectionId, position);
      return { row, id, sectionId, position };
    });
    const col = <T>(pick: (v: (typeof values)[number]) => T) => values.map(pick);
    await tx.$executeRaw`
      INSERT INTO "Recommendation" ("id", "workspaceId", "trackerId", "sectionId", "title", "text", "status",
        "targetActor", "dueDate", "referenceId", "attributes", "priority", "requiresLegislation", "sourcePassage",
        "sourceStart", "sourceEnd", "position", "createdAt", "updatedAt")
      SELECT v.id, ${workspaceId}, ${trackerId}, v.section_id, v.title, v.text, v.status::"RecommendationStatus",
        v.target_actor, v.due_date::date, v.reference_id, v.attributes::jsonb, v.priority::"Priority",
        v.requires_legislation, v.source_passage, v.source_start, v.source_end, v.position, ${now}, ${now}
      FROM unnest(
        ${col((v) => v.id)}::text[], ${col((v) => v.sectionId)}::text[],
        ${col((v) => v.row.title ?? v.row.derivedTitle)}::text[], ${col((v) => v.row.text)}::text[],
        ${col((v) => v.row.status ?? "NOT_STARTED")}::text[], ${col((v) => v.row.targetActor ?? null)}::text[],
        ${col((v) => (v.row.dueDate ? v.row.dueDate.toISOString().slice(0, 10) : null))}::text[],
        ${col((v) => v.row.referenceId)}::text[], ${col((v) => JSON.stringify(v.row.attributes))}::text[],
        ${col((v) => v.row.extra?.priority ?? null)}::text[],
        ${col((v) => v.row.extra?.requiresLegislation ?? null)}::boolean[],
        ${col((v) => v.row.extra?.sourcePassage ?? null)}::text[],
        ${col((v) => v.row.extra?.sourceStart ?? null)}::int[], ${col((v) => v.row.extra?.sourceEnd ?? null)}::int[],
        ${col((v) => v.position)}::int[]
      ) AS v(id, section_id, title, text, status, target_actor, due_date, reference_id, attributes, priority,
        requires_legislation, source_passage, source_start, source_end, position)`;
    processed += batch.length;
    progress(processed, "Creating recommendations");
  }
  for (const { row, id } of creates) {
    events.push({
      type: "recommendation.created",
      actorId,
      workspaceId,
      trackerId,
      recommendationId: id,
      data: { title: row.title ?? row.derivedTitle, importedFrom: input.fileName },
    });
    events.push(...statusEvents(input, id, row, "NOT_STARTED"));
  }

  // Updates of existing recommendations, one set-based UPDATE per batch.
  const mapped = (field: keyof PreparedRow) => rows.some((row) => row[field] !== undefined);
  const setsDue = mapped("dueDate");
  const setsActor = mapped("targetActor");
  progress(processed, "Updating recommendations");
  for (const batch of chunks(updates)) {
    const ids = batch.map((u) => u.id);
    await tx.$executeRaw`
      UPDATE "Recommendation" AS r SET
        "title" = COALESCE(v.title, r."title"),
        "text" = v.text,
        "sectionId" = COALESCE(v.section_id, r."sectionId"),
        "status" = COALESCE(v.status::"RecommendationStatus", r."status"),
        "dueDate" = CASE WHEN ${setsDue} THEN v.due_date::date ELSE r."dueDate" END,
        "targetActor" = CASE WHEN ${setsActor} THEN v.target_actor ELSE r."targetActor" END,
        "referenceId" = v.reference_id,
        "attributes" = r."attributes" || v.attributes::jsonb,
        "version" = r."version" + 1,
        "updatedAt" = ${now}
      FROM unnest(
        ${ids}::text[], ${batch.map((u) => u.row.title)}::text[], ${batch.map((u) => u.row.text)}::text[],
        ${batch.map((u) => u.sectionId)}::text[], ${batch.map((u) => u.row.status)}::text[],
        ${batch.map((u) => (u.row.dueDate ? u.row.dueDate.toISOString().slice(0, 10) : null))}::text[],
        ${batch.map((u) => u.row.targetActor ?? null)}::text[], ${batch.map((u) => u.row.referenceId)}::text[],
        ${batch.map((u) => JSON.stringify(u.row.attributes))}::text[]
      ) AS v(id, title, text, section_id, status, due_date, target_actor, reference_id, attributes)
      WHERE r."id" = v.id AND r."trackerId" = ${trackerId} AND r."workspaceId" = ${workspaceId}`;
    const withTags = batch.filter((u) => u.row.tags !== null);
    if (withTags.length > 0) {
      await tx.recommendationTag.deleteMany({
        where: { recommendationId: { in: withTags.map((u) => u.id) } },
      });
    }
    const withOwners = batch.filter((u) => u.row.ownerIds !== null);
    if (withOwners.length > 0) {
      await tx.recommendationOwner.deleteMany({
        where: { recommendationId: { in: withOwners.map((u) => u.id) } },
      });
    }
    processed += batch.length;
    progress(processed, "Updating recommendations");
  }
  for (const { row, id, status } of updates) {
    events.push({
      type: "recommendation.updated",
      actorId,
      workspaceId,
      trackerId,
      recommendationId: id,
      data: { field: "import", importedFrom: input.fileName },
    });
    events.push(...statusEvents(input, id, row, status));
  }

  // Tags, owners and evidence of every imported row.
  const all = [...creates, ...updates];
  progress(processed, "Linking tags, owners and evidence");
  const tagLinks = all.flatMap(({ row, id }) =>
    (row.tags ?? []).flatMap((name) => {
      const tagId = tagIds.get(name);
      return tagId ? [{ recommendationId: id, tagId }] : [];
    }),
  );
  for (const batch of chunks(tagLinks, 10_000)) {
    await tx.$executeRaw`
      INSERT INTO "RecommendationTag" ("recommendationId", "tagId")
      SELECT * FROM unnest(${batch.map((l) => l.recommendationId)}::text[], ${batch.map((l) => l.tagId)}::text[])
      ON CONFLICT DO NOTHING`;
  }
  const ownerLinks = all.flatMap(({ row, id }) =>
    (row.ownerIds ?? []).map((userId) => ({ recommendationId: id, userId, assignedById: actorId })),
  );
  for (const batch of chunks(ownerLinks, 3000)) {
    await tx.recommendationOwner.createMany({ data: batch, skipDuplicates: true });
  }
  const evidence: Prisma.EvidenceCreateManyInput[] = all.flatMap(({ row, id }) =>
    (row.extra?.evidence ?? []).flatMap((item) => {
      const url = normalizeHttpUrl(item.url);
      if (!url) return [];
      return [
        {
          workspaceId,
          recommendationId: id,
          url,
          normalizedUrl: urlIdentity(url),
          title: item.title || url,
          sourceType: item.sourceType,
          publishedAt: item.publishedAt ? new Date(`${item.publishedAt.slice(0, 10)}T00:00:00.000Z`) : null,
          stance: item.stance,
          quote: item.quote ?? null,
          addedById: (item.addedBy && input.memberIdsByEmail.get(item.addedBy.toLowerCase())) || actorId,
        },
      ];
    }),
  );
  for (const batch of chunks(evidence)) await tx.evidence.createMany({ data: batch, skipDuplicates: true });

  progress(processed, "Writing the activity log");
  events.push({
    type: "tracker.imported",
    actorId,
    workspaceId,
    trackerId,
    data: {
      fileName: input.fileName,
      total: prepared.total,
      created: creates.length,
      updated: updates.length,
      rejected: prepared.rejected.length,
      sectionsCreated: newSections.length,
    },
  });
  for (const batch of chunks(events, 5000)) {
    await tx.$executeRaw`
      INSERT INTO "ActivityEvent" ("id", "type", "actorId", "workspaceId", "trackerId", "recommendationId", "data", "createdAt")
      SELECT v.id, v.type, v.actor_id, v.workspace_id, v.tracker_id, v.recommendation_id, v.data::jsonb, v.created_at
      FROM unnest(
        ${batch.map(() => newId())}::text[], ${batch.map((e) => e.type)}::text[],
        ${batch.map((e) => e.actorId ?? null)}::text[], ${batch.map((e) => e.workspaceId ?? null)}::text[],
        ${batch.map((e) => e.trackerId ?? null)}::text[], ${batch.map((e) => e.recommendationId ?? null)}::text[],
        ${batch.map((e) => JSON.stringify(e.data ?? {}))}::text[],
        ${batch.map((e) => (e.createdAt instanceof Date ? e.createdAt : now))}::timestamp[]
      ) AS v(id, type, actor_id, workspace_id, tracker_id, recommendation_id, data, created_at)`;
  }
  await tx.tracker.update({ where: { id: trackerId }, data: { updatedAt: now } });
  return { created: creates.length, updated: updates.length };
}

/** Status history of an imported row: the file's own history (tracker exports), or one change to its status. */
function statusEvents(
  input: {
    workspaceId: string;
    trackerId: string;
    actorId: string;
    fileName: string;
    memberIdsByEmail: Map<string, string>;
  },
  recommendationId: string,
  row: PreparedRow,
  before: RecommendationStatus,
): EventRow[] {
  const history = row.extra?.statusHistory ?? [];
  if (history.length > 0 && before === "NOT_STARTED") {
    return history.map((change) => {
      const at = new Date(change.at);
      return {
        type: "recommendation.status_changed",
        actorId: (change.by && input.memberIdsByEmail.get(change.by.toLowerCase())) || null,
        workspaceId: input.workspaceId,
        trackerId: input.trackerId,
        recommendationId,
        createdAt: Number.isNaN(at.getTime()) ? undefined : at,
        data: {
          from: change.from ?? null,
          to: change.to,
          justification: change.justification ?? "",
          by: change.by ?? null,
          importedFrom: input.fileName,
        },
      };
    });
  }
  if (!row.status || row.status === before) return [];
  return [
    {
      type: "recommendation.status_changed",
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      trackerId: input.trackerId,
      recommendationId,
      data: {
        from: before,
        to: row.status,
        justification: `Imported from ${input.fileName}.`,
        importedFrom: input.fileName,
      },
    },
  ];
}
