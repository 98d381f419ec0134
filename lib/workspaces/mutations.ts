import "server-only";
import { mutate } from "@/lib/server/mutate";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import { recordEvent } from "@/lib/server/events";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { requireMembership } from "@/lib/server/authz";
import type { SessionUser } from "@/lib/accounts/queries";

const slugTaken = () =>
  new DalError("CONFLICT", "That address is already taken.", {
    slug: ["That address is already taken. Try another one."],
  });

export async function createWorkspace(user: SessionUser, input: { name: string; slug: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const workspace = await tx.workspace.create({
        data: {
          name: input.name,
          slug: input.slug,
          memberships: { create: { userId: user.id, role: "OWNER" } },
        },
        select: { id: true, slug: true, name: true },
      });
      await recordEvent(tx, {
        type: "workspace.created",
        actorId: user.id,
        workspaceId: workspace.id,
        data: { name: workspace.name, slug: workspace.slug },
      });
      return workspace;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

export async function renameWorkspace(workspaceSlug: string, name: string) {
  return mutate(workspaceSlug, "workspace.rename", async ({ tx, ctx: { workspace }, emit }) => {
    await tx.workspace.update({ where: { id: workspace.id }, data: { name, version: { increment: 1 } } });
    await emit({ type: "workspace.renamed", data: { from: workspace.name, to: name } });
    return { slug: workspace.slug };
  });
}

export async function deleteWorkspace(workspaceSlug: string, confirmSlug: string) {
  const { user, workspace } = await requireMembership(workspaceSlug, "workspace.delete");
  if (confirmSlug !== workspace.slug) {
    throw new DalError("INVALID", "Type the workspace address to confirm.", {
      confirmSlug: [`Type “${workspace.slug}” to confirm.`],
    });
  }
  // Everything in the workspace (its audit log included) goes with it, by cascade. The deletion itself
  // is recorded as an account-level event (no workspace), in the same transaction.
  await db.$transaction(async (tx) => {
    await recordEvent(tx, {
      type: "workspace.deleted",
      actorId: user.id,
      workspaceId: null,
      data: { workspaceId: workspace.id, name: workspace.name, slug: workspace.slug },
    });
    await tx.workspace.delete({ where: { id: workspace.id } });
  });
}
