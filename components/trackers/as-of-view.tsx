import Link from "next/link";
import type { ReactNode } from "react";
import { History } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/trackers/empty-state";
import { Pagination } from "@/components/trackers/pagination";
import { ProgressBar, ProgressLegend } from "@/components/trackers/progress-bar";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { routes } from "@/lib/routes";
import { toSearchParams, type TrackerFilters } from "@/lib/trackers/filters";
import { findTracker } from "@/lib/snapshots/queries";
import { listRecommendationsAsOf, type TrackerOutline } from "@/lib/trackers/queries";

/**
 * Time travel (issue 11, part 5): the tracker's list as it stood at the end of a day, from the status history.
 * Read-only: no edit controls, only links to each recommendation's page (which shows today).
 */
export async function AsOfView({
  workspaceSlug: slug,
  workspaceId,
  trackerId,
  userId,
  filters,
  outline,
  asOf,
  today,
}: {
  workspaceSlug: string;
  workspaceId: string;
  trackerId: string;
  userId: string;
  filters: TrackerFilters;
  outline: TrackerOutline;
  asOf: string;
  today: string;
}) {
  const [{ rows, total, pageCount, progress, sections }, tracker] = await Promise.all([
    listRecommendationsAsOf(workspaceId, trackerId, userId, filters, asOf),
    findTracker(workspaceId, trackerId),
  ]);
  const t = await getTranslations("dashboard.asOf");
  const tCommon = await getTranslations("common");
  const format = await getFormatter();
  const language = tracker?.language ?? undefined;
  const asOfLabel = format.dateTime(new Date(`${asOf}T00:00:00Z`), "dayLong");
  const backLink = (chunks: ReactNode) => (
    <Link
      href={routes.tracker(slug, trackerId, keep)}
      className="font-medium text-indigo-700 hover:underline"
    >
      {chunks}
    </Link>
  );
  const keep = toSearchParams({
    section: filters.section,
    tag: filters.tag,
    owner: filters.owner,
    actor: filters.actor,
  });
  const hrefFor = (page: number) => {
    const query = new URLSearchParams(keep);
    query.set("asOf", asOf);
    if (page > 1) query.set("page", String(page));
    return routes.tracker(slug, trackerId, query);
  };
  const sectionTitles = new Map(
    outline.sections.map((section, index) => [section.id, { ...section, index }]),
  );
  const groups: { sectionId: string; rows: typeof rows }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.sectionId === row.sectionId) last.rows.push(row);
    else groups.push({ sectionId: row.sectionId, rows: [row] });
  }
  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <nav aria-label={tCommon("breadcrumb")} className="text-sm text-zinc-500">
        <Link href={routes.workspace(slug)} className="hover:text-zinc-900">
          {t("breadcrumb")}
        </Link>
      </nav>
      <div
        role="status"
        className="mt-2 flex flex-wrap items-center justify-between gap-3 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
      >
        <p className="flex items-center gap-2 font-medium">
          <History aria-hidden className="size-4" />
          <span>
            {t.rich("viewing", {
              date: asOfLabel,
              link: (chunks) => (
                <Link href={routes.tracker(slug, trackerId, keep)} className="underline hover:no-underline">
                  {chunks}
                </Link>
              ),
            })}
          </span>
        </p>
        <form method="get" className="flex items-center gap-1.5">
          {[...keep].map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <label htmlFor="as-of-date" className="text-amber-900">
            {t("anotherDate")}
          </label>
          <input
            id="as-of-date"
            type="date"
            name="asOf"
            max={today}
            defaultValue={asOf}
            className={cn(inputClass, "h-8 w-auto bg-white py-0 text-sm")}
          />
          <button type="submit" className={buttonClass("secondary", "sm")}>
            {t("show")}
          </button>
        </form>
      </div>
      <div className="mt-4 flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold" lang={language}>
            {outline.name}
          </h1>
          {outline.document?.citation ? (
            <p className="mt-1 text-xs text-zinc-500" lang={language}>
              {outline.document.citation}
            </p>
          ) : null}
          <p className="mt-2 text-sm text-zinc-600">{t("readOnly")}</p>
        </div>
        <div className="w-full shrink-0 md:w-80">
          <div className="flex items-baseline justify-between text-sm">
            <span className="text-zinc-600">{t("recommendations", { count: progress.total })}</span>
            <span className="font-semibold tabular-nums">
              {t("achieved", { share: format.number(progress.achievedShare, "percent") })}
            </span>
          </div>
          <ProgressBar progress={progress} className="mt-1.5" />
          <div className="mt-2">
            <ProgressLegend progress={progress} />
          </div>
        </div>
      </div>
      {rows.length === 0 ? (
        <div className="mt-6">
          <EmptyState>
            {keep.size
              ? t.rich("emptyFiltered", { date: asOfLabel, link: backLink })
              : t.rich("empty", { date: asOfLabel, link: backLink })}
          </EmptyState>
        </div>
      ) : (
        <div className="mt-6 space-y-4">
          {groups.map((group, groupIndex) => {
            const section = sectionTitles.get(group.sectionId);
            const sectionProgress = sections.get(group.sectionId);
            return (
              <section
                key={`${group.sectionId}-${groupIndex}`}
                aria-label={section?.title ?? t("recommendationsLabel")}
                className={cardClass("overflow-hidden")}
              >
                {section ? (
                  <div className="border-b border-zinc-200 px-4 py-3">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <h2 className="font-semibold">
                        <span className="me-2 text-zinc-500 tabular-nums">{section.index + 1}.</span>
                        <span lang={language}>{section.title}</span>
                      </h2>
                      {sectionProgress ? (
                        <span className="text-xs text-zinc-600 tabular-nums">
                          {t("sectionLine", {
                            count: sectionProgress.total,
                            share: format.number(sectionProgress.achievedShare, "percent"),
                          })}
                        </span>
                      ) : null}
                    </div>
                    {sectionProgress ? <ProgressBar progress={sectionProgress} className="mt-2" /> : null}
                  </div>
                ) : null}
                <ul className="divide-y divide-zinc-100">
                  {group.rows.map((row) => (
                    <li
                      key={row.id}
                      className="flex flex-col gap-1 px-4 py-2.5 sm:flex-row sm:items-start sm:gap-4"
                    >
                      <div className="min-w-0 flex-1">
                        <Link
                          href={routes.recommendation(slug, trackerId, row.id)}
                          className="text-sm font-medium text-zinc-900 hover:underline"
                          lang={language}
                        >
                          {row.title}
                        </Link>
                        {row.justification ? (
                          <p className="mt-0.5 line-clamp-2 text-xs text-zinc-600" lang={language}>
                            {row.justification}
                          </p>
                        ) : null}
                      </div>
                      <span className="flex shrink-0 items-center gap-3 text-xs text-zinc-500">
                        {row.changedAt ? (
                          <span>{t("since", { date: format.dateTime(new Date(row.changedAt), "day") })}</span>
                        ) : null}
                        <StatusBadge status={row.status} className="w-36 justify-start" />
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
          <Pagination page={filters.page} pageCount={pageCount} total={total} hrefFor={hrefFor} />
        </div>
      )}
    </main>
  );
}
