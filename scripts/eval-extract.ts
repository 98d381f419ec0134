/**
 * npm run eval:extract [file…]: parses and extracts each fixture document of tests/fixtures/documents/ and
 * prints, per document, recall, precision, the share of one-recommendation-per-candidate, attribute accuracy
 * (recommending State, position), section accuracy and time. The same scoring holds the thresholds in
 * lib/documents/evaluation.test.ts. `--missed` lists what each document's list has that no candidate matched.
 */
import { evaluateFixtures } from "@/lib/documents/evaluation-fixtures";

const args = process.argv.slice(2);
const files = args.filter((arg) => !arg.startsWith("--"));
const showMissed = args.includes("--missed");

const pct = (value: number | null) => (value === null ? "   –" : `${(value * 100).toFixed(1).padStart(5)}%`);
const results = await evaluateFixtures(files.length > 0 ? files : undefined);
const rows = results.map((r) => ({
  document: r.file.length > 44 ? `${r.file.slice(0, 43)}…` : r.file,
  kind: r.kind,
  expected: r.scores.expected,
  candidates: r.scores.candidates,
  recall: pct(r.scores.recall),
  precision: pct(r.scores.precision),
  "one/cand": pct(r.scores.onePerCandidate),
  "State ok": pct(r.scores.recommendedByAccuracy),
  "position ok": pct(r.scores.positionAccuracy),
  "section ok": pct(r.scores.sectionAccuracy),
  "sections found": pct(r.scores.sectionTitlesFound),
  sections: r.scores.sections,
  "parse ms": Math.round(r.parseMs),
  "extract ms": Math.round(r.extractMs),
}));
console.table(rows);
if (showMissed) {
  for (const r of results)
    if (r.scores.missed.length > 0) console.log(`${r.file} missed: ${r.scores.missed.join(", ")}`);
}
