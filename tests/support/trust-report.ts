/**
 * Trust figures: each trust test reports what it measured ("payloads tried 412, executions 0") and
 * whether that passes. `npm run test:trust` collects them into one table. Works from Vitest and
 * Playwright alike (plain Node, no test-runner imports).
 */
import fs from "node:fs";
import path from "node:path";

export const FIGURES_FILE = path.join(process.cwd(), "test-results", "trust", "figures.jsonl");

export type Figure = { test: string; figure: string; pass: boolean; at: string };

export function reportFigure(test: string, figure: string, pass: boolean): void {
  fs.mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  const line: Figure = { test, figure, pass, at: new Date().toISOString() };
  fs.appendFileSync(FIGURES_FILE, `${JSON.stringify(line)}\n`);
}

/** The figures reported so far, in the order they were reported. */
export function readFigures(file = FIGURES_FILE): Figure[] {
  if (!fs.existsSync(file)) return [];
  const figures: Figure[] = [];
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      figures.push(JSON.parse(line) as Figure);
    } catch {
      // A torn line from a killed runner: ignore it.
    }
  }
  return figures;
}
