/** Trust figures: each trust test appends one line; `npm run test:trust` prints them as one table. */
import fs from "node:fs";
import path from "node:path";

const file = path.join(process.cwd(), "test-results", "trust", "figures.jsonl");

export function reportFigure(test: string, figure: string, pass: boolean): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify({ test, figure, pass, at: new Date().toISOString() })}\n`);
}
