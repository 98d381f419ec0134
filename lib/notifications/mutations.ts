import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { requireMembership, type MembershipContext } from "@/lib/server/authz";
import { notFoundError } from "@/lib/server/errors";
import { recordEvent } from "@/lib/server/events";
import type { SessionUser } from "@/lib/accounts/queries";
import type { NotificationChannel, NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_CHANNEL } from "@/lib/notifications/channel";
import { NOTIFICATION_KINDS, effectiveChannels } from "@/lib/notifications/rules";
import { summaries } from "@/lib/notifications/summary";
import { storedSummary } from "@/lib/notifications/translators";
import { Prisma } from "@/lib/generated/prisma/client";
import { verifyUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { unsubscribeSecret } from "@/lib/notifications/secret";
import { visibleTo } from "@/lib/notifications/queries";
import { routes } from "@/lib/routes";

/**
 * Inbox state and watching are the reader's own bookmarks (like a page view): they change nothing anyone
 * else sees, so they write no audit event. Email settings and unsubscribing are account events.
 * Every change of inbox state tells the person's other tabs and devices (NOTIFY user_notification).
 */

const announce = (userId: string) => db.$executeRaw`SELECT pg_notify(${NOTIFICATION_CHANNEL}, ${userId})`;

export async function setNotificationRead(user: SessionUser, notificationId: string, isRead: boolean) {
  const changed = await db.notification.updateMany({
    where: { id: notificationId, ...visibleTo(user.id) },
    data: { readAt: isRead ? new Date() : null },
  });
  if (changed.count === 0) throw notFoundError("errors.notFound.notification");
  await announce(user.id);
}

export async function markAllNotificationsRead(user: SessionUser): Promise<number> {
  const changed = await db.notification.updateMany({
    where: { ...visibleTo(user.id), readAt: null },
    data: { readAt: new Date() },
  });
  if (changed.count > 0) await announce(user.id);
  return changed.count;
}

/** Opening a recommendation marks the person's entries about it read (from the inbox, an email or a link). */
export async function markRecommendationSeen(
  ctx: MembershipContext,
  recommendationId: string,
): Promise<void> {
  const changed = await db.notification.updateMany({
    where: { userId: ctx.user.id, workspaceId: ctx.workspace.id, recommendationId, readAt: null },
    data: { readAt: new Date() },
  });
  if (changed.count > 0) await announce(ctx.user.id);
}

/** Watch or unwatch a recommendation or a tracker of a workspace the person is a member of (any role). */
export async function setWatching(input: {
  workspaceSlug: string;
  recommendationId?: string;
  trackerId?: string;
  isWatching: boolean;
}): Promise<{ path: string }> {
  const ctx = await requireMembership(input.workspaceSlug);
  if (input.recommendationId) {
    const rec = await db.recommendation.findFirst({
      where: { id: input.recommendationId, workspaceId: ctx.workspace.id },
      select: { id: true, trackerId: true },
    });
    if (!rec) throw notFoundError("errors.notFound.recommendation");
    await db.watch.upsert({
      where: { userId_recommendationId: { userId: ctx.user.id, recommendationId: rec.id } },
      create: {
        userId: ctx.user.id,
        workspaceId: ctx.workspace.id,
        recommendationId: rec.id,
        isWatching: input.isWatching,
      },
      update: { isWatching: input.isWatching },
    });
    return { path: routes.recommendation(ctx.workspace.slug, rec.trackerId, rec.id) };
  }
  const tracker = await db.tracker.findFirst({
    where: { id: input.trackerId ?? "", workspaceId: ctx.workspace.id },
    select: { id: true },
  });
  if (!tracker) throw notFoundError("errors.notFound.tracker");
  if (input.isWatching)
    await db.watch.upsert({
      where: { userId_trackerId: { userId: ctx.user.id, trackerId: tracker.id } },
      create: { userId: ctx.user.id, workspaceId: ctx.workspace.id, trackerId: tracker.id },
      update: { isWatching: true },
    });
  else await db.watch.deleteMany({ where: { userId: ctx.user.id, trackerId: tracker.id } });
  return { path: routes.tracker(ctx.workspace.slug, tracker.id) };
}

export async function updateNotificationSettings(
  user: SessionUser,
  input: { timeZone: string } & Record<NotificationKind, NotificationChannel>,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { timeZone: true, notificationPrefs: { select: { kind: true, channel: true } } },
    });
    const current = effectiveChannels(before.notificationPrefs);
    const changedKinds = NOTIFICATION_KINDS.filter((kind) => current[kind] !== input[kind]);
    for (const kind of changedKinds)
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: user.id, kind } },
        create: { userId: user.id, kind, channel: input[kind] },
        update: { channel: input[kind] },
      });
    await tx.user.update({ where: { id: user.id }, data: { timeZone: input.timeZone } });
    await recordEvent(tx, {
      type: "account.notification_settings_changed",
      actorId: user.id,
      data: { timeZone: input.timeZone, changedKinds },
    });
  });
}

/**
 * One-click unsubscribe (RFC 8058) and the email's unsubscribe page: the signed token names the person and
 * the kind; the kind's email is turned off. A reused token changes nothing more (already off; no second
 * event); a forged or altered one is refused. No session is needed: the signature is the credential.
 */
export async function unsubscribeWithToken(
  token: string,
  via: "one-click" | "page",
): Promise<{ kind: NotificationKind } | null> {
  const claim = verifyUnsubscribeToken(unsubscribeSecret(), token);
  if (!claim) return null;
  const exists = await db.user.findUnique({ where: { id: claim.userId }, select: { id: true } });
  if (!exists) return null;
  await db.$transaction(async (tx) => {
    const pref = await tx.notificationPreference.findUnique({
      where: { userId_kind: { userId: claim.userId, kind: claim.kind } },
      select: { channel: true },
    });
    if (pref?.channel === "OFF") return;
    await tx.notificationPreference.upsert({
      where: { userId_kind: { userId: claim.userId, kind: claim.kind } },
      create: { userId: claim.userId, kind: claim.kind, channel: "OFF" },
      update: { channel: "OFF" },
    });
    await recordEvent(tx, {
      type: "account.unsubscribed",
      actorId: claim.userId,
      data: { kind: claim.kind, via },
    });
  });
  return { kind: claim.kind };
}

/**
 * Inbox entries quote a comment's text (their summary). When the comment is edited or deleted, in the same
 * transaction, the entries that quote it follow: the new text, or "A comment that was deleted" (in each
 * reader's language), so deleted words live on in no inbox and no email still to be sent.
 */
export async function requoteComment(
  tx: Tx,
  ctx: Pick<MembershipContext, "workspace">,
  comment: { id: string; recommendationId: string },
  body: string | null,
): Promise<void> {
  const line = await storedSummary(body === null ? { key: "commentDeleted" } : summaries.text(body));
  const data = line.summaryData === Prisma.DbNull ? null : JSON.stringify(line.summaryData);
  await tx.$executeRaw`
    UPDATE "Notification" SET summary = ${line.summary}, "summaryData" = ${data}::jsonb, "updatedAt" = now()
    WHERE "workspaceId" = ${ctx.workspace.id} AND "recommendationId" = ${comment.recommendationId}
      AND "eventId" IN (
        SELECT id FROM "ActivityEvent"
        WHERE "workspaceId" = ${ctx.workspace.id} AND "recommendationId" = ${comment.recommendationId}
          AND type IN ('comment.added', 'comment.edited') AND data->>'commentId' = ${comment.id}
      )`;
}
