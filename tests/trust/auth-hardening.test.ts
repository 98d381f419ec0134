import { describe, expect, it, vi } from "vitest";
import { reportFigure } from "../support/trust-report";
import { newUser } from "../support/fixtures";
import { checkLogin } from "@/lib/accounts/mutations";
import { THROTTLE } from "@/lib/server/throttle";
import fs from "node:fs";
import path from "node:path";
import { NewPasswordSchema } from "@/lib/accounts/schemas";
import { passwordWeakness } from "@/lib/accounts/password-strength";

/** The top 1,000 of a public breached-password list (tests/fixtures), comment lines removed. */
const breached = fs
  .readFileSync(path.join(process.cwd(), "tests/fixtures/breached-passwords-top-1000.txt"), "utf8")
  .split("\n")
  .filter((line) => line && !line.startsWith("#"));

/** What the server accepts as a new password: the shared schema (length), then the strength check. */
const isAccepted = (password: string) =>
  NewPasswordSchema.safeParse(password).success && passwordWeakness(password) === null;

// Record the password verifications a sign-in runs (the hash each one checks, and how long it takes) while
// delegating to the real argon2: the structural half of the timing check.
const argon2Log = vi.hoisted(() => ({ calls: [] as { hash: string; ms: number }[] }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  const hashText = (hash: string | Uint8Array) =>
    typeof hash === "string" ? hash : Buffer.from(hash).toString();
  const verify: typeof actual.verify = async (hash, ...rest) => {
    const started = performance.now();
    try {
      return await actual.verify(hash, ...rest);
    } finally {
      argon2Log.calls.push({ hash: hashText(hash), ms: performance.now() - started });
    }
  };
  const verifySync: typeof actual.verifySync = (hash, ...rest) => {
    const started = performance.now();
    try {
      return actual.verifySync(hash, ...rest);
    } finally {
      argon2Log.calls.push({ hash: hashText(hash), ms: performance.now() - started });
    }
  };
  return { ...actual, verify, verifySync };
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** "argon2id$v=19$m=19456,t=2,p=1" from a PHC string: the cost of verifying against that hash. */
const costOf = (hash: string) => hash.split("$").slice(1, 4).join("$");

/** Runs one sign-in attempt: its time, its answer, and the argon2 verifications it ran. */
async function attempt(run: () => Promise<unknown>) {
  argon2Log.calls = [];
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  const calls = argon2Log.calls;
  return {
    ms,
    result,
    hashes: calls.map((call) => call.hash),
    argon2Ms: calls.reduce((total, call) => total + call.ms, 0),
  };
}

/** Wrong-password samples per account: below the account limit, so none of them is throttled. */
const PER_ACCOUNT = THROTTLE.maxPerAccount - 1;
const ACCOUNTS = 4;
const SAMPLES = PER_ACCOUNT * ACCOUNTS;
/**
 * Bounds on the ratio of median times, unknown email / wrong password. Without the dummy hash an unknown email
 * runs no argon2 at all: its argon2 time is 0 (ratio 0), and its whole answer took ~0.25× as long here (the
 * throttle queries remain), which the structural checks catch. Scheduling noise on a busy 2-core machine
 * moved a median ratio of 4 samples to 3.4, so the bounds are wide: they still catch ratio 0 and 100×.
 */
const RATIO_BOUNDS = [0.1, 10] as const;

describe("authentication hardening", () => {
  it("answers an unknown email and a wrong password alike, with the same hash work, and throttles both", async () => {
    const accounts = await Promise.all(Array.from({ length: ACCOUNTS }, () => newUser("timing")));
    // The first unknown email also computes the dummy hash once: not a sample.
    await checkLogin(`warm-up-${Date.now()}@it.test`, "not the password", "198.18.3.1");

    const unknown: Awaited<ReturnType<typeof attempt>>[] = [];
    const wrong: Awaited<ReturnType<typeof attempt>>[] = [];
    // Interleave the two, each from its own address so that neither is throttled while measuring.
    for (let i = 0; i < SAMPLES; i++) {
      const account = accounts[i % ACCOUNTS]!;
      unknown.push(
        await attempt(() =>
          checkLogin(`nobody-${i}-${Date.now()}@it.test`, "not the password", `198.18.0.${i}`),
        ),
      );
      wrong.push(await attempt(() => checkLogin(account.email, "not the password", `198.18.1.${i}`)));
    }
    const answers = new Set([...unknown, ...wrong].map((a) => JSON.stringify(a.result)));

    // Structure: each attempt verifies exactly one argon2 hash, of the same cost, whether the account exists.
    const verificationsUnknown = new Set(unknown.map((a) => a.hashes.length));
    const verificationsWrong = new Set(wrong.map((a) => a.hashes.length));
    const costsUnknown = new Set(unknown.flatMap((a) => a.hashes.map(costOf)));
    const costsWrong = new Set(wrong.flatMap((a) => a.hashes.map(costOf)));
    const isSameWork =
      verificationsUnknown.size === 1 &&
      verificationsUnknown.has(1) &&
      verificationsWrong.size === 1 &&
      verificationsWrong.has(1) &&
      costsWrong.size === 1 &&
      [...costsUnknown].join() === [...costsWrong].join();

    const medianUnknown = median(unknown.map((a) => a.ms));
    const medianWrong = median(wrong.map((a) => a.ms));
    const ratio = medianUnknown / medianWrong;
    const argon2Unknown = median(unknown.map((a) => a.argon2Ms));
    const argon2Wrong = median(wrong.map((a) => a.argon2Ms));
    const argon2Ratio = argon2Unknown / argon2Wrong;
    const isWithin = (value: number) => value > RATIO_BOUNDS[0] && value < RATIO_BOUNDS[1];

    // Throttling: maxPerAccount failures lock the account, even for the right password.
    const throttled = await newUser("throttle");
    for (let i = 0; i < THROTTLE.maxPerAccount; i++) {
      await checkLogin(throttled.email, "not the password", `198.18.2.${i}`);
    }
    const locked = await checkLogin(throttled.email, "integration passphrase", "198.18.2.200");

    const weak = breached.filter(isAccepted).length;
    const longEnough = breached.filter((p) => NewPasswordSchema.safeParse(p).success).length;
    const shown = (values: Set<number | string>) => [...values].join("/") || "none";
    const figure =
      `same answer ${answers.size === 1 ? "yes" : "no"}; ` +
      `argon2 verifications per attempt unknown ${shown(verificationsUnknown)} vs wrong password ${shown(verificationsWrong)}, same cost ${isSameWork ? "yes" : "no"} (${shown(costsUnknown)}); ` +
      `median time unknown ${medianUnknown.toFixed(0)} ms vs wrong password ${medianWrong.toFixed(0)} ms (ratio ${ratio.toFixed(2)}, ${SAMPLES} samples each), ` +
      `of which argon2 ${argon2Unknown.toFixed(0)} ms vs ${argon2Wrong.toFixed(0)} ms (ratio ${argon2Ratio.toFixed(2)}); ` +
      `throttled after ${THROTTLE.maxPerAccount} failures ${!locked.ok && locked.reason === "rate_limited" ? "yes" : "no"}; ` +
      `weak passwords accepted ${weak} of ${breached.length} breached (${longEnough} long enough to pass the length rule)`;
    console.log(`auth hardening: ${figure}`);
    const pass =
      answers.size === 1 &&
      isSameWork &&
      isWithin(ratio) &&
      isWithin(argon2Ratio) &&
      !locked.ok &&
      locked.reason === "rate_limited" &&
      weak === 0;
    reportFigure("Authentication hardening", figure, pass);

    expect(answers).toEqual(new Set([JSON.stringify({ ok: false, reason: "invalid" })]));
    // An unknown email must run the same argon2 verification as a wrong password (the dummy hash)…
    expect(verificationsWrong).toEqual(new Set([1]));
    expect(verificationsUnknown).toEqual(new Set([1]));
    expect(costsWrong.size).toBe(1);
    expect(costsUnknown).toEqual(costsWrong);
    // …and so spend about as long in it, and answer in about the same time (loose bounds: see RATIO_BOUNDS).
    expect(argon2Ratio).toBeGreaterThan(RATIO_BOUNDS[0]);
    expect(argon2Ratio).toBeLessThan(RATIO_BOUNDS[1]);
    expect(ratio).toBeGreaterThan(RATIO_BOUNDS[0]);
    expect(ratio).toBeLessThan(RATIO_BOUNDS[1]);
    expect(!locked.ok && locked.reason).toBe("rate_limited");
    expect(breached).toHaveLength(1000);
    expect(weak).toBe(0);
  });
});
