/**
 * Scores an extraction against a hand-made (or ground-truth) list of what a document recommends. Shared by
 * `npm run eval:extract` (scripts/eval-extract.ts) and the unit test that holds the thresholds
 * (lib/documents/evaluation.test.ts). Pure: no files, no clock.
 */
import type { Extraction } from "@/lib/documents/extract";
import { POSITION, RECOMMENDED_BY } from "@/lib/documents/un";

export type ExpectedRecommendation = {
  key: string;
  /** a phrase the text of a correct candidate contains (compared without case, spaces, hyphens or punctuation) */
  mustContain?: string;
  /** the full text: a candidate matches when its words are this similar (Dice ≥ 0.8); for ground-truth lists */
  text?: string;
  /** the paragraph number: a candidate with another number does not match */
  referenceId?: string;
  recommendedBy?: string[];
  position?: string;
  section?: string;
  /** recommended without a cue (criticism, "could"): not expected of a rule-based extractor, not in recall */
  implicit?: true;
};

export type Scores = {
  candidates: number;
  expected: number;
  recall: number;
  precision: number;
  /** of the candidates that match something, the share that match exactly one recommendation */
  onePerCandidate: number;
  /** null when the list states no such attribute */
  recommendedByAccuracy: number | null;
  positionAccuracy: number | null;
  sectionAccuracy: number | null;
  /** of the expected section titles, the share found; null when the fixture lists none */
  sectionTitlesFound: number | null;
  sections: number;
  missed: string[];
};

/** Letters and digits only, lower case: "UNHuman Rights" and "UN Human Rights", "admin- istration" match. */
export const squash = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

function words(value: string): Set<string> {
  return new Set(value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

export function dice(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.size + right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return (2 * shared) / (left.size + right.size);
}

type ScoredCandidate = Extraction["candidates"][number];

export function matches(candidate: ScoredCandidate, item: ExpectedRecommendation): boolean {
  if (
    item.referenceId !== undefined &&
    candidate.referenceId !== undefined &&
    candidate.referenceId !== item.referenceId
  ) {
    return false;
  }
  if (item.mustContain !== undefined && !squash(candidate.text).includes(squash(item.mustContain)))
    return false;
  if (item.text !== undefined && dice(candidate.text, item.text) < 0.8) return false;
  return (
    item.mustContain !== undefined || item.text !== undefined || item.referenceId === candidate.referenceId
  );
}

const sameSet = (a: string[], b: string[]) => {
  const left = [...new Set(a.map(squash))].sort();
  const right = [...new Set(b.map(squash))].sort();
  return left.length === right.length && left.every((value, i) => value === right[i]);
};

const share = (hits: number, total: number) => (total === 0 ? null : hits / total);

export function scoreExtraction(
  extraction: Extraction,
  expected: ExpectedRecommendation[],
  expectedSections?: string[],
): Scores {
  const { candidates, sections } = extraction;
  const explicit = expected.filter((item) => !item.implicit);
  const matchesOf = candidates.map((candidate) => expected.filter((item) => matches(candidate, item)));
  const firstMatch = (item: ExpectedRecommendation) => candidates.find((c) => matches(c, item));

  const found = explicit.filter((item) => firstMatch(item) !== undefined);
  const useful = matchesOf.filter((list) => list.length > 0);

  let byTotal = 0;
  let byHits = 0;
  let positionTotal = 0;
  let positionHits = 0;
  let sectionTotal = 0;
  let sectionHits = 0;
  for (const item of found) {
    const candidate = firstMatch(item)!;
    if (item.recommendedBy) {
      byTotal++;
      if (sameSet(candidate.attributes[RECOMMENDED_BY] ?? [], item.recommendedBy)) byHits++;
    }
    if (item.position) {
      positionTotal++;
      if (sameSet(candidate.attributes[POSITION] ?? [], [item.position])) positionHits++;
    }
    if (item.section) {
      sectionTotal++;
      const title = sections[candidate.sectionIndex]?.title ?? "";
      if (squash(title) === squash(item.section)) sectionHits++;
    }
  }

  const titles = new Set(sections.map((section) => squash(section.title)));
  return {
    candidates: candidates.length,
    expected: explicit.length,
    recall: share(found.length, explicit.length) ?? 1,
    precision: share(useful.length, candidates.length) ?? 0,
    onePerCandidate: share(useful.filter((list) => list.length === 1).length, useful.length) ?? 0,
    recommendedByAccuracy: share(byHits, byTotal),
    positionAccuracy: share(positionHits, positionTotal),
    sectionAccuracy: share(sectionHits, sectionTotal),
    sectionTitlesFound: expectedSections
      ? share(expectedSections.filter((title) => titles.has(squash(title))).length, expectedSections.length)
      : null,
    sections: sections.length,
    missed: explicit.filter((item) => !found.includes(item)).map((item) => item.key),
  };
}
