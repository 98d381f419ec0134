import type { ReactNode } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ProgressBar } from "@/components/trackers/progress-bar";
import { cardClass } from "@/components/ui/card";
import { STATUSES, type Progress } from "@/lib/status";

/** The paper-like sheet of a printable report: a card on screen, plain paper when printed. */
export function ReportSheet({ children }: { children: ReactNode }) {
  return (
    <article
      className={cardClass(
        "mt-4 p-6 sm:p-10 print:mt-0 print:rounded-none print:p-0 print:shadow-none print:ring-0",
      )}
    >
      {children}
    </article>
  );
}

/** A report's title block: kicker, name, date line and source citation. */
export function ReportHeader({
  kicker,
  title,
  dateLine,
  citation,
  language,
}: {
  kicker: string;
  title: string;
  dateLine: ReactNode;
  citation: ReactNode;
  /** The language of the tracker's content (the title), when declared. */
  language?: string;
}) {
  return (
    <header className="border-b border-zinc-200 pb-5">
      <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{kicker}</p>
      <h1 className="mt-1 text-2xl font-semibold" lang={language}>
        {title}
      </h1>
      <p className="mt-1 text-sm text-zinc-600">{dateLine}</p>
      {citation ? <p className="mt-2 text-sm text-zinc-700">{citation}</p> : null}
    </header>
  );
}

/** The "Progress" table of a report: per section, its total, status mix and share achieved. */
export function ReportSummary({
  total,
  achievedShare,
  sections,
  language,
}: {
  total: number;
  achievedShare: number;
  sections: { key: string; title: string; progress: Progress }[];
  /** The language of the tracker's content (section titles), when declared. */
  language?: string;
}) {
  const t = useTranslations("report.summary");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <section aria-labelledby="summary" className="mt-6" data-print-avoid-break>
      <h2 id="summary" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-zinc-700">
        {t("line", { count: total, share: format.number(achievedShare, "percent") })}
      </p>
      <table className="mt-3 w-full text-start text-sm">
        <thead>
          <tr className="border-b border-zinc-300 text-xs text-zinc-500">
            <th scope="col" className="py-1.5 pe-2 font-medium">
              {t("section")}
            </th>
            <th scope="col" className="w-16 py-1.5 pe-2 text-end font-medium">
              {t("total")}
            </th>
            <th scope="col" className="hidden py-1.5 pe-2 font-medium sm:table-cell print:table-cell">
              {t("status")}
            </th>
            <th scope="col" className="w-20 py-1.5 text-end font-medium">
              {t("achieved")}
            </th>
          </tr>
        </thead>
        <tbody>
          {sections.map((section) => (
            <tr key={section.key} className="border-b border-zinc-100 align-top">
              <td className="py-2 pe-2">
                <span lang={language}>{section.title}</span>
                <ProgressBar progress={section.progress} className="mt-1 sm:hidden print:hidden" />
              </td>
              <td className="py-2 pe-2 text-end tabular-nums">{format.number(section.progress.total)}</td>
              <td className="hidden py-2 pe-2 text-xs text-zinc-600 sm:table-cell print:table-cell">
                {STATUSES.filter((s) => section.progress.counts[s] > 0)
                  .map((s) =>
                    t("statusCount", {
                      count: section.progress.counts[s],
                      status: tStatus(`${s}.label`).toLocaleLowerCase(locale),
                    }),
                  )
                  .join(" · ") || "—"}
              </td>
              <td className="py-2 text-end font-medium tabular-nums">
                {format.number(section.progress.achievedShare, "percent")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
