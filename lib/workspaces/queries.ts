import "server-only";
import { db } from "@/lib/server/db";

export async function listMyWorkspaces(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return rows.map((row) => ({ ...row.workspace, role: row.role }));
}

export async function getWorkspaceOverview(workspaceId: string) {
  const [memberCount, trackerCount] = await Promise.all([
    db.membership.count({ where: { workspaceId } }),
    db.tracker.count({ where: { workspaceId, archivedAt: null } }),
  ]);
  return { memberCount, trackerCount };
}
