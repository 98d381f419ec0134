import { NextResponse, type NextRequest } from "next/server";
import { createTranslator } from "next-intl";
import { contentSecurityPolicy, createNonce, isEmbeddablePath } from "@/lib/csp";
import { isPublished } from "@/lib/publishing/queries";
import { directionOf, LOCALE_COOKIE, type RequestLocale } from "@/i18n/locales";
import { loadMessages } from "@/i18n/messages";
import { chooseLocale } from "@/i18n/negotiate";
import { env } from "@/lib/server/env";

/** The language of a response made here, before next-intl runs (no user yet: the cookie mirrors their choice). */
const proxyLocale = (request: NextRequest): RequestLocale =>
  chooseLocale({
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get("accept-language"),
    pseudoEnabled: env().PSEUDO_LOCALE,
  });

const escapeHtml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** The 404 page of an unpublished scorecard, in the visitor's language. i18n-keys: publicScorecard.notFound.* */
async function notPublishedPage(request: NextRequest): Promise<NextResponse> {
  const locale = proxyLocale(request);
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "publicScorecard.notFound",
  });
  const html =
    `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><meta charset=utf-8>` +
    `<meta name=viewport content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(t("title"))}</title><p>${escapeHtml(t("body"))}</p></html>`;
  return new NextResponse(html, {
    status: 404,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Language": locale,
      Vary: "Accept-Language, Cookie",
    },
  });
}

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
  if (scorecard && !(await isPublished(scorecard[1]!, scorecard[2]!))) return notPublishedPage(request);
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
