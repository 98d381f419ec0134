import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import {
  changePassword,
  checkLogin,
  completeSignUp,
  createUser,
  requestPasswordReset,
  requestSignUp,
  resetPassword,
} from "@/lib/accounts/mutations";
import { drainAccountMail } from "@/lib/accounts/mail-jobs";
import { getResetTokenState } from "@/lib/accounts/queries";
import { BACKOFF, LOGIN, MAIL_LIMITS, backoffDelayMs } from "@/lib/server/throttle";
import { mailTo, sentMail, tokenFrom } from "../support/captured-mail";

vi.mock("@/lib/server/mail", () => import("../support/captured-mail"));

let n = 0;
const email = (label: string) => `${label}-${Date.now()}-${++n}@it.test`;
const ip = () => `198.51.100.${(++n % 250) + 1}`;
const PASSWORD = "integration passphrase";

async function errorOf(promise: Promise<unknown>): Promise<DalError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DalError);
  return error as DalError;
}

/** Moves every rate-limit hit of `key` back in time, as if `ms` had passed. */
const age = (key: string, ms: number) =>
  db.$executeRaw`UPDATE "RateLimitHit" SET "createdAt" = "createdAt" - make_interval(secs => ${ms / 1000}) WHERE key = ${key}`;

describe("per-account backoff", () => {
  it("doubles the wait after the free failures, caps it, and never locks for longer than the cap", () => {
    expect(backoffDelayMs(BACKOFF.freeFailures - 1)).toBe(0);
    expect(backoffDelayMs(BACKOFF.freeFailures)).toBe(BACKOFF.baseMs);
    expect(backoffDelayMs(BACKOFF.freeFailures + 1)).toBe(BACKOFF.baseMs * 2);
    expect(backoffDelayMs(BACKOFF.freeFailures + 100)).toBe(BACKOFF.maxMs);
  });

  it("slows an account after five failures, lets its owner in once the wait has passed", async () => {
    const user = await createUser({ name: "Backoff", email: email("backoff"), password: PASSWORD });
    for (let i = 0; i < BACKOFF.freeFailures; i++) await checkLogin(user.email, "wrong", ip());
    const slowed = await checkLogin(user.email, PASSWORD, ip());
    expect(!slowed.ok && slowed.reason).toBe("rate_limited");
    await age(user.email, BACKOFF.baseMs + 1000);
    expect((await checkLogin(user.email, PASSWORD, ip())).ok).toBe(true);
    // Success clears the account's failures: the next wrong password is free again.
    expect(await db.rateLimitHit.count({ where: { bucket: "login.account", key: user.email } })).toBe(0);
  });

  it("a password reset lifts the slow-down at once", async () => {
    const user = await createUser({ name: "Reset lifts", email: email("lift"), password: PASSWORD });
    for (let i = 0; i < 12; i++) {
      await checkLogin(user.email, "wrong", ip());
      await age(user.email, BACKOFF.maxMs); // a patient stranger: every attempt counts
    }
    await checkLogin(user.email, "wrong", ip());
    expect((await checkLogin(user.email, PASSWORD, ip())).ok).toBe(false);
    await requestPasswordReset(user.email, ip());
    await drainAccountMail();
    const token = tokenFrom(mailTo(user.email).at(-1)!.text, "/reset-password/");
    await resetPassword(token, "a fresh passphrase for lifting");
    expect((await checkLogin(user.email, "a fresh passphrase for lifting", ip())).ok).toBe(true);
  });

  it("keeps the hard per-address limit", async () => {
    const address = ip();
    for (let i = 0; i < LOGIN.maxPerIp; i++) await checkLogin(email("spray"), "guess", address);
    const user = await createUser({ name: "Innocent", email: email("innocent"), password: PASSWORD });
    const result = await checkLogin(user.email, PASSWORD, address);
    expect(!result.ok && result.reason).toBe("rate_limited");
  });
});

