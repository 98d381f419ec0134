import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { readEvents } from "@/lib/server/events";
import { findMentionedNames } from "@/lib/comments/mentions";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_CHANNEL } from "@/lib/notifications/channel";
import { BURST_WINDOW_MS, effectiveChannels, isGroupable, joinsBurst } from "@/lib/notifications/rules";
import { summaries, type Summary } from "@/lib/notifications/summary";
import { storedSummary } from "@/lib/notifications/translators";

/**
 * Fan-out: events → inbox entries. A reader of the event stream, never a side channel.
 *
 * `recordEvent` writes every notifying event's id to `NotificationOutbox` in the mutation's transaction. Here
 * one transaction per event takes its outbox row (FOR UPDATE SKIP LOCKED), writes the notifications and
 * deletes the row. So an event committed is fanned out (the row waits until someone takes it, across
 * crashes and restarts), and never twice (the row is gone once its notifications commit; a second instance
 * skips a row another holds). Out-of-order commits do not matter: there is no cursor to overtake.
 *
 * Who: mentions (comments, status justifications) and assignments go to the person named; status changes,
 * comments, evidence and archiving go to the recommendation's watchers (and its tracker's, unless they
 * unwatched the recommendation). Never the actor; only people who are members now (the check is made here,
 * at send time, not from the event's time), and only about items that still exist.
 */

const MAX_ATTEMPTS = 5;

/** `summary`: a catalogue sentence (key and values) or user text, rendered in each reader's language. */
type Intent = { userId: string; kind: NotificationKind; summary: Summary; actionId?: string | null };

/** Fans out up to `limit` pending events; returns how many were processed. */
export async function processNotificationOutbox(limit = 200): Promise<number> {
  let processed = 0;
  while (processed < limit) {
    const took = await fanOutNext();
    if (took === "empty") break;
    processed += 1;
  }
  return processed;
}

