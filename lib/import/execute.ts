import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import { prepareRows, type ColumnMapping, type ImportTable, type RejectedRow } from "@/lib/import/rows";
import { writeImport } from "@/lib/import/writer";
import type { ImportSummary } from "@/lib/server/parse-tasks";
import { BoundedTaskError, runBounded } from "@/lib/server/sandbox";

/**
 * The import itself, shared by the background job (lib/import/worker.ts) and the one-call `importFile`
 * (tests, scripts): validate every row against the mapping, then write them in one transaction. No session
 * and no authorization here: callers authorize first.
 */

/** At most this many rejected rows are listed (with their errors) in a result; the count is always exact. */
export const LISTED_REJECTIONS = 500;

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

/**
 * Reads an uploaded CSV or JSON file into a table, in the parse sandbox (a worker thread with memory and time
 * limits: lib/server/sandbox.ts); an unreadable or oversized file is an INVALID DalError with the reason.
 */
export async function readTable(fileName: string, bytes: Uint8Array): Promise<ImportTable> {
  return inSandbox(() => runBounded("importTable", { fileName, bytes }));
}

/** The same check of the whole file, answering only what the mapping step shows. */
export async function summarizeTable(fileName: string, bytes: Uint8Array): Promise<ImportSummary> {
  return inSandbox(() => runBounded("importSummary", { fileName, bytes }));
}

/** The values an ImportFileError carried across the sandbox (as JSON in its `code`). */
function remoteValues(code: string | undefined): Record<string, string | number> {
  if (!code) return {};
  try {
    const values = JSON.parse(code) as unknown;
    return values && typeof values === "object" ? (values as Record<string, string | number>) : {};
  } catch {
    return {};
  }
}

async function inSandbox<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof BoundedTaskError) || error.reason === "BUSY") throw error;
    if (error.remote && error.remote.name !== "ImportFileError") {
      console.error("import file parse failed", error.remote);
      throw new DalError("INVALID", "import.file.unreadable");
    }
    if (error.remote)
      throw new DalError("INVALID", error.remote.message).withValues(remoteValues(error.remote.code));
    throw new DalError("INVALID", error.message);
  }
}

export async function memberIdsByEmail(workspaceId: string) {
  const members = await db.membership.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, email: true } } },
  });
  return new Map(members.map((m) => [m.user.email.toLowerCase(), m.user.id]));
}

/**
 * Validates and writes `table` into a tracker. `finish` runs inside the import's transaction after the
 * rows are written, so whatever it records (a job's final state) commits with them or not at all. Imports
 * into one tracker are serialized by an advisory lock: each reads the tracker's rows to match reference ids.
 */
export async function importTable(input: {
  workspaceId: string;
  actorId: string;
  trackerId: string;
  fileName: string;
  table: ImportTable;
  mapping: ColumnMapping;
  isStrict: boolean;
  defaultSection: string;
  onProgress?: (processed: number, phase: string) => void;
  finish?: (tx: Tx, result: ImportResult) => Promise<void>;
}): Promise<ImportResult> {
  const started = performance.now();
  input.onProgress?.(0, "import.phases.checking");
  const memberIds = await memberIdsByEmail(input.workspaceId);
  const prepared = prepareRows(input.table, input.mapping, { memberIdsByEmail: memberIds });
  const base = {
    fileName: input.fileName,
    total: prepared.total,
    rejectedCount: prepared.rejected.length,
    rejected: prepared.rejected.slice(0, LISTED_REJECTIONS),
  };
  if (input.isStrict && prepared.rejected.length > 0) {
    const result = {
      ...base,
      created: 0,
      updated: 0,
      isStrictFailure: true,
      durationMs: Math.round(performance.now() - started),
    };
    const finish = input.finish;
    if (finish) await db.$transaction((tx) => finish(tx, result));
    return result;
  }
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`import:${input.trackerId}`}, 0))`;
      const counts = await writeImport(tx, {
        workspaceId: input.workspaceId,
        trackerId: input.trackerId,
        actorId: input.actorId,
        fileName: input.fileName,
        prepared,
        sectionOrder: input.table.sectionOrder,
        defaultSection: input.defaultSection,
        memberIdsByEmail: memberIds,
        onProgress: input.onProgress,
      });
      const result = {
        ...base,
        ...counts,
        isStrictFailure: false,
        durationMs: Math.round(performance.now() - started),
      };
      await input.finish?.(tx, result);
      return result;
    },
    { timeout: 15 * 60_000, maxWait: 30_000 },
  );
}
