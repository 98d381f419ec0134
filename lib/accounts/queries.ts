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
    // One statement on every signed-in request: the user, if this token's version is current and the
    // session was not revoked (sign-out stores the token's id in RevokedSession).
    const [user] = await db.$queryRaw<SessionUser[]>`
      SELECT u.id, u.name, u.email, u."sessionVersion", u.locale, u."timeZone"
      FROM "User" u
      WHERE u.id = ${userId} AND u."sessionVersion" = ${sessionVersion}
        AND NOT EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.id = ${sessionId})`;
    return user ?? null;
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
