import "server-only";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";

/**
 * Rate limits, stored in PostgreSQL (RateLimitHit) so that they hold across app instances.
 *
 * Two kinds:
 * - **Backoff** (per account, per user's current-password checks): the first failures are free, then
 *   each further failure doubles the wait before the next attempt, up to a cap. A stranger can slow an
 *   account down but never lock its owner out for longer than the cap, and a successful sign-in,
 *   password change or password reset clears it.
 * - **Windowed counts** (per client address for failed sign-ins; per address and per client for
 *   emails): at most `max` hits in a sliding window.
 */
export const LOGIN = {
  /** Failed sign-ins per client address per window: a hard limit (one address cannot spray accounts). */
  ipWindowMs: 15 * 60 * 1000,
  maxPerIp: 30,
} as const;

export const BACKOFF = {
  /** Failures before the first wait. */
  freeFailures: 5,
  /** The wait after the last free failure; doubles with each further failure… */
  baseMs: 30 * 1000,
  /** …up to this cap: the most a stranger can make the owner wait. */
  maxMs: 15 * 60 * 1000,
  /** Failures older than this are forgotten. */
  memoryMs: 24 * 60 * 60 * 1000,
} as const;

/** Backward-compatible names used by tests and docs. */
export const THROTTLE = {
  windowMs: LOGIN.ipWindowMs,
  maxPerAccount: BACKOFF.freeFailures,
  maxPerIp: LOGIN.maxPerIp,
} as const;

export type Limit = { bucket: string; max: number; windowMs: number };

const HOUR = 60 * 60 * 1000;

/** Email limits: per address (whether or not it has an account) and per client address. */
export const MAIL_LIMITS = {
  resetPerAddress: { bucket: "mail.reset.address", max: 3, windowMs: HOUR },
  signUpPerAddress: { bucket: "mail.signup.address", max: 3, windowMs: HOUR },
  invitePerAddress: { bucket: "mail.invite.address", max: 3, windowMs: HOUR },
  invitePerIp: { bucket: "mail.invite.ip", max: 50, windowMs: HOUR },
  /** Sign-up and reset emails share one per-client budget (ACCOUNT_EMAILS_PER_IP_PER_HOUR, default 20). */
  accountPerIp: (): Limit => ({
    bucket: "mail.account.ip",
    max: env().ACCOUNT_EMAILS_PER_IP_PER_HOUR,
    windowMs: HOUR,
  }),
} as const;

export type ThrottleState = { isLimited: boolean; retryAfterMinutes: number };

const OPEN: ThrottleState = { isLimited: false, retryAfterMinutes: 0 };

const minutesUntil = (at: number) => Math.max(1, Math.ceil((at - Date.now()) / 60_000));

/** The wait after `failures` failures in a row: 0 while free, then base · 2^(n − free), capped. */
export function backoffDelayMs(failures: number): number {
  if (failures < BACKOFF.freeFailures) return 0;
  return Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** (failures - BACKOFF.freeFailures));
}

async function backoffState(bucket: string, key: string): Promise<ThrottleState> {
  const since = new Date(Date.now() - BACKOFF.memoryMs);
  const where = { bucket, key, createdAt: { gte: since } };
  const [failures, last] = await Promise.all([
    db.rateLimitHit.count({ where }),
    db.rateLimitHit.findFirst({ where, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
  ]);
  const delay = backoffDelayMs(failures);
  if (!last || delay === 0) return OPEN;
  const retryAt = last.createdAt.getTime() + delay;
  return retryAt > Date.now() ? { isLimited: true, retryAfterMinutes: minutesUntil(retryAt) } : OPEN;
}

async function windowState(limit: Limit, key: string): Promise<ThrottleState> {
  const hits = await db.rateLimitHit.findMany({
    where: { bucket: limit.bucket, key, createdAt: { gte: new Date(Date.now() - limit.windowMs) } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: limit.max,
  });
  if (hits.length < limit.max) return OPEN;
  const oldest = hits[hits.length - 1]!;
  return { isLimited: true, retryAfterMinutes: minutesUntil(oldest.createdAt.getTime() + limit.windowMs) };
}

const loginIpLimit: Limit = { bucket: "login.ip", max: LOGIN.maxPerIp, windowMs: LOGIN.ipWindowMs };

/** May this sign-in attempt be checked? (Per-address hard limit, then per-account backoff.) */
export async function getLoginThrottle(email: string, ip: string): Promise<ThrottleState> {
  const [address, account] = await Promise.all([
    windowState(loginIpLimit, ip),
    backoffState("login.account", email),
  ]);
  return address.isLimited ? address : account;
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  await db.rateLimitHit.createMany({
    data: [
      { bucket: "login.account", key: email },
      { bucket: "login.ip", key: ip },
    ],
  });
  await sweepNowAndThen();
}

/** After a successful sign-in or a password reset: the account's failures no longer slow it down. */
export async function clearAccountFailures(email: string): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { bucket: "login.account", key: email } });
}

/** Current-password checks (change password), per user: the same backoff as sign-in. */
export const getPasswordCheckThrottle = (userId: string) => backoffState("password.user", userId);

export async function recordPasswordCheckFailure(userId: string): Promise<void> {
  await db.rateLimitHit.create({ data: { bucket: "password.user", key: userId } });
}

export async function clearPasswordCheckFailures(userId: string): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { bucket: "password.user", key: userId } });
}

export type ConsumeResult = { ok: true } | { ok: false; limit: Limit; retryAfterMinutes: number };

/**
 * Counts one hit against each limit, or none if any limit is already full. Lock-free and safe across
 * instances: each hit is inserted first, then the window is counted including it; a request that
 * finds a window over its limit removes its own hits. Concurrent requests can only over-count (refuse
 * one too many), never let more than `max` through.
 */
export async function consumeLimits(entries: { limit: Limit; key: string }[]): Promise<ConsumeResult> {
  const now = Date.now();
  const created = await db.rateLimitHit.createManyAndReturn({
    data: entries.map(({ limit, key }) => ({ bucket: limit.bucket, key })),
    select: { id: true },
  });
  const counts = await Promise.all(
    entries.map(({ limit, key }) =>
      db.rateLimitHit.findMany({
        where: { bucket: limit.bucket, key, createdAt: { gte: new Date(now - limit.windowMs) } },
        select: { createdAt: true },
        orderBy: { createdAt: "desc" },
        take: limit.max + 1,
      }),
    ),
  );
  const overIndex = counts.findIndex((hits, i) => hits.length > entries[i]!.limit.max);
  if (overIndex === -1) {
    await sweepNowAndThen();
    return { ok: true };
  }
  await db.rateLimitHit.deleteMany({ where: { id: { in: created.map((row) => row.id) } } });
  const { limit } = entries[overIndex]!;
  const hits = counts[overIndex]!;
  const oldest = hits[Math.min(hits.length, limit.max) - 1]!;
  return { ok: false, limit, retryAfterMinutes: minutesUntil(oldest.createdAt.getTime() + limit.windowMs) };
}

/** Keep the table small: drop hits older than any window now and then. */
async function sweepNowAndThen(): Promise<void> {
  if (Math.random() < 0.02) {
    await db.rateLimitHit.deleteMany({
      where: { createdAt: { lt: new Date(Date.now() - BACKOFF.memoryMs - 60_000) } },
    });
  }
}
