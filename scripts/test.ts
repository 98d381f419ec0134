/**
 * `npm test`: the whole suite, in order — typecheck, lint, unit tests, integration tests against a
 * throwaway embedded PostgreSQL, the trust suite's Vitest tests (docs/security.md), a production build, and
 * Playwright end-to-end tests in Chromium (e2e/trust included).
 */
import { spawnSync } from "node:child_process";

const steps: [string, string[]][] = [
  // `next typegen` writes the route types (PageProps, LayoutProps) that a fresh clone does not have yet.
  ["typecheck (route types)", ["npx", "next", "typegen"]],
  ["typecheck", ["npx", "tsc", "--noEmit"]],
  ["lint", ["npx", "eslint", ".", "--max-warnings=0"]],
  ["lint (formatting)", ["npx", "prettier", "--check", "."]],
  ["unit tests", ["npx", "vitest", "run", "--project", "unit"]],
  ["integration tests", ["npx", "vitest", "run", "--project", "integration"]],
  ["trust tests", ["npx", "vitest", "run", "--project", "trust"]],
  ["production build", ["npx", "next", "build"]],
  ["end-to-end tests", ["npx", "playwright", "test"]],
];

const only = process.argv.slice(2);
const started = Date.now();
for (const [name, command] of steps) {
  if (only.length > 0 && !only.some((word) => name.startsWith(word))) continue;
  console.log(`\n▶ ${name}: ${command.join(" ")}`);
  const stepStart = Date.now();
  const result = spawnSync(command[0]!, command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - stepStart) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