describe("change password", () => {
  it("backs off guesses of the current password, per user", async () => {
    const user = await createUser({ name: "Changer", email: email("change"), password: PASSWORD });
    for (let i = 0; i < BACKOFF.freeFailures; i++) {
      const error = await errorOf(changePassword(user.id, `guess ${i}`, "a new passphrase here"));
      expect(error.code).toBe("INVALID");
    }
    // Even the right current password waits now: guesses cannot be told from the answer.
    const limited = await errorOf(changePassword(user.id, PASSWORD, "a new passphrase here"));
    expect(limited.code).toBe("RATE_LIMITED");
    await age(user.id, BACKOFF.baseMs + 1000);
    await changePassword(user.id, PASSWORD, "a new passphrase here");
    expect((await checkLogin(user.email, "a new passphrase here", ip())).ok).toBe(true);
  });

  it("refuses a weak new password with a field error", async () => {
    const user = await createUser({ name: "Weak", email: email("weak"), password: PASSWORD });
    const error = await errorOf(changePassword(user.id, PASSWORD, "password123"));
    expect(error.fieldErrors?.password?.[0]).toMatch(/^accounts\.weakPassword\./);
  });
});

describe("account emails", () => {
  it("sends at most the per-address limit of reset emails, and only the newest link works", async () => {
    const user = await createUser({ name: "Flooded", email: email("flood"), password: PASSWORD });
    for (let i = 0; i < 10; i++) await requestPasswordReset(user.email, ip());
    await drainAccountMail();
    const mails = mailTo(user.email);
    expect(mails).toHaveLength(MAIL_LIMITS.resetPerAddress.max);
    const states = await Promise.all(
      mails.map((mail) => getResetTokenState(tokenFrom(mail.text, "/reset-password/"))),
    );
    expect(states).toEqual(["used", "used", "valid"]);
    expect(
      await db.passwordResetToken.count({
        where: { userId: user.id, usedAt: null, expiresAt: { gt: new Date() } },
      }),
    ).toBe(1);
  });

  it("limits account emails per client address, and says so", async () => {
    const address = ip();
    const max = MAIL_LIMITS.accountPerIp().max;
    for (let i = 0; i < max; i++) await requestPasswordReset(email("spray"), address);
    const error = await errorOf(requestPasswordReset(email("spray"), address));
    expect(error.code).toBe("RATE_LIMITED");
  });

  it("sign-up: a new address gets a link that creates the account once", async () => {
    const address = email("newcomer");
    await requestSignUp({ name: "Newcomer", email: address, password: PASSWORD, callbackUrl: "/w/x" }, ip());
    expect(await db.user.count({ where: { email: address } })).toBe(0);
    await drainAccountMail();
    const token = tokenFrom(mailTo(address).at(-1)!.text, "/verify-email/");
    const user = await completeSignUp(token);
    expect(user?.email).toBe(address);
    expect(await completeSignUp(token)).toBeNull();
    expect((await checkLogin(address, PASSWORD, ip())).ok).toBe(true);
  });

  it("sign-up: an existing address gets an 'account exists' email and nothing changes", async () => {
    const user = await createUser({ name: "Existing", email: email("existing"), password: PASSWORD });
    await requestSignUp(
      { name: "Impostor", email: user.email, password: "another long passphrase", callbackUrl: "/" },
      ip(),
    );
    await drainAccountMail();
    const mail = mailTo(user.email).at(-1)!;
    expect(mail.subject).toMatch(/already have an/);
    expect(mail.text).not.toMatch(/verify-email/);
    expect(await db.pendingSignUp.count({ where: { email: user.email } })).toBe(0);
    expect((await checkLogin(user.email, PASSWORD, ip())).ok).toBe(true);
  });

  it("sign-up: a newer sign-up replaces the older link (nobody can hold an address)", async () => {
    const address = email("squat");
    await requestSignUp({ name: "First", email: address, password: PASSWORD, callbackUrl: "/" }, ip());
    await drainAccountMail();
    await requestSignUp({ name: "Second", email: address, password: PASSWORD, callbackUrl: "/" }, ip());
    await drainAccountMail();
    const [first, second] = mailTo(address).map((mail) => tokenFrom(mail.text, "/verify-email/"));
    expect(await completeSignUp(first!)).toBeNull();
    expect((await completeSignUp(second!))?.name).toBe("Second");
  });

  it("sign-up refuses a weak password before doing anything", async () => {
    const before = sentMail.length;
    const error = await errorOf(
      requestSignUp({ name: "Weak", email: email("weak"), password: "iloveyou1", callbackUrl: "/" }, ip()),
    );
    expect(error.fieldErrors?.password).toBeDefined();
    await drainAccountMail();
    expect(sentMail.length).toBe(before);
  });
});
