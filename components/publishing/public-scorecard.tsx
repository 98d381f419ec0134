import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { ProgressBar, ProgressLegend } from "@/components/trackers/progress-bar";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { ExternalLink } from "@/components/ui/external-link";
import { cardClass } from "@/components/ui/card";
import type { PublicItem, PublicScorecard } from "@/lib/publishing/rules";

/** Public pages show times in UTC, named, whoever reads them. */
const utcDateTime = { timeZone: "UTC", timeZoneName: "short" } as const;

/** The public page's title block: who publishes, what, "last updated" and the source's citation. */
export function ScorecardHeader({ scorecard }: { scorecard: PublicScorecard }) {
  const t = useTranslations("publicScorecard");
  const format = useFormatter();
  const lang = scorecard.language ?? undefined;
  return (
    <header>
      <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">
        {t("kicker", { workspace: scorecard.workspaceName })}
      </p>
      <h1 className="mt-1 text-2xl font-semibold text-balance" lang={lang}>
        {scorecard.trackerName}
      </h1>
      {scorecard.mode === "snapshot" ? (
        <p className="mt-1 text-sm font-medium text-zinc-800">
          {t.rich("reportCard", {
            name: () => <span lang={lang}>{scorecard.snapshotName}</span>,
            date: format.dateTime(new Date(scorecard.asOf ?? scorecard.lastUpdated), "day"),
          })}
        </p>
      ) : null}
      <p className="mt-1 text-sm text-zinc-600">
        {t.rich("lastUpdated", {
          time: () => (
            <time dateTime={scorecard.lastUpdated}>
              {format.dateTime(new Date(scorecard.lastUpdated), "dateTime", utcDateTime)}
            </time>
          ),
        })}
      </p>
      {scorecard.citation ? (
        <p className="mt-2 text-sm text-zinc-700">
          {t.rich("source", { cite: () => <cite lang={lang}>{scorecard.citation}</cite> })}
        </p>
      ) : null}
    </header>
  );
}

