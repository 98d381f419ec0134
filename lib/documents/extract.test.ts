import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractRecommendations, MAX_TITLE_LENGTH, type Extraction } from "@/lib/documents/extract";
import { essayRecommendations } from "@/lib/documents/fixtures/essay-recommendations";

const essay = readFileSync(
  path.resolve(process.cwd(), "prisma/seed/documents/human-rights-agenda-2021.txt"),
  "utf8",
);

/** Invariants every extraction must keep, whatever the input. */
function expectWellFormed(text: string, extraction: Extraction) {
  const ids = new Set<string>();
  for (const section of extraction.sections) {
    expect(section.start).toBeGreaterThanOrEqual(0);
    expect(section.end).toBeLessThanOrEqual(text.length);
    expect(section.start).toBeLessThanOrEqual(section.end);
    expect(section.title.trim()).not.toBe("");
  }
  extraction.sections.slice(1).forEach((section, i) => {
    expect(section.start).toBeGreaterThanOrEqual(extraction.sections[i]!.end);
  });
  for (const candidate of extraction.candidates) {
    expect(candidate.text).toBe(text.slice(candidate.start, candidate.end));
    expect(candidate.text.trim()).toBe(candidate.text);
    expect(candidate.id).toBe(`c${candidate.start}-${candidate.end}`);
    expect(ids.has(candidate.id)).toBe(false);
    ids.add(candidate.id);
    const section = extraction.sections[candidate.sectionIndex];
    expect(section).toBeDefined();
    expect(candidate.start).toBeGreaterThanOrEqual(section!.start);
    expect(candidate.end).toBeLessThanOrEqual(section!.end);
    expect(candidate.reasons.length).toBeGreaterThan(0);
    expect(candidate.explanation).toMatch(/^Proposed because .+\.$/);
    expect(candidate.suggestedTitle.length).toBeGreaterThan(0);
    expect(candidate.suggestedTitle.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  }
  const starts = extraction.candidates.map((candidate) => candidate.start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
}

describe("extractRecommendations on the Biden human rights agenda essay", () => {
  const extraction = extractRecommendations(essay);

  it("keeps every offset and invariant", () => {
    expectWellFormed(essay, extraction);
  });

  it("finds the five stages as sections, in order", () => {
    const titles = extraction.sections.map((section) => section.title);
    const stages = ["Reverse and Revoke", "Reaffirm", "Rebuild", "Reengage", "Reconceptualize"];
    const positions = stages.map((stage) => titles.indexOf(stage));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // nothing but real headings: the introduction, "The Challenge", the five stages and "Conclusion"
    expect(titles).toEqual(["Introduction", "The Challenge", ...stages, "Conclusion"]);
  });

  it("puts each candidate in the stage it comes from", () => {
    const sectionOf = (phrase: string) => {
      const candidate = extraction.candidates.find((c) => c.text.includes(phrase));
      return candidate ? extraction.sections[candidate.sectionIndex]?.title : undefined;
    };
    expect(sectionOf("revoked restrictions on targeted killings")).toBe("Reverse and Revoke");
    expect(sectionOf("reject the hubris")).toBe("Reaffirm");
    expect(sectionOf("rebuild the U.S. diplomatic corps")).toBe("Rebuild");
    expect(sectionOf("re-join the UNHuman Rights Council")).toBe("Reengage");
    expect(sectionOf("join efforts to address existing weaknesses")).toBe("Reconceptualize");
  });

  it("reaches recall >= 0.9 and precision >= 0.85 on the raw text against its hand-made list (explicit entries)", () => {
    for (const item of essayRecommendations) expect(essay).toContain(item.mustContain);
    const { candidates } = extraction;
    // `implicit` entries are recommended without a cue: not expected of the rules (see the list's header);
    // the stored-text figures are in lib/documents/evaluation.test.ts
    const explicit = essayRecommendations.filter((item) => !item.implicit);
    const matched = explicit.filter((item) =>
      candidates.some((candidate) => candidate.text.includes(item.mustContain)),
    );
    const useful = candidates.filter((candidate) =>
      essayRecommendations.some((item) => candidate.text.includes(item.mustContain)),
    );
    const recall = matched.length / explicit.length;
    const precision = useful.length / candidates.length;
    const missed = explicit.filter((item) => !matched.includes(item)).map((item) => item.key);
    console.log(
      `essay: recall ${recall.toFixed(3)} (${matched.length}/${explicit.length}), ` +
        `precision ${precision.toFixed(3)} (${useful.length}/${candidates.length}); missed: ${missed.join(", ")}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.85);
  });

  it("splits the list of measures to reverse into one candidate per measure", () => {
    const reversals = extraction.candidates.filter((c) => c.reasons.includes("reversal-list"));
    const texts = reversals.map((c) => c.text);
    expect(texts).toContain("revoked restrictions on targeted killings");
    expect(texts).toContain("separated families");
    expect(texts).toContain("opposing UN resolutions");
    expect(reversals.find((c) => c.text === "separated families")?.explanation).toMatch(/Reverse and Revoke/);
  });

  it("suggests short imperative titles", () => {
    const title = (phrase: string) =>
      extraction.candidates.find((c) => c.text.includes(phrase))?.suggestedTitle;
    expect(title("re-join the UNHuman Rights Council")).toBe("Re-join the UNHuman Rights Council");
    expect(title("rebuild relations with civil society")).toBe(
      "Rebuild relations with civil society organizations",
    );
    expect(title("the United States should act in concert")).toMatch(/^Act in concert with other states/);
  });

  it("is deterministic", () => {
    expect(extractRecommendations(essay)).toEqual(extraction);
  });
});

describe("extractRecommendations on small documents", () => {
  it("reads markdown headings and bullet lists", () => {
    const text = [
      "# Recommendations on Detention",
      "",
      "This paper sets out what we found during our visits.",
      "",
      "## Immediate Steps",
      "",
      "- Ratify the Optional Protocol to the Convention against Torture.",
      "- Close all unofficial places of detention, e.g. those run by the military.",
      "* The ministry should publish detention statistics every month.",
      "",
      "## Longer Term",
      "",
      "• Guarantee access to a lawyer from the first hour of detention",
      "(a) independent monitoring of all prisons;",
      "1) Train prison staff on the Nelson Mandela Rules.",
    ].join("\n");
    const extraction = extractRecommendations(text);
    expectWellFormed(text, extraction);
    expect(extraction.sections.map((s) => s.title)).toEqual([
      "Recommendations on Detention",
      "Immediate Steps",
      "Longer Term",
    ]);
    expect(extraction.candidates.map((c) => c.text)).toEqual([
      "Ratify the Optional Protocol to the Convention against Torture.",
      "Close all unofficial places of detention, e.g. those run by the military.",
      "The ministry should publish detention statistics every month.",
      "Guarantee access to a lawyer from the first hour of detention",
      "independent monitoring of all prisons;",
      "Train prison staff on the Nelson Mandela Rules.",
    ]);
    expect(extraction.candidates.map((c) => c.sectionIndex)).toEqual([1, 1, 1, 2, 2, 2]);
    const [ratify, , ministry] = extraction.candidates;
    expect(ratify?.reasons).toEqual(["list-item", "imperative"]);
    expect(ratify?.suggestedTitle).toBe("Ratify the Optional Protocol to the Convention against Torture");
    expect(ministry?.reasons).toEqual(["list-item", "modal-should"]);
    expect(ministry?.suggestedTitle).toBe("Publish detention statistics every month");
    expect(ministry?.explanation).toBe(
      'Proposed because it is an item of a bulleted list and says what "should" be done.',
    );
  });

  it("reads UN-style numbered paragraphs as one candidate each", () => {
    const text = [
      "II. Conclusions and/or recommendations",
      "",
      "116. The following recommendations will be examined by Ruritania, which will provide responses in due time:",
      "",
      "116.1 Ratify the Convention on the Rights of Persons with Disabilities (Denmark);",
      "116.2 Adopt a comprehensive anti-discrimination law that covers sexual orientation and",
      "gender identity (Canada);",
      "116.3 Consider ratifying the Rome Statute of the International Criminal Court (Austria);",
      "116.4 Continue its efforts to combat trafficking in persons, in line with Art. 5 of the Protocol (Philippines).",
    ].join("\n");
    const extraction = extractRecommendations(text);
    expectWellFormed(text, extraction);
    expect(extraction.sections.map((s) => s.title)).toEqual(["Conclusions and/or recommendations"]);
    expect(extraction.candidates).toHaveLength(4);
    expect(extraction.candidates.map((c) => c.text)).toEqual([
      "Ratify the Convention on the Rights of Persons with Disabilities (Denmark);",
      "Adopt a comprehensive anti-discrimination law that covers sexual orientation and\ngender identity (Canada);",
      "Consider ratifying the Rome Statute of the International Criminal Court (Austria);",
      "Continue its efforts to combat trafficking in persons, in line with Art. 5 of the Protocol (Philippines).",
    ]);
    for (const candidate of extraction.candidates) {
      expect(candidate.reasons).toEqual(["numbered-paragraph", "imperative"]);
    }
    expect(extraction.candidates[0]?.explanation).toContain("numbered paragraph 116.1");
    expect(extraction.candidates[1]?.suggestedTitle).toBe(
      "Adopt a comprehensive anti-discrimination law that covers sexual orientation and gender…",
    );
  });

  it("proposes nothing for prose without any cue", () => {
    const text = [
      "The Situation in 2020",
      "",
      "The country held elections in March. Turnout was 61 per cent, according to the U.S. embassy and",
      "the O.S.C.E. mission, e.g. in the capital. Observers noted long queues; see Art. 3 of the report.",
      "",
      "Support for the opposition grew in rural areas. Reform is a slow process.",
    ].join("\n");
    const extraction = extractRecommendations(text);
    expectWellFormed(text, extraction);
    expect(extraction.candidates).toEqual([]);
    expect(extraction.sections).toHaveLength(1);
  });

  it("uses one section named Document when there is no heading", () => {
    const text = "The government should repeal the 2015 NGO law. It must also release detained journalists.";
    const extraction = extractRecommendations(text);
    expectWellFormed(text, extraction);
    expect(extraction.sections).toEqual([{ title: "Document", start: 0, end: text.length }]);
    expect(extraction.candidates.map((c) => c.text)).toEqual([
      "The government should repeal the 2015 NGO law.",
      "It must also release detained journalists.",
    ]);
    expect(extraction.candidates.map((c) => c.suggestedTitle)).toEqual([
      "Repeal the 2015 NGO law",
      "Release detained journalists",
    ]);
  });

  it("splits a sentence listing measures to reverse into one candidate per measure", () => {
    const text =
      "Since 2017, much has changed. The administration should reverse the travel ban, family separation, and the global gag rule.";
    const extraction = extractRecommendations(text);
    expectWellFormed(text, extraction);
    expect(extraction.candidates.map((c) => c.text)).toEqual([
      "the travel ban",
      "family separation",
      "the global gag rule",
    ]);
    for (const candidate of extraction.candidates) {
      expect(candidate.reasons).toEqual(["reversal-list", "modal-should"]);
    }
    expect(extraction.candidates.map((c) => c.suggestedTitle)).toEqual([
      "Reverse the travel ban",
      "Reverse family separation",
      "Reverse the global gag rule",
    ]);
  });

  it("keeps a subordinate clause with its measure and splits 'A and B'", () => {
    const text =
      "We urge the government to revoke the Mexico City policy and the public charge rule, which harmed migrants.";
    const extraction = extractRecommendations(text);
    expectWellFormed(text, extraction);
    expect(extraction.candidates.map((c) => c.text)).toEqual([
      "the Mexico City policy",
      "the public charge rule, which harmed migrants",
    ]);
    expect(extraction.candidates[0]?.reasons).toEqual(["reversal-list", "urge"]);
  });

  it("recognises the other cues and numbered headings", () => {
    const text = [
      "1. Reverse and Revoke",
      "",
      "The Committee calls upon the State party to abolish the death penalty. We urge donors to fund shelters.",
      "Parliament needs to adopt the bill. Strengthen the ombudsperson's office.",
      "",
      "2. Reaffirm",
      "",
      "Should the State wish to act, it can. The State should not criminalize defamation.",
    ].join("\n");
    const extraction = extractRecommendations(text);
    expectWellFormed(text, extraction);
    expect(extraction.sections.map((s) => s.title)).toEqual(["Reverse and Revoke", "Reaffirm"]);
    const byText = new Map(extraction.candidates.map((c) => [c.text, c]));
    expect(
      byText.get("The Committee calls upon the State party to abolish the death penalty.")?.reasons,
    ).toEqual(["calls-on"]);
    expect(
      byText.get("The Committee calls upon the State party to abolish the death penalty.")?.suggestedTitle,
    ).toBe("Abolish the death penalty");
    expect(byText.get("We urge donors to fund shelters.")?.reasons).toEqual(["urge"]);
    expect(byText.get("Parliament needs to adopt the bill.")?.reasons).toEqual(["needs-to"]);
    expect(byText.get("Strengthen the ombudsperson's office.")?.reasons).toEqual(["imperative"]);
    expect(byText.get("The State should not criminalize defamation.")?.suggestedTitle).toBe(
      "Do not criminalize defamation",
    );
    expect(byText.has("Should the State wish to act, it can.")).toBe(false);
  });

  it("does not take nouns, lead-ins, questions or wrapped numbers for recommendations", () => {
    const text = [
      "Since the floods, an estimated",
      "3.5 million people were displaced, and the government should",
      "12. provide shelter to all of them.",
      "",
      "Reform conversations are underway. Support for the plan is growing. Should we wait?",
      "",
      "The Government should:",
      "- lift the curfew;",
      "- 3.4 million euros were pledged.",
    ].join("\n");
    const extraction = extractRecommendations(text);
    expectWellFormed(text, extraction);
    expect(extraction.candidates.map((c) => c.text)).toEqual([
      "Since the floods, an estimated\n3.5 million people were displaced, and the government should\n12. provide shelter to all of them.",
      "lift the curfew;",
    ]);
    expect(extraction.candidates[0]?.suggestedTitle).toBe(
      "Since the floods, an estimated 3.5 million people were displaced",
    );
    expect(extraction.candidates[1]?.suggestedTitle).toBe("Lift the curfew");
  });

  it("keeps its invariants on generated messy documents", () => {
    const pieces = [
      "The State should",
      "ratify",
      "U.S.",
      "e.g.",
      "Art. 5",
      "116.3",
      "- ",
      "(a) ",
      "1) ",
      "# ",
      "REVERSE AND REVOKE",
      "Reverse and Revoke",
      "\n",
      "\n\n",
      "\r\n",
      ".",
      ",",
      ";",
      ":",
      "—",
      "“quoted”",
      "(ICC)",
      "personnel5",
      "and",
      "withdrew from X",
      "cut funding",
      "The last administration",
      "must",
      "needs to",
      "calls upon",
      "urges",
      "?",
      "  ",
      "\t",
      "Élan",
      "zero-\ntolerance",
    ];
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let doc = 0; doc < 300; doc++) {
      const length = Math.floor(random() * 80);
      const text = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join(
        random() < 0.5 ? " " : "",
      );
      const extraction = extractRecommendations(text);
      expectWellFormed(text, extraction);
      expect(extractRecommendations(text)).toEqual(extraction);
    }
  });

  it("handles empty and whitespace-only text", () => {
    expect(extractRecommendations("")).toMatchObject({
      kind: "prose",
      sections: [{ title: "Document", start: 0, end: 0 }],
      candidates: [],
    });
    const blank = extractRecommendations("  \n\n ");
    expect(blank.candidates).toEqual([]);
  });
});
