import Link from "next/link";
import { notFound } from "next/navigation";
import { Download, FileText, Layers, Printer, Upload } from "lucide-react";
import { NewRecommendationButton } from "@/components/recommendations/new-recommendation";
import { Pagination } from "@/components/trackers/pagination";
import { ProgressBar, ProgressLegend } from "@/components/trackers/progress-bar";
import { RecommendationRow } from "@/components/trackers/recommendation-row";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { TrackerToolbar } from "@/components/trackers/tracker-toolbar";
import { buttonClass } from "@/components/ui/button";
import { requirePageMembership } from "@/lib/server/authz";
import {
  getFilterOptions,
  getTrackerOutline,
  listBoardColumns,
  listRecommendationsPage,
  BOARD_COLUMN_SIZE,
} from "@/lib/trackers/queries";
import { can } from "@/lib/permissions";
import { statusMeta } from "@/lib/status";
import {
  hasActiveFilters,
  parseTrackerFilters,
  toSearchParams,
  type TrackerFilters,
} from "@/lib/trackers/filters";
import { routes } from "@/lib/routes";

export default async function TrackerPage({ params, searchParams }: PageProps<"/w/[slug]/t/[trackerId]">) {
  const { slug, trackerId } = await params;
  const filters = parseTrackerFilters(await searchParams);
  const { workspace, role, user } = await requirePageMembership(slug);
  const outline = await getTrackerOutline(workspace.id, trackerId);
  if (!outline) notFound();
  const options = await getFilterOptions(workspace.id);
  const base = routes.tracker(slug, trackerId);
  const hrefWith = (change: Partial<TrackerFilters>) => {
    const search = toSearchParams({ ...filters, ...change }).toString();
    return search ? `${base}?${search}` : base;
  };
  const canEdit = can(role, "recommendation.update");

  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href={routes.workspace(slug)} className="hover:text-zinc-900">
          Trackers
        </Link>
      </nav>
      <div className="mt-1 flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold">{outline.name}</h1>
          {outline.document?.citation ? (
            <p className="mt-1 text-xs text-zinc-500">{outline.document.citation}</p>
          ) : null}
          <div className="mt-3 flex flex-wrap gap-2">
            {outline.document ? (
              <Link
                href={routes.trackerPage(slug, trackerId, "document")}
                className={buttonClass("secondary", "sm")}
              >
                <FileText aria-hidden className="size-4" /> Source document
              </Link>
            ) : null}
            {canEdit ? (
              <Link
                href={routes.trackerPage(slug, trackerId, "sections")}
                className={buttonClass("secondary", "sm")}
              >
                <Layers aria-hidden className="size-4" /> Sections
              </Link>
            ) : null}
            <Link
              href={routes.trackerPage(slug, trackerId, "report")}
              className={buttonClass("secondary", "sm")}
            >
              <Printer aria-hidden className="size-4" /> Report
            </Link>
            <a
              href={routes.trackerPage(slug, trackerId, "export.csv")}
              download
              className={buttonClass("secondary", "sm")}
            >
              <Download aria-hidden className="size-4" /> Export CSV
            </a>
            <a
              href={routes.trackerPage(slug, trackerId, "export.json")}
              download
              className={buttonClass("secondary", "sm")}
            >
              <Download aria-hidden className="size-4" /> Export JSON
            </a>
            {can(role, "tracker.import") ? (
              <Link
                href={routes.trackerPage(slug, trackerId, "import")}
                className={buttonClass("secondary", "sm")}
              >
                <Upload aria-hidden className="size-4" /> Import
              </Link>
            ) : null}
            {can(role, "recommendation.create") ? (
              <NewRecommendationButton
                workspaceSlug={slug}
                trackerId={trackerId}
                sections={outline.sections}
                defaultSectionId={filters.section ?? undefined}
              />
            ) : null}
          </div>
        </div>
        <div className="w-full shrink-0 md:w-80">
          <div className="flex items-baseline justify-between text-sm">
            <span className="text-zinc-600">
              {outline.progress.total.toLocaleString("en")} recommendations
            </span>
            <span className="font-semibold tabular-nums">
              {Math.round(outline.progress.achievedShare * 100)}% achieved
            </span>
          </div>
          <ProgressBar progress={outline.progress} className="mt-1.5" />
          <div className="mt-2">
            <ProgressLegend progress={outline.progress} />
          </div>
        </div>
      </div>

      <div className="mt-6">
        <TrackerToolbar
          filters={filters}
          options={{ ...options, sections: outline.sections.map(({ id, title }) => ({ id, title })) }}
        />
      </div>

      {filters.view === "board" ? (
        <Board
          workspaceId={workspace.id}
          trackerId={trackerId}
          userId={user.id}
          filters={filters}
          slug={slug}
          hrefWith={hrefWith}
        />
      ) : (
        <ListView
          workspaceId={workspace.id}
          trackerId={trackerId}
          userId={user.id}
          filters={filters}
          base={base}
          slug={slug}
          outline={outline}
          hrefWith={hrefWith}
          reorderSlug={
            canEdit && filters.sort === "position" && !hasActiveFilters(filters) ? slug : undefined
          }
        />
      )}
    </main>
  );
}

