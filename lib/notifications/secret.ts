import "server-only";
import { env } from "@/lib/server/env";

/** The key that signs unsubscribe links: AUTH_SECRET (required in production); a fixed key in development. */
export function unsubscribeSecret(): string {
  const { AUTH_SECRET, NODE_ENV } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === "production") throw new Error("AUTH_SECRET is required to sign unsubscribe links");
  return "development-only-unsubscribe-secret";
}
