import "server-only";
import { db } from "@/lib/server/db";
import { todayUtc } from "@/lib/dates";
import { isOverdue } from "@/lib/action-items/rules";
import { isRecommendationOverdue } from "@/lib/recommendations/rules";

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
        tracker: { select: { name: true, language: true } },
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
        doneAt: true,
        recommendation: {
          select: { id: true, title: true, trackerId: true, tracker: { select: { language: true } } },
        },
      },
    }),
  ]);
  const recs = recommendations
    .map((rec) => ({ ...rec, isOverdue: isRecommendationOverdue(rec.dueDate, rec.status, today) }))
    .sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue));
  const acts = actions
    .map((action) => ({ ...action, isOverdue: isOverdue(action.dueDate, action.doneAt, today) }))
    .sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue));
  return { recommendations: recs, actions: acts };
}