async function fanOutNext(): Promise<"done" | "failed" | "empty"> {
  let eventId: string | null = null;
  try {
    return await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ eventId: string }[]>`
        SELECT "eventId" FROM "NotificationOutbox" WHERE attempts < ${MAX_ATTEMPTS}
        ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      const row = rows[0];
      if (!row) return "empty" as const;
      eventId = row.eventId;
      await fanOutEvent(tx, row.eventId);
      await tx.notificationOutbox.delete({ where: { eventId: row.eventId } });
      return "done" as const;
    });
  } catch (error) {
    if (!eventId) throw error;
    console.error(`[notifications] fan-out of event ${eventId} failed; it will be retried`, error);
    await db.notificationOutbox.updateMany({ where: { eventId }, data: { attempts: { increment: 1 } } });
    return "failed";
  }
}

async function fanOutEvent(tx: Tx, eventId: string): Promise<void> {
  const row = await tx.activityEvent.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      type: true,
      data: true,
      actorId: true,
      workspaceId: true,
      trackerId: true,
      recommendationId: true,
    },
  });
  if (!row?.workspaceId) return;
  const meta = readEvents([row])[0]!;
  const event = meta.event;
  const workspaceId = row.workspaceId;
  const rec = meta.recommendationId
    ? await tx.recommendation.findFirst({
        where: { id: meta.recommendationId, workspaceId },
        select: { id: true, title: true, trackerId: true, archivedAt: true },
      })
    : null;

  const intents: Intent[] = [];
  const autoWatch: string[] = [];
  const toWatchers = async (kind: NotificationKind, summary: Summary) => {
    if (!rec) return;
    for (const userId of await watchersOf(tx, rec)) intents.push({ userId, kind, summary });
  };
  const mentionsIn = async (text: string) => {
    const members = await tx.membership.findMany({
      where: { workspaceId },
      select: { user: { select: { id: true, name: true } } },
    });
    const names = findMentionedNames(
      text,
      members.map((m) => m.user.name),
    );
    return members.filter((m) => names.includes(m.user.name)).map((m) => m.user.id);
  };

  switch (event.type) {
    case "member.joined":
      if (event.data.invitedById)
        intents.push({
          userId: event.data.invitedById,
          kind: "INVITATION_ACCEPTED",
          summary: { key: "invitationAccepted", name: event.data.name },
        });
      break;
    case "recommendation.created":
      if (row.actorId) autoWatch.push(row.actorId);
      break;
    case "recommendation.status_changed": {
      if (event.data.importedFrom) break;
      const summary = summaries.statusChanged(
        event.data.from ?? null,
        event.data.to,
        event.data.justification,
      );
      const mentioned = await mentionsIn(event.data.justification);
      for (const userId of mentioned) intents.push({ userId, kind: "MENTION", summary });
      await toWatchers("STATUS_CHANGED", summary);
      autoWatch.push(...mentioned);
      break;
    }
    case "recommendation.owner_added":
      intents.push({ userId: event.data.userId, kind: "ASSIGNED", summary: { key: "nowOwner" } });
      autoWatch.push(event.data.userId);
      break;
    case "recommendation.archived":
      await toWatchers("ARCHIVED", { key: "archived" });
      break;
    case "evidence.added":
      await toWatchers("EVIDENCE", summaries.evidenceAdded(event.data.title));
      break;
    case "comment.added": {
      const comment = await tx.comment.findFirst({
        where: { id: event.data.commentId, workspaceId, deletedAt: null },
        select: { body: true },
      });
      const summary: Summary = comment ? summaries.text(comment.body) : { key: "commentAdded" };
      for (const mention of event.data.mentions)
        intents.push({ userId: mention.userId, kind: "MENTION", summary });
      await toWatchers("COMMENT", summary);
      if (row.actorId) autoWatch.push(row.actorId);
      autoWatch.push(...event.data.mentions.map((m) => m.userId));
      break;
    }
    case "comment.edited": {
      // Only people the edit newly mentions; watchers already heard about the comment.
      const added = event.data.addedMentions ?? [];
      if (added.length === 0) break;
      const comment = await tx.comment.findFirst({
        where: { id: event.data.commentId, workspaceId, deletedAt: null },
        select: { body: true },
      });
      const summary: Summary = comment ? summaries.text(comment.body) : { key: "commentEdited" };
      for (const mention of added) intents.push({ userId: mention.userId, kind: "MENTION", summary });
      autoWatch.push(...added.map((m) => m.userId));
      break;
    }
    case "action.created":
    case "action.updated":
      if (event.data.ownerId && event.data.ownerId !== event.data.previousOwnerId)
        intents.push({
          userId: event.data.ownerId,
          kind: "ASSIGNED",
          summary: summaries.actionAssigned(event.data.title),
          actionId: event.data.actionId,
        });
      break;
    default:
      break;
  }

  if (rec) await autoWatchRecommendation(tx, workspaceId, rec.id, autoWatch);
  await deliver(tx, {
    workspaceId,
    actorId: row.actorId,
    eventId: row.id,
    trackerId: rec?.trackerId ?? meta.trackerId,
    recommendationId: rec?.id ?? null,
    intents,
  });
}

/** Watchers of a recommendation: its own watches, plus its tracker's watchers who did not unwatch it. */
async function watchersOf(tx: Tx, rec: { id: string; trackerId: string }): Promise<string[]> {
  const [own, tracker] = await Promise.all([
    tx.watch.findMany({ where: { recommendationId: rec.id }, select: { userId: true, isWatching: true } }),
    tx.watch.findMany({
      where: { trackerId: rec.trackerId, isWatching: true },
      select: { userId: true },
    }),
  ]);
  const unwatched = new Set(own.filter((w) => !w.isWatching).map((w) => w.userId));
  return [
    ...new Set([
      ...own.filter((w) => w.isWatching).map((w) => w.userId),
      ...tracker.map((w) => w.userId).filter((id) => !unwatched.has(id)),
    ]),
  ];
}

/** Owners, commenters, people mentioned and the creator start watching, unless they unwatched before. */
export async function autoWatchRecommendation(
  tx: Tx,
  workspaceId: string,
  recommendationId: string,
  userIds: string[],
): Promise<void> {
  for (const userId of new Set(userIds)) {
    await tx.watch.upsert({
      where: { userId_recommendationId: { userId, recommendationId } },
      create: { userId, workspaceId, recommendationId },
      update: {},
    });
  }
}

/** Kinds in order of importance: one entry per person and event, the most important reason. */
const PRIORITY: NotificationKind[] = [
  "MENTION",
  "ASSIGNED",
  "STATUS_CHANGED",
  "ARCHIVED",
  "EVIDENCE",
  "COMMENT",
  "INVITATION_ACCEPTED",
  "DUE_SOON",
  "OVERDUE",
];

export type Delivery = {
  workspaceId: string;
  actorId: string | null;
  eventId: string | null;
  trackerId: string | null;
  recommendationId: string | null;
  intents: Intent[];
  now?: Date;
};

/**
 * Writes inbox entries: checks each recipient now (not the actor, still a member), groups bursts, picks the
 * email channel from their preferences, and tells their browsers (NOTIFY user_notification). Returns the
 * ids of entries that are new and due for immediate email.
 */
export async function deliver(tx: Tx, delivery: Delivery): Promise<void> {
  const now = delivery.now ?? new Date();
  const byUser = new Map<string, Intent>();
  for (const intent of delivery.intents) {
    if (intent.userId === delivery.actorId) continue; // never about your own actions
    const seen = byUser.get(intent.userId);
    if (!seen || PRIORITY.indexOf(intent.kind) < PRIORITY.indexOf(seen.kind))
      byUser.set(intent.userId, intent);
  }
  if (byUser.size === 0) return;
  const members = await tx.membership.findMany({
    where: { workspaceId: delivery.workspaceId, userId: { in: [...byUser.keys()] } },
    // One lock order for every transaction (by user id), so two fan-outs never deadlock on each other.
    orderBy: { userId: "asc" },
    select: {
      userId: true,
      user: { select: { notificationPrefs: { select: { kind: true, channel: true } } } },
    },
  });
  for (const member of members) {
    const intent = byUser.get(member.userId)!;
    const line = await storedSummary(intent.summary);
    const channel = effectiveChannels(member.user.notificationPrefs)[intent.kind];
    // One writer per recipient at a time, so two instances fanning out a burst cannot split its entry.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`notify:${member.userId}`}))`;
    const open =
      isGroupable(intent.kind) && delivery.recommendationId
        ? await tx.notification.findFirst({
            where: {
              userId: member.userId,
              recommendationId: delivery.recommendationId,
              kind: intent.kind,
              readAt: null,
              updatedAt: { gt: new Date(now.getTime() - BURST_WINDOW_MS) },
            },
            orderBy: { updatedAt: "desc" },
            select: { id: true, readAt: true, updatedAt: true, recommendationId: true, kind: true },
          })
        : null;
    if (open && joinsBurst(open, { recommendationId: delivery.recommendationId, kind: intent.kind }, now)) {
      await tx.notification.update({
        where: { id: open.id },
        data: {
          count: { increment: 1 },
          actorId: delivery.actorId,
          eventId: delivery.eventId,
          ...line,
        },
      });
    } else {
      await tx.notification.create({
        data: {
          userId: member.userId,
          workspaceId: delivery.workspaceId,
          kind: intent.kind,
          trackerId: delivery.trackerId,
          recommendationId: delivery.recommendationId,
          actorId: delivery.actorId,
          eventId: delivery.eventId,
          actionId: intent.actionId ?? null,
          ...line,
          channel,
        },
      });
    }
    await tx.$executeRaw`SELECT pg_notify(${NOTIFICATION_CHANNEL}, ${member.userId})`;
  }
}
