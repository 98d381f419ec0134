import Link from "next/link";
import { notFound } from "next/navigation";
import {
  ReportHeader,
  ReportSheet,
  ReportSummary,
  reportDateFormat,
} from "@/components/trackers/report-parts";
import { PrintButton } from "@/components/trackers/print-button";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { getTrackerReport } from "@/lib/export/queries";
import { requirePageMembership } from "@/lib/server/authz";
import { evidenceStanceLabels } from "@/lib/evidence/rules";
import { routes } from "@/lib/routes";

const dateFormat = reportDateFormat;

/** A progress report made for paper: "Print" or "Save as PDF" from the browser gives a clean document. */
export default async function ReportPage({ params }: PageProps<"/w/[slug]/t/[trackerId]/report">) {
  const { slug, trackerId } = await params;
  const { workspace } = await requirePageMembership(slug);
  const report = await getTrackerReport(workspace.id, trackerId);
  if (!report) notFound();
  return (
    <main className="mx-auto max-w-4xl px-4 py-6 sm:px-6 print:max-w-none print:p-0">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
          <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900">
            {report.tracker.name}
          </Link>
        </nav>
        <PrintButton />
      </div>
      <ReportSheet>
        <ReportHeader
          kicker={`${workspace.name} · Progress report`}
          title={report.tracker.name}
          dateLine={`As of ${dateFormat.format(new Date())}`}
          citation={
            report.document ? (
              <>
                Source: <cite>{report.document.title}</cite>
                {report.document.author ? `, ${report.document.author}` : ""}
                {report.document.citation ? ` (${report.document.citation})` : ""}
              </>
            ) : null
          }
        />

        <ReportSummary
          total={report.progress.total}
          achievedShare={report.progress.achievedShare}
          sections={report.sections.map((s) => ({ key: s.id, title: s.title, progress: s.progress }))}
        />

        {report.sections.map((section, index) => (
          <section key={section.id} aria-labelledby={`s-${section.id}`} className="mt-8">
            <h2 id={`s-${section.id}`} className="border-b border-zinc-200 pb-1 text-lg font-semibold">
              {index + 1}. {section.title}
            </h2>
            {section.recommendations.length === 0 ? (
              <p className="mt-2 text-sm text-zinc-500">No recommendations in this section.</p>
            ) : (
              <ol className="mt-2 divide-y divide-zinc-100">
                {section.recommendations.map((rec) => (
                  <li key={rec.id} className="py-3" data-print-avoid-break>
                    <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                      <h3 className="min-w-0 flex-1 font-medium">{rec.title}</h3>
                      <StatusBadge status={rec.status} className="print:ring-zinc-400" />
                    </div>
                    <p className="mt-1 text-xs text-zinc-600">
                      {rec.owners.length > 0 ? `Owners: ${rec.owners.join(", ")}` : "No owner"}
                      {rec.targetActor ? ` · Target: ${rec.targetActor}` : ""}
                      {rec.dueDate ? ` · Due ${dateFormat.format(rec.dueDate)}` : ""}
                    </p>
                    {rec.latest ? (
                      <p className="mt-1.5 text-sm text-zinc-800">
                        <span className="font-medium">Latest: </span>
                        {rec.latest.justification}{" "}
                        <span className="text-xs text-zinc-500">
                          ({dateFormat.format(rec.latest.at)}
                          {rec.latest.byName ? `, ${rec.latest.byName}` : ""})
                        </span>
                      </p>
                    ) : null}
                    {rec.evidence.length > 0 ? (
                      <ul className="mt-1.5 space-y-0.5 text-xs text-zinc-700">
                        {rec.evidence.map((e) => (
                          <li key={e.url} className="break-words">
                            <span className="font-medium">{evidenceStanceLabels[e.stance]}:</span> {e.title}
                            {e.publishedAt ? ` (${dateFormat.format(e.publishedAt)})` : ""} —{" "}
                            <span className="text-zinc-500">{e.url}</span>
                          </li>
                        ))}
                        {rec.evidenceCount > rec.evidence.length ? (
                          <li className="text-zinc-500">
                            and {rec.evidenceCount - rec.evidence.length} more
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
