import { StatusBadge } from "@/components/recommendations/status-badge";
import { ExternalLink } from "@/components/ui/external-link";
import {
  ReportHeader,
  ReportSheet,
  ReportSummary,
  reportDateFormat,
} from "@/components/trackers/report-parts";
import { evidenceStanceLabels } from "@/lib/evidence/rules";
import { groupBySection, type FrozenItem } from "@/lib/snapshots/rules";

/** A snapshot as a printable report card, for the team: owners and internal justifications included (marked). */
export function SnapshotDocument({
  kicker,
  name,
  asOf,
  citation,
  items,
}: {
  kicker: string;
  name: string;
  asOf: Date;
  citation: string | null;
  items: FrozenItem[];
}) {
  const { sections, progress } = groupBySection(items);
  return (
    <ReportSheet>
      <ReportHeader
        kicker={kicker}
        title={name}
        dateLine={`As of ${reportDateFormat.format(asOf)} · ${items.length} recommendations`}
        citation={
          citation ? (
            <>
              Source: <cite>{citation}</cite>
            </>
          ) : null
        }
      />
      {items.length === 0 ? (
        <p className="mt-6 text-sm text-zinc-600">
          This snapshot holds no recommendations: the tracker had none (or none yet on that date).
        </p>
      ) : (
        <ReportSummary
          total={progress.total}
          achievedShare={progress.achievedShare}
          sections={sections.map((s) => ({
            key: `${s.position}-${s.title}`,
            title: s.title,
            progress: s.progress,
          }))}
        />
      )}
      {sections.map((section, index) => (
        <section key={`${section.position}-${section.title}`} className="mt-8">
          <h2 className="border-b border-zinc-200 pb-1 text-lg font-semibold">
            {index + 1}. {section.title}
          </h2>
          <ol className="mt-2 divide-y divide-zinc-100">
            {section.items.map((item) => (
              <li key={item.recommendationId} className="py-3" data-print-avoid-break>
                <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                  <h3 className="min-w-0 flex-1 font-medium">
                    {item.referenceId ? (
                      <span className="mr-1.5 text-zinc-500">{item.referenceId}</span>
                    ) : null}
                    {item.title}
                  </h3>
                  <StatusBadge status={item.status} className="print:ring-zinc-400" />
                </div>
                <p className="mt-1 text-xs text-zinc-600">
                  {item.ownerNames.length > 0 ? `Owners: ${item.ownerNames.join(", ")}` : "No owner"}
                </p>
                {item.justification ? (
                  <p className="mt-1.5 text-sm text-zinc-800">
                    {item.isJustificationInternal ? (
                      <span className="mr-1.5 rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-700 ring-1 ring-zinc-300">
                        Internal
                      </span>
                    ) : null}
                    {item.justification}
                    {item.statusChangedAt ? (
                      <span className="text-xs text-zinc-500">
                        {" "}
                        ({reportDateFormat.format(new Date(item.statusChangedAt))})
                      </span>
                    ) : null}
                  </p>
                ) : null}
                {item.evidence.length > 0 ? (
                  <ul className="mt-1.5 space-y-0.5 text-xs text-zinc-700" aria-label="Public evidence">
                    {item.evidence.map((e) => (
                      <li key={e.url} className="break-words">
                        <span className="font-medium">{evidenceStanceLabels[e.stance]}:</span>{" "}
                        <ExternalLink href={e.url} className="text-indigo-700 hover:underline">
                          {e.title}
                        </ExternalLink>
                        {e.publishedAt ? ` (${reportDateFormat.format(new Date(e.publishedAt))})` : ""}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </ReportSheet>
  );
}
