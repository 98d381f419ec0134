import { trimEndOf } from "@/lib/text";
/**
 * Addresses no workspace may take: app routes and words that would confuse. The server answers a reserved
 * address exactly like one another workspace holds ("unavailable"), so the answer tells a stranger nothing
 * about which workspaces exist.
 */
export const RESERVED_SLUGS = new Set([
  "new",
  "api",
  "admin",
  "administrator",
  "settings",
  "app",
  "www",
  "w",
  "invite",
  "account",
  "sign-in",
  "sign-up",
  "login",
  "logout",
  "help",
  "support",
  "about",
  "public",
  "static",
  "status",
  "security",
  "docs",
  "demo",
]);

/** Other addresses to offer when one is unavailable, best first. */
export function slugCandidates(slug: string, year = new Date().getFullYear()): string[] {
  const base = trimEndOf(slug.slice(0, 34), "-");
  return [
    `${base}-org`,
    `${base}-${year}`,
    `${base}-team`,
    `${base}-hq`,
    ...[2, 3, 4, 5].map((n) => `${base}-${n}`),
  ];
}
