import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { PublicEvidenceList } from "@/components/publishing/public-scorecard";
import { cardClass } from "@/components/ui/card";
import { getPublicRecommendation } from "@/lib/publishing/queries";
import { statusMeta } from "@/lib/status";
import { routes } from "@/lib/routes";
import { formatDate } from "@/lib/dates";

export async function generateMetadata({
  params,
}: PageProps<"/p/[workspace]/[tracker]/r/[id]">): Promise<Metadata> {
  const { workspace, tracker, id } = await params;
  const found = await getPublicRecommendation(workspace, tracker, id);
  if (!found) return {};
  const title = `${found.item.title}: ${statusMeta[found.item.status].label}`;
  const description =
    found.item.justification ?? `${found.scorecard.trackerName} · ${found.scorecard.workspaceName}`;
  return {
    title,
    description,
    openGraph: {
      type: "article",
      title,
      description,
      siteName: found.scorecard.workspaceName,
      url: routes.publicRecommendation(workspace, tracker, id),
    },
    twitter: { card: "summary_large_image", title, description },
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
  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href={routes.publicScorecard(workspace, tracker)} className="hover:text-zinc-900">
          ← {scorecard.trackerName}
        </Link>
      </nav>
      <article className={cardClass("mt-3 p-6")}>
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">
          {item.sectionTitle}
          {item.referenceId ? ` · ${item.referenceId}` : ""}
        </p>
        <h1 className="mt-1 text-xl font-semibold text-balance">{item.title}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={item.status} className="text-sm" />
          {item.statusChangedAt ? (
            <span className="text-zinc-500">since {formatDate(item.statusChangedAt)}</span>
          ) : null}
        </div>
        <p className="mt-1 text-xs text-zinc-500">{statusMeta[item.status].meaning}</p>
        {item.justification ? (
          <p className="mt-4 border-l-2 border-zinc-200 pl-3 text-zinc-800">{item.justification}</p>
        ) : null}
        {item.evidence.length > 0 ? (
          <section aria-labelledby="evidence" className="mt-5">
            <h2 id="evidence" className="text-sm font-semibold text-zinc-500">
              Evidence
            </h2>
            <PublicEvidenceList item={item} />
          </section>
        ) : null}
      </article>
      <footer className="mt-6 space-y-1 text-sm text-zinc-600">
        <p>
          Part of{" "}
          <Link
            href={routes.publicScorecard(workspace, tracker)}
            className="font-medium text-indigo-700 hover:underline"
          >
            {scorecard.trackerName}
          </Link>
          , a public scorecard by {scorecard.workspaceName}
          {scorecard.mode === "snapshot" && scorecard.snapshotName
            ? ` (report card: ${scorecard.snapshotName})`
            : ""}
          .
        </p>
        <p>
          Last updated <time dateTime={scorecard.lastUpdated}>{formatDate(scorecard.lastUpdated)}</time>
        </p>
        {scorecard.citation ? (
          <p>
            Source: <cite>{scorecard.citation}</cite>
          </p>
        ) : null}
      </footer>
    </main>
  );
}
