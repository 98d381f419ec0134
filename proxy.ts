import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce, isEmbeddablePath } from "@/lib/csp";
import { isPublished } from "@/lib/publishing/queries";

/**
 * Gives every page its own CSP nonce. Next.js reads the policy from the request headers and puts the nonce
 * on its scripts; the browser gets the same policy on the response. Not a security boundary for data:
 * authorization lives in lib/server (pages and actions), never here.
 */
export async function proxy(request: NextRequest) {
  // Public scorecards: one indexed read of the publication before anything renders, so an unpublished
  // scorecard answers 404 to every kind of request (an RSC request for a page that calls notFound() would
  // otherwise get a 200 carrying the not-found payload). The pages check again themselves.
  const scorecard = /^\/p\/([^/]+)\/([^/]+)(?:\/|$)/.exec(request.nextUrl.pathname);
  if (scorecard && !(await isPublished(scorecard[1]!, scorecard[2]!)))
    return new NextResponse(
      "<!doctype html><meta charset=utf-8><title>Not found</title><p>This page is not published.</p>",
      { status: 404, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } },
    );
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
