/**
 * `npm run test:trust`: the security and reliability suite (docs/security.md). Runs the Vitest
 * project "trust" (tests/trust) and the Playwright specs under e2e/trust, then prints one table of
 * the figures they reported (tests/support/trust-report.ts). Exits non-zero when a figure failed or a
 * runner failed.
 *
 * The Playwright specs run against the production build: it is built when missing, or always with
 * `npm run test:trust -- --build`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { FIGURES_FILE, readFigures } from "../tests/support/trust-report";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const isBuildForced = process.argv.includes("--build");

fs.rmSync(FIGURES_FILE, { force: true });

function run(name: string, command: string[]): boolean {
  console.log(`\n▶ ${name}: ${command.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command[0]!, command.slice(1), { stdio: "inherit", env });
  const ok = result.status === 0;
  console.log(`${ok ? "✔" : "✖"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

const runners: { name: string; ok: boolean }[] = [];
runners.push({
  name: "vitest (trust)",
  ok: run("vitest (trust)", ["npx", "vitest", "run", "--project", "trust"]),
});

// Playwright empties test-results/ (its output folder) when it starts: keep Vitest's figures aside.
const vitestFigures = fs.existsSync(FIGURES_FILE) ? fs.readFileSync(FIGURES_FILE, "utf8") : "";

const hasBuild = fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"));
let isBuilt = hasBuild && !isBuildForced;
if (!isBuilt) {
  isBuilt = run("production build", ["npx", "next", "build"]);
  runners.push({ name: "production build", ok: isBuilt });
}
if (isBuilt) {
  runners.push({
    name: "playwright (e2e/trust)",
    ok: run("playwright (e2e/trust)", ["npx", "playwright", "test", "e2e/trust"]),
  });
}

const playwrightFigures = fs.existsSync(FIGURES_FILE) ? fs.readFileSync(FIGURES_FILE, "utf8") : "";
if (!playwrightFigures.includes(vitestFigures)) {
  fs.mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  fs.writeFileSync(FIGURES_FILE, vitestFigures + playwrightFigures);
}
const figures = readFigures();
const rows = figures.map((f) => [f.test, f.figure, f.pass ? "pass" : "FAIL"] as const);
const header = ["test", "figure", "pass/fail"] as const;
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log(`\nTrust figures (${FIGURES_FILE}):\n`);
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of rows) console.log(line(row));
if (rows.length === 0) console.log("(no figures reported)");

const failedFigures = figures.filter((f) => !f.pass).length;
const failedRunners = runners.filter((r) => !r.ok);
console.log(
  `\n${figures.length} figures, ${failedFigures} failed; runners: ${runners.map((r) => `${r.name} ${r.ok ? "ok" : "FAILED"}`).join(", ")}`,
);
process.exit(failedFigures > 0 || failedRunners.length > 0 || rows.length === 0 ? 1 : 0);
