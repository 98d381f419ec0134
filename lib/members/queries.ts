import "server-only";
import { db } from "@/lib/server/db";

export async function listMembers(workspaceId: string) {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ createdAt: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    joinedAt: row.createdAt,
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
  }));
}
