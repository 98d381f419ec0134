import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { getUserForSession, type SessionUser } from "@/lib/dal/users";

/** The signed-in user, checked against the database on every request; null when signed out or revoked. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId || typeof session.sessionVersion !== "number") return null;
  return getUserForSession(session.userId, session.sessionVersion);
});

/** The one way to get the user: redirects to sign-in when there is none. */
export async function requireUser(callbackUrl?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    redirect(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  }
  return user;
}
