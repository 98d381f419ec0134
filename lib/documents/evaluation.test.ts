import { beforeAll, describe, expect, it } from "vitest";
import {
  COMPILATION,
  ESSAY,
  THEMATIC_LIST,
  UPR_REPORT,
  evaluateFixtures,
  thematicListTruth,
  type FixtureResult,
} from "@/lib/documents/evaluation-fixtures";
import { dice, matches, scoreExtraction, squash } from "@/lib/documents/evaluation";
import type { Extraction } from "@/lib/documents/extract";

// The thresholds of issue 12, held on the same scoring `npm run eval:extract` prints.
let results: Map<string, FixtureResult>;
beforeAll(async () => {
  results = new Map((await evaluateFixtures()).map((result) => [result.file, result]));
}, 120_000);
const scores = (file: string) => results.get(file)!.scores;

describe("extraction thresholds on the fixture documents", () => {
  it("UPR Working Group report: recall >= 0.99, precision >= 0.95, recommending State >= 0.98", () => {
    const result = results.get(UPR_REPORT)!;
    expect(result.kind).toBe("upr-report");
    expect(result.scores.expected).toBe(163);
    expect(result.scores.recall).toBeGreaterThanOrEqual(0.99);
    expect(result.scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.scores.recommendedByAccuracy).toBeGreaterThanOrEqual(0.98);
    expect(result.scores.positionAccuracy).toBe(1); // "will be examined": Pending, as the report says
    expect(result.scores.sectionAccuracy).toBe(1);
    expect(result.scores.sectionTitlesFound).toBe(1);
    // no page furniture became a section
    for (const section of result.extraction.sections)
      expect(section.title).not.toMatch(/^\d+$|GE\.\d|A\/HRC/);
  });

  it("thematic list: every row, with its number, States, position and themes", () => {
    const result = results.get(THEMATIC_LIST)!;
    expect(result.kind).toBe("thematic-list");
    expect(result.scores.expected).toBe(163);
    expect(result.scores.candidates).toBe(163);
    expect(result.scores.recall).toBe(1);
    expect(result.scores.precision).toBe(1);
    expect(result.scores.recommendedByAccuracy).toBe(1);
    expect(result.scores.positionAccuracy).toBe(1);
    expect(result.scores.sectionAccuracy).toBe(1);
    for (const candidate of result.extraction.candidates) expect(candidate.tags.length).toBeGreaterThan(0);
  });

  it("essay: recall >= 0.9 and precision >= 0.85 on its hand-made list", () => {
    expect(scores(ESSAY).recall).toBeGreaterThanOrEqual(0.9);
    expect(scores(ESSAY).precision).toBeGreaterThanOrEqual(0.85);
    const texts = results.get(ESSAY)!.extraction.candidates.map((c) => c.suggestedTitle);
    // the stored text is repaired: no hyphen left from a line break, no glued acronym
    expect(results.get(ESSAY)!.parsed.text).not.toMatch(/admin-\s*istration|UNPopulation|UNHuman/);
    expect(texts.join(" ")).not.toMatch(/UNPopulation/);
  });

  it("UN compilation (reported speech): recall >= 0.95, precision >= 0.9, body >= 0.9", () => {
    expect(results.get(COMPILATION)!.kind).toBe("reported-speech");
    expect(scores(COMPILATION).recall).toBeGreaterThanOrEqual(0.95);
    expect(scores(COMPILATION).precision).toBeGreaterThanOrEqual(0.9);
    expect(scores(COMPILATION).recommendedByAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ["ngo-report-bullets.md", "prose"],
    ["concluding-observations-lettered.txt", "reported-speech"],
    ["examen-periodique-fr.txt", "upr-report"],
    ["observaciones-es.txt", "reported-speech"],
  ])("own fixture %s: detected as %s, every recommendation found, nothing else", (file, kind) => {
    const result = results.get(file)!;
    expect(result.kind).toBe(kind);
    expect(result.scores.recall).toBe(1);
    expect(result.scores.precision).toBe(1);
    expect(result.scores.onePerCandidate).toBe(1);
    if (result.scores.recommendedByAccuracy !== null) expect(result.scores.recommendedByAccuracy).toBe(1);
    if (result.scores.positionAccuracy !== null) expect(result.scores.positionAccuracy).toBe(1);
    if (result.scores.sectionAccuracy !== null) expect(result.scores.sectionAccuracy).toBe(1);
  });

  it("keeps exact offsets into the stored text for every candidate of every fixture", () => {
    for (const result of results.values()) {
      for (const candidate of result.extraction.candidates) {
        expect(result.parsed.text.slice(candidate.start, candidate.end)).toBe(candidate.text);
      }
    }
  });

  it("reads the thematic list's rows as a table, independently of the extractor", () => {
    const truth = thematicListTruth(results.get(THEMATIC_LIST)!.parsed);
    expect(truth).toHaveLength(163);
    expect(truth.find((row) => row.key === "115.6")?.recommendedBy).toEqual(["Iran (Islamic Republic of)"]);
    expect(new Set(truth.map((row) => row.position))).toEqual(new Set(["Supported", "Noted"]));
  });
});

describe("scoring", () => {
  const extraction = (texts: string[]): Extraction => ({
    kind: "prose",
    kindLabel: "",
    title: null,
    sections: [{ title: "Recommendations", start: 0, end: 1000 }],
    candidates: texts.map((text, i) => ({
      id: `c${i}`,
      text,
      start: i,
      end: i + 1,
      sectionIndex: 0,
      reasons: ["imperative"],
      explanation: "",
      suggestedTitle: text,
      attributes: { "Recommended by": ["France"] },
      tags: [],
    })),
  });

  it("matches across case, spaces, hyphens and line breaks", () => {
    expect(squash("re-join the UNHuman\nRights")).toBe(squash("rejoin the UN Human Rights"));
    expect(dice("Ratify the Convention", "ratify the convention (France)")).toBeGreaterThan(0.8);
  });

  it("counts recall, precision, one-per-candidate and attributes, and can fail", () => {
    const scores = scoreExtraction(extraction(["Ratify the Convention and close the camp", "Nothing here"]), [
      { key: "ratify", mustContain: "ratify the convention", recommendedBy: ["France"] },
      { key: "close", mustContain: "close the camp", recommendedBy: ["Spain"] },
      { key: "missing", mustContain: "abolish the death penalty" },
      { key: "implicit", mustContain: "never said", implicit: true },
    ]);
    expect(scores.recall).toBeCloseTo(2 / 3);
    expect(scores.precision).toBe(0.5);
    expect(scores.onePerCandidate).toBe(0); // the one useful candidate holds two recommendations
    expect(scores.recommendedByAccuracy).toBe(0.5);
    expect(scores.missed).toEqual(["missing"]);
  });

  it("refuses a candidate whose paragraph number differs", () => {
    const [candidate] = extraction(["Ratify the Convention"]).candidates;
    expect(
      matches(
        { ...candidate!, referenceId: "115.2" },
        { key: "a", referenceId: "115.1", text: "Ratify the Convention" },
      ),
    ).toBe(false);
    expect(
      matches(
        { ...candidate!, referenceId: "115.1" },
        { key: "a", referenceId: "115.1", text: "Ratify the Convention" },
      ),
    ).toBe(true);
  });
});
