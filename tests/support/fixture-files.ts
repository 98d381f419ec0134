/**
 * Files that tests, end-to-end specs and benchmarks read: committed in tests/fixtures/ (see its README), so a
 * clone anywhere passes `npm test`. A missing fixture throws when this module loads: the test fails, it is
 * never skipped.
 */
import fs from "node:fs";
import path from "node:path";

export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../fixtures");

/** The path of a committed fixture; throws when it is missing. */
export function fixturePath(name: string): string {
  const file = path.join(FIXTURES_DIR, name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Test fixture ${file} is missing: it is committed with the repository in tests/fixtures/.`,
    );
  }
  return file;
}

/** UPR Info's export of UPR sessions 1–5 (~6,000 recommendations, Mac Roman). */
export const UPR_CSV = fixturePath("upr-info-sessions-1-5.csv");
