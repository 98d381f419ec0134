import Link from "next/link";
import { ProgressBar, ProgressLegend } from "@/components/trackers/progress-bar";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { ExternalLink } from "@/components/ui/external-link";
import { cardClass } from "@/components/ui/card";
import { evidenceSourceLabels, evidenceStanceLabels } from "@/lib/evidence/rules";
import type { PublicItem, PublicScorecard } from "@/lib/publishing/rules";
import { formatDate, formatDateTime } from "@/lib/dates";

/** The public page's title block: who publishes, what, "last updated" and the source's citation. */
export function ScorecardHeader({ scorecard }: { scorecard: PublicScorecard }) {
  return (
    <header>
      <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">
        {scorecard.workspaceName} · Public scorecard
      </p>
      <h1 className="mt-1 text-2xl font-semibold text-balance">{scorecard.trackerName}</h1>
      {scorecard.mode === "snapshot" ? (
        <p className="mt-1 text-sm font-medium text-zinc-800">
          Report card: {scorecard.snapshotName} · as of {formatDate(scorecard.asOf ?? scorecard.lastUpdated)}
        </p>
      ) : null}
      <p className="mt-1 text-sm text-zinc-600">
        Last updated <time dateTime={scorecard.lastUpdated}>{formatDateTime(scorecard.lastUpdated)} UTC</time>
      </p>
      {scorecard.citation ? (
        <p className="mt-2 text-sm text-zinc-700">
          Source: <cite>{scorecard.citation}</cite>
        </p>
      ) : null}
    </header>
  );
}

export function PublicEvidenceList({ item }: { item: PublicItem }) {
  if (item.evidence.length === 0) return null;
  return (
    <ul className="mt-1.5 space-y-1 text-sm" aria-label="Evidence">
      {item.evidence.map((e) => (
        <li key={e.url} className="break-words">
          <ExternalLink href={e.url} className="font-medium text-indigo-700 hover:underline">
            {e.title}
          </ExternalLink>
          <span className="text-xs text-zinc-500">
            {" "}
            · {evidenceSourceLabels[e.sourceType]} · {evidenceStanceLabels[e.stance]}
            {e.publishedAt ? ` · ${formatDate(e.publishedAt)}` : ""}
          </span>
          {e.quote ? (
            <blockquote className="mt-0.5 border-l-2 border-zinc-200 pl-2 text-zinc-600 italic">
              {e.quote}
            </blockquote>
          ) : null}
        </li>
      ))}
    </ul>
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
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <ScorecardHeader scorecard={scorecard} />
      <section aria-labelledby="progress" className={cardClass("mt-6 p-5")}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="progress" className="font-semibold">
            Progress
          </h2>
          <p className="text-sm">
            <span className="font-semibold tabular-nums" data-testid="achieved-count">
              {`${scorecard.achieved} of ${scorecard.progress.total} achieved`}
            </span>{" "}
            <span className="text-zinc-500">
              ({Math.round(scorecard.progress.achievedShare * 100)}% counting partial)
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
                  <a href={`#section-${index + 1}`} className="truncate hover:underline">
                    {section.title}
                  </a>
                  <span className="shrink-0 text-xs text-zinc-600 tabular-nums">
                    {section.progress.counts.ACHIEVED}/{section.progress.total} ·{" "}
                    {Math.round(section.progress.achievedShare * 100)}%
                  </span>
                </div>
                <ProgressBar progress={section.progress} className="mt-1" />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {scorecard.sections.length === 0 ? (
        <p className="mt-6 text-sm text-zinc-600">No recommendations are published yet.</p>
      ) : null}
      {scorecard.sections.map((section, index) =>
        section.items.length === 0 ? null : (
          <section
            key={`${index}-${section.title}`}
            aria-labelledby={`section-${index + 1}`}
            className="mt-8"
          >
            <h2 id={`section-${index + 1}`} className="border-b border-zinc-200 pb-1 text-lg font-semibold">
              {index + 1}. {section.title}
            </h2>
            <ol className="divide-y divide-zinc-100">
              {section.items.map((item) => (
                <li key={item.id} className="py-3">
                  <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                    <h3 className="min-w-0 flex-1 font-medium">
                      <Link href={permalink(item.id)} className="hover:underline">
                        {item.referenceId ? (
                          <span className="mr-1.5 text-zinc-500">{item.referenceId}</span>
                        ) : null}
                        {item.title}
                      </Link>
                    </h3>
                    <StatusBadge status={item.status} />
                  </div>
                  {item.justification ? (
                    <p className="mt-1 text-sm text-zinc-800">{item.justification}</p>
                  ) : null}
                  <PublicEvidenceList item={item} />
                </li>
              ))}
            </ol>
          </section>
        ),
      )}
      {pageHref && (scorecard.nextCursor || scorecard.isFirstPage === false) ? (
        <nav aria-label="Pages" className="mt-8 flex justify-between text-sm font-medium text-indigo-700">
          {scorecard.isFirstPage === false ? (
            <Link href={pageHref(null)} className="hover:underline">
              First page
            </Link>
          ) : (
            <span />
          )}
          {scorecard.nextCursor ? (
            <Link href={pageHref(scorecard.nextCursor)} className="hover:underline">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
      <footer className="mt-10 border-t border-zinc-200 pt-4 text-xs text-zinc-500">
        Published with Advocacy Tracker. Statuses and justifications are the publishing organisation&apos;s
        assessment.
      </footer>
    </main>
  );
}
