import "server-only";
import { mutate } from "@/lib/server/mutate";
import { type Tx } from "@/lib/server/db";
import { DalError, notFoundError } from "@/lib/server/errors";
import type { EvidenceSourceType, EvidenceStance } from "@/lib/generated/prisma/enums";
import { urlIdentity } from "@/lib/url";
import { type MembershipContext } from "@/lib/server/authz";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { findScopedRecommendation, recommendationPaths } from "@/lib/recommendations/queries";

export type EvidenceInput = {
  url: string;
  title: string;
  sourceType: EvidenceSourceType;
  publishedAt: Date | null;
  stance: EvidenceStance;
  quote: string | null;
  /** Omitted by callers that predate the flag: off on creation, unchanged on update. */
  isPublic?: boolean;
};

const duplicateError = () =>
  new DalError("CONFLICT", "evidence.errors.duplicate", {
    url: ["evidence.errors.duplicate"],
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
  if (!evidence) throw notFoundError("errors.notFound.evidence");
  return evidence;
}

export async function addEvidence(workspaceSlug: string, recommendationId: string, input: EvidenceInput) {
  try {
    return await mutate(workspaceSlug, "evidence.manage", async ({ tx, ctx, emit }) => {
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
      await emit({
        type: "evidence.added",
        trackerId: rec.trackerId,
        recommendationId: rec.id,
        data: { evidenceId: evidence.id, title: input.title, url: input.url, isPublic: input.isPublic },
      });
      return recommendationPaths(ctx, { id: rec.id, trackerId: rec.trackerId });
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
  try {
    return await mutate(workspaceSlug, "evidence.manage", async ({ tx, ctx, emit }) => {
      const evidence = await findScopedEvidence(tx, ctx, evidenceId);
      const claimed = await tx.evidence.updateMany({
        where: { id: evidence.id, workspaceId: ctx.workspace.id, version },
        data: { ...input, normalizedUrl: urlIdentity(input.url), version: { increment: 1 } },
      });
      if (claimed.count !== 1) {
        throw new DalError("CONFLICT", "evidence.errors.conflict", undefined, {
          field: "evidence",
          currentValue: evidence.title,
          currentVersion: evidence.version,
        });
      }
      await emit({
        type: "evidence.updated",
        trackerId: evidence.recommendation.trackerId,
        recommendationId: evidence.recommendationId,
        data: { evidenceId: evidence.id, title: input.title, url: input.url, isPublic: input.isPublic },
      });
      return recommendationPaths(ctx, {
        id: evidence.recommendationId,
        trackerId: evidence.recommendation.trackerId,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateError();
    throw error;
  }
}

export async function deleteEvidence(workspaceSlug: string, evidenceId: string) {
  return mutate(workspaceSlug, "evidence.manage", async ({ tx, ctx, emit }) => {
    const evidence = await findScopedEvidence(tx, ctx, evidenceId);
    await tx.evidence.delete({ where: { id: evidence.id } });
    await emit({
      type: "evidence.deleted",
      trackerId: evidence.recommendation.trackerId,
      recommendationId: evidence.recommendationId,
      data: { evidenceId: evidence.id, title: evidence.title },
    });
    return recommendationPaths(ctx, {
      id: evidence.recommendationId,
      trackerId: evidence.recommendation.trackerId,
    });
  });
}
