/**
 * How many staged uploads a person may keep, and for how long. Uploads are files waiting for their next
 * step (an import's mapping and preview, a document's review); they live in PostgreSQL, so these limits
 * keep one person from filling the database.
 */

/** At most this many staged uploads per person, across workspaces. */
export const MAX_UPLOADS_PER_USER = 5;

/** At most this many bytes of staged uploads per person: two of the largest imports (50 MB) and a document. */
export const MAX_UPLOAD_BYTES_PER_USER = 120 * 1024 * 1024;

/** An import file waits for its mapping and preview this long. */
export const IMPORT_UPLOAD_TTL_MS = 2 * 60 * 60_000;

/** A document waits for its review this long: reviewing a long document can take an afternoon. */
export const DOCUMENT_UPLOAD_TTL_MS = 24 * 60 * 60_000;

export type StagedUpload = { id: string; size: number; createdAt: Date; expiresAt: Date; isInUse: boolean };

export type QuotaPlan = { ok: true; evict: string[] } | { ok: false; message: string };

/**
 * Which of a person's uploads to delete so that one more of `incomingSize` bytes fits: the expired ones
 * first, then the oldest. Uploads in use (a queued or running import reads them) are never deleted; when
 * the new one cannot fit without them, it is refused.
 */
export function planUploadQuota(
  existing: StagedUpload[],
  incomingSize: number,
  now: Date,
  limits = { count: MAX_UPLOADS_PER_USER, bytes: MAX_UPLOAD_BYTES_PER_USER },
): QuotaPlan {
  const evict = new Set<string>();
  for (const upload of existing) if (!upload.isInUse && upload.expiresAt <= now) evict.add(upload.id);
  const candidates = existing
    .filter((u) => !u.isInUse && !evict.has(u.id))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const kept = () => existing.filter((u) => !evict.has(u.id));
  const fits = () => {
    const rest = kept();
    return (
      rest.length + 1 <= limits.count &&
      rest.reduce((sum, u) => sum + u.size, 0) + incomingSize <= limits.bytes
    );
  };
  for (const upload of candidates) {
    if (fits()) break;
    evict.add(upload.id);
  }
  if (fits()) return { ok: true, evict: [...evict] };
  return {
    ok: false,
    message: incomingSize > limits.bytes ? "uploads.quota.tooLarge" : "uploads.quota.tooMany",
  };
}
