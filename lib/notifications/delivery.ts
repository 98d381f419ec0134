import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { sendDebouncedJob, sendJob, type JobQueue } from "@/lib/server/jobs";
import { appUrl, sendMail } from "@/lib/server/mail";
import { routes } from "@/lib/routes";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { renderNotificationEmail, type EmailItem, type EmailTranslator } from "@/lib/notifications/emails";
import { createUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { unsubscribeSecret } from "@/lib/notifications/secret";
import { digestDue, effectiveChannels, isTimeZone } from "@/lib/notifications/rules";
import {
  headlineText,
  readSummaryData,
  summaryText,
  type NotificationTranslators,
} from "@/lib/notifications/summary";
import { notificationTranslators } from "@/lib/notifications/translators";
import { formatterFor, translatorFor } from "@/lib/i18n/server";
import { emailLocale } from "@/i18n/resolve";

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
      summaryData: true,
      updatedAt: true,
      workspace: { select: { slug: true, name: true, defaultLocale: true } },
      tracker: { select: { id: true, name: true, language: true } },
      recommendation: { select: { id: true, title: true, trackerId: true } },
      actor: { select: { name: true } },
    },
  });
  return rows;
}

type Entry = Awaited<ReturnType<typeof pendingEntries>>[number];

type Recipient = { id: string; name: string; email: string; locale: string | null; timeZone: string };

/**
 * Everything an email needs to speak the recipient's language: their profile language, else the default
 * language of the workspace the email is about (a digest: its first entry's), else English; dates in their
 * time zone.
 */
async function languageOf(user: Recipient, first: Entry) {
  const locale = emailLocale(user.locale, first.workspace.defaultLocale);
  const tr = await notificationTranslators(locale);
  const t = await translatorFor(locale, "notificationEmails");
  const format = formatterFor(locale, isTimeZone(user.timeZone) ? user.timeZone : "UTC");
  return { locale, tr, t, format };
}

type Language = Awaited<ReturnType<typeof languageOf>>;

const headlineOf = (tr: NotificationTranslators, entry: Entry) =>
  headlineText(tr, entry.kind, entry.actor?.name ?? null);

function toItem(entry: Entry, { tr, format }: Language): EmailItem {
  const url = entry.recommendation
    ? appUrl(
        routes.recommendation(entry.workspace.slug, entry.recommendation.trackerId, entry.recommendation.id),
      )
    : entry.tracker
      ? appUrl(routes.tracker(entry.workspace.slug, entry.tracker.id))
      : appUrl(routes.workspace(entry.workspace.slug));
  return {
    headline: headlineOf(tr, entry),
    subject: entry.recommendation?.title ?? entry.tracker?.name ?? entry.workspace.name,
    subjectLang: entry.tracker?.language ?? null,
    when: format.dateTime(entry.updatedAt, "dateTime"),
    detail: summaryText(tr, readSummaryData(entry.summaryData), entry.summary),
    count: entry.count,
    url,
  };
}

async function mailEntries(
  user: Recipient,
  entries: Entry[],
  language: Language,
  intro: string,
  subject: string,
  unsubscribeKind: NotificationKind,
): Promise<void> {
  const unsubscribe = unsubscribeUrls(user.id, unsubscribeKind);
  // i18n-keys: notifications.kinds.*.topic
  const topic = language.tr.t(`kinds.${unsubscribeKind}.topic`);
  const { html, text } = await renderNotificationEmail({
    locale: language.locale,
    t: language.t satisfies EmailTranslator,
    name: user.name,
    intro,
    items: entries.map((entry) => toItem(entry, language)),
    inboxUrl: appUrl(routes.inbox()),
    preferencesUrl: appUrl(`${routes.account()}#notifications`),
    unsubscribe: { url: unsubscribe.page, topic },
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

/** Who an email goes to: address, language, time zone and email settings. */
function recipientOf(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      timeZone: true,
      notificationPrefs: { select: { kind: true, channel: true } },
    },
  });
}

const ImmediateJob = z.object({ userId: z.string().min(1), recommendationId: z.string().min(1).nullable() });

/** Sends one email with a person's unmailed immediate entries about one recommendation (or none). */
export async function sendImmediateEmail(job: z.infer<typeof ImmediateJob>): Promise<number> {
  const user = await recipientOf(job.userId);
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
  const language = await languageOf(user, first);
  const headline = headlineOf(language.tr, first);
  const about = first.recommendation?.title ?? first.workspace.name;
  try {
    await mailEntries(
      user,
      wanted,
      language,
      headline,
      language.t("immediateSubject", {
        headline,
        about: about.length > 80 ? `${about.slice(0, 79)}…` : about,
      }),
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
  const user = await recipientOf(job.userId);
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
      const language = await languageOf(user, first);
      await mailEntries(
        user,
        entries,
        language,
        language.t("digestIntro", { count: total }),
        language.t("digestSubject", { count: total }),
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
