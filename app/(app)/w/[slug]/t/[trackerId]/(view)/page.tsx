import { notFound } from "next/navigation";
import { BoardView } from "@/components/trackers/board-view";
import { ListView } from "@/components/trackers/list-view";
import { TrackerHeader } from "@/components/trackers/tracker-header";
import { TrackerToolbar } from "@/components/trackers/tracker-toolbar";
import { requirePageMembership } from "@/lib/server/authz";
import { getFilterOptions, getTrackerOutline, preloadTrackerRows } from "@/lib/trackers/queries";
import { can } from "@/lib/permissions";
import { parseTrackerFilters } from "@/lib/trackers/filters";
import { WatchToggle } from "@/components/notifications/watch-toggle";
import { getWatchState } from "@/lib/notifications/queries";
import { AsOfView } from "@/components/trackers/as-of-view";
import { isoDay, parseDayOrNull } from "@/lib/history/rules";

export default async function TrackerPage({ params, searchParams }: PageProps<"/w/[slug]/t/[trackerId]">) {
  const { slug, trackerId } = await params;
  const search = await searchParams;
  const filters = parseTrackerFilters(search);
  const membership = await requirePageMembership(slug);
  const { workspace, role, user } = membership;
  const outline = await getTrackerOutline(workspace.id, trackerId);
  if (!outline) notFound();
  // Time travel: ?asOf=YYYY-MM-DD (a real day before today) shows the list as it stood then, read-only.
  const asOfParam = Array.isArray(search.asOf) ? search.asOf[0] : search.asOf;
  const asOf = parseDayOrNull(asOfParam);
  const today = isoDay(new Date());
  if (asOf && asOfParam && asOfParam < today) {
    return (
      <AsOfView
        workspaceSlug={slug}
        workspaceId={workspace.id}
        trackerId={trackerId}
        userId={user.id}
        filters={filters}
        outline={outline}
        asOf={asOfParam}
        today={today}
      />
    );
  }
  // The rows first, then the header's reads alongside them: no read here waits for another.
  preloadTrackerRows(workspace.id, trackerId, user.id, filters);
  const [watch, options] = await Promise.all([
    getWatchState(membership, { trackerId }),
    getFilterOptions(workspace.id),
  ]);
  const view = { workspaceSlug: slug, workspaceId: workspace.id, trackerId, userId: user.id, filters };
  // One array for the filter menu and the new-recommendation dialog: the page payload carries it once.
  const sections = outline.sections.map(({ id, title }) => ({ id, title }));

  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <TrackerHeader
        workspaceSlug={slug}
        trackerId={trackerId}
        outline={outline}
        role={role}
        sections={sections}
        defaultSectionId={filters.section ?? undefined}
        watch={<WatchToggle workspaceSlug={slug} target={{ trackerId }} isWatching={watch.isWatching} />}
      />
      <div className="mt-6">
        <TrackerToolbar
          filters={filters}
          options={{ ...options, sections }}
          lang={outline.language ?? undefined}
        />
      </div>
      {filters.view === "board" ? (
        <BoardView {...view} lang={outline.language ?? undefined} />
      ) : (
        <ListView {...view} outline={outline} canReorder={can(role, "recommendation.update")} />
      )}
    </main>
  );
}
