import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { DalError, notFoundError } from "@/lib/server/errors";
import type { EvidenceSourceType, EvidenceStance } from "@/lib/generated/prisma/enums";
import { urlIdentity } from "@/lib/url";
import { recordActivity } from "@/lib/server/events";
import { requireMembership, type MembershipContext } from "@/lib/server/authz";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { findScopedRecommendation } from "@/lib/recommendations/queries";
import { routes } from "@/lib/routes";

export type EvidenceInput = {
  url: string;
  title: string;
  sourceType: EvidenceSourceType;
  publishedAt: Date | null;
  stance: EvidenceStance;
  quote: string | null;
};

const duplicateError = () =>
  new DalError("CONFLICT", "This link is already evidence for this recommendation.", {
    url: ["This link is already evidence for this recommendation."],
  });

async function findScopedEvidence(tx: Tx, ctx: MembershipContext, evidenceId: string) {
  const evidence = await tx.evidence.findFirst({
    where: { id: evidenceId, workspaceId: ctx.workspace.id },
    select: {
      id: true,
      title: true,
      version: true,
      recommendationId: true,
      recommendation: { select: { trackerId: true } },
    },
  });
  if (!evidence) throw notFoundError("That evidence");
  return evidence;
}

const pathOf = (ctx: MembershipContext, trackerId: string, recommendationId: string) => ({
  path: routes.recommendation(ctx.workspace.slug, trackerId, recommendationId),
});

export async function addEvidence(workspaceSlug: string, recommendationId: string, input: EvidenceInput) {
  const ctx = await requireMembership(workspaceSlug, "evidence.manage");
  try {
    return await db.$transaction(async (tx) => {
      const rec = await findScopedRecommendation(tx, ctx, recommendationId);
      const evidence = await tx.evidence.create({
        data: {
          ...input,
          normalizedUrl: urlIdentity(input.url),
          workspaceId: ctx.workspace.id,
          recommendationId: rec.id,
          addedById: ctx.user.id,
        },
        select: { id: true },
      });
      await recordActivity(tx, {
        type: "evidence.added",
        actorId: ctx.user.id,
        workspaceId: ctx.workspace.id,
        trackerId: rec.trackerId,
        recommendationId: rec.id,
        data: { evidenceId: evidence.id, title: input.title, url: input.url },
      });
      return pathOf(ctx, rec.trackerId, rec.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateError();
    throw error;
  }
}

export async function updateEvidence(
  workspaceSlug: string,
  evidenceId: string,
  version: number,
  input: EvidenceInput,
) {
  const ctx = await requireMembership(workspaceSlug, "evidence.manage");
  try {
    return await db.$transaction(async (tx) => {
      const evidence = await findScopedEvidence(tx, ctx, evidenceId);
      const claimed = await tx.evidence.updateMany({
        where: { id: evidence.id, workspaceId: ctx.workspace.id, version },
        data: { ...input, normalizedUrl: urlIdentity(input.url), version: { increment: 1 } },
      });
      if (claimed.count !== 1) {
        throw new DalError(
          "CONFLICT",
          "Someone changed this evidence while you were editing. Reload to see their change.",
          undefined,
          {
            field: "evidence",
            currentValue: evidence.title,
            currentVersion: evidence.version,
          },
        );
      }
      await recordActivity(tx, {
        type: "evidence.updated",
        actorId: ctx.user.id,
        workspaceId: ctx.workspace.id,
        trackerId: evidence.recommendation.trackerId,
        recommendationId: evidence.recommendationId,
        data: { evidenceId: evidence.id, title: input.title, url: input.url },
      });
      return pathOf(ctx, evidence.recommendation.trackerId, evidence.recommendationId);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateError();
    throw error;
  }
}

export async function deleteEvidence(workspaceSlug: string, evidenceId: string) {
  const ctx = await requireMembership(workspaceSlug, "evidence.manage");
  return db.$transaction(async (tx) => {
    const evidence = await findScopedEvidence(tx, ctx, evidenceId);
    await tx.evidence.delete({ where: { id: evidence.id } });
    await recordActivity(tx, {
      type: "evidence.deleted",
      actorId: ctx.user.id,
      workspaceId: ctx.workspace.id,
      trackerId: evidence.recommendation.trackerId,
      recommendationId: evidence.recommendationId,
      data: { evidenceId: evidence.id, title: evidence.title },
    });
    return pathOf(ctx, evidence.recommendation.trackerId, evidence.recommendationId);
  });
}
