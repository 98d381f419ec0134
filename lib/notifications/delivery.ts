import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { sendDebouncedJob, sendJob, type JobQueue } from "@/lib/server/jobs";
import { appUrl, sendMail } from "@/lib/server/mail";
import { routes } from "@/lib/routes";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { renderNotificationEmail, type EmailItem } from "@/lib/notifications/emails";
import { createUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { unsubscribeSecret } from "@/lib/notifications/secret";
import { digestDue, effectiveChannels, kindLabels } from "@/lib/notifications/rules";
import { headlineOf } from "@/lib/notifications/describe";

/**
 * Email for notifications, on pg-boss. Immediate email: one job per person and recommendation per
 * EMAIL_BATCH_SECONDS slot (sendDebounced), which mails every entry of theirs still unmailed, so a burst of
 * comments makes one email. Digest: a schedule every 15 minutes queues one job per person whose local time
 * is past 08:00 and who has had no digest that day; a `DigestRun` row per person and local date makes it
 * once a day. A failing SMTP server makes the job fail; pg-boss retries it with exponential backoff, and the
 * entries stay unmailed until a send succeeds: mail is delayed, never lost, and no user action waits on it.
 * Every check (still a member, item still there, preference not off) is made when the mail is sent.
 */
export const EMAIL_BATCH_SECONDS = 180;

const MAIL_RETRY = { retryLimit: 12, retryDelay: 2, retryBackoff: true, expireInSeconds: 120 };

/** The page people open from the email (it asks before acting), and the RFC 8058 one-click POST target. */
export function unsubscribeUrls(userId: string, kind: NotificationKind): { page: string; oneClick: string } {
  const token = createUnsubscribeToken(unsubscribeSecret(), userId, kind);
  return { page: appUrl(routes.unsubscribe(token)), oneClick: appUrl(routes.api.unsubscribe(token)) };
}

/** Pending entries of a person that may still be mailed: member of the workspace now, item still there. */
async function pendingEntries(
  userId: string,
  where: { channel: "IMMEDIATE" | "DIGEST"; recommendationId?: string | null },
) {
  const rows = await db.notification.findMany({
    where: {
      userId,
      channel: where.channel,
      emailedAt: null,
      readAt: null,
      ...(where.recommendationId !== undefined ? { recommendationId: where.recommendationId } : {}),
      workspace: { memberships: { some: { userId } } },
    },
    orderBy: { updatedAt: "asc" },
    take: 100,
    select: {
      id: true,
      kind: true,
      count: true,
      summary: true,
      workspace: { select: { slug: true, name: true } },
      tracker: { select: { id: true, name: true } },
      recommendation: { select: { id: true, title: true, trackerId: true } },
      actor: { select: { name: true } },
    },
  });
  return rows;
}

type Entry = Awaited<ReturnType<typeof pendingEntries>>[number];

function toItem(entry: Entry): EmailItem {
  const url = entry.recommendation
    ? appUrl(
        routes.recommendation(entry.workspace.slug, entry.recommendation.trackerId, entry.recommendation.id),
      )
    : entry.tracker
      ? appUrl(routes.tracker(entry.workspace.slug, entry.tracker.id))
      : appUrl(routes.workspace(entry.workspace.slug));
  return {
    headline: headlineOf(entry.kind, entry.actor?.name ?? null),
    subject: entry.recommendation?.title ?? entry.tracker?.name ?? entry.workspace.name,
    detail: entry.summary,
    count: entry.count,
    url,
  };
}

async function mailEntries(
  user: { id: string; name: string; email: string },
  entries: Entry[],
  intro: string,
  subject: string,
  unsubscribeKind: NotificationKind,
): Promise<void> {
  const unsubscribe = unsubscribeUrls(user.id, unsubscribeKind);
  const { html, text } = await renderNotificationEmail({
    name: user.name,
    intro,
    items: entries.map(toItem),
    inboxUrl: appUrl(routes.inbox()),
    preferencesUrl: appUrl(`${routes.account()}#notifications`),
    unsubscribe: {
      url: unsubscribe.page,
      label: `Stop emails about ${kindLabels[unsubscribeKind].label.toLowerCase()}`,
    },
  });
  await sendMail({
    to: user.email,
    subject,
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${unsubscribe.oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Immediate email

const ImmediateJob = z.object({ userId: z.string().min(1), recommendationId: z.string().min(1).nullable() });

/** Sends one email with a person's unmailed immediate entries about one recommendation (or none). */
export async function sendImmediateEmail(job: z.infer<typeof ImmediateJob>): Promise<number> {
  const user = await db.user.findUnique({
    where: { id: job.userId },
    select: {
      id: true,
      name: true,
      email: true,
      notificationPrefs: { select: { kind: true, channel: true } },
    },
  });
  if (!user) return 0;
  const channels = effectiveChannels(user.notificationPrefs);
  const entries = await pendingEntries(user.id, {
    channel: "IMMEDIATE",
    recommendationId: job.recommendationId,
  });
  // A kind turned off (or moved to the digest) since the entry was made: honour today's choice.
  const wanted = entries.filter((entry) => channels[entry.kind] === "IMMEDIATE");
  const dropped = entries.filter((entry) => channels[entry.kind] !== "IMMEDIATE");
  if (dropped.length > 0)
    await db.notification.updateMany({
      where: { id: { in: dropped.map((e) => e.id) } },
      data: { channel: "DIGEST" },
    });
  // Entries that can no longer be mailed (the person left the workspace) are settled, so they are not
  // queued again and again.
  await db.notification.updateMany({
    where: {
      userId: user.id,
      channel: "IMMEDIATE",
      emailedAt: null,
      recommendationId: job.recommendationId,
      workspace: { memberships: { none: { userId: user.id } } },
    },
    data: { emailedAt: new Date() },
  });
  // Claim the entries before sending, so a concurrent job (a retry and the next slot's job) cannot mail them
  // again; a failed send gives them back and throws, and pg-boss retries with backoff.
  // The claim's own timestamp marks which rows this job took: giving back touches only those, never rows
  // another job claimed in between.
  const claimed = wanted.map((e) => e.id);
  const claimedAt = new Date();
  const claim = await db.notification.updateMany({
    where: { id: { in: claimed }, emailedAt: null },
    data: { emailedAt: claimedAt },
  });
  const giveBack = () =>
    db.notification.updateMany({
      where: { id: { in: claimed }, emailedAt: claimedAt },
      data: { emailedAt: null },
    });
  const first = wanted[0];
  if (!first || claim.count !== claimed.length) {
    if (first) await giveBack();
    return 0;
  }
  const headline = headlineOf(first.kind, first.actor?.name ?? null);
  const about = first.recommendation?.title ?? first.workspace.name;
  try {
    await mailEntries(
      user,
      wanted,
      headline,
      `${headline}: ${about.length > 80 ? `${about.slice(0, 79)}…` : about}`,
      first.kind,
    );
  } catch (error) {
    await giveBack();
    throw error;
  }
  return 1;
}

export const immediateEmailQueue: JobQueue<z.infer<typeof ImmediateJob>> = {
  name: "notification-email",
  schema: ImmediateJob,
  options: MAIL_RETRY,
  handle: async (data) => {
    await sendImmediateEmail(data);
  },
};

/**
 * Queues immediate email for every person and recommendation with unmailed immediate entries (after each
 * fan-out, and periodically as a safety net). At most one job per person and recommendation per slot.
 */
export async function queueImmediateEmails(): Promise<number> {
  const pending = await db.notification.findMany({
    where: { channel: "IMMEDIATE", emailedAt: null, readAt: null },
    distinct: ["userId", "recommendationId"],
    select: { userId: true, recommendationId: true },
    take: 500,
  });
  for (const { userId, recommendationId } of pending)
    await sendDebouncedJob(
      immediateEmailQueue,
      { userId, recommendationId },
      `${userId}:${recommendationId ?? "-"}`,
      EMAIL_BATCH_SECONDS,
    );
  return pending.length;
}

// ---------------------------------------------------------------------------------------------------------
// Daily digest

const DigestJob = z.object({ userId: z.string().min(1), localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/** Sends a person's digest for a local date, once (DigestRun), and only when there is something to say. */
export async function sendDigest(job: z.infer<typeof DigestJob>): Promise<number> {
  const user = await db.user.findUnique({
    where: { id: job.userId },
    select: {
      id: true,
      name: true,
      email: true,
      notificationPrefs: { select: { kind: true, channel: true } },
    },
  });
  if (!user) return 0;
  // Claim the day first: of two jobs for one person and day, one sends. A failed send gives the day back.
  const claim = await db.digestRun.createMany({
    data: [{ userId: user.id, localDate: job.localDate, items: 0 }],
    skipDuplicates: true,
  });
  if (claim.count === 0) return 0;
  const channels = effectiveChannels(user.notificationPrefs);
  const entries = (await pendingEntries(user.id, { channel: "DIGEST" })).filter(
    (entry) => channels[entry.kind] !== "OFF",
  );
  const first = entries[0];
  if (first) {
    const total = entries.reduce((sum, e) => sum + e.count, 0);
    try {
      await mailEntries(
        user,
        entries,
        `Your daily digest: ${total} update${total === 1 ? "" : "s"}`,
        `Advocacy Tracker digest: ${total} update${total === 1 ? "" : "s"}`,
        first.kind,
      );
    } catch (error) {
      await db.digestRun.deleteMany({ where: { userId: user.id, localDate: job.localDate } });
      throw error;
    }
  }
  // Settle what was mailed, and what never will be (kinds turned off, workspaces left).
  await db.$transaction([
    db.digestRun.update({
      where: { userId_localDate: { userId: user.id, localDate: job.localDate } },
      data: { items: entries.length },
    }),
    db.notification.updateMany({
      where: { id: { in: entries.map((e) => e.id) } },
      data: { emailedAt: new Date() },
    }),
    db.notification.updateMany({
      where: {
        userId: user.id,
        channel: "DIGEST",
        emailedAt: null,
        OR: [
          {
            kind: {
              in: Object.entries(channels).flatMap(([k, c]) => (c === "OFF" ? [k as NotificationKind] : [])),
            },
          },
          { workspace: { memberships: { none: { userId: user.id } } } },
        ],
      },
      data: { emailedAt: new Date() },
    }),
  ]);
  return first ? 1 : 0;
}

export const digestUserQueue: JobQueue<z.infer<typeof DigestJob>> = {
  name: "notification-digest-user",
  schema: DigestJob,
  options: MAIL_RETRY,
  handle: async (data) => {
    await sendDigest(data);
  },
};

/** Who is due a digest at `now`: people with unmailed digest entries, 08:00 passed locally, none today. */
export async function queueDueDigests(now = new Date()): Promise<number> {
  const users = await db.user.findMany({
    where: { notifications: { some: { channel: "DIGEST", emailedAt: null, readAt: null } } },
    select: { id: true, timeZone: true, digestRuns: { orderBy: { localDate: "desc" }, take: 1 } },
    take: 1000,
  });
  let queued = 0;
  for (const user of users) {
    const due = digestDue(user.timeZone, now, user.digestRuns[0]?.localDate ?? null);
    if (!due.isDue) continue;
    await sendJob(
      digestUserQueue,
      { userId: user.id, localDate: due.localDate },
      { once: { key: `${user.id}:${due.localDate}`, seconds: 3_600 } },
    );
    queued += 1;
  }
  return queued;
}

export const digestScheduleQueue: JobQueue<Record<string, unknown>> = {
  name: "notification-digest",
  schema: z.record(z.string(), z.unknown()),
  options: { retryLimit: 2, retryDelay: 30, expireInSeconds: 600 },
  schedule: "*/15 * * * *",
  handle: async () => {
    await queueDueDigests();
  },
};
