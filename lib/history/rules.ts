/**
 * The status history, as pure functions over a recommendation's events (see lib/history/README.md).
 *
 * These are the definitions. lib/history/queries.ts computes the same things in PostgreSQL for whole trackers;
 * tests/integration/history.test.ts checks that both agree on the same data.
 *
 * Conventions, decided once:
 * - A date `asOf` ("2021-04-30") means the END of that UTC day: an event counts when its `at` is before the
 *   next UTC midnight (`dayBound`).
 * - Time is the event's `createdAt` (ties broken by `seq`, the insertion order). Imported histories keep the
 *   file's claimed date beside the event (`recordedAt`), unverified; the history uses when the event was written.
 * - Status before the first status change is that change's `from` (or its `to` when `from` is null, i.e. the
 *   recommendation was created with that status). With no status change at all, the status has never changed:
 *   it is today's `Recommendation.status` for every date since the recommendation was created.
 * - A recommendation exists from its `createdAt`. It is archived at a date when its last archive/restore event
 *   before that date is an archive; with no such events, when `archivedAt` is before the date.
 * - Deleted recommendations have no row, so they are in no history.
 */
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { emptyCounts, STATUSES, type StatusCounts } from "@/lib/status";

const DAY_MS = 86_400_000;

/** One `recommendation.status_changed` event. */
export type StatusChange = {
  at: Date;
  /** ActivityEvent.seq: orders events written in the same millisecond. */
  seq: bigint | number;
  from: RecommendationStatus | null;
  to: RecommendationStatus;
  justification?: string;
  actorId?: string | null;
};

/** One `recommendation.archived` / `recommendation.restored` event. */
export type ArchiveChange = { at: Date; seq: bigint | number; isArchived: boolean };

/** Everything the history of one recommendation needs. */
export type RecommendationHistory = {
  id: string;
  createdAt: Date;
  archivedAt: Date | null;
  /** Today's status (Recommendation.status). */
  status: RecommendationStatus;
  changes: StatusChange[];
  archives?: ArchiveChange[];
};

/** "YYYY-MM-DD" → the UTC midnight of that day; throws on anything else. */
export function parseDay(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`Not a day: ${day}`);
  const date = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new RangeError(`Not a day: ${day}`);
  }
  return date;
}

/** "YYYY-MM-DD" or null when the text is not a real calendar day. */
export function parseDayOrNull(day: string | null | undefined): Date | null {
  if (!day) return null;
  try {
    return parseDay(day);
  } catch {
    return null;
  }
}

/** The UTC day of an instant, as "YYYY-MM-DD". */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The exclusive bound of "as of the end of `day`": the next UTC midnight. */
export function dayBound(day: Date | string): Date {
  const start =
    typeof day === "string" ? parseDay(day) : new Date(Math.floor(day.getTime() / DAY_MS) * DAY_MS);
  return new Date(start.getTime() + DAY_MS);
}

export const addDays = (day: Date, days: number): Date => new Date(day.getTime() + days * DAY_MS);

/** Whole days from one instant to another (floored). */
export const daysBetween = (from: Date, to: Date): number =>
  Math.floor((to.getTime() - from.getTime()) / DAY_MS);

const byTime = <T extends { at: Date; seq: bigint | number }>(a: T, b: T) =>
  a.at.getTime() - b.at.getTime() ||
  (BigInt(a.seq) < BigInt(b.seq) ? -1 : BigInt(a.seq) > BigInt(b.seq) ? 1 : 0);

/** The changes in time order (a copy). */
export const sortChanges = <T extends { at: Date; seq: bigint | number }>(changes: readonly T[]): T[] =>
  [...changes].sort(byTime);

/** The last change before `bound` (exclusive), from changes sorted by time. */
function lastBefore<T extends { at: Date }>(sorted: readonly T[], bound: Date): T | null {
  let found: T | null = null;
  for (const change of sorted) {
    if (change.at.getTime() >= bound.getTime()) break;
    found = change;
  }
  return found;
}

/**
 * The status at the end of the `asOf` day (or null when the recommendation did not exist yet or was archived).
 * `changes` need not be sorted. `currentStatus` is used only when there is no status change at all.
 */
export function statusAsOf(
  changes: readonly StatusChange[],
  createdAt: Date,
  archivedAt: Date | null,
  asOf: Date | string,
  currentStatus: RecommendationStatus = "NOT_STARTED",
  archives: readonly ArchiveChange[] = [],
): RecommendationStatus | null {
  const bound = dayBound(asOf);
  if (createdAt.getTime() >= bound.getTime()) return null;
  if (isArchivedBefore(archives, archivedAt, bound)) return null;
  return statusBefore(changes, bound, currentStatus);
}

/** The status just before an instant, ignoring existence and archiving. */
export function statusBefore(
  changes: readonly StatusChange[],
  bound: Date,
  currentStatus: RecommendationStatus,
): RecommendationStatus {
  const sorted = sortChanges(changes);
  const first = sorted[0];
  if (!first) return currentStatus;
  const last = lastBefore(sorted, bound);
  return last ? last.to : (first.from ?? first.to);
}

/** Whether the recommendation was archived just before `bound`. */
export function isArchivedBefore(
  archives: readonly ArchiveChange[],
  archivedAt: Date | null,
  bound: Date,
): boolean {
  const sorted = sortChanges(archives);
  const first = sorted[0];
  if (!first) return archivedAt !== null && archivedAt.getTime() < bound.getTime();
  const last = lastBefore(sorted, bound);
  return last ? last.isArchived : !first.isArchived;
}

