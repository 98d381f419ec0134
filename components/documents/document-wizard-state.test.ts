import { describe, expect, it } from "vitest";
import {
  acceptedCandidates,
  documentSegments,
  documentWizardReducer,
  initialDocumentWizardState,
  initialReviewState,
  orderedCandidates,
  proposedCount,
  reviewReducer,
  sectionAt,
  sortedSections,
  splitPoints,
  trackerPayload,
  type ReviewAction,
  type ReviewState,
  WHY_MERGED,
} from "@/components/documents/document-wizard-state";
import type { DocumentProposal } from "@/lib/documents/mutations";
import { DocumentTrackerSchema } from "@/lib/documents/schemas";

const doc = [
  "Introduction", // 0..12
  "The essay begins.", // 13..30
  "Detention",
  "The government should close the camp. Congress must repeal the authorization.",
  "Treaties",
  "The Senate should ratify the Convention.",
].join("\n");
const at = (needle: string) => doc.indexOf(needle);
const span = (needle: string) => ({ start: at(needle), end: at(needle) + needle.length });

const proposal: DocumentProposal = {
  uploadId: "cupload",
  text: doc,
  format: "txt",
  fileName: "blueprint.txt",
  mimeType: "text/plain",
  suggestedTitle: "Blueprint",
  structure: null,
  kind: "prose",
  detectedKind: "prose",
  kindLabel: "prose",
  documentTitle: null,
  sections: [
    { title: "Introduction", start: 0, end: at("Detention"), isIncluded: false },
    { title: "Detention", start: at("Detention"), end: at("Treaties"), isIncluded: true },
    { title: "Treaties", start: at("Treaties"), end: doc.length, isIncluded: true },
  ],
  candidates: [
    {
      id: "a",
      ...span("The government should close the camp. Congress must repeal the authorization."),
      sectionIndex: 1,
      explanation: "“should”",
      suggestedTitle: "Close the camp",
      reason: "Says what should be done",
      referenceId: null,
      attributes: {},
      tags: [],
    },
    {
      id: "b",
      ...span("The Senate should ratify the Convention."),
      sectionIndex: 2,
      explanation: "“should”",
      suggestedTitle: "Ratify the Convention",
      reason: "Says what should be done",
      referenceId: "2.1",
      attributes: { "Recommended by": ["France", "Chile"] },
      tags: ["A12 Acceptance of international norms"],
    },
    {
      id: "c",
      ...span("The essay begins."),
      sectionIndex: 0,
      explanation: "framing",
      suggestedTitle: "The essay begins",
      reason: "Opens with an instruction",
      referenceId: null,
      attributes: {},
      tags: [],
    },
  ],
};

const apply = (state: ReviewState, ...actions: ReviewAction[]) => actions.reduce(reviewReducer, state);
const CAMP = "The government should close the camp. Congress must repeal the authorization.";
const keyOf = (state: ReviewState, text: string) =>
  state.candidates.find((c) => c.text.startsWith(text))!.key;

describe("document wizard", () => {
  it("goes source → review, keeps the source choice on restart, and shows errors", () => {
    let state = documentWizardReducer(initialDocumentWizardState, { type: "sourceChosen", source: "file" });
    state = documentWizardReducer(state, { type: "analyzeStarted" });
    expect(state.isPending).toBe(true);
    state = documentWizardReducer(state, { type: "failed", error: "This looks like an old Word document." });
    expect(state).toMatchObject({ step: "source", isPending: false, error: /old Word/ });
    state = documentWizardReducer(state, { type: "analyzed", proposal });
    expect(state).toMatchObject({ step: "review", error: null, proposal: { uploadId: "cupload" } });
    state = documentWizardReducer(state, { type: "restarted" });
    expect(state).toMatchObject({ step: "source", source: "file", proposal: null });
  });
});

