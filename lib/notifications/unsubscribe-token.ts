/**
 * Signed one-click unsubscribe tokens (RFC 8058): `<userId>.<kind>.<HMAC-SHA256(secret, "unsubscribe:userId:kind")>`,
 * base64url. The token is bound to one person and one kind; using it again is harmless (the preference is
 * already off), and a token whose signature does not match is refused. Pure: the caller passes the secret.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_KINDS } from "@/lib/notifications/rules";

const sign = (secret: string, userId: string, kind: string) =>
  createHmac("sha256", secret).update(`unsubscribe:${userId}:${kind}`).digest("base64url");

export function createUnsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  return `${userId}.${kind}.${sign(secret, userId, kind)}`;
}

export function verifyUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; kind: NotificationKind } | null {
  if (token.length > 200) return null;
  const [userId, kind, signature, ...rest] = token.split(".");
  if (!userId || !kind || !signature || rest.length > 0) return null;
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(sign(secret, userId, kind));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, kind: kind as NotificationKind };
}
