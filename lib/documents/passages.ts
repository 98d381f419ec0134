/** Splits a document into plain and highlighted segments; overlapping passages keep the first. */
export type Passage = { id: string; start: number; end: number };

export type Segment = { text: string; passageId: string | null };

export function segmentDocument(content: string, passages: Passage[]): Segment[] {
  const sorted = [...passages]
    .filter((p) => p.start >= 0 && p.end > p.start && p.end <= content.length)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const passage of sorted) {
    if (passage.start < cursor) continue;
    if (passage.start > cursor)
      segments.push({ text: content.slice(cursor, passage.start), passageId: null });
    segments.push({ text: content.slice(passage.start, passage.end), passageId: passage.id });
    cursor = passage.end;
  }
  if (cursor < content.length) segments.push({ text: content.slice(cursor), passageId: null });
  return segments;
}

/** A passage as a recommendation's text: whitespace runs (line breaks included) become single spaces. */
export const squashWhitespace = (text: string) => text.replace(/\s+/g, " ").trim();
