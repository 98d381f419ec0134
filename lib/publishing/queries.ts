import "server-only";
import { isCursorInt, isCursorText } from "@/lib/keyset";
import { cache } from "react";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/server/db";
import { getSnapshot } from "@/lib/snapshots/queries";
import { citationOf } from "@/lib/snapshots/mutations";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { parseEvent } from "@/lib/events/catalog";
import {
  isJustificationPublic,
  SNAPSHOT_LIMITS,
  type FrozenEvidence,
  type FrozenItem,
} from "@/lib/snapshots/rules";
import { emptyCounts, type StatusCounts } from "@/lib/status";
import { buildScorecard, buildScorecardPage, publicTag, type PublicScorecard } from "@/lib/publishing/rules";

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

/** Recommendations per page of the live public scorecard (keyset pages in document order). */
export const PUBLIC_PAGE_SIZE = 100;

const readCursor = (cursor: string | null): [number, number, string] | null => {
  if (!cursor || !/^[\w-]{1,400}$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(value) &&
      value.length === 3 &&
      isCursorInt(value[0]) &&
      isCursorInt(value[1]) &&
      isCursorText(value[2])
      ? (value as [number, number, string])
      : null;
  } catch {
    return null;
  }
};

/**
 * The live scorecard, one page at a time: totals and section progress from RecommendationCount (kept by
 * triggers), then PUBLIC_PAGE_SIZE recommendations after `cursor` in document order with their public evidence
 * and latest status change, read for those ids only. Never the whole tracker.
 */
