import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PublicScorecardView } from "@/components/publishing/public-scorecard";
import { getPublicScorecard } from "@/lib/publishing/queries";
import { routes } from "@/lib/routes";

export async function generateMetadata({ params }: PageProps<"/p/[workspace]/[tracker]">): Promise<Metadata> {
  const { workspace, tracker } = await params;
  const scorecard = await getPublicScorecard(workspace, tracker);
  if (!scorecard) return {};
  const t = await getTranslations("publicScorecard");
  return {
    title: t("metaTitle", { tracker: scorecard.trackerName, workspace: scorecard.workspaceName }),
    description: t("metaDescription", { achieved: scorecard.achieved, total: scorecard.progress.total }),
  };
}

/** The public scorecard: no sign-in; only what lib/publishing/rules.ts allows. */
export default async function PublicScorecardPage({
  params,
  searchParams,
}: PageProps<"/p/[workspace]/[tracker]">) {
  const { workspace, tracker } = await params;
  const after = (await searchParams).after;
  const scorecard = await getPublicScorecard(workspace, tracker, typeof after === "string" ? after : null);
  if (!scorecard) notFound();
  return (
    <PublicScorecardView
      scorecard={scorecard}
      permalink={(id) => routes.publicRecommendation(workspace, tracker, id)}
      pageHref={(cursor) =>
        `${routes.publicScorecard(workspace, tracker)}${cursor ? `?after=${encodeURIComponent(cursor)}` : ""}`
      }
    />
  );
}
