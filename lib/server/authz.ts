import "server-only";
import { cache } from "react";
import { forbidden, notFound } from "next/navigation";
import { DalError, type Refusal } from "@/lib/server/errors";
import { can, type Permission } from "@/lib/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { requireUser } from "@/lib/server/auth/session";
import { getMembershipRows, type SessionUser } from "@/lib/accounts/queries";

export type MembershipContext = {
  user: SessionUser;
  workspace: { id: string; name: string; slug: string };
  role: Role;
  membershipId: string;
};

/**
 * Every membership of the signed-in user with its workspace, by workspace name: re-read from the database on
 * each request, in the statement that checks the session (getUserForSession), and shared by the page's
 * authorization and the header's switcher.
 */
export const getMyMemberships = cache(async (): Promise<MembershipContext[]> => {
  const user = await requireUser();
  const rows = await getMembershipRows(user.id);
  return rows.map((row) => ({
    user,
    workspace: { id: row.workspaceId, name: row.name, slug: row.slug },
    role: row.role,
    membershipId: row.id,
  }));
});

/** The signed-in user's membership in a workspace; null for non-members. */
export const getMembership = cache(
  async (workspaceSlug: string): Promise<MembershipContext | null> =>
    (await getMyMemberships()).find((membership) => membership.workspace.slug === workspaceSlug) ?? null,
);

/**
 * For server actions: the membership, or a DalError. A non-member gets NOT_FOUND, exactly like a
 * workspace that does not exist; a member without the permission gets FORBIDDEN.
 */
export async function requireMembership(
  workspaceSlug: string,
  permission?: Permission,
): Promise<MembershipContext> {
  const membership = await getMembership(workspaceSlug);
  if (!membership) {
    const user = await requireUser();
    throw new DalError("NOT_FOUND", "errors.notFound.workspace").withRefusal({
      userId: user.id,
      workspaceId: null,
      workspaceSlug,
      permission: permission ?? null,
      reason: "not_a_member",
    });
  }
  if (permission && !can(membership.role, permission)) {
    throw new DalError("FORBIDDEN", "errors.roleForbids").withRefusal(refusalIn(membership, permission));
  }
  return membership;
}

/** A member refused something inside their workspace (a role check, or a finer rule such as "own comment"). */
export const refusalIn = (ctx: MembershipContext, permission: Permission | null): Refusal => ({
  userId: ctx.user.id,
  workspaceId: ctx.workspace.id,
  workspaceSlug: ctx.workspace.slug,
  permission,
  reason: "not_allowed",
});

/** For pages: 404 for non-members, 403 ("not allowed") for members without the permission. */
export async function requirePageMembership(
  workspaceSlug: string,
  permission?: Permission,
): Promise<MembershipContext> {
  const membership = await getMembership(workspaceSlug);
  if (!membership) notFound();
  if (permission && !can(membership.role, permission)) forbidden();
  return membership;
}