async function buildLive(
  workspaceId: string,
  trackerId: string,
  cursor: string | null,
  /** Only this recommendation (a permalink), wherever it is in the tracker. */
  onlyId?: string,
): Promise<PublicScorecard | null> {
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
  const after = onlyId ? null : readCursor(cursor);
  const [sections, rows, [updated]] = await Promise.all([
    db.$queryRaw<
      { id: string; title: string; position: number; status: RecommendationStatus | null; n: number }[]
    >`
      SELECT s.id, s.title, s.position, c.status::text AS status, COALESCE(sum(c.count), 0)::int AS n
      FROM "Section" s LEFT JOIN "RecommendationCount" c ON c."sectionId" = s.id AND c.count > 0
      WHERE s."workspaceId" = ${workspaceId} AND s."trackerId" = ${trackerId} AND s."archivedAt" IS NULL
      -- (RecommendationCount is also keyed by actor and path: summed per section and status.)
      GROUP BY s.id, s.title, s.position, c.status
      ORDER BY s.position, s.id`,
    db.$queryRaw<
      {
        id: string;
        referenceId: string | null;
        title: string;
        status: RecommendationStatus;
        position: number;
        sectionPosition: number;
        sectionTitle: string;
      }[]
    >`
      SELECT r.id, r."referenceId", r.title, r.status::text AS status, r.position, r."sectionPosition",
        s.title AS "sectionTitle"
      FROM "Recommendation" r JOIN "Section" s ON s.id = r."sectionId" AND s."archivedAt" IS NULL
      WHERE r."workspaceId" = ${workspaceId} AND r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL
        ${after ? Prisma.sql`AND (r."sectionPosition", r.position, r.id) > (${after[0]}::int, ${after[1]}::int, ${after[2]}::text)` : Prisma.empty}
        ${onlyId ? Prisma.sql`AND r.id = ${onlyId}` : Prisma.empty}
      ORDER BY r."sectionPosition", r.position, r.id
      LIMIT ${PUBLIC_PAGE_SIZE + 1}`,
    // The newest public change: a recommendation's update (index on trackerId, updatedAt) or an evidence event.
    db.$queryRaw<{ at: Date | null }[]>`
      SELECT GREATEST(
        (SELECT max(r."updatedAt") FROM "Recommendation" r
          WHERE r."workspaceId" = ${workspaceId} AND r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL),
        -- Public evidence only: a change to private evidence must not show on the public page.
        (SELECT max(e."updatedAt") FROM "Evidence" e JOIN "Recommendation" r ON r.id = e."recommendationId"
          WHERE e."workspaceId" = ${workspaceId} AND e."isPublic" AND r."trackerId" = ${trackerId})
      ) AS at`,
  ]);
  const page = rows.slice(0, PUBLIC_PAGE_SIZE);
  const ids = page.map((row) => row.id);
  const [evidence, latest] = ids.length
    ? await Promise.all([
        db.$queryRaw<(FrozenEvidence & { recommendationId: string })[]>`
          SELECT e."recommendationId", e.title, e.url, e."sourceType"::text AS "sourceType",
            e.stance::text AS stance, to_char(e."publishedAt", 'YYYY-MM-DD') AS "publishedAt", e.quote
          FROM "Evidence" e
          WHERE e."workspaceId" = ${workspaceId} AND e."recommendationId" IN (${Prisma.join(ids)}) AND e."isPublic"
          ORDER BY e."recommendationId", e."publishedAt" DESC NULLS LAST, e."createdAt" DESC`,
        db.$queryRaw<{ recommendationId: string; data: unknown; createdAt: Date }[]>`
          SELECT DISTINCT ON (e."recommendationId") e."recommendationId", e.data, e."createdAt"
          FROM "ActivityEvent" e
          WHERE e."trackerId" = ${trackerId} AND e."workspaceId" = ${workspaceId}
            AND e.type = 'recommendation.status_changed' AND e."recommendationId" IN (${Prisma.join(ids)})
          ORDER BY e."recommendationId", e."createdAt" DESC, e.seq DESC`,
      ])
    : [[], []];
  const evidenceOf = new Map<string, FrozenEvidence[]>();
  for (const { recommendationId, ...item } of evidence) {
    const list = evidenceOf.get(recommendationId) ?? [];
    if (list.length < SNAPSHOT_LIMITS.evidencePerRecommendation) list.push(item);
    evidenceOf.set(recommendationId, list);
  }
  const statusOf = new Map<string, { justification: string; isInternal: boolean; at: Date }>();
  for (const row of latest) {
    const event = parseEvent({ type: "recommendation.status_changed", data: row.data });
    if (event.type !== "recommendation.status_changed") continue;
    statusOf.set(row.recommendationId, {
      justification: event.data.justification,
      isInternal: !isJustificationPublic(event.data),
      at: row.createdAt,
    });
  }
  const items: FrozenItem[] = page.map((row) => {
    const last = statusOf.get(row.id);
    return {
      recommendationId: row.id,
      referenceId: row.referenceId,
      sectionTitle: row.sectionTitle,
      sectionPosition: row.sectionPosition,
      position: row.position,
      title: row.title,
      status: row.status,
      justification: last?.justification ?? null,
      isJustificationInternal: last?.isInternal ?? false,
      statusChangedAt: last?.at.toISOString() ?? null,
      ownerNames: [],
      evidence: evidenceOf.get(row.id) ?? [],
    };
  });
  const counts = new Map<string, { title: string; position: number; counts: StatusCounts }>();
  for (const row of sections) {
    const section = counts.get(row.id) ?? { title: row.title, position: row.position, counts: emptyCounts() };
    if (row.status) section.counts[row.status] += row.n;
    counts.set(row.id, section);
  }
  const last = page.at(-1);
  return buildScorecardPage(
    {
      workspaceName: tracker.workspace.name,
      trackerName: tracker.name,
      language: tracker.language,
      citation: citationOf(tracker.document),
      mode: "live",
      snapshotName: null,
      asOf: null,
      lastUpdated: (updated?.at ?? new Date()).toISOString(),
    },
    [...counts.values()],
    items,
    {
      isFirst: !after,
      nextCursor:
        rows.length > PUBLIC_PAGE_SIZE && last
          ? Buffer.from(JSON.stringify([last.sectionPosition, last.position, last.id])).toString("base64url")
          : null,
    },
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
  async (
    workspaceSlug: string,
    trackerId: string,
    cursor: string | null = null,
  ): Promise<PublicScorecard | null> => {
    const publication = await findPublication(workspaceSlug, trackerId);
    if (!publication) return null;
    const { id, workspaceId, snapshotId } = publication;
    // Later live pages are bounded keyset reads, not cached: a cursor comes from the URL, and caching by
    // it would let anyone mint cache entries.
    if (!snapshotId && cursor) return buildLive(workspaceId, trackerId, cursor);
    const load = unstable_cache(
      () =>
        snapshotId
          ? buildFromSnapshot(workspaceId, trackerId, snapshotId)
          : buildLive(workspaceId, trackerId, cursor),
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
  if (id.length > 64) return null;
  const publication = await findPublication(workspaceSlug, trackerId);
  if (!publication) return null;
  // A live scorecard pages its items, so a permalink reads its own row, wherever it is in the tracker.
  const scorecard = publication.snapshotId
    ? await getPublicScorecard(workspaceSlug, trackerId)
    : await buildLive(publication.workspaceId, trackerId, null, id);
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
