import "server-only";
import { mutate } from "@/lib/server/mutate";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import { recordEvent } from "@/lib/server/events";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { requireMembership } from "@/lib/server/authz";
import type { SessionUser } from "@/lib/accounts/queries";
import type { AppLocale } from "@/i18n/locales";
import { RESERVED_SLUGS, slugCandidates } from "@/lib/workspaces/rules";

/** Free addresses near the one asked for: never reserved, not held by any workspace right now. */
async function freeSlugsNear(slug: string): Promise<string[]> {
  const candidates = slugCandidates(slug).filter((candidate) => !RESERVED_SLUGS.has(candidate));
  const held = await db.workspace.findMany({ where: { slug: { in: candidates } }, select: { slug: true } });
  const taken = new Set(held.map((row) => row.slug));
  return candidates.filter((candidate) => !taken.has(candidate)).slice(0, 3);
}

/** The same answer for a reserved address and one another workspace holds: no existence oracle. */
async function slugUnavailable(slug: string) {
  const free = await freeSlugsNear(slug);
  return new DalError("CONFLICT", "home.slugUnavailable", {
    slug: ["home.slugUnavailableTry"],
  }).withValues({ suggestions: free.join(", "), count: free.length });
}

export async function createWorkspace(user: SessionUser, input: { name: string; slug: string }) {
  if (RESERVED_SLUGS.has(input.slug)) throw await slugUnavailable(input.slug);
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
    if (isUniqueViolation(error)) throw await slugUnavailable(input.slug);
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

/** The language of emails to members who have not chosen one. Audited; an unchanged choice writes nothing. */
export async function setWorkspaceLanguage(workspaceSlug: string, locale: AppLocale) {
  return mutate(workspaceSlug, "workspace.rename", async ({ tx, ctx: { workspace }, emit, unchanged }) => {
    const { defaultLocale } = await tx.workspace.findUniqueOrThrow({
      where: { id: workspace.id },
      select: { defaultLocale: true },
    });
    if (defaultLocale === locale) return unchanged();
    await tx.workspace.update({
      where: { id: workspace.id },
      data: { defaultLocale: locale, version: { increment: 1 } },
    });
    await emit({ type: "workspace.language_changed", data: { from: defaultLocale, to: locale } });
  });
}

export async function deleteWorkspace(workspaceSlug: string, confirmSlug: string) {
  const { user, workspace } = await requireMembership(workspaceSlug, "workspace.delete");
  if (confirmSlug !== workspace.slug) {
    throw new DalError("INVALID", "workspace.errors.confirmSlug", {
      confirmSlug: ["workspace.errors.confirmSlugMismatch"],
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
