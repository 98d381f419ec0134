import "server-only";
import { z } from "zod";
import { subscribeToEvents, type EventSubscription } from "@/lib/server/events";
import type { JobQueue } from "@/lib/server/jobs";
import { processNotificationOutbox } from "@/lib/notifications/fanout";
import {
  digestScheduleQueue,
  digestUserQueue,
  immediateEmailQueue,
  queueImmediateEmails,
} from "@/lib/notifications/delivery";
import { reminderRunQueue, reminderScheduleQueue } from "@/lib/notifications/reminders";

/**
 * The notification pipeline on an instance: LISTEN for committed events and fan them out at once; a sweep
 * every few seconds catches anything missed (the LISTEN connection was down, another instance crashed mid
 * fan-out). Both only take rows from the outbox with SKIP LOCKED, so any number of instances can run them.
 */
let running: Promise<void> | undefined;
let again = false;

export function kickNotifications(): void {
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      const fannedOut = await processNotificationOutbox();
      if (fannedOut > 0) await queueImmediateEmails();
    } while (again);
  })()
    .catch((error: unknown) => console.error("[notifications] fan-out failed", error))
    .finally(() => (running = undefined));
}

/** Waits for this process's fan-out to finish (tests). */
export async function drainNotifications(): Promise<void> {
  while (running) await running;
  await processNotificationOutbox(10_000);
  await queueImmediateEmails();
}

export const fanOutQueue: JobQueue<Record<string, unknown>> = {
  name: "notification-fanout",
  schema: z.record(z.string(), z.unknown()),
  options: { retryLimit: 3, retryDelay: 5, expireInSeconds: 300 },
  handle: async () => {
    await processNotificationOutbox(10_000);
    await queueImmediateEmails();
  },
  periodic: {
    everyMs: () => 5_000,
    run: async () => {
      await processNotificationOutbox(10_000);
      await queueImmediateEmails();
    },
  },
};

export const notificationQueues = [
  fanOutQueue,
  immediateEmailQueue,
  digestScheduleQueue,
  digestUserQueue,
  reminderScheduleQueue,
  reminderRunQueue,
];

/** Starts listening for events on this instance (instrumentation.ts). */
export async function startNotificationListener(): Promise<EventSubscription> {
  const subscription = await subscribeToEvents(() => kickNotifications(), {
    onReconnect: () => kickNotifications(),
  });
  kickNotifications();
  return subscription;
}
