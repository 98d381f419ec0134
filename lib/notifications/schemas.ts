import { z } from "zod";
import { BooleanString, Id, WorkspaceRef } from "@/lib/validation";
import { isTimeZone, NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/lib/notifications/rules";

/** Inbox filters (from the query string): bounded, unknown values fall back to the default. */
export const InboxFilterSchema = z.object({
  show: z.enum(["unread", "all"]).catch("unread"),
  reason: z.enum(["any", "mentions", "assigned"]).catch("any"),
  tracker: z.string().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type InboxFilter = z.infer<typeof InboxFilterSchema>;

export const NotificationRefSchema = z.object({ notificationId: Id, isRead: BooleanString });

export const MarkAllReadSchema = z.object({});

export const WatchSchema = z
  .object({
    ...WorkspaceRef,
    recommendationId: Id.optional(),
    trackerId: Id.optional(),
    isWatching: BooleanString,
  })
  .refine((value) => Boolean(value.recommendationId) !== Boolean(value.trackerId), {
    message: "validation.notificationWatchTarget",
  });

const channel = z.enum(NOTIFICATION_CHANNELS);

/** The preferences form: one channel per kind, and the time zone. */
export const NotificationSettingsSchema = z.object({
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((value) => isTimeZone(value), "validation.notificationTimeZone"),
  ...(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channel])) as Record<
    (typeof NOTIFICATION_KINDS)[number],
    typeof channel
  >),
});
