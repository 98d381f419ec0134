import "server-only";
import { cache } from "react";
import { db } from "@/lib/server/db";
import { hashToken } from "@/lib/server/auth/tokens";

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
  /** The chosen UI and email language, or null to follow the browser. */
  locale: string | null;
  timeZone: string;
};

export const sessionUserSelect = {
  id: true,
  name: true,
  email: true,
  sessionVersion: true,
  locale: true,
  timeZone: true,
} as const;

/** The user behind a session token, if the token is still current (its session version matches). Request-cached. */
export const getUserForSession = cache(
  async (userId: string, sessionVersion: number, sessionId: string): Promise<SessionUser | null> => {
    const [user, revoked] = await Promise.all([
      db.user.findUnique({ where: { id: userId }, select: sessionUserSelect }),
      db.revokedSession.findUnique({ where: { id: sessionId }, select: { id: true } }),
    ]);
    if (!user || revoked || user.sessionVersion !== sessionVersion) return null;
    return user;
  },
);

export type ResetTokenState = "valid" | "used" | "expired" | "unknown";

export async function getResetTokenState(token: string): Promise<ResetTokenState> {
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() < Date.now()) return "expired";
  return "valid";
}

export async function getResetTokenOwner(token: string): Promise<{ email: string; name: string } | null> {
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { user: { select: { email: true, name: true } } },
  });
  return row?.user ?? null;
}

export type SignUpLinkState = "valid" | "used" | "expired" | "unknown";

/** What the sign-up link in an email can still do, and where it leads afterwards. */
export async function getSignUpLink(
  token: string,
): Promise<{ state: SignUpLinkState; email?: string; callbackUrl: string }> {
  const row = await db.pendingSignUp.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, usedAt: true, expiresAt: true, callbackUrl: true },
  });
  if (!row) return { state: "unknown", callbackUrl: "/" };
  const state = row.usedAt ? "used" : row.expiresAt.getTime() < Date.now() ? "expired" : "valid";
  return { state, email: row.email, callbackUrl: row.callbackUrl };
}
