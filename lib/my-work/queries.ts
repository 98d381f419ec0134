import "server-only";
import { db } from "@/lib/server/db";

const todayUtc = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};

/** What I own across the workspace's trackers: open actions and unfinished recommendations, overdue first. */
export async function getMyWork(workspaceId: string, userId: string) {
  const today = todayUtc();
  const [recommendations, actions] = await Promise.all([
    db.recommendation.findMany({
      where: { workspaceId, archivedAt: null, tracker: { archivedAt: null }, owners: { some: { userId } } },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { updatedAt: "desc" }],
      take: 200,
      select: {
        id: true,
        title: true,
        status: true,
        dueDate: true,
        trackerId: true,
        tracker: { select: { name: true } },
        section: { select: { title: true } },
      },
    }),
    db.actionItem.findMany({
      where: { workspaceId, ownerId: userId, doneAt: null, recommendation: { archivedAt: null } },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: 200,
      select: {
        id: true,
        title: true,
        dueDate: true,
        recommendation: { select: { id: true, title: true, trackerId: true } },
      },
    }),
  ]);
  const isOverdue = (due: Date | null, isDone: boolean) => Boolean(due && due < today && !isDone);
  const recs = recommendations
    .map((rec) => ({ ...rec, isOverdue: isOverdue(rec.dueDate, rec.status === "ACHIEVED") }))
    .sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue));
  const acts = actions
    .map((action) => ({ ...action, isOverdue: isOverdue(action.dueDate, false) }))
    .sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue));
  return { recommendations: recs, actions: acts };
}
