import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { sendJob, type JobQueue } from "@/lib/server/jobs";
import { deliver } from "@/lib/notifications/fanout";
import { DUE_SOON_DAYS, reminderKind } from "@/lib/notifications/rules";
import { summaries, type Summary } from "@/lib/notifications/summary";

/**
 * Reminders: once a day (an hourly pg-boss schedule, one job per tick across all instances; the run claims
 * its UTC date in the database, so only the first run of a day does anything), find open actions and recommendations due within 3 days or
 * overdue and notify their owners. A `SentReminder` row (unique per item, due date and kind) is inserted in
 * the same transaction as the notification, so a reminder is never repeated for the same due date, even if
 * the run is repeated or two runs overlap. Moving the due date makes a new reminder possible.
 */
export async function runReminders(now = new Date()): Promise<{ sent: number }> {
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + DUE_SOON_DAYS * 86_400_000);
  let sent = 0;

  for await (const actions of inBatches((page) =>
    db.actionItem.findMany({
      where: {
        doneAt: null,
        ownerId: { not: null },
        dueDate: { lte: horizon },
        recommendation: { archivedAt: null, tracker: { archivedAt: null } },
      },
      select: {
        id: true,
        title: true,
        dueDate: true,
        ownerId: true,
        workspaceId: true,
        recommendationId: true,
        recommendation: { select: { trackerId: true } },
      },
      ...page,
    }),
  )) {
    const done = await alreadyReminded(actions.map((a) => `action:${a.id}`));
    for (const action of actions) {
      const kind = action.dueDate ? reminderKind(action.dueDate, today) : null;
      if (!kind || !action.ownerId || !action.dueDate) continue;
      if (done.has(reminderKey(`action:${action.id}`, action.dueDate, kind))) continue;
      sent += await remindOnce(`action:${action.id}`, action.dueDate, kind, {
        workspaceId: action.workspaceId,
        trackerId: action.recommendation.trackerId,
        recommendationId: action.recommendationId,
        userIds: [action.ownerId],
        summary: summaries.actionDue(action.title, action.dueDate, kind === "OVERDUE"),
        actionId: action.id,
      });
    }
  }

  for await (const recommendations of inBatches((page) =>
    db.recommendation.findMany({
      where: {
        archivedAt: null,
        tracker: { archivedAt: null },
        dueDate: { lte: horizon },
        status: { notIn: ["ACHIEVED"] },
        owners: { some: {} },
      },
      select: {
        id: true,
        title: true,
        dueDate: true,
        workspaceId: true,
        trackerId: true,
        owners: { select: { userId: true } },
      },
      ...page,
    }),
  )) {
    const done = await alreadyReminded(recommendations.map((r) => `recommendation:${r.id}`));
    for (const rec of recommendations) {
      const kind = rec.dueDate ? reminderKind(rec.dueDate, today) : null;
      if (!kind || !rec.dueDate) continue;
      if (done.has(reminderKey(`recommendation:${rec.id}`, rec.dueDate, kind))) continue;
      sent += await remindOnce(`recommendation:${rec.id}`, rec.dueDate, kind, {
        workspaceId: rec.workspaceId,
        trackerId: rec.trackerId,
        recommendationId: rec.id,
        userIds: rec.owners.map((o) => o.userId),
        summary: {
          key: "recommendationDue",
          dueDate: rec.dueDate.toISOString().slice(0, 10),
          isOverdue: kind === "OVERDUE",
        },
        actionId: null,
      });
    }
  }
  return { sent };
}

const REMINDER_BATCH = 1_000;

type Page = { take: number; orderBy: { id: "asc" }; cursor?: { id: string }; skip?: number };

/** Every row a query matches, a batch at a time in id order, so no backlog can starve newer items. */
async function* inBatches<T extends { id: string }>(read: (page: Page) => Promise<T[]>): AsyncGenerator<T[]> {
  let cursor: string | null = null;
  for (;;) {
    const batch = await read({
      take: REMINDER_BATCH,
      orderBy: { id: "asc" },
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (batch.length > 0) yield batch;
    if (batch.length < REMINDER_BATCH) return;
    cursor = batch[batch.length - 1]!.id;
  }
}

const reminderKey = (itemKey: string, dueDate: Date, kind: string) =>
  `${itemKey}|${dueDate.toISOString().slice(0, 10)}|${kind}`;

/** The reminders already sent for a batch's items, read once instead of a transaction per item. */
async function alreadyReminded(itemKeys: string[]): Promise<Set<string>> {
  const rows = await db.sentReminder.findMany({
    where: { itemKey: { in: itemKeys } },
    select: { itemKey: true, dueDate: true, kind: true },
  });
  return new Set(rows.map((r) => reminderKey(r.itemKey, r.dueDate, r.kind)));
}

async function remindOnce(
  itemKey: string,
  dueDate: Date,
  kind: "DUE_SOON" | "OVERDUE",
  target: {
    workspaceId: string;
    trackerId: string;
    recommendationId: string;
    userIds: string[];
    summary: Summary;
    actionId: string | null;
  },
): Promise<number> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.sentReminder.createMany({
      data: [{ itemKey, dueDate, kind }],
      skipDuplicates: true,
    });
    if (claimed.count === 0) return 0; // already reminded for this due date
    await deliver(tx, {
      workspaceId: target.workspaceId,
      actorId: null,
      eventId: null,
      trackerId: target.trackerId,
      recommendationId: target.recommendationId,
      intents: target.userIds.map((userId) => ({
        userId,
        kind,
        summary: target.summary,
        actionId: target.actionId,
      })),
    });
    return 1;
  });
}

/**
 * Today's run, at most once per UTC date however many instances and ticks ask: the run claims the day with
 * a SentReminder row ("run", today) first. Returns null when the day was already claimed.
 */
export async function runDailyReminders(now = new Date()): Promise<{ sent: number } | null> {
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const claimed = await db.sentReminder.createMany({
    data: [{ itemKey: "run", dueDate: today, kind: "DUE_SOON" }],
    skipDuplicates: true,
  });
  if (claimed.count === 0) return null;
  return runReminders(now);
}

const ReminderJob = z.object({ date: z.string().optional() });

/** The daily job. Several instances, several ticks: one job per UTC date (singleton key), SentReminder rows. */
export const reminderRunQueue: JobQueue<z.infer<typeof ReminderJob>> = {
  name: "notification-reminders-run",
  schema: ReminderJob,
  options: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 },
  handle: async () => {
    await runDailyReminders();
  },
};

/** Queues today's reminder run; returns null when today's run was already queued (by any instance). */
export function queueDailyReminders(now = new Date()): Promise<string | null> {
  const date = now.toISOString().slice(0, 10);
  return sendJob(reminderRunQueue, { date }, { once: { key: `reminders:${date}`, seconds: 3_600 } });
}

export const reminderScheduleQueue: JobQueue<Record<string, unknown>> = {
  name: "notification-reminders",
  schema: z.record(z.string(), z.unknown()),
  options: { retryLimit: 2, retryDelay: 60, expireInSeconds: 600 },
  schedule: "0 * * * *",
  handle: async () => {
    await queueDailyReminders();
  },
};
