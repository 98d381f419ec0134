import type { DocumentProposal } from "@/lib/documents/mutations";
import type { DocumentTrackerInput } from "@/lib/documents/schemas";
import { squashWhitespace } from "@/lib/documents/passages";
import { titleFromText } from "@/lib/import/rows";

/**
 * "New tracker from a document" as pure state: the wizard (source → review → create) and the review
 * itself (sections, proposed recommendations, accept / reject / edit / merge / split / add a selection).
 * The components render it and dispatch; nothing here touches the DOM or the server.
 */

// ---------------------------------------------------------------------------------------------------------
// The wizard: source → review

export type DocumentSource = "paste" | "file";

export type DocumentWizardState = {
  step: "source" | "review";
  source: DocumentSource;
  proposal: DocumentProposal | null;
  error: string | null;
  isPending: boolean;
};

export type DocumentWizardAction =
  | { type: "sourceChosen"; source: DocumentSource }
  | { type: "analyzeStarted" }
  | { type: "analyzed"; proposal: DocumentProposal }
  | { type: "failed"; error: string }
  | { type: "restarted" };

export const initialDocumentWizardState: DocumentWizardState = {
  step: "source",
  source: "paste",
  proposal: null,
  error: null,
  isPending: false,
};

export function documentWizardReducer(
  state: DocumentWizardState,
  action: DocumentWizardAction,
): DocumentWizardState {
  switch (action.type) {
    case "sourceChosen":
      return { ...state, source: action.source, error: null };
    case "analyzeStarted":
      return { ...state, isPending: true, error: null };
    case "analyzed":
      return { ...state, step: "review", proposal: action.proposal, isPending: false, error: null };
    case "failed":
      return { ...state, isPending: false, error: action.error };
    case "restarted":
      return { ...initialDocumentWizardState, source: state.source };
  }
}

// ---------------------------------------------------------------------------------------------------------
// The review

export type ReviewSection = { key: string; title: string; start: number; isIncluded: boolean };

export type CandidateState = "proposed" | "accepted" | "rejected";

export type Candidate = {
  key: string;
  start: number;
  end: number;
  title: string;
  text: string;
  state: CandidateState;
  why: string;
};

export type ReviewState = {
  /** The document's text (read-only; offsets point into it). */
  doc: string;
  name: string;
  docTitle: string;
  sections: ReviewSection[];
  candidates: Candidate[];
  /** A message about the last action on the document pane. */
  notice: string | null;
  /** The candidate whose split points are shown. */
  splitting: string | null;
  /** The candidate just added from a selection (the view scrolls to it). */
  lastAdded: string | null;
  nextKey: number;
};

export type ReviewAction =
  | { type: "nameChanged"; value: string }
  | { type: "docTitleChanged"; value: string }
  | { type: "sectionIncluded"; key: string; isIncluded: boolean }
  | { type: "sectionRenamed"; key: string; title: string }
  | { type: "sectionMerged"; key: string; direction: "previous" | "next" }
  | { type: "candidateEdited"; key: string; title?: string; text?: string }
  | { type: "acceptToggled"; key: string }
  | { type: "rejectToggled"; key: string }
  | { type: "acceptAllProposed" }
  | { type: "mergedWithNext"; key: string }
  | { type: "splittingToggled"; key: string }
  | { type: "split"; key: string; at: number }
  | { type: "selectionAdded"; start: number; end: number };

export function initialReviewState(proposal: DocumentProposal): ReviewState {
  const doc = proposal.text;
  let next = 0;
  const key = () => `k${++next}`;
  const sections: ReviewSection[] =
    proposal.sections.length > 0
      ? proposal.sections.map((s) => ({
          key: key(),
          title: s.title,
          start: s.start,
          isIncluded: s.isIncluded,
        }))
      : [{ key: key(), title: "Recommendations", start: 0, isIncluded: true }];
  const candidates: Candidate[] = proposal.candidates.map((c) => ({
    key: key(),
    start: c.start,
    end: c.end,
    title: c.suggestedTitle,
    text: squashWhitespace(doc.slice(c.start, c.end)),
    state: "proposed",
    why: c.explanation,
  }));
  return {
    doc,
    name: proposal.suggestedTitle || "New tracker",
    docTitle: proposal.suggestedTitle || "Source document",
    sections,
    candidates,
    notice: null,
    splitting: null,
    lastAdded: null,
    nextKey: next + 1,
  };
}

