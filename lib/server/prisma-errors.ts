import "server-only";

/** True when `error` is a unique-constraint violation (Prisma P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

const WRITE_CONFLICT_STATES = ["40001", "40P01"];

/**
 * True when PostgreSQL aborted the transaction for a deadlock (40P01) or a serialization failure (40001):
 * Prisma P2034 from a model query, P2010 carrying the SQLSTATE from a raw one. The whole transaction was
 * rolled back, so running it again is safe.
 */
export function isWriteConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
  };
  const state = String(meta?.driverAdapterError?.cause?.originalCode ?? "");
  return code === "P2034" || (code === "P2010" && WRITE_CONFLICT_STATES.includes(state));
}