/** The state of one recommendation at the end of a day: its status, and the change that set it (if any). */
export function stateAsOf(history: RecommendationHistory, asOf: Date | string) {
  const bound = dayBound(asOf);
  const status = statusAsOf(
    history.changes,
    history.createdAt,
    history.archivedAt,
    asOf,
    history.status,
    history.archives,
  );
  if (status === null) return null;
  const change = lastBefore(sortChanges(history.changes), bound);
  return {
    id: history.id,
    status,
    justification: change?.justification ?? null,
    changedAt: change?.at ?? null,
    changedById: change?.actorId ?? null,
  };
}

export type DailyCounts = { day: string; counts: StatusCounts; total: number };

/** The days from `from` to `to` (inclusive, UTC), every `step` days, always ending on `to`. */
export function daySeries(from: Date | string, to: Date | string, step = 1): string[] {
  const start = typeof from === "string" ? parseDay(from) : parseDay(isoDay(from));
  const end = typeof to === "string" ? parseDay(to) : parseDay(isoDay(to));
  const days: string[] = [];
  for (let t = start.getTime(); t <= end.getTime(); t += step * DAY_MS) days.push(isoDay(new Date(t)));
  if (days.length > 0 && days.at(-1) !== isoDay(end)) days.push(isoDay(end));
  return days;
}

/** The chart's step: daily up to ~200 points, then coarser, so a long history stays a few hundred points. */
export function seriesStep(from: Date | string, to: Date | string, maxPoints = 200): number {
  const start = typeof from === "string" ? parseDay(from) : from;
  const end = typeof to === "string" ? parseDay(to) : to;
  const days = daysBetween(start, end) + 1;
  return Math.max(1, Math.ceil(days / maxPoints));
}

/** For each day, how many recommendations were in each status at its end. */
export function dailyStatusCounts(
  histories: readonly RecommendationHistory[],
  days: readonly string[],
): DailyCounts[] {
  return days.map((day) => {
    const counts = emptyCounts();
    for (const history of histories) {
      const status = statusAsOf(
        history.changes,
        history.createdAt,
        history.archivedAt,
        day,
        history.status,
        history.archives,
      );
      if (status) counts[status] += 1;
    }
    return { day, counts, total: STATUSES.reduce((sum, s) => sum + counts[s], 0) };
  });
}

/** How far along a status is, for "advanced": Not started/Reversed < In progress/Stalled < Partially < Achieved. */
export const STATUS_RANK: Record<RecommendationStatus, number> = {
  NOT_STARTED: 0,
  REVERSED: 0,
  IN_PROGRESS: 1,
  STALLED: 1,
  PARTIALLY_ACHIEVED: 2,
  ACHIEVED: 3,
};

/** A status change counts as a regression when it moves to one of these. */
export const REGRESSION_STATUSES = ["STALLED", "REVERSED"] as const satisfies readonly RecommendationStatus[];

export type Movement = {
  id: string;
  from: RecommendationStatus;
  to: RecommendationStatus;
  /** Net move to a further status (rank), not counting a new Achieved. */
  isAdvanced: boolean;
  /** Any change in the window to Stalled or Reversed. */
  isRegressed: boolean;
  /** Achieved at the end, not at the start. */
  isNewlyAchieved: boolean;
  lastChangedAt: Date;
};

/**
 * What moved between the end of `since` and the end of `until` (both days): recommendations that existed and
 * were not archived at `until` and had at least one status change in between. One recommendation can be both
 * regressed (it passed through Stalled) and advanced (it ended further along).
 */
export function movementBetween(history: RecommendationHistory, since: Date | string, until: Date | string) {
  const start = dayBound(since);
  const end = dayBound(until);
  if (
    statusAsOf(
      history.changes,
      history.createdAt,
      history.archivedAt,
      until,
      history.status,
      history.archives,
    ) === null
  ) {
    return null;
  }
  const sorted = sortChanges(history.changes);
  const inWindow = sorted.filter((c) => c.at.getTime() >= start.getTime() && c.at.getTime() < end.getTime());
  const last = inWindow.at(-1);
  if (!last) return null;
  const from = statusBefore(sorted, start, history.status);
  const to = last.to;
  const isNewlyAchieved = to === "ACHIEVED" && from !== "ACHIEVED";
  return {
    id: history.id,
    from,
    to,
    isAdvanced: !isNewlyAchieved && STATUS_RANK[to] > STATUS_RANK[from],
    isRegressed: inWindow.some((c) => (REGRESSION_STATUSES as readonly string[]).includes(c.to)),
    isNewlyAchieved,
    lastChangedAt: last.at,
  } satisfies Movement;
}

/**
 * Days spent In progress before first reaching Achieved (summed over every In progress spell before it; a
 * spell starts no earlier than the recommendation's creation), or null when it never reached Achieved.
 */
export function daysInProgressBeforeAchieved(history: RecommendationHistory): number | null {
  const sorted = sortChanges(history.changes);
  const achieved = sorted.find((c) => c.to === "ACHIEVED");
  if (!achieved) return null;
  let ms = 0;
  let status = statusBefore(sorted, new Date(-8.64e15), history.status);
  let since = history.createdAt.getTime();
  for (const change of sorted) {
    const at = Math.max(change.at.getTime(), history.createdAt.getTime());
    if (status === "IN_PROGRESS") ms += Math.max(0, at - since);
    if (change === achieved) break;
    status = change.to;
    since = at;
  }
  return ms / DAY_MS;
}

/** When the current status began (the last status change, or creation when there is none). */
export function currentStatusSince(history: RecommendationHistory): Date {
  const last = sortChanges(history.changes).at(-1);
  if (!last || last.at.getTime() < history.createdAt.getTime()) return history.createdAt;
  return last.at;
}

/** The median of a list of numbers (mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
