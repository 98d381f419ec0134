import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/server/auth";
import { getUserForSession, type SessionUser } from "@/lib/accounts/queries";
import { revokeSession } from "@/lib/accounts/mutations";

type SessionClaims = {
  userId?: string;
  sessionVersion?: number;
  sessionId?: string;
  sessionExpiresAt?: number;
};

/** The signed-in user, checked against the database on every request; null when signed out or revoked. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as SessionClaims | null;
  if (!session?.userId || typeof session.sessionVersion !== "number" || !session.sessionId) return null;
  return getUserForSession(session.userId, session.sessionVersion, session.sessionId);
});

/** The one way to get the user: redirects to sign-in when there is none. */
export async function requireUser(callbackUrl?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    redirect(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  }
  return user;
}

/** Revokes the current session's token on the server, so a copy of the cookie stops working after sign-out. */
export async function revokeCurrentSession(): Promise<void> {
  const session = (await auth()) as SessionClaims | null;
  if (!session?.userId || !session.sessionId) return;
  const expiresAt = new Date((session.sessionExpiresAt || Date.now() / 1000 + 30 * 86_400) * 1000);
  await revokeSession(session.userId, session.sessionId, expiresAt);
}
