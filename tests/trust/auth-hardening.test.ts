import { describe, expect, it } from "vitest";
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(run: () => Promise<unknown>) {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

describe("authentication hardening", () => {
  it("answers an unknown email and a wrong password alike, in similar time, and throttles both", async () => {
    const user = await newUser("timing");
    const unknown: number[] = [];
    const wrong: number[] = [];
    const answers = new Set<string>();
    // Interleave the two, each from its own address so that neither is throttled while measuring.
    for (let i = 0; i < 8; i++) {
      const a = await timed(() =>
        checkLogin(`nobody-${i}-${Date.now()}@it.test`, "not the password", `198.18.0.${i}`),
      );
      const b = await timed(() => checkLogin(user.email, "not the password", `198.18.1.${i}`));
      unknown.push(a.ms);
      wrong.push(b.ms);
      answers.add(JSON.stringify(a.result));
      answers.add(JSON.stringify(b.result));
      if (i === THROTTLE.maxPerAccount - 2) break; // stay under the account limit for the real user
    }
    const ratio = median(unknown) / median(wrong);
    const limited = await checkLogin(user.email, "not the password either", "198.18.2.1");
    const locked = await checkLogin(user.email, "integration passphrase", "198.18.2.2");
    const weak = breached.filter(isAccepted).length;
    const longEnough = breached.filter((p) => NewPasswordSchema.safeParse(p).success).length;
    const figure = `same answer ${answers.size === 1 ? "yes" : "no"}; median time unknown ${median(unknown).toFixed(0)} ms vs wrong password ${median(wrong).toFixed(0)} ms (ratio ${ratio.toFixed(2)}); throttled after ${THROTTLE.maxPerAccount} failures ${!locked.ok && locked.reason === "rate_limited" ? "yes" : "no"}; weak passwords accepted ${weak} of ${breached.length} breached (${longEnough} long enough to pass the length rule)`;
    console.log(`auth hardening: ${figure}`);
    const pass =
      answers.size === 1 &&
      ratio > 0.4 &&
      ratio < 2.5 &&
      !locked.ok &&
      locked.reason === "rate_limited" &&
      weak === 0;
    reportFigure("Authentication hardening", figure, pass);
    expect(answers).toEqual(new Set([JSON.stringify({ ok: false, reason: "invalid" })]));
    expect(ratio).toBeGreaterThan(0.4); // without the dummy hash an unknown email answers ~100× faster
    expect(ratio).toBeLessThan(2.5);
    expect(limited.ok).toBe(false);
    expect(!locked.ok && locked.reason).toBe("rate_limited");
    expect(breached).toHaveLength(1000);
    expect(weak).toBe(0);
  });
});
