import { format, formatDistanceToNowStrict } from "date-fns";

/** Dates as "12 Mar 2021"; stored calendar dates (@db.Date) are read in UTC so they never shift a day. */
export function formatDate(date: Date | string): string {
  const d = new Date(date);
  return format(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()), "d MMM yyyy");
}

export function formatDateTime(date: Date | string): string {
  return format(new Date(date), "d MMM yyyy, HH:mm");
}

export function timeAgo(date: Date | string): string {
  return `${formatDistanceToNowStrict(new Date(date))} ago`;
}

/** Midnight UTC of the current day: stored calendar dates (@db.Date) are UTC midnights, so they compare with it. */
export function todayUtc(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** A stored calendar date as "YYYY-MM-DD" (the value of a date input), or "" when there is none. */
export function toIsoDay(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
