import "server-only";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { createToken, hashToken } from "@/lib/server/auth/tokens";
import { recordEvent } from "@/lib/server/events";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { clearAccountFailures, getLoginThrottle, recordLoginFailure } from "@/lib/server/throttle";
import { appUrl, sendMail } from "@/lib/server/mail";
import {
  getResetTokenState,
  sessionUserSelect,
  type ResetTokenState,
  type SessionUser,
} from "@/lib/accounts/queries";

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** Signing out revokes this session's token server-side (a JWT cannot be recalled from the browser). */
export async function revokeSession(userId: string, sessionId: string, expiresAt: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.revokedSession.upsert({
      where: { id: sessionId },
      create: { id: sessionId, userId, expiresAt },
      update: {},
    });
    await recordEvent(tx, { type: "account.signed_out", actorId: userId, data: {} });
  });
  if (Math.random() < 0.05) await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}

export async function createUser(input: {
  name: string;
  email: string;
  password: string;
}): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash },
        select: sessionUserSelect,
      });
      await recordEvent(tx, { type: "account.created", actorId: user.id, data: {} });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DalError("CONFLICT", "An account with this email already exists.", {
        email: ["An account with this email already exists. Sign in instead, or reset your password."],
      });
    }
    throw error;
  }
}

export type LoginCheck =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

/** Checks a sign-in attempt. Unknown email and wrong password take the same time and give the same answer. */
export async function checkLogin(email: string, password: string, ip: string): Promise<LoginCheck> {
  const throttle = await getLoginThrottle(email, ip);
  if (throttle.isLimited)
    return { ok: false, reason: "rate_limited", retryAfterMinutes: throttle.retryAfterMinutes };
  const user = await db.user.findUnique({
    where: { email },
    select: { ...sessionUserSelect, passwordHash: true },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !isValid) {
    await recordLoginFailure(email, ip);
    return { ok: false, reason: "invalid" };
  }
  await clearAccountFailures(email);
  const { passwordHash: _, ...sessionUser } = user;
  return { ok: true, user: sessionUser };
}

/** Emails a one-time reset link when the account exists. Answers the same either way. */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!user) return;
  const { token, tokenHash } = createToken();
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) },
    });
    await recordEvent(tx, { type: "account.password_reset_requested", actorId: user.id, data: {} });
  });
  await sendMail({
    to: user.email,
    subject: "Reset your Advocacy Tracker password",
    text: `Hello ${user.name},\n\nSomeone (hopefully you) asked to reset your password. Open this link within 60 minutes to choose a new one:\n\n${appUrl(`/reset-password/${token}`)}\n\nThe link works once. If you did not ask for it, ignore this email: your password stays the same.\n`,
  });
}

const resetMessages: Record<Exclude<ResetTokenState, "valid">, string> = {
  unknown: "This reset link is not valid. Ask for a new one.",
  used: "This reset link has already been used. Ask for a new one if you still need to reset your password.",
  expired: "This reset link has expired. Ask for a new one.",
};

/** Sets a new password with a one-time token; signs out every existing session of the account. */
export async function resetPassword(token: string, password: string): Promise<{ email: string }> {
  const state = await getResetTokenState(token);
  if (state !== "valid") throw new DalError("INVALID", resetMessages[state]);
  const passwordHash = await hashPassword(password);
  const tokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    // Claim the token atomically: of two concurrent uses, only one updates a row.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw new DalError("INVALID", resetMessages.used);
    const row = await tx.passwordResetToken.findUniqueOrThrow({
      where: { tokenHash },
      select: { userId: true },
    });
    const user = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, email: true },
    });
    await tx.passwordResetToken.updateMany({
      where: { userId: user.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    await recordEvent(tx, { type: "account.password_reset", actorId: user.id, data: {} });
    return { email: user.email };
  });
}

export async function changePassword(
  userId: string,
  currentPassword: string,
  password: string,
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new DalError("INVALID", "Your current password is not correct.", {
      currentPassword: ["Your current password is not correct."],
    });
  }
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordEvent(tx, { type: "account.password_changed", actorId: userId, data: {} });
  });
}

/** Invalidates every session token issued so far, on every device. */
export async function signOutEverywhere(userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await recordEvent(tx, { type: "account.signed_out_everywhere", actorId: userId, data: {} });
  });
}
