import "server-only";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import type { MembershipContext } from "@/lib/server/authz";
import { getTranslations } from "next-intl/server";
import type { RootTranslator } from "@/lib/i18n/localize";
import { localizeRejected, localizeStored, type ShownRejectedRow } from "@/lib/import/messages";
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
  result?: Omit<ImportResult, "rejected"> & { rejected: ShownRejectedRow[] };
  error?: string;
};

/**
 * An import job of the caller's, in this workspace, in the reader's language (phase, error and row errors
 * are stored as keys: lib/import/messages.ts). Another person's job, or another workspace's id, reads
 * exactly like a missing one.
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
  if (!job) throw new DalError("NOT_FOUND", "import.jobErrors.notFound");
  const t = (await getTranslations()) as unknown as RootTranslator;
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
    phase: localizeStored(t, job.phase),
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
      rejected: localizeRejected(t, job.rejected as RejectedRow[]),
      isStrictFailure: job.isStrictFailure,
      durationMs: job.durationMs ?? 0,
    };
  }
  if (job.state === "FAILED") view.error = localizeStored(t, job.error ?? "import.jobErrors.failed");
  return view;
}
