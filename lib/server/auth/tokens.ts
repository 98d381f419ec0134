import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A URL-safe random token (sent to the user) and its SHA-256 (stored), so a database leak reveals no live link. */
export function createToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
