import "server-only";
import { db } from "@/lib/server/db";
import type { LiveEvent, Viewer } from "@/lib/live/rules";
import { MAX_VIEWERS_SHOWN, PRESENCE_TTL_MS } from "@/lib/live/rules";

/**
 * Reads of the live stream. Every one names its workspace: an event id from a NOTIFY is loaded only within
 * the workspaces this instance's streams are authorized for, and handed only to streams of its workspace.
 */
const liveEventSelect = {
  seq: true,
  type: true,
  actorId: true,
  workspaceId: true,
  trackerId: true,
  recommendationId: true,
} as const;

export type LiveEventRow = {
  seq: bigint;
  type: string;
  actorId: string | null;
  workspaceId: string | null;
  trackerId: string | null;
  recommendationId: string | null;
};

/** One announced event, if it belongs to one of `workspaceIds` (the workspaces with open streams here). */
export async function findAnnouncedEvent(id: string, workspaceIds: string[]): Promise<LiveEventRow | null> {
  if (workspaceIds.length === 0) return null;
  return db.activityEvent.findFirst({
    where: { id, workspaceId: { in: workspaceIds } },
    select: liveEventSelect,
  });
}

/** A workspace's events after `afterSeq`, in seq order, at most `take` (catch-up after a reconnect). */
export async function listWorkspaceEventsAfter(
  workspaceId: string,
  afterSeq: bigint,
  take: number,
): Promise<LiveEventRow[]> {
  return db.activityEvent.findMany({
    where: { workspaceId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take,
    select: liveEventSelect,
  });
}

/** The newest seq in a workspace (the cursor a fresh stream starts from), or 0. */
export async function latestWorkspaceSeq(workspaceId: string): Promise<bigint> {
  const row = await db.activityEvent.aggregate({ where: { workspaceId }, _max: { seq: true } });
  return row._max.seq ?? 0n;
}

/** Still a member, with the same session version (signing out everywhere bumps it)? */
export async function isStillMember(userId: string, workspaceId: string, sessionVersion: number) {
  const row = await db.membership.findFirst({
    where: { userId, workspaceId, user: { sessionVersion } },
    select: { id: true },
  });
  return row !== null;
}

/** The memberships of these users in these workspaces, with each user's session version (batched re-check). */
export async function listCurrentMemberships(userIds: string[], workspaceIds: string[]) {
  const rows = await db.membership.findMany({
    where: { userId: { in: userIds }, workspaceId: { in: workspaceIds } },
    select: { userId: true, workspaceId: true, user: { select: { sessionVersion: true } } },
  });
  return rows.map((row) => ({
    userId: row.userId,
    workspaceId: row.workspaceId,
    sessionVersion: row.user.sessionVersion,
  }));
}

/** A recommendation of this workspace, or null (another workspace's id behaves like a missing one). */
export async function findStreamRecommendation(workspaceId: string, id: string) {
  return db.recommendation.findFirst({ where: { id, workspaceId }, select: { id: true } });
}

/** Who is viewing a recommendation now (fresh presence rows), one entry per person, by name. */
export async function listViewers(
  workspaceId: string,
  recommendationId: string,
  now = new Date(),
): Promise<Viewer[]> {
  const rows = await db.presence.findMany({
    where: {
      workspaceId,
      recommendationId,
      lastSeenAt: { gt: new Date(now.getTime() - PRESENCE_TTL_MS) },
      // Only current members: a removed member's stream is closing anyway.
      user: { memberships: { some: { workspaceId } } },
    },
    distinct: ["userId"],
    orderBy: [{ userId: "asc" }],
    take: MAX_VIEWERS_SHOWN + 1,
    select: { user: { select: { id: true, name: true } } },
  });
  return rows
    .map((row) => ({ id: row.user.id, name: row.user.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** An event as the stream sends it: type and ids only. */
export function toLiveEvent(row: LiveEventRow, userId: string): LiveEvent {
  return {
    seq: row.seq.toString(),
    type: row.type,
    trackerId: row.trackerId,
    recommendationId: row.recommendationId,
    isOwn: row.actorId === userId,
  };
}
