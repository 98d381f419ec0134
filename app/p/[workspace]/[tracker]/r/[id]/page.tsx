import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { PublicEvidenceList, PublicFooter } from "@/components/publishing/public-scorecard";
import { cardClass } from "@/components/ui/card";
import { getPublicRecommendation } from "@/lib/publishing/queries";
import { PREVIEW_SIZE } from "@/lib/publishing/rules";
import { routes } from "@/lib/routes";

export async function generateMetadata({
  params,
}: PageProps<"/p/[workspace]/[tracker]/r/[id]">): Promise<Metadata> {
  const { workspace, tracker, id } = await params;
  const found = await getPublicRecommendation(workspace, tracker, id);
  if (!found) return {};
  const tStatus = await getTranslations("status");
  const t = await getTranslations("publicScorecard");
  const title = t("permalink.metaTitle", {
    title: found.item.title,
    status: tStatus(`${found.item.status}.label`),
  });
  const description =
    found.item.justification ?? `${found.scorecard.trackerName} · ${found.scorecard.workspaceName}`;
  const url = routes.publicRecommendation(workspace, tracker, id);
  const image = { url: `${url}/preview.png`, ...PREVIEW_SIZE, type: "image/png", alt: t("ogImage.alt") };
  return {
    title,
    description,
    openGraph: {
      type: "article",
      title,
      description,
      siteName: found.scorecard.workspaceName,
      url,
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

/** A recommendation's public permalink: status, public justification and evidence; shareable, with a preview image. */
export default async function PublicRecommendationPage({
  params,
}: PageProps<"/p/[workspace]/[tracker]/r/[id]">) {
  const { workspace, tracker, id } = await params;
  const found = await getPublicRecommendation(workspace, tracker, id);
  if (!found) notFound();
  const { scorecard, item } = found;
  const t = await getTranslations("publicScorecard");
  const tStatus = await getTranslations("status");
  const tCommon = await getTranslations("common");
  const format = await getFormatter();
  const day = (date: string) => format.dateTime(new Date(date), "day");
  const lang = scorecard.language ?? undefined;
  const scorecardLink = (chunks: ReactNode) => (
    <Link
      href={routes.publicScorecard(workspace, tracker)}
      className="font-medium text-indigo-700 hover:underline"
    >
      <span lang={lang}>{chunks}</span>
    </Link>
  );
  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <nav aria-label={tCommon("breadcrumb")} className="text-sm text-zinc-500">
        <Link
          href={routes.publicScorecard(workspace, tracker)}
          className="inline-flex items-center gap-1 hover:text-zinc-900"
        >
          <ArrowLeft aria-hidden className="size-3.5 rtl:-scale-x-100" />
          <span lang={lang}>{scorecard.trackerName}</span>
        </Link>
      </nav>
      <article className={cardClass("mt-3 p-6")}>
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">
          <span lang={lang}>{item.sectionTitle}</span>
          {item.referenceId ? ` · ${item.referenceId}` : ""}
        </p>
        <h1 className="mt-1 text-xl font-semibold text-balance" lang={lang}>
          {item.title}
        </h1>
        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={item.status} className="text-sm" />
          {item.statusChangedAt ? (
            <span className="text-zinc-500">{t("permalink.since", { date: day(item.statusChangedAt) })}</span>
          ) : null}
        </div>
        <p className="mt-1 text-xs text-zinc-500">{tStatus(`${item.status}.meaning`)}</p>
        {item.justification ? (
          <p className="mt-4 border-s-2 border-zinc-200 ps-3 text-zinc-800" lang={lang}>
            {item.justification}
          </p>
        ) : null}
        {item.evidence.length > 0 ? (
          <section aria-labelledby="evidence" className="mt-5">
            <h2 id="evidence" className="text-sm font-semibold text-zinc-500">
              {t("evidence")}
            </h2>
            <PublicEvidenceList item={item} language={lang} />
          </section>
        ) : null}
      </article>
      <div className="mt-6 space-y-1 text-sm text-zinc-600">
        <p>
          {scorecard.mode === "snapshot" && scorecard.snapshotName
            ? t.rich("permalink.partOfSnapshot", {
                link: scorecardLink,
                tracker: scorecard.trackerName,
                workspace: scorecard.workspaceName,
                snapshot: () => <span lang={lang}>{scorecard.snapshotName}</span>,
              })
            : t.rich("permalink.partOf", {
                link: scorecardLink,
                tracker: scorecard.trackerName,
                workspace: scorecard.workspaceName,
              })}
        </p>
        <p>
          {t.rich("permalink.lastUpdated", {
            time: () => <time dateTime={scorecard.lastUpdated}>{day(scorecard.lastUpdated)}</time>,
          })}
        </p>
        {scorecard.citation ? (
          <p>{t.rich("source", { cite: () => <cite lang={lang}>{scorecard.citation}</cite> })}</p>
        ) : null}
      </div>
      <PublicFooter className="mt-6" />
    </main>
  );
}
