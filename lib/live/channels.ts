/**
 * NOTIFY channels the live stream listens to besides `activity_event` (lib/server/events.ts).
 * USER_NOTIFICATION_CHANNEL is the notifications feature's: it sends `pg_notify('user_notification', <userId>)`
 * when a user's notifications change (after the merge, import it from lib/notifications/channel.ts).
 */
export const USER_NOTIFICATION_CHANNEL = "user_notification";
/** `pg_notify('presence', <recommendationId>)` when someone starts or stops viewing a recommendation. */
export const PRESENCE_CHANNEL = "presence";
