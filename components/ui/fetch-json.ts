"use client";

/** What a JSON route handler answered: its data, or the error message it gave (or a connection failure). */
export type FetchResult<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

/**
 * Calls one of the app's JSON route handlers (uploads, progress). Their errors are `{ error }` with a
 * status; anything else (a proxy's HTML page, a dropped connection) becomes `fallback`.
 */
export async function fetchJson<T>(
  url: string,
  init: RequestInit,
  /** The message (in the reader's language) for a dropped connection or an answer that is not ours. */
  fallback: string,
): Promise<FetchResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin", cache: "no-store" });
  } catch {
    return { ok: false, status: 0, error: fallback };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON
  }
  if (response.ok && body !== null) return { ok: true, data: body as T };
  const message = (body as { error?: unknown } | null)?.error;
  return { ok: false, status: response.status, error: typeof message === "string" ? message : fallback };
}
