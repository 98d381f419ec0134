import "server-only";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import type { MembershipContext } from "@/lib/server/authz";
import type { UploadKind } from "@/lib/generated/prisma/enums";

const expired = (what: string) =>
  new DalError("NOT_FOUND", `This ${what} has expired. Choose the file again.`);

/**
 * One of the caller's own staged uploads, scoped to the workspace (and tracker, for imports). Someone
 * else's upload, another workspace's, or an expired one all read as "expired".
 */
export async function findOwnUpload(
  ctx: MembershipContext,
  input: { uploadId: string; kind: UploadKind; trackerId?: string },
) {
  const upload = await db.upload.findFirst({
    where: {
      id: input.uploadId,
      kind: input.kind,
      workspaceId: ctx.workspace.id,
      userId: ctx.user.id,
      expiresAt: { gt: new Date() },
      ...(input.trackerId ? { trackerId: input.trackerId } : {}),
    },
    select: {
      id: true,
      fileName: true,
      mimeType: true,
      size: true,
      bytes: true,
      text: true,
      trackerId: true,
    },
  });
  if (!upload) throw expired(input.kind === "DOCUMENT" ? "document" : "upload");
  return upload;
}
