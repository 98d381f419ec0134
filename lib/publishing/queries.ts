import "server-only";
import { cache } from "react";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/server/db";
import { getSnapshot, readTrackerItems } from "@/lib/snapshots/queries";
import { citationOf } from "@/lib/snapshots/mutations";
import { buildScorecard, publicTag, type PublicScorecard } from "@/lib/publishing/rules";

/** How long a cached scorecard may live at most, whatever happens (seconds). */
export const PUBLIC_REVALIDATE_SECONDS = 60;

type PublicationCheck = {
  id: string;
  workspaceId: string;
  trackerId: string;
  snapshotId: string | null;
  workspaceVersion: number;
  /** The newest event of the tracker: any change to it (status, evidence, section, publication) moves it. */
  seq: bigint | null;
};

/**
 * The check in front of every public URL, run on every request and on every instance: one indexed read of
 * the publication (and the tracker's newest event id, the cache key). Not cached anywhere, so unpublishing
 * (deleting the row) makes every public URL answer 404 on the next request, on every instance.
 */
export const findPublication = cache(
  async (workspaceSlug: string, trackerId: string): Promise<PublicationCheck | null> => {
    if (workspaceSlug.length > 64 || trackerId.length > 64) return null;
    const rows = await db.$queryRaw<PublicationCheck[]>`
      SELECT p.id, p."workspaceId", p."trackerId", p."snapshotId", w.version AS "workspaceVersion",
        (SELECT max(e.seq) FROM "ActivityEvent" e WHERE e."trackerId" = p."trackerId") AS seq
      FROM "Publication" p
      JOIN "Workspace" w ON w.id = p."workspaceId"
      JOIN "Tracker" t ON t.id = p."trackerId"
      WHERE w.slug = ${workspaceSlug} AND p."trackerId" = ${trackerId} AND t."archivedAt" IS NULL
      LIMIT 1`;
    return rows[0] ?? null;
  },
);

async function buildLive(workspaceId: string, trackerId: string): Promise<PublicScorecard | null> {
  const tracker = await db.tracker.findFirst({
    where: { id: trackerId, workspaceId },
    select: {
      name: true,
      language: true,
      workspace: { select: { name: true } },
      document: { select: { title: true, author: true, citation: true } },
    },
  });
  if (!tracker) return null;
  const [items, recs, evidence] = await Promise.all([
    readTrackerItems(db, workspaceId, trackerId),
    db.recommendation.aggregate({
      where: { workspaceId, trackerId, archivedAt: null },
      _max: { updatedAt: true },
    }),
    db.evidence.aggregate({
      where: { workspaceId, isPublic: true, recommendation: { trackerId, archivedAt: null } },
      _max: { updatedAt: true },
    }),
  ]);
  const times = [recs._max.updatedAt, evidence._max.updatedAt].filter((d): d is Date => d !== null);
  const lastUpdated = times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : new Date();
  return buildScorecard(
    {
      workspaceName: tracker.workspace.name,
      trackerName: tracker.name,
      language: tracker.language,
      citation: citationOf(tracker.document),
      mode: "live",
      snapshotName: null,
      asOf: null,
      lastUpdated: lastUpdated.toISOString(),
    },
    items,
  );
}

async function buildFromSnapshot(
  workspaceId: string,
  trackerId: string,
  snapshotId: string,
): Promise<PublicScorecard | null> {
  const [snapshot, workspace] = await Promise.all([
    getSnapshot(workspaceId, trackerId, snapshotId),
    db.workspace.findUnique({ where: { id: workspaceId }, select: { name: true } }),
  ]);
  if (!snapshot || !workspace) return null;
  // A snapshot is frozen, but what the team has since withdrawn from view stays withdrawn on the public page:
  // recommendations archived or deleted since, and evidence no longer marked public, are left out.
  const ids = snapshot.items.map((item) => item.recommendationId);
  const [visible, stillPublic] = await Promise.all([
    db.recommendation.findMany({
      where: { workspaceId, trackerId, id: { in: ids }, archivedAt: null, section: { archivedAt: null } },
      select: { id: true },
    }),
    db.evidence.findMany({
      where: { workspaceId, recommendation: { trackerId }, recommendationId: { in: ids }, isPublic: true },
      select: { recommendationId: true, url: true },
    }),
  ]);
  const visibleIds = new Set(visible.map((r) => r.id));
  const publicEvidence = new Set(stillPublic.map((e) => `${e.recommendationId} ${e.url}`));
  const items = snapshot.items
    .filter((item) => visibleIds.has(item.recommendationId))
    .map((item) => ({
      ...item,
      evidence: item.evidence.filter((e) => publicEvidence.has(`${item.recommendationId} ${e.url}`)),
    }));
  return buildScorecard(
    {
      workspaceName: workspace.name,
      trackerName: snapshot.trackerName,
      language: snapshot.language,
      citation: snapshot.citation,
      mode: "snapshot",
      snapshotName: snapshot.name,
      asOf: snapshot.asOf.toISOString(),
      lastUpdated: snapshot.asOf.toISOString(),
    },
    items,
  );
}

/**
 * The public scorecard of a published tracker, or null (→ 404) when it is not published.
 *
 * Caching: the publication check above runs on every request; the scorecard itself comes from Next's data
 * cache (`unstable_cache`), keyed by the publication, its source and the tracker's newest event id (and the
 * workspace's version, for its name). A change anywhere in the tracker writes an event, so the next request
 * on any instance asks for a new key and rebuilds, instead of serving the old one until a timer runs out;
 * `PUBLIC_REVALIDATE_SECONDS` bounds anything that writes no tracker event. The per-process cache never
 * decides whether a page is published.
 */
export const getPublicScorecard = cache(
  async (workspaceSlug: string, trackerId: string): Promise<PublicScorecard | null> => {
    const publication = await findPublication(workspaceSlug, trackerId);
    if (!publication) return null;
    const { id, workspaceId, snapshotId } = publication;
    const load = unstable_cache(
      () =>
        snapshotId
          ? buildFromSnapshot(workspaceId, trackerId, snapshotId)
          : buildLive(workspaceId, trackerId),
      [
        "public-scorecard",
        id,
        snapshotId ?? "live",
        String(publication.seq ?? 0),
        String(publication.workspaceVersion),
      ],
      { tags: [publicTag(trackerId)], revalidate: PUBLIC_REVALIDATE_SECONDS },
    );
    return load();
  },
);

/**
 * The publication gate of proxy.ts: is /p/<workspace>/<tracker>/… published? Run in front of every public
 * request, so that every answer of an unpublished scorecard (HTML, RSC payload, badge, image) is a 404.
 */
export async function isPublished(workspaceSlug: string, trackerId: string): Promise<boolean> {
  return (await findPublication(workspaceSlug, trackerId)) !== null;
}

/** One recommendation of a published scorecard (its permalink), or null. */
export async function getPublicRecommendation(workspaceSlug: string, trackerId: string, id: string) {
  const scorecard = await getPublicScorecard(workspaceSlug, trackerId);
  if (!scorecard) return null;
  for (const section of scorecard.sections) {
    const item = section.items.find((i) => i.id === id);
    if (item) return { scorecard, item };
  }
  return null;
}

/** For the admin's publish page: what is published now. */
export function getPublicationForAdmin(workspaceId: string, trackerId: string) {
  return db.publication.findFirst({
    where: { workspaceId, trackerId },
    select: {
      snapshotId: true,
      publishedAt: true,
      updatedAt: true,
      snapshot: { select: { name: true } },
      publishedBy: { select: { name: true } },
    },
  });
}
