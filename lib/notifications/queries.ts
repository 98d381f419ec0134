import "server-only";
import { db } from "@/lib/server/db";
import type { MembershipContext } from "@/lib/server/authz";
import type { SessionUser } from "@/lib/accounts/queries";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationChannel, NotificationKind } from "@/lib/generated/prisma/enums";
import { effectiveChannels } from "@/lib/notifications/rules";
import { readSummaryData, type SummaryData } from "@/lib/notifications/summary";
import type { InboxFilter } from "@/lib/notifications/schemas";
import { routes } from "@/lib/routes";
import { verifyUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { unsubscribeSecret } from "@/lib/notifications/secret";

export const INBOX_PAGE_SIZE = 50;

/**
 * What a person may see of their notifications: their own rows, in workspaces they are a member of now
 * (a removed member's entries disappear with the membership), about items that still exist (rows of a
 * deleted recommendation or tracker are deleted with it).
 */
export const visibleTo = (userId: string): Prisma.NotificationWhereInput => ({
  userId,
  workspace: { memberships: { some: { userId } } },
});

export async function countUnread(user: SessionUser): Promise<number> {
  return db.notification.count({ where: { ...visibleTo(user.id), readAt: null } });
}

export type InboxEntry = {
  id: string;
  kind: NotificationKind;
  /** Who acted (null: someone no longer known, or a reminder). */
  actorName: string | null;
  /** The stored line: user text, or the English fallback when summaryData is null. */
  summary: string;
  /** The line's key and values, rendered in the reader's language (lib/notifications/summary.ts). */
  summaryData: SummaryData | null;
  count: number;
  isRead: boolean;
  updatedAt: string;
  workspaceName: string;
  trackerName: string | null;
  /** The tracker's content language, for the title's `lang`. */
  trackerLanguage: string | null;
  title: string | null;
  href: string;
};

export async function listInbox(
  user: SessionUser,
  filter: InboxFilter,
): Promise<{ entries: InboxEntry[]; hasMore: boolean }> {
  const where: Prisma.NotificationWhereInput = {
    ...visibleTo(user.id),
    ...(filter.show === "unread" ? { readAt: null } : {}),
    ...(filter.reason === "mentions" ? { kind: "MENTION" } : {}),
    ...(filter.reason === "assigned" ? { kind: "ASSIGNED" } : {}),
    ...(filter.tracker ? { trackerId: filter.tracker } : {}),
  };
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    skip: (filter.page - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE + 1,
    select: {
      id: true,
      kind: true,
      summary: true,
      summaryData: true,
      count: true,
      readAt: true,
      updatedAt: true,
      workspace: { select: { name: true, slug: true } },
      tracker: { select: { id: true, name: true, language: true } },
      recommendation: { select: { id: true, title: true, trackerId: true } },
      actor: { select: { name: true } },
    },
  });
  return {
    hasMore: rows.length > INBOX_PAGE_SIZE,
    entries: rows.slice(0, INBOX_PAGE_SIZE).map((row) => ({
      id: row.id,
      kind: row.kind,
      actorName: row.actor?.name ?? null,
      summary: row.summary,
      summaryData: readSummaryData(row.summaryData),
      count: row.count,
      isRead: row.readAt !== null,
      updatedAt: row.updatedAt.toISOString(),
      workspaceName: row.workspace.name,
      trackerName: row.tracker?.name ?? null,
      trackerLanguage: row.tracker?.language ?? null,
      title: row.recommendation?.title ?? null,
      href: row.recommendation
        ? routes.recommendation(row.workspace.slug, row.recommendation.trackerId, row.recommendation.id)
        : row.tracker
          ? routes.tracker(row.workspace.slug, row.tracker.id)
          : routes.workspace(row.workspace.slug),
    })),
  };
}

/** Trackers the person has notifications about (the inbox's tracker filter). */
export async function listInboxTrackers(user: SessionUser) {
  const rows = await db.notification.findMany({
    where: { ...visibleTo(user.id), trackerId: { not: null } },
    distinct: ["trackerId"],
    select: { tracker: { select: { id: true, name: true, workspace: { select: { name: true } } } } },
    take: 100,
  });
  return rows.flatMap((row) =>
    row.tracker ? [{ id: row.tracker.id, label: `${row.tracker.name} · ${row.tracker.workspace.name}` }] : [],
  );
}

/** Whether the signed-in member watches a recommendation (directly, or through its tracker) or a tracker. */
export async function getWatchState(
  ctx: MembershipContext,
  target: { recommendationId: string; trackerId: string } | { trackerId: string },
): Promise<{ isWatching: boolean; viaTracker: boolean }> {
  const trackerWatch = await db.watch.findFirst({
    where: {
      userId: ctx.user.id,
      workspaceId: ctx.workspace.id,
      trackerId: target.trackerId,
      isWatching: true,
    },
    select: { id: true },
  });
  if (!("recommendationId" in target)) return { isWatching: Boolean(trackerWatch), viaTracker: false };
  const own = await db.watch.findFirst({
    where: { userId: ctx.user.id, workspaceId: ctx.workspace.id, recommendationId: target.recommendationId },
    select: { isWatching: true },
  });
  if (own) return { isWatching: own.isWatching, viaTracker: false };
  return { isWatching: Boolean(trackerWatch), viaTracker: Boolean(trackerWatch) };
}

export async function getNotificationSettings(
  user: SessionUser,
): Promise<{ timeZone: string; channels: Record<NotificationKind, NotificationChannel> }> {
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { timeZone: true, notificationPrefs: { select: { kind: true, channel: true } } },
  });
  return { timeZone: row.timeZone, channels: effectiveChannels(row.notificationPrefs) };
}

/** What an unsubscribe link is about, for its confirmation page (reading only; a click acts). */
export async function getUnsubscribeLink(
  token: string,
): Promise<{ kind: NotificationKind; isOff: boolean } | null> {
  const claim = verifyUnsubscribeToken(unsubscribeSecret(), token);
  if (!claim) return null;
  const user = await db.user.findUnique({
    where: { id: claim.userId },
    select: { notificationPrefs: { where: { kind: claim.kind }, select: { kind: true, channel: true } } },
  });
  if (!user) return null;
  return { kind: claim.kind, isOff: effectiveChannels(user.notificationPrefs)[claim.kind] === "OFF" };
}
