/**
 * The Content-Security-Policy, built in one place (proxy.ts sets it on every page). Scripts run only with
 * this response's nonce (Next.js puts it on its own scripts when it reads the policy from the request), so
 * an injected <script> or inline handler never runs; 'strict-dynamic' lets those scripts load the app's
 * chunks. Styles keep 'unsafe-inline' (React style attributes and Radix positioning need it; CSS cannot run
 * code). 'unsafe-eval' only for the development server's tooling.
 */
export function contentSecurityPolicy(nonce: string, { isDevelopment }: { isDevelopment: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
