import "server-only";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import type { MembershipContext } from "@/lib/server/authz";
import type { UploadKind } from "@/lib/generated/prisma/enums";

type UploadRef = { uploadId: string; kind: UploadKind; trackerId?: string };

const expired = (input: UploadRef) =>
  new DalError(
    "NOT_FOUND",
    input.kind === "DOCUMENT" ? "uploads.expired.document" : "uploads.expired.upload",
  );

/** Scoped to the caller, the workspace (and the tracker, for imports), and not expired. */
const ownUpload = (ctx: MembershipContext, input: UploadRef) => ({
  id: input.uploadId,
  kind: input.kind,
  workspaceId: ctx.workspace.id,
  userId: ctx.user.id,
  expiresAt: { gt: new Date() },
  ...(input.trackerId ? { trackerId: input.trackerId } : {}),
});

const INFO = { id: true, fileName: true, mimeType: true, size: true, text: true, trackerId: true } as const;

/**
 * One of the caller's own staged uploads, with its bytes. Someone else's upload, another workspace's, or an
 * expired one all read as "expired".
 */
export async function findOwnUpload(ctx: MembershipContext, input: UploadRef) {
  const upload = await db.upload.findFirst({
    where: ownUpload(ctx, input),
    select: { ...INFO, bytes: true },
  });
  if (!upload) throw expired(input);
  return upload;
}

/** The same without the file's bytes (up to 50 MB), when only its name and text are needed. */
export async function findOwnUploadInfo(ctx: MembershipContext, input: UploadRef) {
  const upload = await db.upload.findFirst({ where: ownUpload(ctx, input), select: INFO });
  if (!upload) throw expired(input);
  return upload;
}
