/** The dashboard's own URL state (beside the tracker filters, parsed by lib/trackers/filters.ts). */
import { addDays, isoDay, parseDayOrNull } from "@/lib/history/rules";

export const QUICK_PICKS = [7, 30, 100] as const;
export const STALE_CHOICES = [14, 30, 60, 90, 180] as const;
export const DEFAULT_SINCE_DAYS = 30;
export const DEFAULT_STALE_DAYS = 30;
const MAX_STALE_DAYS = 3650;

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || "";

export type DashboardOptions = {
  /** "7d" | "30d" | "100d" or a custom day. */
  sinceKey: string;
  /** The day movement and section change are measured from ("YYYY-MM-DD", end of that day). */
  since: string;
  isCustomSince: boolean;
  staleDays: number;
  today: string;
};

/**
 * `since`: a quick pick ("7d", "30d", "100d") or a custom day before today; anything else is the default
 * (30 days). `stale`: whole days, 1 to 3650.
 */
export function parseDashboardOptions(params: Params, now: Date = new Date()): DashboardOptions {
  const today = isoDay(now);
  const todayDate = parseDayOrNull(today)!;
  const rawSince = first(params.since);
  const pick = /^(\d+)d$/.exec(rawSince);
  const pickDays = pick ? Number(pick[1]) : NaN;
  const custom = parseDayOrNull(rawSince);
  let sinceKey = `${DEFAULT_SINCE_DAYS}d`;
  let since = isoDay(addDays(todayDate, -DEFAULT_SINCE_DAYS));
  let isCustomSince = false;
  if ((QUICK_PICKS as readonly number[]).includes(pickDays)) {
    sinceKey = `${pickDays}d`;
    since = isoDay(addDays(todayDate, -pickDays));
  } else if (custom && custom.getTime() < todayDate.getTime() && custom.getUTCFullYear() >= 1900) {
    sinceKey = rawSince;
    since = rawSince;
    isCustomSince = true;
  }
  const stale = Number.parseInt(first(params.stale), 10);
  return {
    sinceKey,
    since,
    isCustomSince,
    staleDays: Number.isFinite(stale) && stale >= 1 ? Math.min(stale, MAX_STALE_DAYS) : DEFAULT_STALE_DAYS,
    today,
  };
}

/**
 * A change in share achieved, in whole percentage points (signed; 0 when it rounds to nothing). The view
 * words it ("+4 pts", "no change") from the catalogue: dashboard.sections.pointChange.
 */
export function pointChange(before: number, after: number): number {
  return Math.round((after - before) * 100) || 0;
}
