import type { ReactNode } from "react";
import Link from "next/link";
import { EmptyState } from "@/components/trackers/empty-state";
import { Pagination } from "@/components/trackers/pagination";
import { ProgressBar, ProgressLegend } from "@/components/trackers/progress-bar";
import { RecommendationRow } from "@/components/trackers/recommendation-row";
import { IconSprite } from "@/components/trackers/icons";
import { ReorderList } from "@/components/trackers/reorder-list";
import { trackerHref, type TrackerViewProps } from "@/components/trackers/view-props";
import { cardClass } from "@/components/ui/card";
import { hasActiveFilters } from "@/lib/trackers/filters";
import { listRecommendationsPage, type TrackerOutline } from "@/lib/trackers/queries";
import { routes } from "@/lib/routes";

/** One page of the filtered list; grouped by section when sorted by position. */
export async function ListView({
  outline,
  canReorder,
  ...props
}: TrackerViewProps & { outline: TrackerOutline; canReorder: boolean }) {
  const { workspaceSlug: slug, workspaceId, trackerId, userId, filters } = props;
  const result = await listRecommendationsPage(workspaceId, trackerId, userId, filters);
  const { rows, total, pageCount, isTotalCapped } = result;
  if (outline.sections.length === 0) {
    return (
      <EmptyState>
        This tracker has no sections yet. Add one under “Sections”, then add recommendations to it.
      </EmptyState>
    );
  }
  if (rows.length === 0) {
    return (
      <EmptyState>
        {hasActiveFilters(filters) ? (
          <>
            No recommendation matches these filters.{" "}
            <Link
              href={routes.tracker(slug, trackerId)}
              className="font-medium text-indigo-700 hover:underline"
            >
              Clear the filters
            </Link>
          </>
        ) : (
          "No recommendations yet. Add the first one with “New recommendation”."
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
  // Reordering by hand only makes sense on the unfiltered list in its own order.
  const isReorderable = canReorder && isGrouped && !hasActiveFilters(filters);
  const List = isReorderable ? ReorderList : PlainList;
  // Keyset pages: the cursor of this page's last row (next) or first row (previous); back to page 1 drops it.
  const keysetHref = (cursor: string | null, page: number, side: "after" | "before") =>
    cursor === null
      ? trackerHref(props, { page })
      : page <= 1
        ? trackerHref(props, { page: 1 })
        : trackerHref(props, { page, [side]: cursor });
  return (
    <div className="mt-4 space-y-4">
      <IconSprite />
      <p className="text-sm text-zinc-600" aria-live="polite">
        {total.toLocaleString("en")}
        {isTotalCapped ? "+" : ""} {total === 1 ? "recommendation" : "recommendations"}
        {hasActiveFilters(filters) ? " match" : ""}
      </p>
      {groups.map((group, groupIndex) => {
        const section = isGrouped ? sectionsById.get(group.sectionId) : undefined;
        return (
          <section
            key={`${group.sectionId}-${groupIndex}`}
            aria-labelledby={section ? `section-${section.id}` : undefined}
            aria-label={section ? undefined : "Recommendations"}
            className={cardClass("overflow-hidden")}
          >
            {section ? (
              <div className="border-b border-zinc-200 px-4 py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`section-${section.id}`} className="font-semibold">
                    <span className="mr-2 text-zinc-500 tabular-nums">{section.index + 1}.</span>
                    <Link
                      href={trackerHref(props, { section: section.id, page: 1 })}
                      className="hover:underline"
                    >
                      {section.title}
                    </Link>
                  </h2>
                  <span className="text-xs text-zinc-600 tabular-nums">
                    {section.progress.total} · {Math.round(section.progress.achievedShare * 100)}% achieved
                  </span>
                </div>
                {section.description ? (
                  <p className="mt-0.5 text-sm text-zinc-600">{section.description}</p>
                ) : null}
                <ProgressBar progress={section.progress} className="mt-2" />
                <div className="mt-2">
                  <ProgressLegend progress={section.progress} />
                </div>
              </div>
            ) : null}
            <List workspaceSlug={slug} className="divide-y divide-zinc-100">
              {group.rows.map((row) => (
                <RecommendationRow
                  key={row.id}
                  row={row}
                  href={routes.recommendation(slug, trackerId, row.id)}
                  canReorder={isReorderable}
                />
              ))}
            </List>
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

function PlainList({
  className,
  children,
}: {
  workspaceSlug: string;
  className?: string;
  children: ReactNode;
}) {
  return <ul className={className}>{children}</ul>;
}
