import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionItemsSection } from "@/components/action-items/action-items-section";
import { EvidenceSection } from "@/components/evidence/evidence-section";
import { ActivityTimeline } from "@/components/recommendations/activity-timeline";
import { DetailsPanel } from "@/components/recommendations/details-panel";
import { RecommendationHeader } from "@/components/recommendations/recommendation-header";
import { RecommendationText } from "@/components/recommendations/recommendation-text";
import { StatusHistory } from "@/components/recommendations/status-history";
import { requirePageMembership } from "@/lib/server/authz";
import { getRecommendationView } from "@/lib/recommendations/queries";
import { WatchToggle } from "@/components/notifications/watch-toggle";
import { getWatchState } from "@/lib/notifications/queries";
import { markRecommendationSeen } from "@/lib/notifications/mutations";

export default async function RecommendationPage({
  params,
}: PageProps<"/w/[slug]/t/[trackerId]/r/[recommendationId]">) {
  const { slug, trackerId, recommendationId } = await params;
  const membership = await requirePageMembership(slug);
  const { workspace, role, user } = membership;
  const rec = await getRecommendationView(workspace.id, trackerId, recommendationId);
  if (!rec) notFound();
  const section = { workspaceSlug: slug, rec, role };
  const t = await getTranslations("recommendation");
  // Opening the recommendation reads its notifications (from the inbox, an email or any link).
  const [watch] = await Promise.all([
    getWatchState(membership, { recommendationId: rec.id, trackerId: rec.tracker.id }),
    markRecommendationSeen(membership, rec.id),
  ]);

  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <RecommendationHeader
        {...section}
        watch={
          <WatchToggle
            workspaceSlug={slug}
            target={{ recommendationId: rec.id }}
            isWatching={watch.isWatching}
            note={watch.viaTracker ? t("watchViaTracker") : undefined}
          />
        }
      />
      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-6">
          <RecommendationText {...section} />
          <ActionItemsSection {...section} />
          <EvidenceSection {...section} />
          <StatusHistory rec={rec} />
          <ActivityTimeline {...section} userId={user.id} />
        </div>
        <DetailsPanel {...section} />
      </div>
    </main>
  );
}
