// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// Message catalogues (messages/*.json) and the request's language: i18n/request.ts.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  // Catalogues are compiled at build time, so browsers get no ICU parser (smaller first-load JS).
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const isProduction = process.env.NODE_ENV === "production";

// The Content-Security-Policy is set per request, with a nonce, by proxy.ts (lib/csp.ts builds it).

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(isProduction
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image sets NEXT_OUTPUT=standalone; `npm start` uses the regular build.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx for members whose role does not allow a page.
  // Server actions only get small bodies: files (imports up to 50 MB, documents up to 10 MB) are uploaded
  // to route handlers that authorize before reading and stream with a hard cap (lib/server/http.ts). The
  // largest action body is "create a tracker from a document": titles and offsets of up to 5,000
  // recommendations (the document stays on the server), capped at 1.9 MB by its schema
  // (lib/documents/limits.ts), hence 2 MB. Anything bigger is refused before an action runs.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" } },
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Every page refuses framing, except a public scorecard's embed (lib/csp.ts isEmbeddablePath), whose CSP
      // sets frame-ancestors * instead.
      { source: "/((?!p/[^/]+/[^/]+/embed$).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
