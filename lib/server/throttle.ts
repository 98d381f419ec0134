import "server-only";
import { db } from "@/lib/server/db";

/** Failed sign-ins allowed per window; stored in Postgres so the limit holds across app instances. */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxPerAccount: 5,
  maxPerIp: 30,
} as const;

export type ThrottleState = { isLimited: boolean; retryAfterMinutes: number };

export async function getLoginThrottle(email: string, ip: string): Promise<ThrottleState> {
  const since = new Date(Date.now() - THROTTLE.windowMs);
  const [account, address] = await Promise.all([
    db.loginFailure.findMany({
      where: { scope: "ACCOUNT", key: email, createdAt: { gte: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.loginFailure.findMany({
      where: { scope: "IP", key: ip, createdAt: { gte: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const blocking =
    account.length >= THROTTLE.maxPerAccount
      ? account[account.length - THROTTLE.maxPerAccount]
      : address.length >= THROTTLE.maxPerIp
        ? address[address.length - THROTTLE.maxPerIp]
        : undefined;
  if (!blocking) return { isLimited: false, retryAfterMinutes: 0 };
  const retryAt = blocking.createdAt.getTime() + THROTTLE.windowMs;
  return { isLimited: true, retryAfterMinutes: Math.max(1, Math.ceil((retryAt - Date.now()) / 60_000)) };
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  await db.loginFailure.createMany({
    data: [
      { scope: "ACCOUNT", key: email },
      { scope: "IP", key: ip },
    ],
  });
  // Keep the table small: drop rows older than a day now and then.
  if (Math.random() < 0.02) {
    await db.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 86_400_000) } } });
  }
}

export async function clearAccountFailures(email: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { scope: "ACCOUNT", key: email } });
}
