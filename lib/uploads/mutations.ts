import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import type { MembershipContext } from "@/lib/server/authz";
import type { UploadKind } from "@/lib/generated/prisma/enums";
import {
  DOCUMENT_UPLOAD_TTL_MS,
  IMPORT_UPLOAD_TTL_MS,
  planUploadQuota,
  type StagedUpload,
} from "@/lib/uploads/rules";

/** A person's staged uploads, with whether an unfinished import still reads each one. */
async function stagedUploads(tx: Tx, userId: string): Promise<StagedUpload[]> {
  const rows = await tx.upload.findMany({
    where: { userId },
    select: {
      id: true,
      size: true,
      createdAt: true,
      expiresAt: true,
      _count: { select: { importJobs: { where: { state: { in: ["QUEUED", "RUNNING"] } } } } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, isInUse: _count.importJobs > 0 }));
}

/** Refuses early (before the body is read) when even deleting old uploads would not make room. */
export async function checkUploadQuota(userId: string, declaredSize: number): Promise<void> {
  const plan = planUploadQuota(await stagedUploads(db, userId), declaredSize, new Date());
  if (!plan.ok) throw new DalError("RATE_LIMITED", plan.message);
}

/**
 * Stores an upload for its next step, within the person's quota: expired and then oldest uploads are
 * deleted to make room (lib/uploads/rules.ts). One person's uploads are serialized by an advisory lock, so
 * two parallel uploads cannot both squeeze under the limit.
 */
export async function storeUpload(
  ctx: MembershipContext,
  input: {
    kind: UploadKind;
    trackerId: string | null;
    fileName: string | null;
    mimeType: string;
    bytes: Uint8Array;
    text?: string | null;
  },
): Promise<{ id: string; expiresAt: Date }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`upload-quota:${ctx.user.id}`}, 0))`;
    const now = new Date();
    const plan = planUploadQuota(await stagedUploads(tx, ctx.user.id), input.bytes.byteLength, now);
    if (!plan.ok) throw new DalError("RATE_LIMITED", plan.message);
    if (plan.evict.length > 0) await tx.upload.deleteMany({ where: { id: { in: plan.evict } } });
    const ttl = input.kind === "DOCUMENT" ? DOCUMENT_UPLOAD_TTL_MS : IMPORT_UPLOAD_TTL_MS;
    return tx.upload.create({
      data: {
        workspaceId: ctx.workspace.id,
        trackerId: input.trackerId,
        userId: ctx.user.id,
        kind: input.kind,
        fileName: input.fileName,
        mimeType: input.mimeType.slice(0, 120) || "application/octet-stream",
        size: input.bytes.byteLength,
        bytes: input.bytes as Uint8Array<ArrayBuffer>,
        text: input.text ?? null,
        expiresAt: new Date(now.getTime() + ttl),
      },
      select: { id: true, expiresAt: true },
    });
  });
}

/** Deletes expired uploads that no unfinished import reads. Run by the background sweeper. */
export async function deleteExpiredUploads(): Promise<number> {
  const { count } = await db.upload.deleteMany({
    where: {
      expiresAt: { lt: new Date() },
      importJobs: { none: { state: { in: ["QUEUED", "RUNNING"] } } },
    },
  });
  return count;
}
