/**
 * Pure rules of notifications, each written once: kinds, preference defaults, burst
 * grouping, digest time (08:00 in the person's time zone) and reminder timing. No database here.
 */
import type { NotificationChannel, NotificationKind } from "@/lib/generated/prisma/enums";

export const NOTIFICATION_KINDS = [
  "MENTION",
  "ASSIGNED",
  "STATUS_CHANGED",
  "COMMENT",
  "EVIDENCE",
  "ARCHIVED",
  "DUE_SOON",
  "OVERDUE",
  "INVITATION_ACCEPTED",
] as const satisfies readonly NotificationKind[];

export const NOTIFICATION_CHANNELS = [
  "IMMEDIATE",
  "DIGEST",
  "OFF",
] as const satisfies readonly NotificationChannel[];

/**
 * Each kind's name, hint and topic ("mentions", for "Stop emails about mentions") are in the catalogues under
 * notifications.kinds.<KIND>; each channel's under notifications.channels.<CHANNEL>.
 */

/** Mentions and assignments default to immediate email; everything else to the daily digest. */
export function defaultChannel(kind: NotificationKind): NotificationChannel {
  return kind === "MENTION" || kind === "ASSIGNED" ? "IMMEDIATE" : "DIGEST";
}

/** The channel for each kind: the person's stored choices over the defaults. */
export function effectiveChannels(
  stored: { kind: NotificationKind; channel: NotificationChannel }[],
): Record<NotificationKind, NotificationChannel> {
  const out = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, defaultChannel(kind)])) as Record<
    NotificationKind,
    NotificationChannel
  >;
  for (const row of stored) out[row.kind] = row.channel;
  return out;
}

/**
 * A burst: a new notification joins an unread entry of the same recipient, recommendation and kind that was
 * last updated less than this long ago (its count goes up) instead of adding a row.
 */
export const BURST_WINDOW_MS = 15 * 60 * 1000;

export function joinsBurst(
  entry: { readAt: Date | null; updatedAt: Date; recommendationId: string | null; kind: NotificationKind },
  next: { recommendationId: string | null; kind: NotificationKind },
  now: Date,
): boolean {
  return (
    entry.readAt === null &&
    entry.recommendationId !== null &&
    entry.recommendationId === next.recommendationId &&
    entry.kind === next.kind &&
    now.getTime() - entry.updatedAt.getTime() < BURST_WINDOW_MS
  );
}

/** Reminder kinds are about an action's due date; they are never grouped into a burst. */
export const isGroupable = (kind: NotificationKind) => kind !== "DUE_SOON" && kind !== "OVERDUE";

// ---------------------------------------------------------------------------------------------------------
// Time zones and the digest

let zones: Set<string> | undefined;

/** An IANA zone the runtime knows (Intl.supportedValuesOf), or UTC. */
export function isTimeZone(value: string): boolean {
  zones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return zones.has(value);
}

export function timeZones(): string[] {
  return [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])];
}

/** The calendar date and hour at `now` in a time zone: { date: "2026-12-01", hour: 8 }. */
export function localTime(timeZone: string, now: Date): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) };
}

export const DIGEST_HOUR = 8;

/**
 * Whether a digest is due for someone at `now`: it is 08:00 or later in their zone, and they have had none
 * for that local date. Returns the local date the digest is for (the key that makes it once a day).
 */
export function digestDue(
  timeZone: string,
  now: Date,
  lastDigestDate: string | null,
): { isDue: boolean; localDate: string } {
  const local = localTime(isTimeZone(timeZone) ? timeZone : "UTC", now);
  return { isDue: local.hour >= DIGEST_HOUR && lastDigestDate !== local.date, localDate: local.date };
}

// ---------------------------------------------------------------------------------------------------------
// Reminders

export const DUE_SOON_DAYS = 3;

/** Due dates are calendar dates (stored at UTC midnight). Which reminder, if any, a due date calls for today. */
export function reminderKind(dueDate: Date, today: string): "DUE_SOON" | "OVERDUE" | null {
  const due = dueDate.toISOString().slice(0, 10);
  if (due < today) return "OVERDUE";
  const days = (Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= DUE_SOON_DAYS ? "DUE_SOON" : null;
}

/** A one-line excerpt: whitespace collapsed, at most `max` characters (with an ellipsis when cut). */
export function trimTo(text: string, max: number): string {
  const line = text.split(/\s+/u).filter(Boolean).join(" ");
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
