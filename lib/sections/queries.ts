import "server-only";
import { db } from "@/lib/server/db";

export async function listSectionsForStructure(workspaceId: string, trackerId: string) {
  return db.section.findMany({
    where: { workspaceId, trackerId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      title: true,
      description: true,
      version: true,
      archivedAt: true,
      _count: { select: { recommendations: { where: { archivedAt: null } } } },
    },
  });
}
