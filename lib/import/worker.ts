import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server/env";
import { DalError } from "@/lib/server/errors";
import type { JobQueue } from "@/lib/server/jobs";
import { sendJob } from "@/lib/server/jobs";
import { can } from "@/lib/permissions";
import { ColumnMappingSchema } from "@/lib/import/rows";
import { importTable, readTable, type ImportResult } from "@/lib/import/execute";
import { storedMessage } from "@/lib/import/messages";
import { deleteExpiredUploads } from "@/lib/uploads/mutations";

/**
 * Imports run as pg-boss jobs ("import" queue); the ImportJob row is their truth. Exactly once, even when
 * the instance running an import dies half-way:
 *
 * - Claim. A worker claims the row (QUEUED → RUNNING, attempts + 1) with one conditional UPDATE. A row that
 *   is DONE or FAILED, or RUNNING under a live worker, is not claimed: a retried or duplicate pg-boss job
 *   ends there and does nothing.
 * - One transaction. Rows, events and the job's DONE state (with its counts) commit together
 *   (lib/import/execute.ts `finish`), and the upload is deleted in it too. The final UPDATE only matches
 *   while the row still carries this worker's attempt; if another worker has taken over, it matches
 *   nothing and the whole import rolls back. So an import commits once or not at all.
 * - Heartbeat, not pg-boss expiry. pg-boss 10 notices a dead worker only when the job's expireInSeconds
 *   runs out (15 minutes by default), and an expiry short enough for prompt recovery would also expire
 *   large imports that are still running. Instead the worker writes heartbeatAt every few seconds (and
 *   with each progress update); every instance with workers sweeps for RUNNING rows whose heartbeat is
 *   older than IMPORT_STALE_SECONDS (default 60), puts them back to QUEUED and sends a new pg-boss job.
 *   PostgreSQL rolled back the dead worker's transaction when its connection dropped, so the retry starts
 *   from a clean tracker. The pg-boss job of the dead worker expires later and finds the row DONE.
 * - Progress (phase, processed/total) goes to the row outside the import's transaction, so any instance
 *   can report it (GET /api/w/[slug]/import-jobs/[jobId]).
 */

/** pg-boss's expiry is only a backstop (see above): longer than the import transaction's 15-minute timeout. */
export const importQueue: JobQueue<{ importJobId: string }> = {
  name: "import",
  schema: z.object({ importJobId: z.string().min(1).max(64) }),
  options: { retryLimit: 3, retryDelay: 2, expireInSeconds: 20 * 60 },
  handle: async ({ importJobId }) => {
    await runImportJob(importJobId);
  },
  periodic: {
    everyMs: () => Math.max(1000, Math.floor((env().IMPORT_STALE_SECONDS * 1000) / 3)),
    run: async () => {
      await sweepImportJobs();
      await deleteExpiredUploads();
    },
  },
};

/** A job interrupted this many times (each claim counts) fails instead of being tried again. */
export const MAX_IMPORT_ATTEMPTS = 5;

const GENERIC_FAILURE = "import.jobErrors.generic";

class LostClaimError extends Error {
  constructor() {
    super("Another worker took over this import.");
  }
}

type Claimed = {
  id: string;
  attempts: number;
  workspaceId: string;
  trackerId: string;
  userId: string;
  uploadId: string | null;
  fileName: string;
  mapping: unknown;
  isStrict: boolean;
  defaultSection: string;
};

const staleSeconds = () => env().IMPORT_STALE_SECONDS;

/** Queues a job for an ImportJob row (new, or put back by the sweeper). */
export async function enqueueImportJob(importJobId: string): Promise<void> {
  await sendJob(importQueue, { importJobId });
}

