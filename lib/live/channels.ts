/**
 * NOTIFY channels the live stream listens to besides `activity_event` (lib/server/events.ts).
 * The notifications feature sends `pg_notify(NOTIFICATION_CHANNEL, <userId>)` when a user's notifications change.
 */
export { NOTIFICATION_CHANNEL as USER_NOTIFICATION_CHANNEL } from "@/lib/notifications/channel";
/** `pg_notify('presence', <recommendationId>)` when someone starts or stops viewing a recommendation. */
export const PRESENCE_CHANNEL = "presence";
