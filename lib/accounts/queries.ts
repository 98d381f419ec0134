import "server-only";
import { cache } from "react";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
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

/** One membership of a user, with its workspace: the rows authorization works from (lib/server/authz.ts). */
export type MembershipRow = { id: string; role: Role; workspaceId: string; name: string; slug: string };

/**
 * The memberships read with this request's session user (getUserForSession), by user id. Request-scoped (React
 * cache) while a page renders; elsewhere (server actions, route handlers, jobs, tests) React gives a fresh map
 * each time, and getMembershipRows reads them itself (one more small statement there).
 */
const membershipsReadWithSession = cache(() => new Map<string, MembershipRow[]>());

const MEMBERSHIPS_JSON = (userId: Prisma.Sql) => Prisma.sql`COALESCE((
  SELECT json_agg(json_build_object('id', m.id, 'role', m.role, 'workspaceId', w.id, 'name', w.name, 'slug', w.slug)
    ORDER BY w.name, w.id)
  FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId"
  WHERE m."userId" = ${userId}), '[]'::json)`;

/**
 * The user behind a session token, if the token is still current (its session version matches) and the session
 * was not revoked (sign-out stores the token's id in RevokedSession). Request-cached. The same statement reads
 * the user's memberships, which every signed-in page needs next (getMembershipRows).
 */
export const getUserForSession = cache(
  async (userId: string, sessionVersion: number, sessionId: string): Promise<SessionUser | null> => {
    const [row] = await db.$queryRaw<(SessionUser & { memberships: MembershipRow[] })[]>`
      SELECT u.id, u.name, u.email, u."sessionVersion", u.locale, u."timeZone",
        ${MEMBERSHIPS_JSON(Prisma.sql`u.id`)} AS memberships
      FROM "User" u
      WHERE u.id = ${userId} AND u."sessionVersion" = ${sessionVersion}
        AND NOT EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.id = ${sessionId})`;
    if (!row) return null;
    const { memberships, ...user } = row;
    membershipsReadWithSession().set(user.id, memberships);
    return user;
  },
);

/** A user's memberships by workspace name: those read with the session user, else one statement. */
export async function getMembershipRows(userId: string): Promise<MembershipRow[]> {
  const known = membershipsReadWithSession().get(userId);
  if (known) return known;
  const [row] = await db.$queryRaw<{ memberships: MembershipRow[] }[]>`
    SELECT ${MEMBERSHIPS_JSON(Prisma.sql`${userId}`)} AS memberships`;
  return row?.memberships ?? [];
}

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
