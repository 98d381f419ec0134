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
