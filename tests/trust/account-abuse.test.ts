/**
 * Abuse of the account flows by a stranger: locking someone out, flooding an inbox through us, and
 * telling registered addresses from others. Real DAL and database; emails captured.
 */
import { describe, expect, it, vi } from "vitest";
import { reportFigure } from "../support/trust-report";
import { mailTo, tokenFrom } from "../support/captured-mail";
import { db } from "@/lib/server/db";
import {
  checkLogin,
  createUser,
  requestPasswordReset,
  requestSignUp,
  resetPassword,
} from "@/lib/accounts/mutations";
import { drainAccountMail } from "@/lib/accounts/mail-jobs";
import { getResetTokenState } from "@/lib/accounts/queries";
import { BACKOFF, MAIL_LIMITS, backoffDelayMs } from "@/lib/server/throttle";
import { forgotPasswordAction, signUpAction } from "@/lib/accounts/actions";
import { initialActionState } from "@/lib/action-result";

vi.mock("@/lib/server/mail", () => import("../support/captured-mail"));

let n = 0;
const email = (label: string) => `${label}-${Date.now()}-${++n}@trust.test`;
const ip = () => `192.0.2.${(++n % 250) + 1}`;
const PASSWORD = "integration passphrase";
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("account abuse", () => {
  it("lockout abuse: a stranger's failures slow an account down, boundedly, and the owner who resets gets in", async () => {
    const owner = await createUser({ name: "Target", email: email("target"), password: PASSWORD });
    // A patient stranger on many addresses: each failure when the previous wait has just passed.
    const strangerFailures = 40;
    let longestWaitMs = 0;
    for (let i = 0; i < strangerFailures; i++) {
      const result = await checkLogin(owner.email, `guess ${i}`, ip());
      expect(result.ok).toBe(false);
      const failures = await db.rateLimitHit.count({ where: { bucket: "login.account", key: owner.email } });
      const wait = backoffDelayMs(failures);
      longestWaitMs = Math.max(longestWaitMs, wait);
      await db.$executeRaw`UPDATE "RateLimitHit" SET "createdAt" = "createdAt" - make_interval(secs => ${wait / 1000 + 1}) WHERE key = ${owner.email}`;
    }
    const blockedRightAfter = await checkLogin(owner.email, "one more guess", ip());
    const meanwhile = await checkLogin(owner.email, PASSWORD, ip());
    // The owner resets (the email is theirs) and signs in at once.
    await requestPasswordReset(owner.email, ip());
    await drainAccountMail();
    await resetPassword(
      tokenFrom(mailTo(owner.email).at(-1)!.text, "/reset-password/"),
      "owner's new passphrase",
    );
    const afterReset = await checkLogin(owner.email, "owner's new passphrase", ip());
    const isBounded = longestWaitMs <= BACKOFF.maxMs;
    const figure = `stranger failures ${strangerFailures + 1}; longest wait imposed ${longestWaitMs / 60_000} min (cap ${BACKOFF.maxMs / 60_000}); owner signed in right after reset: ${afterReset.ok ? "yes" : "no"}`;
    console.log(`lockout abuse: ${figure}`);
    reportFigure("Lockout abuse", figure, isBounded && afterReset.ok && !blockedRightAfter.ok);
    expect(!meanwhile.ok && meanwhile.reason).toBe("rate_limited");
    expect(isBounded).toBe(true);
    expect(afterReset.ok).toBe(true);
  });

  it("email flood: N reset requests send at most the limit, and only the newest link is valid", async () => {
    const victim = await createUser({ name: "Inbox", email: email("inbox"), password: PASSWORD });
    const requests = 25;
    for (let i = 0; i < requests; i++) await requestPasswordReset(victim.email, ip());
    // Sign-up attempts with the same address are limited separately, the same way.
    for (let i = 0; i < requests; i++)
      await requestSignUp({ name: "Flood", email: victim.email, password: PASSWORD, callbackUrl: "/" }, ip());
    await drainAccountMail();
    const mails = mailTo(victim.email);
    const resetMails = mails.filter((mail) => mail.subject.startsWith("Reset"));
    const tokens = resetMails.map((mail) => tokenFrom(mail.text, "/reset-password/"));
    const states = await Promise.all(tokens.map((token) => getResetTokenState(token)));
    const valid = await db.passwordResetToken.count({
      where: { userId: victim.id, usedAt: null, expiresAt: { gt: new Date() } },
    });
    const isNewestValid = states.at(-1) === "valid";
    const maxMails = MAIL_LIMITS.resetPerAddress.max + MAIL_LIMITS.signUpPerAddress.max;
    const figure = `requests ${requests * 2} (reset ${requests}, sign-up ${requests}); emails sent ${mails.length} (limit ${maxMails}); valid reset links ${valid}; newest is the valid one: ${isNewestValid ? "yes" : "no"}`;
    console.log(`email flood: ${figure}`);
    reportFigure("Email flood", figure, mails.length <= maxMails && valid === 1 && isNewestValid);
    expect(resetMails.length).toBeLessThanOrEqual(MAIL_LIMITS.resetPerAddress.max);
    expect(mails.length).toBeLessThanOrEqual(maxMails);
    expect(valid).toBe(1);
    expect(isNewestValid).toBe(true);
  });

  it("enumeration: sign-up and forgot-password answer alike, in similar time, for known and unknown emails", async () => {
    const known = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createUser({ name: `Known ${i}`, email: email("known"), password: PASSWORD }),
      ),
    );
    // Same answer, through the real actions.
    const answers = new Set<string>();
    for (const address of [known[0]!.email, email("unknown")]) {
      answers.add(JSON.stringify(await forgotPasswordAction(initialActionState, form({ email: address }))));
    }
    const signUpAnswers = new Set<string>();
    for (const address of [known[1]!.email, email("unknown")]) {
      signUpAnswers.add(
        JSON.stringify(
          await signUpAction(
            initialActionState,
            form({ name: "Someone", email: address, password: PASSWORD }),
          ),
        ),
      );
    }
    await drainAccountMail();
    // Similar time: interleaved, each request from its own address (under every limit).
    const resetKnown: number[] = [];
    const resetUnknown: number[] = [];
    const signUpKnown: number[] = [];
    const signUpUnknown: number[] = [];
    for (let i = 0; i < known.length; i++) {
      resetKnown.push(await timed(() => requestPasswordReset(known[i]!.email, ip())));
      resetUnknown.push(await timed(() => requestPasswordReset(email("nobody"), ip())));
      signUpKnown.push(
        await timed(() =>
          requestSignUp(
            { name: "Again", email: known[i]!.email, password: PASSWORD, callbackUrl: "/" },
            ip(),
          ),
        ),
      );
      signUpUnknown.push(
        await timed(() =>
          requestSignUp({ name: "New", email: email("fresh"), password: PASSWORD, callbackUrl: "/" }, ip()),
        ),
      );
      await drainAccountMail();
    }
    const resetRatio = median(resetUnknown) / median(resetKnown);
    const signUpRatio = median(signUpUnknown) / median(signUpKnown);
    // The failure modes: forgot-password returned after one lookup for unknown addresses, against a
    // transaction and an SMTP round trip for known ones; sign-up refused known addresses without the
    // ~50 ms argon2 hash. Both put the ratio far outside [1/3, 3] (a lookup is a few percent of a
    // hash), while equal work keeps it near 1: a bound that needs no tight timing.
    const isSimilar = (ratio: number) => ratio > 1 / 3 && ratio < 3;
    const figure = `same answer: forgot-password ${answers.size === 1 ? "yes" : "no"}, sign-up ${signUpAnswers.size === 1 ? "yes" : "no"}; median time unknown/known: forgot-password ${median(resetUnknown).toFixed(1)}/${median(resetKnown).toFixed(1)} ms (ratio ${resetRatio.toFixed(2)}), sign-up ${median(signUpUnknown).toFixed(0)}/${median(signUpKnown).toFixed(0)} ms (ratio ${signUpRatio.toFixed(2)}); bound [0.33, 3]`;
    console.log(`enumeration: ${figure}`);
    reportFigure(
      "Account enumeration (sign-up, forgot password)",
      figure,
      answers.size === 1 && signUpAnswers.size === 1 && isSimilar(resetRatio) && isSimilar(signUpRatio),
    );
    expect(answers.size).toBe(1);
    expect(signUpAnswers.size).toBe(1);
    expect(JSON.parse([...signUpAnswers][0]!)).toMatchObject({ ok: true });
    expect(isSimilar(resetRatio)).toBe(true);
    expect(isSimilar(signUpRatio)).toBe(true);
  });
});
