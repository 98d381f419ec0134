import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReportHeader, ReportSheet, ReportSummary } from "@/components/trackers/report-parts";
import { PrintButton } from "@/components/trackers/print-button";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { getTrackerReport } from "@/lib/export/queries";
import { requirePageMembership } from "@/lib/server/authz";
import { findTracker } from "@/lib/snapshots/queries";
import { routes } from "@/lib/routes";

/** A progress report made for paper: "Print" or "Save as PDF" from the browser gives a clean document. */
export default async function ReportPage({ params }: PageProps<"/w/[slug]/t/[trackerId]/report">) {
  const { slug, trackerId } = await params;
  const { workspace } = await requirePageMembership(slug);
  const [report, tracker] = await Promise.all([
    getTrackerReport(workspace.id, trackerId),
    findTracker(workspace.id, trackerId),
  ]);
  if (!report) notFound();
  const t = await getTranslations("report");
  const tCommon = await getTranslations("common");
  // i18n-keys: report.evidence.stance.*
  const tEvidence = await getTranslations("report.evidence");
  const format = await getFormatter();
  const day = (date: Date) => format.dateTime(date, "dayLong");
  const language = tracker?.language ?? undefined;
  const doc = report.document;
  return (
    <main className="mx-auto max-w-4xl px-4 py-6 sm:px-6 print:max-w-none print:p-0">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <nav aria-label={tCommon("breadcrumb")} className="text-sm text-zinc-500">
          <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900" lang={language}>
            {report.tracker.name}
          </Link>
        </nav>
        <PrintButton />
      </div>
      <ReportSheet>
        <ReportHeader
          kicker={t("kicker", { workspace: workspace.name })}
          title={report.tracker.name}
          language={language}
          dateLine={t("asOf", { date: day(new Date()) })}
          citation={
            doc
              ? t.rich("source", {
                  cite: () => (
                    <span lang={language}>
                      <cite>{doc.title}</cite>
                      {doc.author ? `, ${doc.author}` : ""}
                      {doc.citation ? ` (${doc.citation})` : ""}
                    </span>
                  ),
                })
              : null
          }
        />

        <ReportSummary
          total={report.progress.total}
          achievedShare={report.progress.achievedShare}
          language={language}
          sections={report.sections.map((s) => ({ key: s.id, title: s.title, progress: s.progress }))}
        />

        {report.sections.map((section, index) => (
          <section key={section.id} aria-labelledby={`s-${section.id}`} className="mt-8">
            <h2 id={`s-${section.id}`} className="border-b border-zinc-200 pb-1 text-lg font-semibold">
              {index + 1}. <span lang={language}>{section.title}</span>
            </h2>
            {section.recommendations.length === 0 ? (
              <p className="mt-2 text-sm text-zinc-500">{t("emptySection")}</p>
            ) : (
              <ol className="mt-2 divide-y divide-zinc-100">
                {section.recommendations.map((rec) => (
                  <li key={rec.id} className="py-3" data-print-avoid-break>
                    <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                      <h3 className="min-w-0 flex-1 font-medium" lang={language}>
                        {rec.title}
                      </h3>
                      <StatusBadge status={rec.status} className="print:ring-zinc-400" />
                    </div>
                    <p className="mt-1 text-xs text-zinc-600">
                      {[
                        rec.owners.length > 0 ? t("owners", { names: rec.owners.join(", ") }) : t("noOwner"),
                        rec.targetActor ? t("target", { actor: rec.targetActor }) : null,
                        rec.dueDate ? t("due", { date: day(rec.dueDate) }) : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                    {rec.latest ? (
                      <p className="mt-1.5 text-sm text-zinc-800">
                        <span className="font-medium">{t("latest")} </span>
                        <span lang={language}>{rec.latest.justification}</span>{" "}
                        <span className="text-xs text-zinc-500">
                          {rec.latest.byName
                            ? t("latestBy", { date: day(rec.latest.at), name: rec.latest.byName })
                            : t("latestOn", { date: day(rec.latest.at) })}
                        </span>
                      </p>
                    ) : null}
                    {rec.evidence.length > 0 ? (
                      <ul className="mt-1.5 space-y-0.5 text-xs text-zinc-700">
                        {rec.evidence.map((e) => (
                          <li key={e.url} className="break-words">
                            <span className="font-medium">
                              {t("evidenceStance", { stance: tEvidence(`stance.${e.stance}`) })}
                            </span>{" "}
                            <span lang={language}>{e.title}</span>
                            {e.publishedAt ? ` (${day(e.publishedAt)})` : ""} —{" "}
                            <span className="text-zinc-500">{e.url}</span>
                          </li>
                        ))}
                        {rec.evidenceCount > rec.evidence.length ? (
                          <li className="text-zinc-500">
                            {t("moreEvidence", { count: rec.evidenceCount - rec.evidence.length })}
                          </li>
                        ) : null}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </ReportSheet>
    </main>
  );
}
