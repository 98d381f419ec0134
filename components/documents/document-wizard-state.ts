import type { DocumentProposal } from "@/lib/documents/mutations";
import type { ProposalBody } from "@/lib/documents/proposal";
import type { DocumentKind } from "@/lib/documents/un";
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
  /** the short reason label, for "reject all proposed because of…" */
  reason: string;
  referenceId: string | null;
  /** detected (and edited) attributes by name: "Recommended by", "Position" */
  attributes: Record<string, string[]>;
  tags: string[];
};

/** A message about the last review action; `title` names the recommendation it is about. */
export type ReviewNotice = { kind: "undone" | "added" | "overlap"; title?: string };

/**
 * Why a candidate exists when the reviewer made it: catalogue keys (the extraction's own explanations are
 * text); the review translates keys and shows text as it is.
 */
export const WHY_MERGED = "documentsClient.why.merged";
export const WHY_SPLIT = "documentsClient.why.split";
export const WHY_SELECTED = "documentsClient.why.selected";
/** The reason of a candidate added from a selection (documentsClient.reasons.selected). */
export const REASON_SELECTED = "selected";

/** What undo restores: the review's content before the last review action. */
type Snapshot = Pick<ReviewState, "sections" | "candidates">;

export type ReviewState = {
  /** The document's text (read-only; offsets point into it). */
  doc: string;
  name: string;
  docTitle: string;
  sections: ReviewSection[];
  candidates: Candidate[];
  /** A message about the last action on the document pane (shown as documentsClient.review.notice.<kind>). */
  notice: ReviewNotice | null;
  /** The section title when the document has no headings (in the reviewer's language). */
  fallbackSection: string;
  /** The candidate whose split points are shown. */
  splitting: string | null;
  /** The candidate just added from a selection (the view scrolls to it). */
  lastAdded: string | null;
  nextKey: number;
  kind: DocumentKind;
  detectedKind: DocumentKind;
  /** earlier states, newest last, for undo (bounded) */
  past: Snapshot[];
};

/** How many review actions undo can take back. */
export const UNDO_DEPTH = 50;

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
  | { type: "selectionAdded"; start: number; end: number }
  | { type: "attributeEdited"; key: string; name: string; values: string[] }
  | { type: "referenceEdited"; key: string; referenceId: string }
  | { type: "sectionAccepted"; key: string }
  | { type: "reasonRejected"; reason: string }
  | { type: "kindChanged"; body: ProposalBody }
  | { type: "undone" };

/** Defaults in the reviewer's language, for a document without a title or headings. */
export type ReviewDefaults = { name: string; docTitle: string; section: string };

const ENGLISH_DEFAULTS: ReviewDefaults = {
  name: "New tracker",
  docTitle: "Source document",
  section: "Recommendations",
};

export function initialReviewState(
  proposal: DocumentProposal,
  defaults: ReviewDefaults = ENGLISH_DEFAULTS,
): ReviewState {
  return {
    ...reviewContent(proposal.text, proposal, 0, defaults.section),
    name: proposal.suggestedTitle || defaults.name,
    docTitle: proposal.suggestedTitle || defaults.docTitle,
    fallbackSection: defaults.section,
    notice: null,
    splitting: null,
    lastAdded: null,
    past: [],
  };
}

function reviewContent(
  doc: string,
  proposal: ProposalBody,
  firstKey: number,
  fallbackSection: string,
): Pick<ReviewState, "doc" | "sections" | "candidates" | "nextKey" | "kind" | "detectedKind"> {
  let next = firstKey;
  const key = () => `k${++next}`;
  const sections: ReviewSection[] =
    proposal.sections.length > 0
      ? proposal.sections.map((s) => ({
          key: key(),
          title: s.title,
          start: s.start,
          isIncluded: s.isIncluded,
        }))
      : [{ key: key(), title: fallbackSection, start: 0, isIncluded: true }];
  const candidates: Candidate[] = proposal.candidates.map((c) => ({
    key: key(),
    start: c.start,
    end: c.end,
    title: c.suggestedTitle,
    text: squashWhitespace(doc.slice(c.start, c.end)),
    state: "proposed",
    why: c.explanation,
    reason: c.reason,
    referenceId: c.referenceId,
    attributes: c.attributes,
    tags: c.tags,
  }));
  return {
    doc,
    sections,
    candidates,
    nextKey: next + 1,
    kind: proposal.kind,
    detectedKind: proposal.detectedKind,
  };
}

/** Attribute names in use, in a stable order ("Recommended by" and "Position" first): the review's columns. */
export function attributeNames(state: ReviewState): string[] {
  const names = new Set<string>();
  for (const c of state.candidates) for (const name of Object.keys(c.attributes)) names.add(name);
  const known = ["Recommended by", "Position"];
  return [...known.filter((n) => names.has(n)), ...[...names].filter((n) => !known.includes(n)).sort()];
}

