import "server-only";
import { mutate } from "@/lib/server/mutate";
import { type Tx } from "@/lib/server/db";
import { DalError, forbiddenError, notFoundError } from "@/lib/server/errors";
import { assignableRoles, can } from "@/lib/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { requireMembership, type MembershipContext } from "@/lib/server/authz";

/**
 * Serializes membership changes in a workspace and re-reads the actor's role under that lock. Two owners
 * demoting each other at the same moment then run one after the other: the second sees the first's
 * change (its actor may no longer be an owner, or the target may be the last one) instead of a stale count.
 */
async function lockMemberships(tx: Tx, ctx: MembershipContext): Promise<Role> {
  await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${ctx.workspace.id} FOR UPDATE`;
  const actor = await tx.membership.findFirst({
    where: { id: ctx.membershipId, workspaceId: ctx.workspace.id },
    select: { role: true },
  });
  if (!actor) throw notFoundError("errors.notFound.workspace");
  return actor.role;
}

async function loadTarget(tx: Tx, ctx: MembershipContext, membershipId: string) {
  const target = await tx.membership.findFirst({
    where: { id: membershipId, workspaceId: ctx.workspace.id },
    select: { id: true, role: true, userId: true, user: { select: { name: true, email: true } } },
  });
  if (!target) throw notFoundError("errors.notFound.member");
  return target;
}

async function assertNotLastOwner(tx: Tx, workspaceId: string, target: { role: Role }) {
  if (target.role !== "OWNER") return;
  const owners = await tx.membership.count({ where: { workspaceId, role: "OWNER" } });
  if (owners <= 1) {
    throw new DalError("CONFLICT", "members.errors.lastOwner");
  }
}

export async function changeMemberRole(workspaceSlug: string, membershipId: string, role: Role) {
  await mutate(workspaceSlug, "member.manage", async ({ tx, ctx, emit, unchanged }) => {
    const actorRole = await lockMemberships(tx, ctx);
    if (!can(actorRole, "member.manage")) throw forbiddenError();
    const target = await loadTarget(tx, ctx, membershipId);
    const allowed = assignableRoles(actorRole);
    // Admins cannot touch owners, nor create them.
    if (!allowed.includes(role) || !allowed.includes(target.role)) {
      throw new DalError("FORBIDDEN", "members.errors.ownerOnlyRole");
    }
    if (target.role === role) return unchanged();
    if (role !== "OWNER") await assertNotLastOwner(tx, ctx.workspace.id, target);
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await emit({
      type: "member.role_changed",
      data: { userId: target.userId, name: target.user.name, from: target.role, to: role },
    });
  });
}

/** Removes a member (or lets a member leave). Their ownerships end; the history keeps showing them by name. */
export async function removeMember(workspaceSlug: string, membershipId: string) {
  const ctx = await requireMembership(workspaceSlug);
  const isSelf = membershipId === ctx.membershipId;
  await mutate(workspaceSlug, isSelf ? null : "member.manage", async ({ tx, emit }) => {
    const actorRole = await lockMemberships(tx, ctx);
    if (!isSelf && !can(actorRole, "member.manage")) throw forbiddenError();
    const target = await loadTarget(tx, ctx, membershipId);
    if (!isSelf && !assignableRoles(actorRole).includes(target.role)) {
      throw new DalError("FORBIDDEN", "members.errors.ownerOnlyRemove");
    }
    await assertNotLastOwner(tx, ctx.workspace.id, target);
    const owned = await tx.recommendationOwner.deleteMany({
      where: { userId: target.userId, recommendation: { workspaceId: ctx.workspace.id } },
    });
    const actions = await tx.actionItem.updateMany({
      where: { ownerId: target.userId, workspaceId: ctx.workspace.id },
      data: { ownerId: null },
    });
    await tx.membership.delete({ where: { id: target.id } });
    // Invitations die with their inviter's right to invite.
    await tx.invitation.updateMany({
      where: { workspaceId: ctx.workspace.id, invitedById: target.userId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await emit({
      type: isSelf ? "member.left" : "member.removed",
      data: {
        userId: target.userId,
        name: target.user.name,
        email: target.user.email,
        role: target.role,
        unassignedRecommendations: owned.count,
        unassignedActions: actions.count,
      },
    });
  });
  return { isSelf };
}

export async function transferOwnership(workspaceSlug: string, membershipId: string) {
  await mutate(workspaceSlug, "workspace.transfer", async ({ tx, ctx, emit }) => {
    if (!can(await lockMemberships(tx, ctx), "workspace.transfer")) throw forbiddenError();
    const target = await loadTarget(tx, ctx, membershipId);
    if (target.id === ctx.membershipId) throw new DalError("INVALID", "members.errors.alreadyOwner");
    await tx.membership.update({ where: { id: target.id }, data: { role: "OWNER" } });
    await tx.membership.update({ where: { id: ctx.membershipId }, data: { role: "ADMIN" } });
    await emit({
      type: "workspace.ownership_transferred",
      data: { toUserId: target.userId, toName: target.user.name },
    });
  });
}
