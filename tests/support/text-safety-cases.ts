/**
 * The adversarial cases of lib/text-safety.test.ts, run in a child process so that a regression (a
 * super-linear pattern) shows as a timeout with the case's name instead of freezing the test runner: a
 * blocked event loop cannot be interrupted from inside. Prints "done <case>" after each case.
 */
import assert from "node:assert/strict";
import { normalizeText } from "@/lib/documents/parse";
import { extractRecommendations } from "@/lib/documents/extract";
import { neutralizeCsvCell } from "@/lib/import/csv";
import { prepareRows, titleFromText } from "@/lib/import/rows";
import { slugCandidates } from "@/lib/workspaces/rules";
import { suggestSlug } from "@/lib/workspaces/schemas";
import { splitPoints } from "@/components/documents/document-wizard-state";
import { trimEndOf, trimStartOf } from "@/lib/text";

const N = 200_000;

export const CASES: Record<string, () => void> = {
  "trailing runs": () => {
    const run = " ".repeat(N);
    assert.equal(trimEndOf(`${run}x${run}`, "", { whitespace: true }), `${run}x`);
    assert.equal(trimStartOf(`${"-".repeat(N)}a`, "-"), "a");
  },
  "paste of spaces, tabs and blank lines": () => {
    const text = normalizeText(
      `${" \t".repeat(N / 2)}x\n${" ".repeat(N)}y${"\n".repeat(N)}z${" ".repeat(N)}`,
    );
    assert.ok(text.endsWith("z") && text.includes("x\n"));
  },
  "extraction from long runs": () => {
    const paste = [
      `The United States should ${"a".repeat(N / 4)}b.`,
      `## Heading ${" ".repeat(N / 4)}x`,
      `Part I ${" ".repeat(N / 4)}`,
      `Rejoin the Council${" ,;:.".repeat(N / 20)}`,
    ].join("\n\n");
    assert.ok(Array.isArray(extractRecommendations(normalizeText(paste)).candidates));
  },
  "split points in a run of newlines": () => {
    const doc = `First sentence.${"\n".repeat(N)}`;
    assert.deepEqual(splitPoints(doc, 0, doc.length), []);
  },
  "CSV cell with runs of separators": () => {
    assert.equal(neutralizeCsvCell(`a${"\t\n".repeat(N)}b`), `a${"\t\n".repeat(N)}b`);
    assert.equal(neutralizeCsvCell(`a${";".repeat(N)}=1`), `'a${";".repeat(N)}=1`);
  },
  "email-like cell full of dots; punctuation titles": () => {
    const prepared = prepareRows(
      {
        kind: "csv",
        headers: ["Text", "Owner"],
        records: [{ cells: { Text: "Ratify", Owner: `a@${"b.".repeat(N / 2)}` } }],
        sectionOrder: [],
      },
      { Text: "text", Owner: "ownerEmail" },
      { memberIdsByEmail: new Map() },
    );
    assert.equal(prepared.rejected.length + prepared.rows.length, 1);
    assert.ok(titleFromText(`${"word ".repeat(40)}${",;:.".repeat(N / 4)}x`).length <= 200);
  },
  "slugs from names full of symbols": () => {
    assert.equal(suggestSlug(`${"!".repeat(N)}a${"!".repeat(N)}`), "a");
    assert.equal(slugCandidates(`x${"-".repeat(N)}`)[0], "x-org");
  },
};

if (process.argv[2] === "run") {
  for (const [name, run] of Object.entries(CASES)) {
    run();
    console.log(`done ${name}`);
  }
}