async function claim(importJobId: string): Promise<Claimed | null> {
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE "ImportJob"
    SET "state" = 'RUNNING', "attempts" = "attempts" + 1, "heartbeatAt" = now(),
      "startedAt" = COALESCE("startedAt", now()), "phase" = 'import.phases.reading', "updatedAt" = now()
    WHERE "id" = ${importJobId}
      AND ("state" = 'QUEUED'
        OR ("state" = 'RUNNING' AND "heartbeatAt" < now() - make_interval(secs => ${staleSeconds()}::double precision)))
    RETURNING "id", "attempts", "workspaceId", "trackerId", "userId", "uploadId", "fileName", "mapping",
      "isStrict", "defaultSection"`;
  return rows[0] ?? null;
}

/** Ends a claimed job as FAILED (only while it is still this worker's). */
async function markFailed(job: Claimed, message: string) {
  await db.importJob.updateMany({
    where: { id: job.id, attempts: job.attempts, state: "RUNNING" },
    data: { state: "FAILED", error: message, phase: "import.phases.failed", finishedAt: new Date() },
  });
}

/**
 * Progress and heartbeat writes of one claimed job: at most one in flight, the latest value wins, and a
 * timer keeps the heartbeat going through long phases that report no progress.
 */
function progressWriter(job: Claimed) {
  let latest: { processed: number; phase: string } | null = null;
  let inFlight: Promise<void> | null = null;
  let lastWrite = 0;
  const write = (): Promise<void> => {
    if (inFlight) return inFlight;
    const value = latest;
    latest = null;
    lastWrite = Date.now();
    const query = value
      ? db.$executeRaw`UPDATE "ImportJob" SET "processed" = ${value.processed}, "phase" = ${value.phase},
          "heartbeatAt" = now(), "updatedAt" = now()
          WHERE "id" = ${job.id} AND "attempts" = ${job.attempts} AND "state" = 'RUNNING'`
      : db.$executeRaw`UPDATE "ImportJob" SET "heartbeatAt" = now()
          WHERE "id" = ${job.id} AND "attempts" = ${job.attempts} AND "state" = 'RUNNING'`;
    inFlight = query
      .then(() => undefined)
      .catch((error: unknown) => console.error("[import] progress update failed", error))
      .finally(() => {
        inFlight = null;
        if (latest && Date.now() - lastWrite >= 400) void write();
      });
    return inFlight;
  };
  const heartbeatMs = Math.max(500, Math.floor((staleSeconds() * 1000) / 5));
  const timer = setInterval(() => void write(), heartbeatMs);
  timer.unref();
  return {
    report: (processed: number, phase: string) => {
      latest = { processed, phase };
      if (Date.now() - lastWrite >= 400) void write();
    },
    stop: async () => {
      clearInterval(timer);
      latest = null;
      await inFlight;
    },
  };
}

/**
 * Runs one ImportJob if it can be claimed; returns what happened. pg-boss calls it; tests call it
 * directly. Throws only for failures worth retrying (the row is back to QUEUED for the retry).
 */
export async function runImportJob(importJobId: string): Promise<"done" | "failed" | "skipped"> {
  const job = await claim(importJobId);
  if (!job) return "skipped";
  if (job.attempts > MAX_IMPORT_ATTEMPTS) {
    await markFailed(job, storedMessage("import.jobErrors.interrupted", { count: MAX_IMPORT_ATTEMPTS }));
    return "failed";
  }
  const progress = progressWriter(job);
  try {
    const membership = await db.membership.findFirst({
      where: { userId: job.userId, workspaceId: job.workspaceId },
      select: { role: true },
    });
    if (!membership || !can(membership.role, "tracker.import")) {
      throw new DalError("FORBIDDEN", "import.jobErrors.noLongerAllowed");
    }
    const tracker = await db.tracker.findFirst({
      where: { id: job.trackerId, workspaceId: job.workspaceId, archivedAt: null },
      select: { id: true },
    });
    if (!tracker) throw new DalError("NOT_FOUND", "import.jobErrors.trackerGone");
    const upload = job.uploadId
      ? await db.upload.findFirst({
          where: { id: job.uploadId, workspaceId: job.workspaceId, userId: job.userId, kind: "IMPORT" },
          select: { bytes: true },
        })
      : null;
    if (!upload) throw new DalError("NOT_FOUND", "import.jobErrors.uploadGone");
    const table = await readTable(job.fileName, upload.bytes);
    await db.importJob.updateMany({
      where: { id: job.id, attempts: job.attempts, state: "RUNNING" },
      data: { total: table.records.length, processed: 0 },
    });
    const mapping = ColumnMappingSchema.parse(job.mapping);
    await importTable({
      workspaceId: job.workspaceId,
      actorId: job.userId,
      trackerId: job.trackerId,
      fileName: job.fileName,
      table,
      mapping,
      isStrict: job.isStrict,
      defaultSection: job.defaultSection,
      onProgress: progress.report,
      finish: async (tx, result) => {
        const finished = await tx.importJob.updateMany({
          where: { id: job.id, attempts: job.attempts, state: "RUNNING" },
          data: {
            state: "DONE",
            phase: "import.phases.done",
            processed: table.records.length,
            created: result.created,
            updated: result.updated,
            rejectedCount: result.rejectedCount,
            rejected: result.rejected as unknown as Prisma.InputJsonValue,
            isStrictFailure: result.isStrictFailure,
            durationMs: result.durationMs,
            finishedAt: new Date(),
            heartbeatAt: new Date(),
          },
        });
        if (finished.count !== 1) throw new LostClaimError();
        await tx.upload.deleteMany({ where: { id: job.uploadId! } });
      },
    });
    await progress.stop();
    return "done";
  } catch (error) {
    await progress.stop();
    if (error instanceof LostClaimError) return "skipped";
    if (error instanceof DalError) {
      await markFailed(job, storedMessage(error.message, error.values));
      return "failed";
    }
    console.error(`[import] job ${job.id} attempt ${job.attempts} failed`, error);
    if (job.attempts >= MAX_IMPORT_ATTEMPTS) {
      await markFailed(job, GENERIC_FAILURE);
      return "failed";
    }
    await db.importJob.updateMany({
      where: { id: job.id, attempts: job.attempts, state: "RUNNING" },
      data: { state: "QUEUED", phase: "import.phases.retrying" },
    });
    throw error;
  }
}

/**
 * Puts imports whose worker stopped sending heartbeats (RUNNING) or that no worker picked up (QUEUED, e.g.
 * the instance that queued them died before sending) back in the queue. Safe on many instances at once:
 * the UPDATE is atomic and a duplicate pg-boss job finds nothing to claim.
 */
export async function sweepImportJobs(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "ImportJob"
    SET "state" = 'QUEUED', "phase" = 'import.phases.resuming', "heartbeatAt" = now(), "updatedAt" = now()
    WHERE "state" IN ('QUEUED', 'RUNNING')
      AND "heartbeatAt" < now() - make_interval(secs => ${staleSeconds()}::double precision)
    RETURNING "id"`;
  for (const { id } of rows) await enqueueImportJob(id);
  if (rows.length > 0) console.log(`[import] resumed ${rows.length} interrupted import(s)`);
  return rows.map((r) => r.id);
}

export type { ImportResult };
