import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Icon } from "@/components/ui/icon";
import { EmptyState } from "@/components/trackers/empty-state";
import { Pagination } from "@/components/trackers/pagination";
import { ProgressBar, ProgressLegend } from "@/components/trackers/progress-bar";
import { TrackerRows, type RowData } from "@/components/trackers/tracker-rows";
import { trackerHref, type TrackerViewProps } from "@/components/trackers/view-props";
import { cardClass } from "@/components/ui/card";
import { hasActiveFilters } from "@/lib/trackers/filters";
import { listRecommendationsPage, type RecommendationRow, type TrackerOutline } from "@/lib/trackers/queries";
import { routes } from "@/lib/routes";

const toRowData = (row: RecommendationRow): RowData => [
  row.id,
  row.title,
  row.status,
  row.targetActor,
  row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null,
  row.isOverdue ? 1 : 0,
  row.evidenceCount,
  row.commentCount,
  row.owners.map((owner) => owner.name),
];

/** One page of the filtered list; grouped by section when sorted by position. */
export async function ListView({
  outline,
  canReorder,
  ...props
}: TrackerViewProps & { outline: TrackerOutline; canReorder: boolean }) {
  const { workspaceSlug: slug, workspaceId, trackerId, userId, filters } = props;
  const t = await getTranslations("tracker.list");
  const result = await listRecommendationsPage(workspaceId, trackerId, userId, filters);
  const { rows, total, pageCount, isTotalCapped } = result;
  if (outline.sections.length === 0) return <EmptyState>{t("noSections")}</EmptyState>;
  if (rows.length === 0) {
    return (
      <EmptyState>
        {hasActiveFilters(filters) ? (
          <>
            {t("noMatch")}{" "}
            <Link
              href={routes.tracker(slug, trackerId)}
              className="font-medium text-indigo-700 hover:underline"
            >
              {t("clearFilters")}
            </Link>
          </>
        ) : (
          t("noRecommendations")
        )}
      </EmptyState>
    );
  }
  const isGrouped = filters.sort === "position";
  const groups: { sectionId: string; rows: typeof rows }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (isGrouped && last && last.sectionId === row.sectionId) last.rows.push(row);
    else if (!isGrouped && last) last.rows.push(row);
    else groups.push({ sectionId: row.sectionId, rows: [row] });
  }
  const sectionsById = new Map(outline.sections.map((section, index) => [section.id, { ...section, index }]));
  // Reordering by hand only makes sense on the unfiltered list in its own order. The move buttons show in
  // reorder mode (?reorder=1) only: a list of links otherwise, without two extra tab stops per row.
  const isReorderable = canReorder && isGrouped && !hasActiveFilters(filters);
  const isReordering = isReorderable && filters.reorder;
  // Keyset pages: the cursor of this page's last row (next) or first row (previous); back to page 1 drops it.
  const keysetHref = (cursor: string | null, page: number, side: "after" | "before") =>
    cursor === null || page <= 1
      ? trackerHref(props, { page: Math.max(1, page) })
      : trackerHref(props, { page, [side]: cursor });
  const hrefBase = routes.recommendation(slug, trackerId, "");
  const lang = outline.language ?? undefined;
  return (
    <div className="mt-4 space-y-4">
      <div className="flex min-h-8 flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-zinc-600" aria-live="polite">
          {hasActiveFilters(filters)
            ? t("matchCount", { count: total, more: isTotalCapped ? "yes" : "no" })
            : t("count", { count: total, more: isTotalCapped ? "yes" : "no" })}
        </p>
        {isReorderable ? (
          <Link
            href={trackerHref(props, {
              reorder: !isReordering,
              after: filters.after,
              before: filters.before,
            })}
            className="hbtn"
          >
            <Icon name={isReordering ? "check" : "reorder"} className="size-4" />{" "}
            {isReordering ? t("doneReordering") : t("reorder")}
          </Link>
        ) : null}
      </div>
      {groups.map((group, groupIndex) => {
        const section = isGrouped ? sectionsById.get(group.sectionId) : undefined;
        return (
          <section
            key={`${group.sectionId}-${groupIndex}`}
            aria-labelledby={section ? `section-${section.id}` : undefined}
            aria-label={section ? undefined : t("recommendations")}
            className={cardClass("overflow-hidden")}
          >
            {section ? (
              <div className="border-b border-zinc-200 px-4 py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`section-${section.id}`} className="font-semibold">
                    <span className="me-2 text-zinc-500 tabular-nums">{section.index + 1}.</span>
                    <Link
                      href={trackerHref(props, { section: section.id, page: 1, reorder: false })}
                      className="hover:underline"
                      lang={lang}
                    >
                      {section.title}
                    </Link>
                  </h2>
                  <span className="text-xs text-zinc-600 tabular-nums">
                    {t("sectionProgress", {
                      total: section.progress.total,
                      share: section.progress.achievedShare,
                    })}
                  </span>
                </div>
                {section.description ? (
                  <p className="mt-0.5 text-sm text-zinc-600" lang={lang}>
                    {section.description}
                  </p>
                ) : null}
                <ProgressBar progress={section.progress} className="mt-2" />
                <div className="mt-2">
                  <ProgressLegend progress={section.progress} />
                </div>
              </div>
            ) : null}
            <TrackerRows
              rows={group.rows.map(toRowData)}
              hrefBase={hrefBase}
              workspaceSlug={slug}
              canReorder={isReordering}
              lang={lang}
            />
          </section>
        );
      })}
      <Pagination
        page={filters.page}
        pageCount={pageCount}
        total={total}
        isTotalCapped={isTotalCapped}
        previousHref={
          result.hasPrevious ? keysetHref(result.previousCursor, filters.page - 1, "before") : null
        }
        nextHref={result.hasNext ? keysetHref(result.nextCursor, filters.page + 1, "after") : null}
      />
    </div>
  );
}
