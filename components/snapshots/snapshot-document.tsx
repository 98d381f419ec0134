import { useFormatter, useTranslations } from "next-intl";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { ExternalLink } from "@/components/ui/external-link";
import { ReportHeader, ReportSheet, ReportSummary } from "@/components/trackers/report-parts";
import { groupBySection, type FrozenItem } from "@/lib/snapshots/rules";

/** A snapshot as a printable report card, for the team: owners and internal justifications included (marked). */
export function SnapshotDocument({
  kicker,
  name,
  asOf,
  citation,
  items,
  language,
}: {
  kicker: string;
  name: string;
  asOf: Date;
  citation: string | null;
  items: FrozenItem[];
  /** The language of the tracker's content, when declared. */
  language?: string;
}) {
  const t = useTranslations("snapshots.document");
  // i18n-keys: report.evidence.stance.*
  const tEvidence = useTranslations("report.evidence");
  const format = useFormatter();
  const day = (date: Date | string) => format.dateTime(new Date(date), "dayLong");
  const { sections, progress } = groupBySection(items);
  return (
    <ReportSheet>
      <ReportHeader
        kicker={kicker}
        title={name}
        language={language}
        dateLine={t("dateLine", { date: day(asOf), count: items.length })}
        citation={citation ? t.rich("source", { cite: () => <cite lang={language}>{citation}</cite> }) : null}
      />
      {items.length === 0 ? (
        <p className="mt-6 text-sm text-zinc-600">{t("empty")}</p>
      ) : (
        <ReportSummary
          total={progress.total}
          achievedShare={progress.achievedShare}
          language={language}
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
            {index + 1}. <span lang={language}>{section.title}</span>
          </h2>
          <ol className="mt-2 divide-y divide-zinc-100">
            {section.items.map((item) => (
              <li key={item.recommendationId} className="py-3" data-print-avoid-break>
                <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                  <h3 className="min-w-0 flex-1 font-medium">
                    {item.referenceId ? (
                      <span className="me-1.5 text-zinc-500">{item.referenceId}</span>
                    ) : null}
                    <span lang={language}>{item.title}</span>
                  </h3>
                  <StatusBadge status={item.status} className="print:ring-zinc-400" />
                </div>
                <p className="mt-1 text-xs text-zinc-600">
                  {item.ownerNames.length > 0
                    ? t("owners", { names: item.ownerNames.join(", ") })
                    : t("noOwner")}
                </p>
                {item.justification ? (
                  <p className="mt-1.5 text-sm text-zinc-800">
                    {item.isJustificationInternal ? (
                      <span className="me-1.5 rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-700 ring-1 ring-zinc-300">
                        {t("internal")}
                      </span>
                    ) : null}
                    <span lang={language}>{item.justification}</span>
                    {item.statusChangedAt ? (
                      <span className="text-xs text-zinc-500"> ({day(item.statusChangedAt)})</span>
                    ) : null}
                  </p>
                ) : null}
                {item.evidence.length > 0 ? (
                  <ul className="mt-1.5 space-y-0.5 text-xs text-zinc-700" aria-label={t("publicEvidence")}>
                    {item.evidence.map((e) => (
                      <li key={e.url} className="break-words">
                        <span className="font-medium">
                          {t("evidenceStance", { stance: tEvidence(`stance.${e.stance}`) })}
                        </span>{" "}
                        <ExternalLink href={e.url} className="text-indigo-700 hover:underline">
                          <span lang={language}>{e.title}</span>
                        </ExternalLink>
                        {e.publishedAt ? ` (${day(`${e.publishedAt}T00:00:00Z`)})` : ""}
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
