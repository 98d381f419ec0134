import "server-only";
/**
 * The client address as seen by the nearest proxy. Next.js appends the socket address to
 * X-Forwarded-For, so the last entry is the one a client cannot forge.
 */
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  return last || headers.get("x-real-ip") || "unknown";
}
