import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { STATUSES } from "@/lib/status";

/** The tracker view's state. It lives in the URL, so a view can be shared and the back button works. */
export type TrackerFilters = {
  view: "list" | "board";
  q: string;
  section: string | null;
  status: RecommendationStatus[];
  owner: string | null; // a user id, "me" or "unassigned"
  tag: string | null;
  actor: string | null;
  /** a recommending State or body: the "Recommended by" attribute contains it */
  by: string | null;
  evidence: "with" | "without" | null;
  overdue: boolean;
  archived: boolean;
  sort: TrackerSort;
  /** The approximate page number shown ("page N of M"); with a cursor, only a label. */
  page: number;
  /** Keyset cursors (lib/trackers/queries.ts): the page after / before a row's sort key. */
  after: string | null;
  before: string | null;
  /** On the board: the column that `after` continues ("load more" for one status). */
  column: RecommendationStatus | null;
  /** Reordering by hand (?reorder=1): the rows show their move buttons (editors, unfiltered document order). */
  reorder: boolean;
};

/** The list's orders (their names are catalogue keys: trackerClient.toolbar.sortBy.<sort>). */
export const SORTS = ["position", "title", "status", "due", "priority", "updated"] as const;

export type TrackerSort = (typeof SORTS)[number];

export const PAGE_SIZE = 50;

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || null;

/** Cursors are base64url text; anything else is ignored. */
const cursorParam = (value: string | null) => (value && /^[\w-]{1,400}$/.test(value) ? value : null);

export function parseTrackerFilters(params: Params): TrackerFilters {
  const statusValues = (first(params.status) ?? "").split(",");
  const sort = first(params.sort);
  const page = Number.parseInt(first(params.page) ?? "1", 10);
  const evidence = first(params.evidence);
  return {
    view: first(params.view) === "board" ? "board" : "list",
    q: (first(params.q) ?? "").slice(0, 200),
    section: first(params.section),
    status: STATUSES.filter((status) => statusValues.includes(status)),
    owner: first(params.owner),
    tag: first(params.tag),
    actor: first(params.actor),
    by: first(params.by)?.slice(0, 200) ?? null,
    evidence: evidence === "with" || evidence === "without" ? evidence : null,
    overdue: first(params.overdue) === "1",
    archived: first(params.archived) === "1",
    sort: SORTS.find((value) => value === sort) ?? "position",
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 100_000) : 1,
    after: cursorParam(first(params.after)),
    before: cursorParam(first(params.before)),
    column: STATUSES.find((status) => status === first(params.column)) ?? null,
    reorder: first(params.reorder) === "1",
  };
}

/** The query string for a filter state, omitting defaults so URLs stay short. */
export function toSearchParams(filters: Partial<TrackerFilters>): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.view === "board") params.set("view", "board");
  if (filters.q) params.set("q", filters.q);
  if (filters.section) params.set("section", filters.section);
  if (filters.status?.length) params.set("status", filters.status.join(","));
  if (filters.owner) params.set("owner", filters.owner);
  if (filters.tag) params.set("tag", filters.tag);
  if (filters.actor) params.set("actor", filters.actor);
  if (filters.by) params.set("by", filters.by);
  if (filters.evidence) params.set("evidence", filters.evidence);
  if (filters.overdue) params.set("overdue", "1");
  if (filters.archived) params.set("archived", "1");
  if (filters.sort && filters.sort !== "position") params.set("sort", filters.sort);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  if (filters.after) params.set("after", filters.after);
  if (filters.before) params.set("before", filters.before);
  if (filters.column) params.set("column", filters.column);
  if (filters.reorder) params.set("reorder", "1");
  return params;
}

export function hasActiveFilters(filters: TrackerFilters): boolean {
  return Boolean(
    filters.q ||
    filters.section ||
    filters.status.length ||
    filters.owner ||
    filters.tag ||
    filters.actor ||
    filters.by ||
    filters.evidence ||
    filters.overdue ||
    filters.archived,
  );
}

/** Escapes LIKE's wildcards (and its escape character), so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
