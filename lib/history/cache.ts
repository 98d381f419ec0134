import "server-only";
/**
 * A per-process cache of history reads, keyed by the tracker's version (see `trackerVersion`): a new event or
 * any change to the tracker's recommendations or sections makes a new key, so a cached answer is never stale
 * (each instance keeps its own; nothing is shared or invalidated across instances). Only repeat visits gain:
 * the first load after a change reads the per-day counts and maintained columns (lib/history/README.md).
 */
import { db } from "@/lib/server/db";

/** At most this many answers are kept per process (least recently used first out). */
const CACHE_LIMIT = 64;
const cache = new Map<string, Promise<unknown>>();

/**
 * The tracker's version: its newest event (every status change, creation, import, move, archive, restore and
 * deletion writes one, as the public scorecard's cache relies on, lib/publishing/queries.ts) and, to be safe
 * against a write without an event, its live counts per section and status (RecommendationCount, kept by
 * triggers), its newest recommendation update and its sections' count and newest update. Every part is an
 * index read or a few rows: the key costs the same at 150,000 recommendations as at 50.
 */
export async function trackerVersion(workspaceId: string, trackerId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ v: string }[]>`
    SELECT concat_ws(':',
      (SELECT max(e.seq) FROM "ActivityEvent" e WHERE e."trackerId" = ${trackerId}),
      (SELECT sum(c.count) || '/' || count(*) FROM "RecommendationCount" c WHERE c."trackerId" = ${trackerId}),
      (SELECT r."updatedAt"::text FROM "Recommendation" r
        WHERE r."trackerId" = ${trackerId} AND r."workspaceId" = ${workspaceId}
        ORDER BY r."updatedAt" DESC LIMIT 1),
      (SELECT count(*) || '/' || COALESCE(max(s."updatedAt")::text, '') FROM "Section" s
        WHERE s."workspaceId" = ${workspaceId} AND s."trackerId" = ${trackerId})
    ) AS v`;
  return row?.v ?? "";
}

/**
 * `load()`, or its answer for the same workspace, tracker, `key` and tracker version. `key` must hold every
 * input of `load` (filters, days, the user for owner "me"). A failed load is not kept.
 */
export async function cachedByTrackerVersion<T>(
  workspaceId: string,
  trackerId: string,
  key: unknown[],
  load: () => Promise<T>,
): Promise<T> {
  const version = await trackerVersion(workspaceId, trackerId);
  const id = JSON.stringify([workspaceId, trackerId, version, ...key]);
  const hit = cache.get(id) as Promise<T> | undefined;
  if (hit) {
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const pending = load();
  cache.set(id, pending);
  pending.catch(() => cache.delete(id));
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return pending;
}