/** Proposed candidates per reason, for bulk rejection. */
export function proposedReasons(state: ReviewState): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of state.candidates) {
    if (c.state === "proposed") counts.set(c.reason, (counts.get(c.reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
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
      referenceId: c.referenceId?.trim() || null,
      attributes: Object.fromEntries(
        Object.entries(c.attributes)
          .map(([name, values]) => [name, values.map((v) => v.trim()).filter(Boolean)] as const)
          .filter(([, values]) => values.length > 0),
      ),
      tags: c.tags,
    })),
  };
}

const updateCandidate = (state: ReviewState, key: string, change: Partial<Candidate>): ReviewState => ({
  ...state,
  candidates: state.candidates.map((c) => (c.key === key ? { ...c, ...change } : c)),
});

/** Actions that change what the tracker gets (not typing in a field, not showing split points) can be undone. */
const UNDOABLE = new Set<ReviewAction["type"]>([
  "sectionIncluded",
  "sectionMerged",
  "acceptToggled",
  "rejectToggled",
  "acceptAllProposed",
  "mergedWithNext",
  "split",
  "selectionAdded",
  "sectionAccepted",
  "reasonRejected",
  "kindChanged",
]);

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  if (action.type === "undone") {
    const previous = state.past.at(-1);
    if (!previous) return state;
    return {
      ...state,
      ...previous,
      past: state.past.slice(0, -1),
      splitting: null,
      notice: { kind: "undone" },
    };
  }
  const next = applyReviewAction(state, action);
  if (next === state || !UNDOABLE.has(action.type)) return next;
  const snapshot: Snapshot = { sections: state.sections, candidates: state.candidates };
  return { ...next, past: [...state.past.slice(-(UNDO_DEPTH - 1)), snapshot] };
}

function applyReviewAction(
  state: ReviewState,
  action: Exclude<ReviewAction, { type: "undone" }>,
): ReviewState {
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
            why: WHY_MERGED,
            attributes: mergeAttributes(candidate.attributes, next.attributes),
            tags: [...new Set([...candidate.tags, ...next.tags])],
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
            why: WHY_SPLIT,
          },
          {
            ...candidate,
            key: newKey(1),
            referenceId: null,
            start: action.at,
            text: squashWhitespace(second),
            title: titleFromText(squashWhitespace(second)),
            state: "accepted",
            why: WHY_SPLIT,
          },
        ],
      };
    }
    case "attributeEdited":
      return updateCandidate(state, action.key, {
        attributes: {
          ...state.candidates.find((c) => c.key === action.key)?.attributes,
          [action.name]: action.values,
        },
      });
    case "referenceEdited":
      return updateCandidate(state, action.key, { referenceId: action.referenceId });
    case "sectionAccepted": {
      const section = state.sections.find((s) => s.key === action.key);
      if (!section) return state;
      return {
        ...state,
        sections: state.sections.map((s) => (s.key === section.key ? { ...s, isIncluded: true } : s)),
        candidates: state.candidates.map((c) =>
          c.state === "proposed" && sectionAt(state.sections, c.start).key === section.key
            ? { ...c, state: "accepted" }
            : c,
        ),
      };
    }
    case "reasonRejected":
      return {
        ...state,
        candidates: state.candidates.map((c) =>
          c.state === "proposed" && c.reason === action.reason ? { ...c, state: "rejected" } : c,
        ),
      };
    case "kindChanged": {
      const content = reviewContent(state.doc, action.body, state.nextKey, state.fallbackSection);
      return { ...state, ...content, splitting: null, lastAdded: null, notice: null };
    }
    case "selectionAdded": {
      const { start, end } = action;
      const overlap = state.candidates.find((c) => c.state !== "rejected" && c.start < end && start < c.end);
      if (overlap) {
        return {
          ...state,
          notice: { kind: "overlap", title: overlap.title },
        };
      }
      const text = squashWhitespace(state.doc.slice(start, end));
      const key = newKey();
      const section = sectionAt(state.sections, start);
      return {
        ...state,
        nextKey: state.nextKey + 1,
        lastAdded: key,
        notice: { kind: "added" },
        sections: section.isIncluded
          ? state.sections
          : state.sections.map((s) => (s.key === section.key ? { ...s, isIncluded: true } : s)),
        candidates: [
          ...state.candidates,
          {
            key,
            start,
            end,
            title: titleFromText(text),
            text,
            state: "accepted",
            why: WHY_SELECTED,
            reason: REASON_SELECTED,
            referenceId: null,
            attributes: {},
            tags: [],
          },
        ],
      };
    }
  }
}

function mergeAttributes(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> {
  const merged: Record<string, string[]> = { ...a };
  for (const [name, values] of Object.entries(b))
    merged[name] = [...new Set([...(merged[name] ?? []), ...values])];
  return merged;
}
