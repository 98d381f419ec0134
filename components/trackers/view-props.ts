import type { TrackerFilters } from "@/lib/trackers/filters";
import { toSearchParams } from "@/lib/trackers/filters";
import { routes } from "@/lib/routes";

/** What the list and the board are given: whose tracker, who is looking, and the view in the URL. */
export type TrackerViewProps = {
  workspaceSlug: string;
  workspaceId: string;
  trackerId: string;
  userId: string;
  filters: TrackerFilters;
};

/** The tracker's URL with some of the current filters changed (the whole view lives in the URL). */
export function trackerHref(
  { workspaceSlug, trackerId, filters }: Pick<TrackerViewProps, "workspaceSlug" | "trackerId" | "filters">,
  change: Partial<TrackerFilters>,
): string {
  // A changed view starts again from its first page: cursors are dropped unless the change sets them.
  const next = { ...filters, after: null, before: null, column: null, ...change };
  return routes.tracker(workspaceSlug, trackerId, toSearchParams(next));
}
