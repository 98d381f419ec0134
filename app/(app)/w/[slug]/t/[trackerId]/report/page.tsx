import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressBar } from "@/components/trackers/progress-bar";
import { PrintButton } from "@/components/trackers/print-button";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { getTrackerReport } from "@/lib/export/queries";
import { requirePageMembership } from "@/lib/server/authz";
import { evidenceStanceLabels } from "@/lib/evidence/rules";
import { STATUSES, statusMeta } from "@/lib/status";
import { routes } from "@/lib/routes";
import { cardClass } from "@/components/ui/card";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

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
      <article
        className={cardClass(
          "mt-4 p-6 sm:p-10 print:mt-0 print:rounded-none print:p-0 print:shadow-none print:ring-0",
        )}
      >
        <header className="border-b border-zinc-200 pb-5">
          <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">
            {workspace.name} · Progress report
          </p>
          <h1 className="mt-1 text-2xl font-semibold">{report.tracker.name}</h1>
          <p className="mt-1 text-sm text-zinc-600">As of {dateFormat.format(new Date())}</p>
          {report.document ? (
            <p className="mt-2 text-sm text-zinc-700">
              Source: <cite>{report.document.title}</cite>
              {report.document.author ? `, ${report.document.author}` : ""}
              {report.document.citation ? ` (${report.document.citation})` : ""}
            </p>
          ) : null}
        </header>

        <section aria-labelledby="summary" className="mt-6" data-print-avoid-break>
          <h2 id="summary" className="text-lg font-semibold">
            Progress
          </h2>
          <p className="mt-1 text-sm text-zinc-700">
            {report.progress.total} recommendations, {Math.round(report.progress.achievedShare * 100)}%
            achieved.
          </p>
          <table className="mt-3 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-zinc-300 text-xs text-zinc-500">
                <th scope="col" className="py-1.5 pr-2 font-medium">
                  Section
                </th>
                <th scope="col" className="w-16 py-1.5 pr-2 text-right font-medium">
                  Total
                </th>
                <th scope="col" className="hidden py-1.5 pr-2 font-medium sm:table-cell print:table-cell">
                  Status
                </th>
                <th scope="col" className="w-20 py-1.5 text-right font-medium">
                  Achieved
                </th>
              </tr>
            </thead>
            <tbody>
              {report.sections.map((section) => (
                <tr key={section.id} className="border-b border-zinc-100 align-top">
                  <td className="py-2 pr-2">
                    {section.title}
                    <ProgressBar progress={section.progress} className="mt-1 sm:hidden print:hidden" />
                  </td>
                  <td className="py-2 pr-2 text-right tabular-nums">{section.progress.total}</td>
                  <td className="hidden py-2 pr-2 text-xs text-zinc-600 sm:table-cell print:table-cell">
                    {STATUSES.filter((s) => section.progress.counts[s] > 0)
                      .map((s) => `${section.progress.counts[s]} ${statusMeta[s].label.toLowerCase()}`)
                      .join(" · ") || "—"}
                  </td>
                  <td className="py-2 text-right font-medium tabular-nums">
                    {Math.round(section.progress.achievedShare * 100)}%
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

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
      </article>
    </main>
  );
}
