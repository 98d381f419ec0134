import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Right-to-left readiness: the UI uses logical Tailwind utilities (ms-/me-, ps-/pe-, start-/end-,
 * text-start/end, border-s/e, rounded-s/e), so a right-to-left language is only a catalogue. A physical
 * utility in a class string fails here. Centring with `left-1/2 -translate-x-1/2` is symmetric and allowed.
 */
const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : files(rel);
    return rel.endsWith(".tsx") ? [rel] : [];
  });
}

const physical =
  /(?<=[\s"'`{:])-?(?:ml|mr|pl|pr|scroll-ml|scroll-mr|border-l|border-r|rounded-l|rounded-r|rounded-tl|rounded-tr|rounded-bl|rounded-br|left|right)-[\w./[\]%-]+(?=[\s"'`}])|(?<=[\s"'`{:])text-(?:left|right)(?=[\s"'`}])/g;

describe("logical CSS", () => {
  it("uses no physical left/right utilities in class strings", () => {
    const problems: string[] = [];
    for (const file of [...files("app"), ...files("components")]) {
      for (const literal of fs.readFileSync(path.join(root, file), "utf8").matchAll(/"[^"\n]*"|`[^`]*`/g)) {
        const text = literal[0];
        for (const match of text.matchAll(physical)) {
          if (match[0] === "left-1/2" && text.includes("-translate-x-1/2")) continue;
          problems.push(`${file}: ${match[0]}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