/** A public item's evidence: title (the tracker's language), then its kind, stance and date (the reader's). */
export function PublicEvidenceList({ item, language }: { item: PublicItem; language?: string }) {
  const t = useTranslations("publicScorecard");
  // i18n-keys: report.evidence.source.*, report.evidence.stance.*
  const tEvidence = useTranslations("report.evidence");
  const format = useFormatter();
  if (item.evidence.length === 0) return null;
  return (
    <ul className="mt-1.5 space-y-1 text-sm" aria-label={t("evidence")}>
      {item.evidence.map((e) => (
        <li key={e.url} className="break-words">
          <ExternalLink href={e.url} className="font-medium text-indigo-700 hover:underline">
            <span lang={language}>{e.title}</span>
          </ExternalLink>
          <span className="text-xs text-zinc-500">
            {" "}
            · {tEvidence(`source.${e.sourceType}`)} · {tEvidence(`stance.${e.stance}`)}
            {e.publishedAt ? ` · ${format.dateTime(new Date(`${e.publishedAt}T00:00:00Z`), "day")}` : ""}
          </span>
          {e.quote ? (
            <blockquote
              className="mt-0.5 border-s-2 border-zinc-200 ps-2 text-zinc-600 italic"
              lang={language}
            >
              {e.quote}
            </blockquote>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The footer of public pages: who assesses, and the visitor's language choice. */
export function PublicFooter({ className }: { className?: string }) {
  const t = useTranslations("publicScorecard");
  return (
    <footer
      className={`flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 pt-4 text-xs text-zinc-500 ${className ?? ""}`}
    >
      <p>{t("footer")}</p>
      <LocaleSwitcher />
    </footer>
  );
}

/** The whole public scorecard: overall and per-section progress, then every recommendation. */
export function PublicScorecardView({
  scorecard,
  permalink,
  pageHref,
}: {
  scorecard: PublicScorecard;
  permalink: (id: string) => string;
  /** Live scorecards are paged (lib/publishing/queries.ts): the URL of a page by its cursor (null: the first). */
  pageHref?: (cursor: string | null) => string;
}) {
  const t = useTranslations("publicScorecard");
  const format = useFormatter();
  const lang = scorecard.language ?? undefined;
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <ScorecardHeader scorecard={scorecard} />
      <section aria-labelledby="progress" className={cardClass("mt-6 p-5")}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="progress" className="font-semibold">
            {t("progress")}
          </h2>
          <p className="text-sm">
            <span className="font-semibold tabular-nums" data-testid="achieved-count">
              {t("achieved", { achieved: scorecard.achieved, total: scorecard.progress.total })}
            </span>{" "}
            <span className="text-zinc-500">
              {t("countingPartial", { share: format.number(scorecard.progress.achievedShare, "percent") })}
            </span>
          </p>
        </div>
        <ProgressBar progress={scorecard.progress} className="mt-2" />
        <div className="mt-2">
          <ProgressLegend progress={scorecard.progress} />
        </div>
        {scorecard.sections.length > 0 ? (
          <ul className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {scorecard.sections.map((section, index) => (
              <li key={`${index}-${section.title}`}>
                <div className="flex items-baseline justify-between gap-2 text-sm">
                  <a href={`#section-${index + 1}`} className="truncate hover:underline" lang={lang}>
                    {section.title}
                  </a>
                  <span className="shrink-0 text-xs text-zinc-600 tabular-nums">
                    {t("sectionLine", {
                      achieved: section.progress.counts.ACHIEVED,
                      total: section.progress.total,
                      share: format.number(section.progress.achievedShare, "percent"),
                    })}
                  </span>
                </div>
                <ProgressBar progress={section.progress} className="mt-1" />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {scorecard.sections.length === 0 ? <p className="mt-6 text-sm text-zinc-600">{t("empty")}</p> : null}
      {scorecard.sections.map((section, index) =>
        // A paged live scorecard: sections without items on this page are only in the overview above.
        section.items.length === 0 ? null : (
          <section
            key={`${index}-${section.title}`}
            aria-labelledby={`section-${index + 1}`}
            className="mt-8"
          >
            <h2 id={`section-${index + 1}`} className="border-b border-zinc-200 pb-1 text-lg font-semibold">
              {index + 1}. <span lang={lang}>{section.title}</span>
            </h2>
            <ol className="divide-y divide-zinc-100">
              {section.items.map((item) => (
                <li key={item.id} className="py-3">
                  <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                    <h3 className="min-w-0 flex-1 font-medium">
                      <Link href={permalink(item.id)} className="hover:underline">
                        {item.referenceId ? (
                          <span className="me-1.5 text-zinc-500">{item.referenceId}</span>
                        ) : null}
                        <span lang={lang}>{item.title}</span>
                      </Link>
                    </h3>
                    <StatusBadge status={item.status} />
                  </div>
                  {item.justification ? (
                    <p className="mt-1 text-sm text-zinc-800" lang={lang}>
                      {item.justification}
                    </p>
                  ) : null}
                  <PublicEvidenceList item={item} language={lang} />
                </li>
              ))}
            </ol>
          </section>
        ),
      )}
      {pageHref && (scorecard.nextCursor || scorecard.isFirstPage === false) ? (
        <nav
          aria-label={t("pages")}
          className="mt-8 flex justify-between text-sm font-medium text-indigo-700"
        >
          {scorecard.isFirstPage === false ? (
            <Link href={pageHref(null)} className="hover:underline">
              {t("firstPage")}
            </Link>
          ) : (
            <span />
          )}
          {scorecard.nextCursor ? (
            <Link href={pageHref(scorecard.nextCursor)} className="hover:underline">
              {t("nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
      <PublicFooter className="mt-10" />
    </main>
  );
}
