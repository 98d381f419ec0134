/**
 * The evaluation's fixture documents (tests/fixtures/documents/) and what each recommends. Read by
 * `npm run eval:extract` and by lib/documents/evaluation.test.ts; not by the app.
 *
 * Ground truth for the UPR Working Group report is OHCHR's thematic list of the same recommendations (the
 * DOCX): its rows are read here with a reader of their own (number, text, the States in the last parentheses),
 * not with the extractor's rules.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { extractRecommendations, type Extraction } from "@/lib/documents/extract";
import { scoreExtraction, type ExpectedRecommendation, type Scores } from "@/lib/documents/evaluation";
import { essayRecommendations } from "@/lib/documents/fixtures/essay-recommendations";
import { compilationExpected } from "@/lib/documents/fixtures/compilation-recommendations";
import {
  concludingObservationsExpected,
  frenchUprExpected,
  ngoReportExpected,
  ngoReportSections,
  spanishExpected,
} from "@/lib/documents/fixtures/short-fixtures";
import { parseDocument, type ParsedDocument } from "@/lib/documents/parse";
import { trimEndOf } from "@/lib/text";

export const FIXTURE_DIR = path.resolve(process.cwd(), "tests/fixtures/documents");

export const UPR_REPORT = "A-HRC-28-15-upr-working-group-report-slovenia-2014.pdf";
export const THEMATIC_LIST = "A-HRC-28-15-thematic-list-of-recommendations-slovenia-2014.docx";
export const COMPILATION = "A-HRC-WG6-20-SVN-2-un-compilation-slovenia-2014.pdf";
export const ESSAY = "human-rights-agenda-2021.txt";

export type FixtureResult = {
  file: string;
  kind: Extraction["kind"];
  parseMs: number;
  extractMs: number;
  scores: Scores;
  extraction: Extraction;
  parsed: ParsedDocument;
};

async function parseFixture(file: string): Promise<{ parsed: ParsedDocument; ms: number }> {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURE_DIR, file)));
  const started = performance.now();
  const parsed = await parseDocument({ fileName: file, bytes });
  return { parsed, ms: performance.now() - started };
}

/** Rows of the thematic list, read plainly: "115.3 Ratify … (Portugal, Slovakia);" · "Supported" · themes. */
export function thematicListTruth(parsed: ParsedDocument): ExpectedRecommendation[] {
  const table = parsed.structure?.tables[0];
  if (!table) throw new Error("The thematic list has no table");
  const cell = (span: { start: number; end: number } | undefined) =>
    span ? parsed.text.slice(span.start, span.end) : "";
  const truth: ExpectedRecommendation[] = [];
  let theme = "";
  for (const row of table.rows.slice(1)) {
    const first = cell(row.cells[0]);
    if (row.cells.length === 1) {
      theme = first.replace(/^Theme:\s*/, "").trim();
      continue;
    }
    const number = /^(\d+\.\d+)\s+/.exec(first);
    if (!number?.[1]) continue;
    const paragraph = trimEndOf(first.split("\n\n")[0]!.slice(number[0].length), ";.", { whitespace: true });

    // the recommending States: the last parenthesized group, parentheses inside it included
    let depth = 0;
    let open = -1;
    for (let i = paragraph.length - 1; i >= 0; i--) {
      if (paragraph[i] === ")") depth++;
      if (paragraph[i] === "(" && --depth === 0) {
        open = i;
        break;
      }
    }
    const states: string[] = [];
    let current = "";
    depth = 0;
    for (const char of paragraph.slice(open + 1, -1)) {
      if (char === "(") depth++;
      if (char === ")") depth--;
      if (char === "," && depth === 0) {
        states.push(current.trim());
        current = "";
      } else current += char;
    }
    states.push(current.trim());
    truth.push({
      key: number[1],
      referenceId: number[1],
      text: paragraph.slice(0, open).trim(),
      recommendedBy: states.filter(Boolean),
      position: cell(row.cells[1]).trim().split(/\s+/)[0] ?? "",
      section: theme,
    });
  }
  return truth;
}

export type FixtureSpec = {
  file: string;
  expected: (truth: ExpectedRecommendation[]) => ExpectedRecommendation[];
  sections?: string[];
};

const UPR_SECTIONS = [
  "Introduction",
  "Presentation by the State under review",
  "Interactive dialogue and responses by the State under review",
  "Conclusions and/or recommendations",
];

export const FIXTURES: FixtureSpec[] = [
  {
    file: UPR_REPORT,
    // the report says all its recommendations "will be examined" (positions came later, in the addendum):
    // the position it states is "Pending"; the section is the report's own
    expected: (truth) =>
      truth.map((item) => ({ ...item, position: "Pending", section: "Conclusions and/or recommendations" })),
    sections: UPR_SECTIONS,
  },
  { file: THEMATIC_LIST, expected: (truth) => truth },
  { file: COMPILATION, expected: () => compilationExpected },
  { file: ESSAY, expected: () => essayRecommendations },
  { file: "ngo-report-bullets.md", expected: () => ngoReportExpected, sections: ngoReportSections },
  { file: "concluding-observations-lettered.txt", expected: () => concludingObservationsExpected },
  { file: "examen-periodique-fr.txt", expected: () => frenchUprExpected },
  { file: "observaciones-es.txt", expected: () => spanishExpected },
];

export async function evaluateFixtures(files?: string[]): Promise<FixtureResult[]> {
  const truth = thematicListTruth((await parseFixture(THEMATIC_LIST)).parsed);
  const results: FixtureResult[] = [];
  for (const spec of FIXTURES) {
    if (files && !files.includes(spec.file)) continue;
    const { parsed, ms: parseMs } = await parseFixture(spec.file);
    const started = performance.now();
    const extraction = extractRecommendations(parsed.text, { structure: parsed.structure });
    const extractMs = performance.now() - started;
    results.push({
      file: spec.file,
      kind: extraction.kind,
      parseMs,
      extractMs,
      scores: scoreExtraction(extraction, spec.expected(truth), spec.sections),
      extraction,
      parsed,
    });
  }
  return results;
}
