/**
 * The review screen's proposal from an extraction: shared by the server (lib/documents/mutations.ts, after
 * the upload is parsed) and the browser (when the reviewer overrides the detected document kind, the same
 * rules run again on the same stored text). Pure.
 */
import type { DocumentStructure } from "@/lib/documents/docx";
import { extractRecommendations, type Extraction } from "@/lib/documents/extract";
import type { DocumentKind } from "@/lib/documents/un";

/** Sections that frame an essay rather than carry its recommendations: proposed, but left out by default. */
const FRAMING_TITLE =
  /^(?:\d+[.)]?\s*)?(?:introduction|the challenge|challenges?|background|context|overview|summary|executive summary|abstract|preface|foreword|conclusions?|concluding remarks|acknowledge?ments?|references|notes|bibliography|annex(?:es)?|appendix|methodology)$/i;

export type ProposedSections = { title: string; start: number; end: number; isIncluded: boolean }[];
export type ProposedCandidate = {
  id: string;
  start: number;
  end: number;
  sectionIndex: number;
  explanation: string;
  suggestedTitle: string;
  /** why it was proposed, as a reason code ("modal-should"; labels: documentsClient.reasons.*), for bulk rejection */
  reason: string;
  referenceId: string | null;
  attributes: Record<string, string[]>;
  tags: string[];
};

export type ProposalBody = {
  kind: DocumentKind;
  detectedKind: DocumentKind;
  kindLabel: string;
  documentTitle: string | null;
  sections: ProposedSections;
  candidates: ProposedCandidate[];
};

export function proposalBody(
  extraction: Extraction,
  detectedKind: DocumentKind = extraction.kind,
): ProposalBody {
  const isUn = extraction.kind !== "prose";
  const hasBody = extraction.sections.some((s) => !FRAMING_TITLE.test(s.title.trim()));
  const withCandidates = new Set(extraction.candidates.map((c) => c.sectionIndex));
  return {
    kind: extraction.kind,
    detectedKind,
    kindLabel: extraction.kindLabel,
    documentTitle: extraction.title,
    sections: extraction.sections.map((s, i) => ({
      ...s,
      // a UN document's front matter and narrative parts hold no candidates: left out by default
      isIncluded: isUn ? withCandidates.has(i) : !hasBody || !FRAMING_TITLE.test(s.title.trim()),
    })),
    candidates: extraction.candidates.map((c) => ({
      id: c.id,
      start: c.start,
      end: c.end,
      sectionIndex: c.sectionIndex,
      explanation: c.explanation,
      suggestedTitle: c.suggestedTitle,
      reason: c.reasons[0] ?? "imperative",
      referenceId: c.referenceId ?? null,
      attributes: c.attributes,
      tags: c.tags,
    })),
  };
}

/** The same text read as another kind of document (the reviewer's override). */
export function reextract(
  text: string,
  structure: DocumentStructure | undefined,
  kind: DocumentKind,
  detectedKind: DocumentKind,
): ProposalBody {
  return proposalBody(extractRecommendations(text, { structure, kind }), detectedKind);
}
