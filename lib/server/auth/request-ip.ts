import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/server/env";
import { CLIENT_IP_HEADER } from "@/lib/trust-proxy";

let hasWarned = false;

/**
 * The client's address, as established by the front server (`npm start` → scripts/lib/client-ip-server.ts)
 * from the TCP peer and TRUST_PROXY, which strips any client-sent copy of the header. App Router code
 * cannot see the socket, and Next.js keeps a client-sent X-Forwarded-For as it is, so that header is
 * never read in production.
 *
 * `next dev` has no front server: there Next.js's X-Forwarded-For (the socket address when the client
 * sent none) is used, which a client could forge — acceptable for development only.
 */
export function clientIpFrom(requestHeaders: Headers): string {
  const established = requestHeaders.get(CLIENT_IP_HEADER)?.trim();
  if (established) return established;
  if (env().NODE_ENV !== "production") {
    const last = requestHeaders
      .get("x-forwarded-for")
      ?.split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .pop();
    return last || "unknown";
  }
  if (!hasWarned) {
    hasWarned = true;
    console.warn(
      `[auth] No ${CLIENT_IP_HEADER} header: start the app with \`npm start\` (scripts/start.ts), which establishes the client address. Until then every client shares one per-IP limit.`,
    );
  }
  return "unknown";
}

/** The client address of the current request (server actions); "unknown" outside a request. */
export async function requestIp(): Promise<string> {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return "unknown";
  }
  return clientIpFrom(requestHeaders);
}
