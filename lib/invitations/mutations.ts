import "server-only";
import { mutate } from "@/lib/server/mutate";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import { assignableRoles, can, roleLabels } from "@/lib/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { createToken, hashToken } from "@/lib/server/auth/tokens";
import { recordEvent } from "@/lib/server/events";
import { requireMembership } from "@/lib/server/authz";
import type { SessionUser } from "@/lib/accounts/queries";
import { appUrl, isSmtpConfigured, sendMail } from "@/lib/server/mail";
import { invitationStatus, type InvitationStatus } from "@/lib/invitations/rules";
import { MAIL_LIMITS, consumeLimits } from "@/lib/server/throttle";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Creates an invitation and returns its link (shown once, to copy); emails it when SMTP is configured. */
export async function inviteMember(workspaceSlug: string, email: string, role: Role, ip = "unknown") {
  const ctx = await requireMembership(workspaceSlug, "invitation.manage");
  if (!assignableRoles(ctx.role).includes(role)) {
    throw new DalError("FORBIDDEN", "Only an owner can invite another owner.", {
      role: ["Only an owner can invite another owner."],
    });
  }
  const existing = await db.membership.findFirst({
    where: { workspaceId: ctx.workspace.id, user: { email } },
  });
  if (existing) {
    throw new DalError("CONFLICT", "This person is already a member.", {
      email: ["This person is already a member."],
    });
  }
  // Invitation emails are limited per invited address and per client address (after authorization,
  // so refused callers count nothing), so nobody can flood an inbox through us.
  const limit = await consumeLimits([
    { limit: MAIL_LIMITS.invitePerIp, key: ip },
    { limit: MAIL_LIMITS.invitePerAddress, key: email },
  ]);
  if (!limit.ok) {
    throw new DalError(
      "RATE_LIMITED",
      limit.limit === MAIL_LIMITS.invitePerAddress
        ? `This address was invited too often. Try again in ${limit.retryAfterMinutes} minutes.`
        : `Too many invitations from your network. Try again in ${limit.retryAfterMinutes} minutes.`,
    );
  }
  const { token, tokenHash } = createToken();
  await mutate(workspaceSlug, "invitation.manage", async ({ tx, emit }) => {
    // A new invitation replaces any pending one for the same address.
    await tx.invitation.updateMany({
      where: { workspaceId: ctx.workspace.id, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await tx.invitation.create({
      data: {
        workspaceId: ctx.workspace.id,
        email,
        role,
        tokenHash,
        invitedById: ctx.user.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
    });
    await emit({
      type: "invitation.created",
      data: { email, role },
    });
  });
  const link = appUrl(`/invite/${token}`);
  const isEmailed = isSmtpConfigured();
  if (isEmailed) {
    await sendMail({
      to: email,
      subject: `${ctx.user.name} invited you to ${ctx.workspace.name} on Advocacy Tracker`,
      text: `${ctx.user.name} invited you to join ${ctx.workspace.name} as ${roleLabels[role].toLowerCase()}.\n\nAccept the invitation within 7 days:\n\n${link}\n\nSign in or sign up with ${email} to accept it (signing up sends you a short confirmation email first).\n`,
    });
  }
  return { link, isEmailed };
}

export async function revokeInvitation(workspaceSlug: string, invitationId: string) {
  await mutate(workspaceSlug, "invitation.manage", async ({ tx, ctx, emit }) => {
    const revoked = await tx.invitation.updateMany({
      where: { id: invitationId, workspaceId: ctx.workspace.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1)
      throw new DalError("NOT_FOUND", "That invitation was not found or is no longer pending.");
    await emit({
      type: "invitation.revoked",
      data: { invitationId },
    });
  });
}

const invitationMessages: Record<Exclude<InvitationStatus, "pending"> | "inviterLostRight", string> = {
  inviterLostRight:
    "This invitation is no longer valid: the person who sent it can no longer invite. Ask the workspace admin for a new one.",
  accepted: "This invitation has already been used.",
  revoked: "This invitation was revoked. Ask the workspace admin for a new one.",
  expired: "This invitation has expired. Ask the workspace admin for a new one.",
};

export async function acceptInvitation(user: SessionUser, token: string): Promise<{ workspaceSlug: string }> {
  const tokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    const row = await tx.invitation.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        email: true,
        role: true,
        workspaceId: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        invitedById: true,
        workspace: { select: { slug: true } },
      },
    });
    if (!row) throw new DalError("NOT_FOUND", "This invitation link is not valid.");
    const status = invitationStatus(row);
    if (status !== "pending") throw new DalError("INVALID", invitationMessages[status]);
    // An invitation grants no more than its inviter may still grant today: removed or demoted inviters'
    // invitations are dead, and an admin's invitation never makes an owner.
    const inviter = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: row.invitedById } },
      select: { role: true },
    });
    if (
      !inviter ||
      !can(inviter.role, "invitation.manage") ||
      !assignableRoles(inviter.role).includes(row.role)
    ) {
      throw new DalError("INVALID", invitationMessages.inviterLostRight);
    }
    if (row.email !== user.email) {
      throw new DalError(
        "FORBIDDEN",
        `This invitation is for ${row.email}. Sign out and sign in or sign up with that address to accept it.`,
      );
    }
    const claimed = await tx.invitation.updateMany({
      where: { id: row.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date(), acceptedById: user.id },
    });
    if (claimed.count !== 1) throw new DalError("INVALID", invitationMessages.accepted);
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: user.id } },
    });
    if (!existing) {
      await tx.membership.create({ data: { workspaceId: row.workspaceId, userId: user.id, role: row.role } });
      await recordEvent(tx, {
        type: "member.joined",
        actorId: user.id,
        workspaceId: row.workspaceId,
        data: {
          name: user.name,
          email: user.email,
          role: row.role,
          via: "invitation",
          invitedById: row.invitedById,
        },
      });
    }
    return { workspaceSlug: row.workspace.slug };
  });
}
