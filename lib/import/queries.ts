import "server-only";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import type { MembershipContext } from "@/lib/server/authz";
import type { RejectedRow } from "@/lib/import/rows";
import type { ImportResult } from "@/lib/import/execute";

export type ImportJobView = {
  id: string;
  state: "queued" | "running" | "done" | "failed";
  phase: string;
  processed: number;
  total: number;
  /** How many times a worker has started it (more than 1: it was resumed after an interruption). */
  attempts: number;
  result?: ImportResult;
  error?: string;
};

/**
 * An import job of the caller's, in this workspace. Another person's job, or another workspace's id,
 * reads exactly like a missing one.
 */
export async function getImportJob(ctx: MembershipContext, jobId: string): Promise<ImportJobView> {
  const job = await db.importJob.findFirst({
    where: { id: jobId, workspaceId: ctx.workspace.id, userId: ctx.user.id },
    select: {
      id: true,
      state: true,
      phase: true,
      processed: true,
      total: true,
      attempts: true,
      fileName: true,
      created: true,
      updated: true,
      rejectedCount: true,
      rejected: true,
      isStrictFailure: true,
      durationMs: true,
      error: true,
    },
  });
  if (!job) throw new DalError("NOT_FOUND", "This import was not found.");
  const view: ImportJobView = {
    id: job.id,
    state:
      job.state === "QUEUED"
        ? "queued"
        : job.state === "RUNNING"
          ? "running"
          : job.state === "DONE"
            ? "done"
            : "failed",
    phase: job.phase,
    processed: job.processed,
    total: job.total,
    attempts: job.attempts,
  };
  if (job.state === "DONE") {
    view.result = {
      fileName: job.fileName,
      total: job.total,
      created: job.created,
      updated: job.updated,
      rejectedCount: job.rejectedCount,
      rejected: job.rejected as RejectedRow[],
      isStrictFailure: job.isStrictFailure,
      durationMs: job.durationMs ?? 0,
    };
  }
  if (job.state === "FAILED") view.error = job.error ?? "The import failed. Nothing was imported.";
  return view;
}
