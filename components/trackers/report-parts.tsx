import type { ReactNode } from "react";
import { ProgressBar } from "@/components/trackers/progress-bar";
import { cardClass } from "@/components/ui/card";
import { STATUSES, statusMeta, type Progress } from "@/lib/status";

export const reportDateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

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
}: {
  kicker: string;
  title: string;
  dateLine: ReactNode;
  citation: ReactNode;
}) {
  return (
    <header className="border-b border-zinc-200 pb-5">
      <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{kicker}</p>
      <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
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
}: {
  total: number;
  achievedShare: number;
  sections: { key: string; title: string; progress: Progress }[];
}) {
  return (
    <section aria-labelledby="summary" className="mt-6" data-print-avoid-break>
      <h2 id="summary" className="text-lg font-semibold">
        Progress
      </h2>
      <p className="mt-1 text-sm text-zinc-700">
        {total} recommendations, {Math.round(achievedShare * 100)}% achieved.
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
          {sections.map((section) => (
            <tr key={section.key} className="border-b border-zinc-100 align-top">
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
  );
}
