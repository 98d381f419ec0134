/**
 * Adversarial inputs for every function that runs patterns over user text (tests/support/text-safety-cases.ts):
 * long runs that a super-linear pattern retries from every position (trailing spaces, runs of separators,
 * dots in an "email"). Linear code finishes all of them in well under a second; the quadratic versions they
 * replace ran for minutes on the same sizes (an 80 KB paste once blocked the event loop for 18 s). They run in
 * a child process with a generous deadline, so a regression fails with the name of the case that hung
 * instead of freezing the runner. eslint-plugin-regexp keeps new patterns linear as well.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CASES } from "../tests/support/text-safety-cases";

describe("linear work on adversarial text", () => {
  it("finishes every adversarial case", { timeout: 120_000 }, () => {
    const child = spawnSync("npx", ["tsx", "tests/support/text-safety-cases.ts", "run"], {
      encoding: "utf8",
      timeout: 90_000,
    });
    const done = [...child.stdout.matchAll(/^done (.+)$/gm)].map((match) => match[1]);
    const missing = Object.keys(CASES).filter((name) => !done.includes(name));
    expect(missing, `did not finish (hung or failed): ${missing.join(", ")}\n${child.stderr}`).toEqual([]);
    expect(child.status).toBe(0);
  });
});
