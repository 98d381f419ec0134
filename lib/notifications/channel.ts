/**
 * The PostgreSQL NOTIFY channel that tells app instances "user N has new or changed notifications" (payload:
 * the user id). Sent in the transaction that writes the rows, so it arrives after commit or not at all.
 * The live-updates stream listens to it and makes the bell re-fetch its count.
 */
export const NOTIFICATION_CHANNEL = "user_notification";