async function ListView({
  workspaceId,
  trackerId,
  userId,
  filters,
  base,
  slug,
  outline,
  hrefWith,
  reorderSlug,
}: {
  workspaceId: string;
  trackerId: string;
  userId: string;
  filters: TrackerFilters;
  base: string;
  slug: string;
  outline: Awaited<ReturnType<typeof getTrackerOutline>> & object;
  hrefWith: (change: Partial<TrackerFilters>) => string;
  reorderSlug?: string;
}) {
  const { rows, total, pageCount } = await listRecommendationsPage(workspaceId, trackerId, userId, filters);
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
            <Link href={base} className="font-medium text-indigo-700 hover:underline">
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
  return (
    <div className="mt-4 space-y-4">
      <p className="text-sm text-zinc-600" aria-live="polite">
        {total.toLocaleString("en")} {total === 1 ? "recommendation" : "recommendations"}
        {hasActiveFilters(filters) ? " match" : ""}
      </p>
      {groups.map((group, groupIndex) => {
        const section = isGrouped ? sectionsById.get(group.sectionId) : undefined;
        return (
          <section
            key={`${group.sectionId}-${groupIndex}`}
            aria-labelledby={section ? `section-${section.id}` : undefined}
            aria-label={section ? undefined : "Recommendations"}
            className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-zinc-200"
          >
            {section ? (
              <div className="border-b border-zinc-200 px-4 py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`section-${section.id}`} className="font-semibold">
                    <span className="mr-2 text-zinc-500 tabular-nums">{section.index + 1}.</span>
                    <Link href={hrefWith({ section: section.id, page: 1 })} className="hover:underline">
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
            <ul className="divide-y divide-zinc-100">
              {group.rows.map((row) => (
                <RecommendationRow
                  key={row.id}
                  row={row}
                  href={routes.recommendation(slug, trackerId, row.id)}
                  reorder={reorderSlug ? { workspaceSlug: reorderSlug } : undefined}
                />
              ))}
            </ul>
          </section>
        );
      })}
      <Pagination
        page={filters.page}
        pageCount={pageCount}
        total={total}
        hrefFor={(page) => hrefWith({ page })}
      />
    </div>
  );
}

async function Board({
  workspaceId,
  trackerId,
  userId,
  filters,
  slug,
  hrefWith,
}: {
  workspaceId: string;
  trackerId: string;
  userId: string;
  filters: TrackerFilters;
  slug: string;
  hrefWith: (change: Partial<TrackerFilters>) => string;
}) {
  const columns = await listBoardColumns(workspaceId, trackerId, userId, filters);
  return (
    <div className="-mx-4 mt-4 overflow-x-auto px-4 pb-2 sm:-mx-6 sm:px-6" aria-describedby="board-hint">
      <p id="board-hint" className="mb-2 text-xs text-zinc-500">
        One column per status; scroll sideways to see them all.
      </p>
      <div className="grid auto-cols-[16rem] grid-flow-col gap-3">
        {columns.map((column) => (
          <section
            key={column.status}
            aria-label={`${statusMeta[column.status].label}: ${column.count}`}
            className="flex min-h-40 flex-col rounded-xl bg-zinc-100/80 p-2 ring-1 ring-zinc-200"
          >
            <h2 className="flex items-center justify-between px-1.5 py-1 text-sm font-semibold">
              <StatusBadge status={column.status} />
              <span className="text-xs font-normal text-zinc-600 tabular-nums">
                {column.count.toLocaleString("en")}
              </span>
            </h2>
            <p className="px-1.5 text-xs text-zinc-600">{statusMeta[column.status].meaning}</p>
            <ul className="mt-2 space-y-2">
              {column.rows.map((row) => (
                <li key={row.id}>
                  <Link
                    href={routes.recommendation(slug, trackerId, row.id)}
                    className="block rounded-lg bg-white p-2.5 text-sm shadow-xs ring-1 ring-zinc-200 hover:ring-indigo-300"
                  >
                    <span className="font-medium">{row.title}</span>
                    <span className="mt-2 flex items-center justify-between gap-2 text-xs text-zinc-500">
                      <span className={row.isOverdue ? "font-medium text-red-700" : undefined}>
                        {row.isOverdue ? "Overdue" : (row.targetActor ?? "")}
                      </span>
                      <OwnerNames owners={row.owners} />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            {column.count === 0 ? (
              <p className="px-1.5 py-4 text-center text-xs text-zinc-600">Nothing here</p>
            ) : null}
            {column.count > BOARD_COLUMN_SIZE ? (
              <Link
                href={hrefWith({ view: "list", status: [column.status], page: 1 })}
                className="mt-2 px-1.5 text-xs font-medium text-indigo-700 hover:underline"
              >
                See all {column.count.toLocaleString("en")} in the list
              </Link>
            ) : null}
          </section>
        ))}
      </div>
    </div>
  );
}

function OwnerNames({ owners }: { owners: { id: string; name: string }[] }) {
  return (
    <span className="truncate">
      {owners.length ? owners.map((o) => o.name.split(" ")[0]).join(", ") : "Unassigned"}
    </span>
  );
}

function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <p className="mt-6 rounded-xl border border-dashed border-zinc-300 bg-white p-8 text-center text-sm text-zinc-600">
      {children}
    </p>
  );
}
