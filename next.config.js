// @ts-check
const isProduction = process.env.NODE_ENV === "production";

// The Content-Security-Policy is set per request, with a nonce, by proxy.ts (lib/csp.ts builds it).

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
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
  // Imports (CSV/JSON up to 50 MB) and documents (10 MB) are uploaded through server actions.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "60mb" } },
  serverExternalPackages: ["@node-rs/argon2", "pg"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
