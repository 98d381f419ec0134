import "server-only";
import { invitationStatus } from "@/lib/invitations/rules";
import { db } from "@/lib/server/db";
import { hashToken } from "@/lib/server/auth/tokens";

export async function listInvitations(workspaceId: string) {
  const rows = await db.invitation.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      acceptedAt: true,
      revokedAt: true,
      invitedBy: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    invitedBy: row.invitedBy.name,
    status: invitationStatus(row),
  }));
}

/** What the invitation page may show about a token: no ids, nothing for unknown tokens. */
export async function getInvitationPreview(token: string) {
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { name: true, slug: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!row) return null;
  return {
    email: row.email,
    role: row.role,
    workspaceName: row.workspace.name,
    workspaceSlug: row.workspace.slug,
    invitedBy: row.invitedBy.name,
    status: invitationStatus(row),
  };
}
