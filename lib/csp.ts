/**
 * The Content-Security-Policy, built in one place (proxy.ts sets it on every page). Scripts run only with
 * this response's nonce (Next.js puts it on its own scripts when it reads the policy from the request), so
 * an injected <script> or inline handler never runs; 'strict-dynamic' lets those scripts load the app's
 * chunks. Styles keep 'unsafe-inline' (React style attributes and Radix positioning need it; CSS cannot run
 * code). 'unsafe-eval' only for the development server's tooling.
 */
export function contentSecurityPolicy(
  nonce: string,
  { isDevelopment, isEmbeddable = false }: { isDevelopment: boolean; isEmbeddable?: boolean },
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // Only the public scorecard's embed may be framed, by any site (isEmbeddablePath).
    isEmbeddable ? "frame-ancestors *" : "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** The one URL other sites may put in an iframe: a public scorecard's embed, /p/<workspace>/<tracker>/embed. */
export function isEmbeddablePath(pathname: string): boolean {
  const parts = pathname.split("/");
  return parts.length === 5 && parts[1] === "p" && parts[4] === "embed" && !!parts[2] && !!parts[3];
}

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
