import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageMembership } from "@/lib/server/authz";
import { getTrackerDocument } from "@/lib/trackers/queries";
import { segmentDocument } from "@/lib/documents/passages";
import { can } from "@/lib/permissions";
import { routes } from "@/lib/routes";
import { cardClass } from "@/components/ui/card";
import { TrackerLanguageForm } from "@/components/trackers/tracker-language-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("documents.page");
  return { title: t("metaTitle") };
}

/** The source document, read-only, with each recommendation's passage highlighted and linked. */
export default async function DocumentPage({ params }: PageProps<"/w/[slug]/t/[trackerId]/document">) {
  const { slug, trackerId } = await params;
  const { workspace, role } = await requirePageMembership(slug);
  const view = await getTrackerDocument(workspace.id, trackerId);
  if (!view) notFound();
  const t = await getTranslations("documents.page");
  const tStatus = await getTranslations("status");
  const lang = view.tracker.language ?? undefined;
  const byId = new Map(view.passages.map((p) => [p.id, p]));
  const segments = segmentDocument(
    view.document.content,
    view.passages.map((p) => ({ id: p.id, start: p.sourceStart ?? -1, end: p.sourceEnd ?? -1 })),
  );
  return (
    <main className="mx-auto max-w-3xl px-4 py-6 sm:px-6">
      <nav aria-label={t("breadcrumb")} className="text-sm text-zinc-500">
        <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900">
          {view.tracker.name}
        </Link>
      </nav>
      <h1 className="mt-1 text-xl font-semibold" lang={lang}>
        {view.document.title}
      </h1>
      {view.document.citation ? (
        <p className="mt-1 text-xs text-zinc-500" lang={lang}>
          {view.document.citation}
        </p>
      ) : null}
      <p className="mt-2 text-sm text-zinc-600">{t("intro", { count: view.passages.length })}</p>
      {can(role, "recommendation.update") ? (
        <div className="mt-4">
          <TrackerLanguageForm workspaceSlug={slug} trackerId={trackerId} language={view.tracker.language} />
        </div>
      ) : null}
      <article
        lang={lang}
        className={cardClass("mt-6 p-6 font-serif text-[15px] leading-7 whitespace-pre-wrap text-zinc-800")}
      >
        {segments.map((segment, index) => {
          if (!segment.passageId) return <span key={index}>{segment.text}</span>;
          const passage = byId.get(segment.passageId);
          // i18n-keys: status.*.label
          return (
            <Link
              key={index}
              id={`passage-${segment.passageId}`}
              href={routes.recommendation(slug, trackerId, segment.passageId)}
              title={
                passage
                  ? t("passageTitle", { title: passage.title, status: tStatus(`${passage.status}.label`) })
                  : undefined
              }
              className="scroll-mt-24 rounded-sm bg-amber-100 decoration-amber-400 underline-offset-2 target:bg-amber-300 target:ring-2 target:ring-amber-400 hover:underline"
            >
              {segment.text}
            </Link>
          );
        })}
      </article>
    </main>
  );
}
