import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localizeMessage, type RootTranslator } from "@/lib/i18n/localize";
import { getCurrentUser } from "@/lib/server/auth/session";
import { requireMembership, type MembershipContext } from "@/lib/server/authz";
import { DalError, type DalErrorCode } from "@/lib/server/errors";
import { BoundedTaskError } from "@/lib/server/sandbox";
import type { Permission } from "@/lib/permissions";

/**
 * Plumbing for JSON route handlers (uploads, job progress): the same authorization as server actions, but
 * answered with HTTP statuses and `{ error }` bodies instead of redirects and ActionResults. Nothing in an
 * error body comes from an exception the code did not throw on purpose: no stack, no SQL.
 */

/** An expected failure of a route handler, with its HTTP status. */
export class HttpError extends Error {
  constructor(
    public readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    /** A catalogue key (or translated text): jsonRoute answers it in the request's language. */
    message: string,
    public readonly values?: Record<string, string | number>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

const DAL_STATUS: Record<DalErrorCode, HttpError["status"]> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID: 400,
  RATE_LIMITED: 429,
};

/** message: a catalogue key (translated here, in the request's language) or text already translated. */
export async function jsonError(
  status: number,
  message: string,
  values?: Record<string, string | number>,
): Promise<Response> {
  const t = (await getTranslations()) as unknown as RootTranslator;
  return Response.json(
    { error: localizeMessage(t, message, values) },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

/** Runs a route handler's work and turns expected errors into JSON answers; anything else is a logged 500. */
export async function jsonRoute(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof HttpError) return jsonError(error.status, error.message, error.values);
    if (error instanceof DalError) return jsonError(DAL_STATUS[error.code], error.message, error.values);
    if (error instanceof BoundedTaskError && error.reason === "BUSY") return jsonError(503, error.message);
    console.error("[api] unexpected error", error);
    return jsonError(500, "errors.unexpected");
  }
}

/**
 * Refuses a cross-site POST (403), as Next.js does for server actions: when the browser names an Origin,
 * its host must be this app's (Host, or X-Forwarded-Host behind a proxy). SameSite=Lax cookies already keep
 * other sites' requests unauthenticated; this holds even for a replayed cookie.
 */
export function requireSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new HttpError(403, "errors.http.crossSite");
  }
  const allowed = [request.headers.get("x-forwarded-host"), request.headers.get("host")].filter(Boolean);
  if (!allowed.includes(host)) throw new HttpError(403, "errors.http.crossSite");
}

/**
 * Who is calling, before anything else is read: 401 without a valid session, 404 for a workspace the
 * user is not a member of (exactly like one that does not exist), 403 for a member without `permission`.
 */
export async function requireApiMembership(
  workspaceSlug: string,
  permission: Permission,
): Promise<MembershipContext> {
  const user = await getCurrentUser();
  if (!user) throw new HttpError(401, "errors.http.signIn");
  return requireMembership(workspaceSlug, permission);
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const tooLargeError = (maxBytes: number) =>
  new HttpError(413, "errors.http.tooLarge", { mb: megabytes(maxBytes) });

/** The declared Content-Length (null when absent); 413 when it is over `maxBytes`, before anything is read. */
export function declaredLength(request: Request, maxBytes: number): number | null {
  const declared = request.headers.get("content-length");
  if (declared === null) return null;
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) throw new HttpError(400, "errors.http.badLength");
  if (length > maxBytes) throw tooLargeError(maxBytes);
  return length;
}

/**
 * Reads a request body of at most `maxBytes`: a declared Content-Length above the cap is refused before
 * reading, and a body that grows past it (no or false Content-Length) is cancelled at the first chunk over
 * the cap, so no more than `maxBytes` is ever held.
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Buffer> {
  declaredLength(request, maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** The uploaded file's name, from the `name` query parameter (the body is the file itself). */
export function uploadFileName(request: Request): string {
  const name = new URL(request.url).searchParams.get("name")?.trim() ?? "";
  if (!name) throw new HttpError(400, "errors.http.noFileName");
  // Path parts and control characters never reach storage or headers.
  const base = name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, "");
  if (!base) throw new HttpError(400, "errors.http.noFileName");
  return base.slice(0, 255);
}