/** Sections in document order. Each owns the text from its start to the next one's. */
export const sortedSections = (state: ReviewState) => [...state.sections].sort((a, b) => a.start - b.start);

/** The section a document offset belongs to. */
export function sectionAt(sections: ReviewSection[], offset: number): ReviewSection {
  const sorted = [...sections].sort((a, b) => a.start - b.start);
  let found = sorted[0]!;
  for (const section of sorted) if (section.start <= offset) found = section;
  return found;
}

export const orderedCandidates = (state: ReviewState) =>
  [...state.candidates].sort((a, b) => a.start - b.start);

/** A candidate counts when it is not rejected and its section is included. */
export const isLive = (state: ReviewState, c: Candidate) =>
  c.state !== "rejected" && sectionAt(state.sections, c.start).isIncluded;

export const acceptedCandidates = (state: ReviewState) =>
  orderedCandidates(state).filter(
    (c) => c.state === "accepted" && sectionAt(state.sections, c.start).isIncluded,
  );

export const proposedCount = (state: ReviewState) =>
  state.candidates.filter((c) => c.state === "proposed" && sectionAt(state.sections, c.start).isIncluded)
    .length;

/** Sentence (and clause) boundaries inside a passage, as absolute offsets where a new piece could start. */
export function splitPoints(doc: string, start: number, end: number): number[] {
  const passage = doc.slice(start, end);
  const points: number[] = [];
  for (const match of passage.matchAll(/[.;:!?]["”’)\]]*\s+(?=\S)|(?<!\s)\n\s*(?=\S)/g)) {
    const at = start + match.index + match[0].length;
    if (at > start && at < end) points.push(at);
  }
  return points;
}

/** The document as plain and highlighted segments (live and left-out candidates; rejected ones are plain). */
export function documentSegments(state: ReviewState): { text: string; candidate?: Candidate }[] {
  const out: { text: string; candidate?: Candidate }[] = [];
  let cursor = 0;
  for (const c of orderedCandidates(state)) {
    if (c.state === "rejected" || c.start < cursor) continue;
    if (c.start > cursor) out.push({ text: state.doc.slice(cursor, c.start) });
    out.push({ text: state.doc.slice(c.start, c.end), candidate: c });
    cursor = c.end;
  }
  if (cursor < state.doc.length) out.push({ text: state.doc.slice(cursor) });
  return out;
}

/**
 * What the create action gets: the document by its upload id, the sections that keep at least one accepted
 * recommendation, and each accepted recommendation as offsets; its text only when the reviewer changed it.
 */
export function trackerPayload(state: ReviewState, uploadId: string): DocumentTrackerInput {
  const accepted = acceptedCandidates(state);
  const kept = sortedSections(state).filter((s) =>
    accepted.some((c) => sectionAt(state.sections, c.start).key === s.key),
  );
  return {
    name: state.name,
    uploadId,
    documentTitle: state.docTitle,
    sections: kept.map((s) => ({ title: s.title })),
    recommendations: accepted.map((c) => ({
      title: c.title,
      text: c.text === squashWhitespace(state.doc.slice(c.start, c.end)) ? null : c.text,
      sourceStart: c.start,
      sourceEnd: c.end,
      sectionIndex: kept.findIndex((s) => s.key === sectionAt(state.sections, c.start).key),
    })),
  };
}

const updateCandidate = (state: ReviewState, key: string, change: Partial<Candidate>): ReviewState => ({
  ...state,
  candidates: state.candidates.map((c) => (c.key === key ? { ...c, ...change } : c)),
});

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  const newKey = (offset = 0) => `k${state.nextKey + offset}`;
  switch (action.type) {
    case "nameChanged":
      return { ...state, name: action.value };
    case "docTitleChanged":
      return { ...state, docTitle: action.value };
    case "sectionIncluded":
      return {
        ...state,
        sections: state.sections.map((s) =>
          s.key === action.key ? { ...s, isIncluded: action.isIncluded } : s,
        ),
      };
    case "sectionRenamed":
      return {
        ...state,
        sections: state.sections.map((s) => (s.key === action.key ? { ...s, title: action.title } : s)),
      };
    case "sectionMerged": {
      const sorted = sortedSections(state);
      const index = sorted.findIndex((s) => s.key === action.key);
      const section = sorted[index];
      const other = sorted[action.direction === "previous" ? index - 1 : index + 1];
      if (!section || !other) return state;
      // The merged section keeps the other's title and spans both.
      return {
        ...state,
        sections: state.sections
          .filter((s) => s.key !== section.key)
          .map((s) =>
            s.key === other.key ? { ...s, start: Math.min(s.start, section.start), isIncluded: true } : s,
          ),
      };
    }
    case "candidateEdited": {
      const change: Partial<Candidate> = {};
      if (action.title !== undefined) change.title = action.title;
      if (action.text !== undefined) change.text = action.text;
      return updateCandidate(state, action.key, change);
    }
    case "acceptToggled": {
      const c = state.candidates.find((x) => x.key === action.key);
      return c
        ? updateCandidate(state, c.key, { state: c.state === "accepted" ? "proposed" : "accepted" })
        : state;
    }
    case "rejectToggled": {
      const c = state.candidates.find((x) => x.key === action.key);
      return c
        ? updateCandidate(state, c.key, { state: c.state === "rejected" ? "proposed" : "rejected" })
        : state;
    }
    case "acceptAllProposed":
      return {
        ...state,
        candidates: state.candidates.map((c) =>
          c.state === "proposed" && sectionAt(state.sections, c.start).isIncluded
            ? { ...c, state: "accepted" }
            : c,
        ),
      };
    case "mergedWithNext": {
      const candidate = state.candidates.find((c) => c.key === action.key);
      if (!candidate) return state;
      const next = orderedCandidates(state).find((c) => c.start >= candidate.end && c.state !== "rejected");
      if (!next) return state;
      return {
        ...state,
        nextKey: state.nextKey + 1,
        candidates: [
          ...state.candidates.filter((c) => c.key !== candidate.key && c.key !== next.key),
          {
            ...candidate,
            key: newKey(),
            end: next.end,
            text: `${candidate.text} ${next.text}`,
            state: "accepted",
            why: "Merged from two proposals.",
          },
        ],
      };
    }
    case "splittingToggled":
      return { ...state, splitting: state.splitting === action.key ? null : action.key };
    case "split": {
      const candidate = state.candidates.find((c) => c.key === action.key);
      if (!candidate || action.at <= candidate.start || action.at >= candidate.end) return state;
      const first = state.doc.slice(candidate.start, action.at).trimEnd();
      const second = state.doc.slice(action.at, candidate.end);
      return {
        ...state,
        splitting: null,
        nextKey: state.nextKey + 2,
        candidates: [
          ...state.candidates.filter((c) => c.key !== candidate.key),
          {
            ...candidate,
            key: newKey(),
            end: candidate.start + first.length,
            text: squashWhitespace(first),
            title: titleFromText(squashWhitespace(first)),
            state: "accepted",
            why: "Split from a proposal.",
          },
          {
            ...candidate,
            key: newKey(1),
            start: action.at,
            text: squashWhitespace(second),
            title: titleFromText(squashWhitespace(second)),
            state: "accepted",
            why: "Split from a proposal.",
          },
        ],
      };
    }
    case "selectionAdded": {
      const { start, end } = action;
      const overlap = state.candidates.find((c) => c.state !== "rejected" && c.start < end && start < c.end);
      if (overlap) {
        return {
          ...state,
          notice: `The selection overlaps “${overlap.title}”: reject or split that one first.`,
        };
      }
      const text = squashWhitespace(state.doc.slice(start, end));
      const key = newKey();
      const section = sectionAt(state.sections, start);
      return {
        ...state,
        nextKey: state.nextKey + 1,
        lastAdded: key,
        notice: "Added the selected passage as a recommendation.",
        sections: section.isIncluded
          ? state.sections
          : state.sections.map((s) => (s.key === section.key ? { ...s, isIncluded: true } : s)),
        candidates: [
          ...state.candidates,
          { key, start, end, title: titleFromText(text), text, state: "accepted", why: "Selected by you." },
        ],
      };
    }
  }
}
