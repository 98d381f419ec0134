import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce, isEmbeddablePath } from "@/lib/csp";

/**
 * Gives every page its own CSP nonce. Next.js reads the policy from the request headers and puts the nonce
 * on its scripts; the browser gets the same policy on the response. Not a security boundary for data:
 * authorization lives in lib/server (pages and actions), never here.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, {
    isDevelopment: process.env.NODE_ENV === "development",
    isEmbeddable: isEmbeddablePath(request.nextUrl.pathname),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages and route handlers; not the build's static files, which carry no inline script.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
