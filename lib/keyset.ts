/**
 * What a keyset cursor (an opaque, user-supplied URL value) may hold before it reaches SQL. Values must fit
 * the column types they are cast to: an integer outside int4 or a string PostgreSQL refuses (NUL) would make
 * the query fail (a 500) instead of the cursor being ignored.
 */
const INT4_MAX = 2_147_483_647;
const TEXT_MAX = 500;

export function isCursorInt(value: unknown): value is number {
  return Number.isSafeInteger(value) && Math.abs(value as number) <= INT4_MAX;
}

export function isCursorText(value: unknown): value is string {
  return typeof value === "string" && value.length <= TEXT_MAX && !value.includes("\u0000");
}
