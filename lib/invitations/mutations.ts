import "server-only";
import { mutate } from "@/lib/server/mutate";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import { assignableRoles, can } from "@/lib/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { createToken, hashToken } from "@/lib/server/auth/tokens";
import { recordEvent } from "@/lib/server/events";
import { requireMembership } from "@/lib/server/authz";
import type { SessionUser } from "@/lib/accounts/queries";
import { appUrl, isSmtpConfigured, sendMail } from "@/lib/server/mail";
import { invitationStatus, type InvitationStatus } from "@/lib/invitations/rules";
import { MAIL_LIMITS, consumeLimits } from "@/lib/server/throttle";
import { emailLocale } from "@/i18n/resolve";
import { translatorFor } from "@/lib/i18n/server";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Creates an invitation and returns its link (shown once, to copy); emails it when SMTP is configured. */
export async function inviteMember(workspaceSlug: string, email: string, role: Role, ip = "unknown") {
  const ctx = await requireMembership(workspaceSlug, "invitation.manage");
  if (!assignableRoles(ctx.role).includes(role)) {
    throw new DalError("FORBIDDEN", "invitations.errors.ownerOnly", {
      role: ["invitations.errors.ownerOnly"],
    });
  }
  const existing = await db.membership.findFirst({
    where: { workspaceId: ctx.workspace.id, user: { email } },
  });
  if (existing) {
    throw new DalError("CONFLICT", "invitations.errors.alreadyMember", {
      email: ["invitations.errors.alreadyMember"],
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
        ? "invitations.errors.addressThrottled"
        : "invitations.errors.networkThrottled",
    ).withValues({ minutes: limit.retryAfterMinutes });
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
    // The invitee's own language when the address already has an account, else the workspace's default.
    const [workspace, invitee] = await Promise.all([
      db.workspace.findUniqueOrThrow({ where: { id: ctx.workspace.id }, select: { defaultLocale: true } }),
      db.user.findUnique({ where: { email }, select: { locale: true } }),
    ]);
    const locale = emailLocale(invitee?.locale, workspace.defaultLocale);
    const t = await translatorFor(locale, "accountEmails.invitation");
    const names = { inviter: ctx.user.name, workspace: ctx.workspace.name };
    await sendMail({
      to: email,
      subject: t("subject", names),
      text: t("body", { ...names, role, link, email }),
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
    if (revoked.count !== 1) throw new DalError("NOT_FOUND", "invitations.errors.notPending");
    await emit({
      type: "invitation.revoked",
      data: { invitationId },
    });
  });
}

const invitationMessages: Record<Exclude<InvitationStatus, "pending"> | "inviterLostRight", string> = {
  inviterLostRight: "invitations.errors.inviterLostRight",
  accepted: "invitations.errors.accepted",
  revoked: "invitations.errors.revoked",
  expired: "invitations.errors.expired",
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
    if (!row) throw new DalError("NOT_FOUND", "invitations.errors.unknown");
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
      throw new DalError("FORBIDDEN", "invitations.errors.forOtherAddress").withValues({ email: row.email });
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
