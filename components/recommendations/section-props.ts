import type { Role } from "@/lib/generated/prisma/enums";
import type { RecommendationView } from "@/lib/recommendations/queries";
import { can } from "@/lib/permissions";

/** What every section of the recommendation page is given: the loaded view and who is looking. */
export type RecommendationSectionProps = {
  workspaceSlug: string;
  rec: RecommendationView;
  role: Role;
};

/** The props every in-place field of one recommendation shares. */
export function fieldPropsFor({ workspaceSlug, rec, role }: RecommendationSectionProps) {
  return {
    workspaceSlug,
    recommendationId: rec.id,
    version: rec.version,
    canEdit: can(role, "recommendation.update"),
  };
}
