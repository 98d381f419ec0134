import "server-only";
import { readEvents } from "@/lib/server/events";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditFilters = {
  actor: string | null;
  tracker: string | null;
  from: string | null;
  to: string | null;
  page: number;
};

export const AUDIT_PAGE_SIZE = 50;

const isDate = (value: string | null): value is string =>
  Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)));

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const get = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() || null;
  };
  const page = Number.parseInt(get("page") ?? "1", 10);
  return {
    actor: get("actor"),
    tracker: get("tracker"),
    from: isDate(get("from")) ? get("from") : null,
    to: isDate(get("to")) ? get("to") : null,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The workspace's audit log, newest first, filtered by person, tracker and date. */
export async function listAuditEvents(workspaceId: string, filters: AuditFilters) {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = new Date(`${filters.from}T00:00:00.000Z`);
  if (filters.to) createdAt.lt = new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + 86_400_000);
  const where: Prisma.ActivityEventWhereInput = {
    workspaceId,
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.tracker ? { trackerId: filters.tracker } : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
  };
  const [total, events, actors, trackers] = await Promise.all([
    db.activityEvent.count({ where }),
    db.activityEvent.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        type: true,
        data: true,
        createdAt: true,
        actor: { select: { name: true, email: true } },
        tracker: { select: { id: true, name: true, language: true } },
        recommendation: { select: { id: true, title: true, trackerId: true } },
      },
    }),
    // GROUP BY in SQL (Prisma's `distinct` would load the whole audit log and deduplicate in memory).
    db.activityEvent
      .groupBy({
        by: ["actorId"],
        where: { workspaceId, actorId: { not: null } },
        orderBy: { actorId: "asc" },
        take: 500,
      })
      .then((rows) =>
        db.user.findMany({
          where: { id: { in: rows.map((row) => row.actorId).filter((id): id is string => Boolean(id)) } },
          select: { id: true, name: true },
          orderBy: { name: "asc" },
        }),
      ),
    db.tracker.findMany({
      where: { workspaceId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: readEvents(events),
    actors,
    trackers,
  };
}