describe("review state", () => {
  it("starts from the proposal: framing sections left out, candidates proposed with the squashed passage", () => {
    const state = initialReviewState(proposal);
    expect(state.name).toBe("Blueprint");
    expect(sortedSections(state).map((s) => s.isIncluded)).toEqual([false, true, true]);
    expect(state.candidates.every((c) => c.state === "proposed")).toBe(true);
    expect(proposedCount(state)).toBe(2); // the introduction's candidate does not count
    expect(acceptedCandidates(state)).toEqual([]);
  });

  it("accepts all, rejects one, and sends only sections with accepted recommendations", () => {
    let state = apply(initialReviewState(proposal), { type: "acceptAllProposed" });
    expect(acceptedCandidates(state)).toHaveLength(2);
    state = apply(state, { type: "rejectToggled", key: keyOf(state, "The Senate") });
    const payload = trackerPayload(state, "cupload");
    expect(payload.sections).toEqual([{ title: "Detention" }]);
    expect(payload.recommendations).toEqual([
      {
        title: "Close the camp",
        text: null, // unchanged: the server uses the passage
        sourceStart: span(CAMP).start,
        sourceEnd: span(CAMP).end,
        sectionIndex: 0,
        referenceId: null,
        attributes: {},
        tags: [],
      },
    ]);
    expect(DocumentTrackerSchema.safeParse(payload).success).toBe(true);
  });

  it("sends the paragraph number, the edited attributes and the themes", () => {
    let state = initialReviewState(proposal);
    const key = keyOf(state, "The Senate");
    state = apply(
      state,
      { type: "attributeEdited", key, name: "Recommended by", values: ["France", " Chile ", ""] },
      { type: "attributeEdited", key, name: "Position", values: [] },
      { type: "acceptToggled", key },
    );
    const [rec] = trackerPayload(state, "cupload").recommendations;
    expect(rec).toMatchObject({
      referenceId: "2.1",
      attributes: { "Recommended by": ["France", "Chile"] },
      tags: ["A12 Acceptance of international norms"],
    });
    expect(DocumentTrackerSchema.safeParse(trackerPayload(state, "cupload")).success).toBe(true);
  });

  it("accepts a section at once, rejects every proposal of one reason, and undoes the last action", () => {
    let state = initialReviewState(proposal);
    const detention = state.sections.find((s) => s.title === "Detention")!;
    state = apply(state, { type: "sectionAccepted", key: detention.key });
    expect(state.candidates.filter((c) => c.state === "accepted").map((c) => c.text)).toEqual([CAMP]);
    state = apply(state, { type: "reasonRejected", reason: "Says what should be done" });
    expect(state.candidates.find((c) => c.text.startsWith("The Senate"))!.state).toBe("rejected");
    expect(state.candidates.find((c) => c.text === CAMP)!.state).toBe("accepted"); // not proposed any more
    state = apply(state, { type: "undone" });
    expect(state.candidates.find((c) => c.text.startsWith("The Senate"))!.state).toBe("proposed");
    state = apply(state, { type: "undone" });
    expect(state.candidates.every((c) => c.state === "proposed")).toBe(true);
    expect(apply(state, { type: "undone" })).toBe(state); // nothing left to undo
  });

  it("merges across a page break and keeps both attribute lists", () => {
    let state = initialReviewState(proposal);
    state = apply(state, { type: "mergedWithNext", key: keyOf(state, "The government") });
    const merged = state.candidates.find((c) => c.text.startsWith("The government"))!;
    expect(merged.end).toBe(span("The Senate should ratify the Convention.").end);
    expect(merged.attributes["Recommended by"]).toEqual(["France", "Chile"]);
    expect(apply(state, { type: "undone" }).candidates).toHaveLength(3);
  });

  it("sends an edited text, and the edited title", () => {
    let state = initialReviewState(proposal);
    const key = keyOf(state, "The Senate");
    state = apply(
      state,
      { type: "acceptToggled", key },
      { type: "candidateEdited", key, text: "Ratify it.", title: "Ratify" },
    );
    const [rec] = trackerPayload(state, "cupload").recommendations;
    expect(rec).toMatchObject({ title: "Ratify", text: "Ratify it." });
  });

  it("splits at a sentence break into two accepted recommendations", () => {
    let state = initialReviewState(proposal);
    const key = keyOf(state, "The government");
    const c = state.candidates.find((x) => x.key === key)!;
    const points = splitPoints(doc, c.start, c.end);
    expect(points).toEqual([at("Congress")]);
    state = apply(state, { type: "splittingToggled", key }, { type: "split", key, at: points[0]! });
    expect(state.splitting).toBeNull();
    const parts = orderedCandidates(state).filter((x) => x.state === "accepted");
    expect(parts.map((p) => doc.slice(p.start, p.end))).toEqual([
      "The government should close the camp.",
      "Congress must repeal the authorization.",
    ]);
    expect(new Set(state.candidates.map((x) => x.key)).size).toBe(state.candidates.length);
  });

  it("merges a candidate with the next one across the text between them", () => {
    let state = initialReviewState(proposal);
    state = apply(state, { type: "mergedWithNext", key: keyOf(state, "The government") });
    const merged = state.candidates.find((c) => c.why === WHY_MERGED)!;
    expect(merged).toMatchObject({ start: at("The government"), end: doc.length, state: "accepted" });
    expect(state.candidates).toHaveLength(2);
  });

  it("adds a selection, including its left-out section; refuses an overlapping one", () => {
    let state = initialReviewState(proposal);
    state = apply(state, { type: "rejectToggled", key: keyOf(state, "The essay") });
    state = apply(state, { type: "selectionAdded", ...span("The essay begins.") });
    expect(state.notice).toEqual({ kind: "added" });
    expect(state.lastAdded).toBeTruthy();
    expect(sectionAt(state.sections, at("The essay")).isIncluded).toBe(true);
    const before = state.candidates.length;
    state = apply(state, { type: "selectionAdded", ...span("close the camp") });
    expect(state.candidates).toHaveLength(before);
    expect(state.notice).toEqual({ kind: "overlap", title: "Close the camp" });
  });

  it("merges a section into its neighbour, which keeps its title and spans both", () => {
    let state = initialReviewState(proposal);
    const treaties = sortedSections(state)[2]!;
    state = apply(state, { type: "sectionMerged", key: treaties.key, direction: "previous" });
    expect(sortedSections(state).map((s) => s.title)).toEqual(["Introduction", "Detention"]);
    expect(sectionAt(state.sections, at("The Senate")).title).toBe("Detention");
  });

  it("highlights live candidates in the document and leaves rejected ones plain", () => {
    let state = initialReviewState(proposal);
    state = apply(state, { type: "rejectToggled", key: keyOf(state, "The Senate") });
    const segments = documentSegments(state);
    expect(segments.map((s) => s.text).join("")).toBe(doc);
    expect(segments.filter((s) => s.candidate).map((s) => s.candidate!.title)).toEqual([
      "The essay begins",
      "Close the camp",
    ]);
  });
});
