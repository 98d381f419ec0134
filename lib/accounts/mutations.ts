import "server-only";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { hashToken } from "@/lib/server/auth/tokens";
import { recordEvent } from "@/lib/server/events";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import {
  MAIL_LIMITS,
  clearAccountFailures,
  clearPasswordCheckFailures,
  consumeLimits,
  getLoginThrottle,
  getPasswordCheckThrottle,
  recordLoginFailure,
  recordPasswordCheckFailure,
} from "@/lib/server/throttle";
import { enqueueAccountMail } from "@/lib/accounts/mail-jobs";
import { passwordWeakness } from "@/lib/accounts/password-strength";
import {
  getResetTokenOwner,
  getResetTokenState,
  sessionUserSelect,
  type ResetTokenState,
  type SessionUser,
} from "@/lib/accounts/queries";

export { RESET_TOKEN_TTL_MS } from "@/lib/accounts/mail-jobs";

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

/**
 * Creates a verified account directly. For the seed, tests and server-side tooling only: people sign up
 * through requestSignUp → the emailed link → completeSignUp, which proves they read the address.
 */
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
      await recordEvent(tx, { type: "account.signed_in", actorId: user.id, data: { method: "email-link" } });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DalError("CONFLICT", "accounts.errors.emailTaken", {
        email: ["accounts.errors.emailTaken"],
      });
    }
    throw error;
  }
}

/** Refuses a guessable password with a field error (server-side: the dictionaries stay out of the browser). */
export function assertStrongPassword(password: string, userInputs: string[], field = "password"): void {
  const weakness = passwordWeakness(password, userInputs);
  if (weakness) throw new DalError("INVALID", weakness, { [field]: [weakness] });
}

function tooManyFromHere(retryAfterMinutes: number): DalError {
  return new DalError("RATE_LIMITED", "accounts.errors.tooManyFromNetwork").withValues({
    minutes: retryAfterMinutes,
  });
}

/**
 * Sign-up, first step. The same work and the same answer whether or not the address has an account:
 * check the password, hash it, count the limits, queue one email. The email either carries the link
 * that creates the account, or tells the owner of an existing account that someone tried.
 * Over the per-address limit the email is silently not queued (the answer stays the same); over the
 * per-client limit the caller is told.
 */
export async function requestSignUp(
  input: { name: string; email: string; password: string; callbackUrl: string },
  ip: string,
  /** The language of the request: the email's language (an existing account's own choice wins). */
  locale?: string,
): Promise<void> {
  assertStrongPassword(input.password, [input.email, input.name]);
  const passwordHash = await hashPassword(input.password);
  const limit = await consumeLimits([
    { limit: MAIL_LIMITS.accountPerIp(), key: ip },
    { limit: MAIL_LIMITS.signUpPerAddress, key: input.email },
  ]);
  if (!limit.ok) {
    if (limit.limit.bucket === MAIL_LIMITS.accountPerIp().bucket)
      throw tooManyFromHere(limit.retryAfterMinutes);
    return;
  }
  await enqueueAccountMail("sign_up", input.email, {
    name: input.name,
    passwordHash,
    callbackUrl: input.callbackUrl,
    ...(locale ? { locale } : {}),
  });
}

/**
 * Sign-up, second step (the emailed link): claims the pending sign-up once and creates the account.
 * Null when the link is unknown, used, replaced, expired, or the address got an account meanwhile.
 */
export async function completeSignUp(token: string): Promise<SessionUser | null> {
  const tokenHash = hashToken(token);
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.pendingSignUp.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
        data: { usedAt: new Date() },
      });
      if (claimed.count !== 1) return null;
      const pending = await tx.pendingSignUp.findUniqueOrThrow({ where: { tokenHash } });
      const user = await tx.user.create({
        data: { name: pending.name, email: pending.email, passwordHash: pending.passwordHash },
        select: sessionUserSelect,
      });
      await tx.pendingSignUp.updateMany({
        where: { email: pending.email, usedAt: null },
        data: { usedAt: new Date() },
      });
      await recordEvent(tx, { type: "account.created", actorId: user.id, data: {} });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
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
    // The same write for an unknown address and a wrong password (the answer must not differ in time); only
    // an existing account is named. Throttled attempts are refused before this and write nothing.
    await db.$transaction((tx) =>
      recordEvent(tx, {
        type: "account.sign_in_failed",
        actorId: user?.id ?? null,
        data: { reason: "invalid_credentials" },
      }),
    );
    return { ok: false, reason: "invalid" };
  }
  await clearAccountFailures(email);
  await db.$transaction((tx) =>
    recordEvent(tx, { type: "account.signed_in", actorId: user.id, data: { method: "password" } }),
  );
  const { passwordHash: _, ...sessionUser } = user;
  return { ok: true, user: sessionUser };
}

/**
 * Forgot password: the same work and answer for every address (count the limits, queue one job);
 * the job emails a reset link only when the account exists (lib/accounts/mail-jobs.ts).
 */
export async function requestPasswordReset(email: string, ip: string, locale?: string): Promise<void> {
  const limit = await consumeLimits([
    { limit: MAIL_LIMITS.accountPerIp(), key: ip },
    { limit: MAIL_LIMITS.resetPerAddress, key: email },
  ]);
  if (!limit.ok) {
    if (limit.limit.bucket === MAIL_LIMITS.accountPerIp().bucket)
      throw tooManyFromHere(limit.retryAfterMinutes);
    return;
  }
  await enqueueAccountMail("password_reset", email, locale ? { locale } : {});
}

const resetMessages: Record<Exclude<ResetTokenState, "valid">, string> = {
  unknown: "accounts.errors.reset.unknown",
  used: "accounts.errors.reset.used",
  expired: "accounts.errors.reset.expired",
};

/** Sets a new password with a one-time token; signs out every existing session of the account. */
export async function resetPassword(token: string, password: string): Promise<{ email: string }> {
  const state = await getResetTokenState(token);
  if (state !== "valid") throw new DalError("INVALID", resetMessages[state]);
  const owner = await getResetTokenOwner(token);
  assertStrongPassword(password, owner ? [owner.email, owner.name] : []);
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
    // Whoever was failing sign-ins against this account, its owner has just proved control of the
    // mailbox: the account is no longer slowed down.
    await tx.rateLimitHit.deleteMany({
      where: {
        OR: [
          { bucket: "login.account", key: user.email },
          { bucket: "password.user", key: user.id },
        ],
      },
    });
    return { email: user.email };
  });
}

/** Changes the password after checking the current one; wrong guesses back off per user. */
export async function changePassword(
  userId: string,
  currentPassword: string,
  password: string,
): Promise<void> {
  const throttle = await getPasswordCheckThrottle(userId);
  if (throttle.isLimited) {
    throw new DalError("RATE_LIMITED", "accounts.errors.currentPasswordThrottled").withValues({
      minutes: throttle.retryAfterMinutes,
    });
  }
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, email: true, name: true },
  });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordPasswordCheckFailure(userId);
    throw new DalError("INVALID", "accounts.errors.currentPasswordWrong", {
      currentPassword: ["accounts.errors.currentPasswordWrong"],
    });
  }
  await clearPasswordCheckFailures(userId);
  assertStrongPassword(password, [user.email, user.name]);
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
