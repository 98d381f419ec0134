import type { DocumentStructure } from "@/lib/documents/docx";
import {
  KIND_LABELS,
  RECOMMENDED_BY,
  REPORTED_VERB,
  detectKind,
  thematicRows,
  uprRecommendations,
  type DocumentKind,
  type Draft,
} from "@/lib/documents/un";
import { trimEndOf } from "@/lib/text";
/**
 * Proposes sections and candidate recommendations from the plain text of a policy document.
 *
 * Deterministic and offline: plain rules over the text, no model, no network, no randomness. Same input, same
 * output. Every offset points into the text as given (`candidate.text === text.slice(start, end)`), because
 * the review screen highlights passages by offset. The output is a proposal for a person to review: it
 * favours recall, and says for each candidate why it was proposed.
 */

export type ProposedSection = { title: string; start: number; end: number }; // the section body spans start..end
export type CandidateReason =
  | "modal-should"
  | "modal-must"
  | "needs-to"
  | "calls-on"
  | "urge"
  | "imperative"
  | "list-item"
  | "numbered-paragraph"
  | "reversal-list"
  | "upr-recommendation"
  | "table-row"
  | "reported-speech";
export type Candidate = {
  id: string;
  text: string;
  start: number;
  end: number;
  sectionIndex: number;
  reasons: CandidateReason[];
  explanation: string; // a human sentence: why it was proposed
  suggestedTitle: string; // <= 90 chars
  /** the document's own number for it ("115.1"), when it has one */
  referenceId?: string;
  /** detected attributes by name ("Recommended by": ["France", "Lithuania"], "Position": ["Supported"]) */
  attributes: Record<string, string[]>;
  tags: string[];
};
export type Extraction = {
  kind: DocumentKind;
  /** "Looks like a UPR Working Group report" */
  kindLabel: string;
  /** the document's title, when it states one */
  title: string | null;
  sections: ProposedSection[];
  candidates: Candidate[];
};

export const MAX_TITLE_LENGTH = 90;

// ---------------------------------------------------------------------------------------------------------
// Word lists

/** Base-form verbs that open an instruction ("Ratify the Convention…"). Lower case. */
const IMPERATIVE_VERBS = new Set(
  (
    "abolish accede accept address adhere adopt align allocate allow amend apply appoint assess avoid ban bring " +
    "build cease close collect combat commit condemn conduct consider continue cooperate create criminalize " +
    "decriminalize define designate develop eliminate empower enable enact encourage end enforce engage enhance " +
    "ensure establish expand extend facilitate finalize fund grant guarantee halt harmonize implement improve " +
    "include incorporate increase integrate intensify introduce investigate invest join launch lift maintain " +
    "make monitor prioritize prohibit promote prevent prosecute protect provide publish pursue ratify reaffirm " +
    "rebuild recognize reconceptualize reconsider redouble redress reduce reengage re-engage refrain reform reinstate " +
    "reject rejoin re-join release remove repeal replace repatriate report require rescind respect respond " +
    "restore resume reverse review revise revoke safeguard seek sign stop strengthen submit support suspend " +
    "take train undertake uphold withdraw"
  ).split(" "),
);

/** A word after which a capitalized verb is really a noun: "Support for…", "Reform is…". */
const NOUN_FOLLOWERS = new Set(
  "of for is was were has had have are will would can could may might".split(" "),
);

/** Finite verbs that show the opening word was the subject, not an instruction. */
const FINITE_VERBS = new Set(
  "is are was were has have had will would can could may might remains remain seems seem".split(" "),
);

/** Verbs whose object list is a list of measures to undo. */
const REVERSAL_VERB = String.raw`(?:reverse|revoke|rescind|repeal|undo|overturn|roll\s+back|scrap|cancel)`;

/** Irregular past-tense verbs, for lists of what an earlier government did ("withdrew from…, cut funding…"). */
const IRREGULAR_PAST = new Set(
  (
    "began bound broke brought built chose cut drew fought forbade froze gave held hid kept led left let lost " +
    "made met overrode overturned paid put quit ran said sent set shut sold sought spent split spread stood " +
    "stole struck swept took tore threw told undid undercut underwent upheld withdrew won wrote"
  ).split(" "),
);

/** -ed words that are not past-tense verbs. */
const NOT_PAST = new Set(
  "united hundred indeed proceed exceed succeed need feed seed speed bed red shed bred creed greed wed".split(
    " ",
  ),
);

/** Words that cannot stand right before the verb of a sentence ("the proposed law"). */
const NOT_BEFORE_VERB = new Set(
  (
    "the a an its their his her our your this that these those of in on for to with by from at as and or " +
    "very more most well newly so not"
  ).split(" "),
);

/** Small words a title-case line may keep in lower case. */
const SMALL_WORDS = new Set(
  "a an and or nor but the of in on at to for by with from into onto over upon via vs per as than its their".split(
    " ",
  ),
);

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof st jr sr no nos art arts para paras p pp vol vols ch chap sec secs fig ed eds rev inc ltd " +
    "co corp vs v cf al approx dept gov govt jan feb mar apr jun jul aug sep sept oct nov dec fed reg res doc " +
    "docs op cit ibid hum rts int supp sess gen assem cong stat ct cir l j n nr ref amb pres sen rep est viz"
  ).split(" "),
);

/** Word fragments that keep their hyphen when a line break splits them ("zero-\ntolerance"). */
const HYPHEN_PREFIXES = new Set(
  "anti co cross ex full high inter long low multi non post pre pro re self semi so un well zero".split(" "),
);

// ---------------------------------------------------------------------------------------------------------
// Small helpers

type Line = { start: number; end: number; text: string };
type Span = { start: number; end: number };

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end, text: text.slice(start, end) });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

const isBlank = (line: Line | undefined): boolean => line === undefined || line.text.trim() === "";
const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);
const isUpper = (char: string | undefined): boolean => char !== undefined && /\p{Lu}/u.test(char);
const isLower = (char: string | undefined): boolean => char !== undefined && /\p{Ll}/u.test(char);

/** Trims whitespace (and the given extra characters at the end) off a span. */
function trimSpan(text: string, span: Span, trailing = /[\s]/u): Span {
  let { start, end } = span;
  while (start < end && isSpace(text[start])) start++;
  for (;;) {
    const before = end;
    while (end > start && (isSpace(text[end - 1]) || trailing.test(text[end - 1] ?? ""))) end--;
    // footnote markers glued to the end of a clause: "personnel5", "countries,4"
    const glued = /(?:\p{Ll}|[^\d\s][,.;:)”’"])(\d{1,2})$/u.exec(text.slice(Math.max(start, end - 4), end));
    if (glued?.[1] && end - start > 4) end -= glued[1].length;
    if (end === before) return { start, end };
  }
}

/** Collapses a passage into one line for titles: rejoins hyphenated line breaks, drops footnote markers. */
function flatten(passage: string): string {
  return passage
    .replace(/(?<!\p{L})(\p{L}+)-[ \t]*\n\s*(\p{Ll})/gu, (_, left: string, right: string) =>
      HYPHEN_PREFIXES.has(left.toLowerCase()) ? `${left}-${right}` : `${left}${right}`,
    )
    .replace(/(?<=\p{Ll}|[^\d\s][.,;:)”’"])\d{1,2}(?=[\s,;.]|$)/gu, "")
    .replace(/\*\*|__|`/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Shortens to MAX_TITLE_LENGTH: at a clause boundary when there is a good one, else at a word, with "…". */
function shorten(value: string): string {
  const clean = trimEndOf(value, ".;:,", { whitespace: true });
  if (clean.length <= MAX_TITLE_LENGTH) return clean;
  const room = clean.slice(0, MAX_TITLE_LENGTH);
  const clause = Math.max(room.lastIndexOf(", "), room.lastIndexOf("; "), room.lastIndexOf("—"));
  if (clause >= 50) return clean.slice(0, clause);
  const space = clean.lastIndexOf(" ", MAX_TITLE_LENGTH - 1);
  return `${trimEndOf(clean.slice(0, space > 30 ? space : MAX_TITLE_LENGTH - 1), ",;:", { whitespace: true })}…`;
}

function isTitleLike(raw: string): boolean {
  const value = raw.trim().replace(/:$/, "");
  if (value === "" || value.length > 90 || !/^[\p{Lu}\d]/u.test(value)) return false;
  if (/[.!?]\s+\p{Lu}/u.test(value)) return false; // two sentences
  const words = value.split(/\s+/);
  if (words.length > 12) return false;
  const significant = words.filter((word) => /\p{L}{4,}/u.test(word) && !SMALL_WORDS.has(word.toLowerCase()));
  if (significant.length === 0) return true;
  const capitalized = significant.filter((word) => /^[^\p{L}]*[\p{Lu}]/u.test(word)).length;
  return capitalized / significant.length >= 0.7;
}

// ---------------------------------------------------------------------------------------------------------
// Sections

/** "## Title ##": the closing hashes and spaces are trimmed in code (a lazy group before them backtracks). */
const MARKDOWN_HEADING = /^[ \t]{0,3}#{1,6}[ \t]+(\S.*)$/;
const NUMBERED_HEADING = /^\s*(?:[IVXLC]{1,6}|[A-Z]|\d{1,2}(?:\.\d{1,2})*)\.\s+(\S.*)$/;
const PART_HEADING =
  /^\s*(?:part|section|chapter|annex|title)\s+(?:[IVXLC]{1,6}|\d{1,3}|[A-Z])\b[.:]?[ \t]*(?:[-–—:][ \t]*)?(\S.*)?$/i;
const LIST_MARKER =
  /^[ \t]*(?:[-*•▪◦‣·–][ \t]+|\(?[a-z]\)[ \t]+|\(?[ivx]{1,5}\)[ \t]+|\(\d{1,3}\)[ \t]+|\d{1,3}[.)][ \t]+)(?=\S)/;
const NUMBERED_PARAGRAPH = /^[ \t]*(\d{1,3}(?:\.\d{1,3})+)\.?[ \t]+(?=\S)/;
const ENDS_SENTENCE = /[.!?:;)"”’]$/;

function headingTitle(lines: Line[], i: number): string | null {
  const line = lines[i];
  if (!line) return null;
  const value = line.text.trim();
  if (value === "" || value.length > 100) return null;

  const markdown = MARKDOWN_HEADING.exec(line.text);
  if (markdown?.[1]) {
    const title = trimEndOf(trimEndOf(markdown[1], " \t#"), " \t", { whitespace: true });
    if (title) return flatten(title);
  }

  const prev = lines[i - 1];
  const prevEnds = isBlank(prev) || ENDS_SENTENCE.test(prev?.text.trim() ?? "");
  const nextBlank = isBlank(lines[i + 1]);
  if (!prevEnds) return null;

  // "To the Government:" above a list is the list's lead-in, not a heading
  const nextText = (isBlank(lines[i + 1]) ? lines[i + 2] : lines[i + 1])?.text ?? "";
  if (value.endsWith(":") && LIST_MARKER.test(nextText)) return null;

  const part = PART_HEADING.exec(value);
  if (part && (!part[1] || isTitleLike(part[1]))) return value;

  const numbered = NUMBERED_HEADING.exec(value);
  if (numbered?.[1]) {
    const rest = numbered[1];
    const next = lines[i + 1];
    const prevNonBlank = isBlank(prev) ? lines[i - 2] : prev;
    const inList =
      (next !== undefined && LIST_MARKER.test(next.text)) ||
      (prevNonBlank !== undefined && /^\s*\d{1,3}\.\s/.test(prevNonBlank.text));
    // "II. Conclusions and recommendations" may be in sentence case; "1. Reverse and Revoke" must look
    // like a title, or it is the first item of a numbered list
    const roman = /^\s*(?:[IVXLC]{1,6}|[A-Z])\./.test(value);
    const titled = isTitleLike(rest) || (roman && /^\p{Lu}/u.test(rest) && rest.split(/\s+/).length <= 12);
    // a roman or letter heading ("II. Conclusions…", "A. Presentation…") stands between numbered paragraphs
    if ((roman || !inList) && titled && !/[.,;!?]$/.test(rest) && !/\.{4,}|…{2,}/.test(rest)) {
      return rest.replace(/:$/, "");
    }
    return null;
  }

  if (LIST_MARKER.test(line.text) || NUMBERED_PARAGRAPH.test(line.text)) return null;

  const letters = value.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 3 && !/\p{Ll}/u.test(letters) && !/[.,;]$/.test(value) && /^\p{Lu}/u.test(value)) {
    return value.replace(/:$/, "");
  }

  if (nextBlank && isTitleLike(value) && !/[.,;!?]$/.test(value)) return value.replace(/:$/, "");
  return null;
}

type Heading = { line: Line; title: string };

function findSections(text: string, lines: Line[]): ProposedSection[] {
  const headings: Heading[] = [];
  lines.forEach((line, i) => {
    const title = headingTitle(lines, i);
    if (title) headings.push({ line, title });
  });

  const sections: ProposedSection[] = [];
  const push = (title: string, from: number, to: number) => {
    const body = trimSpan(text, { start: from, end: to });
    if (body.end > body.start) sections.push({ title, start: body.start, end: body.end });
  };
  const firstStart = headings[0]?.line.start ?? text.length;
  if (text.slice(0, firstStart).trim() !== "") {
    push(headings.length > 0 ? "Introduction" : "Document", 0, firstStart);
  }
  headings.forEach((heading, i) => {
    const next = headings[i + 1];
    push(heading.title, Math.min(text.length, heading.line.end + 1), next ? next.line.start : text.length);
  });
  if (sections.length === 0) sections.push({ title: "Document", start: 0, end: text.length });
  return sections;
}

// ---------------------------------------------------------------------------------------------------------
// Units: prose runs and list items inside a section

type Unit =
  | { kind: "prose"; start: number; end: number }
  | { kind: "list-item" | "numbered-paragraph"; start: number; end: number; label: string };

function findUnits(lines: Line[], section: ProposedSection): Unit[] {
  const units: Unit[] = [];
  let item: Extract<Unit, { kind: "list-item" | "numbered-paragraph" }> | null = null;
  let prose: Extract<Unit, { kind: "prose" }> | null = null;
  // first line that reaches into the section (lines are sorted by offset)
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lines[middle]!.end < section.start) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.start >= section.end) break;
    if (line.end <= section.start) continue;
    const end = Math.min(line.end, section.end);
    if (line.text.trim() === "") {
      item = null;
      continue;
    }
    let marker = (NUMBERED_PARAGRAPH.exec(line.text) ?? LIST_MARKER.exec(line.text))?.[0];
    // a number at the start of a wrapped line ("3.5 million people…") only opens an item after a blank
    // line or a finished sentence
    const previousLine = lines[i - 1];
    if (marker && /^\s*\d/.test(marker) && !isBlank(previousLine)) {
      if (!ENDS_SENTENCE.test(previousLine?.text.trim() ?? "")) marker = undefined;
    }
    if (marker !== undefined) {
      prose = null;
      item = {
        kind: NUMBERED_PARAGRAPH.test(line.text) ? "numbered-paragraph" : "list-item",
        start: line.start + marker.length,
        end,
        label: marker.trim(),
      };
      units.push(item);
      continue;
    }
    if (item) {
      // a wrapped line of the item: the line before did not end a sentence, or this one is indented or
      // continues in lower case
      const previous = lines[i - 1]?.text.trim() ?? "";
      if (!ENDS_SENTENCE.test(previous) || /^\s|^\p{Ll}/u.test(line.text)) {
        item.end = end;
        continue;
      }
      item = null;
    }
    if (prose) prose.end = end;
    else {
      prose = { kind: "prose", start: Math.max(line.start, section.start), end };
      units.push(prose);
    }
  }
  return units;
}

// ---------------------------------------------------------------------------------------------------------
// Sentences

const CLOSERS = `"'”’)]»`;
const OPENERS = `"'“‘([«•`;

function isAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && !isSpace(text[start - 1]) && !"([“\"'".includes(text[start - 1] ?? "")) start--;
  const word = text.slice(start, dot);
  if (word === "") return false;
  if (/^\p{L}$/u.test(word)) return true; // an initial: "H.", "U."
  if (/\p{L}\.\p{L}/u.test(word)) return true; // "U.S", "e.g", "i.e"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Splits a prose run into sentence spans. Copes with abbreviations, footnote markers and PDF page breaks. */
function splitSentences(text: string, unit: Span): Span[] {
  const spans: Span[] = [];
  let sentenceStart = unit.start;
  const close = (end: number, nextStart: number) => {
    const span = trimSpan(text, { start: sentenceStart, end });
    if (span.end > span.start) spans.push(span);
    sentenceStart = nextStart;
  };

  for (let i = unit.start; i < unit.end; i++) {
    const char = text[i]!;
    if (char === "." || char === "!" || char === "?") {
      let end = i + 1;
      while (end < unit.end && CLOSERS.includes(text[end]!)) end++;
      let after = end;
      // a footnote marker right after the full stop: "departments.3 Its"
      if (/\d/.test(text[after] ?? "") && !/\d/.test(text[i - 1] ?? "")) {
        while (after < unit.end && after - end < 3 && /\d/.test(text[after]!)) after++;
      }
      if (after < unit.end && !isSpace(text[after])) continue;
      let next = after;
      while (next < unit.end && isSpace(text[next])) next++;
      if (next >= unit.end) {
        close(end, unit.end);
        break;
      }
      const gap = text.slice(after, next);
      const paragraphBreak = /\n[ \t]*\n/.test(gap);
      const following = text[next];
      if (char === "." && isAbbreviation(text, i) && !(paragraphBreak && isUpper(following))) continue;
      if (isUpper(following) || /\d/.test(following ?? "") || OPENERS.includes(following ?? "")) {
        close(end, next);
        i = next - 1;
      } else if (paragraphBreak && !isLower(following)) {
        close(end, next);
        i = next - 1;
      }
      continue;
    }
    if (char === "\n") {
      let next = i + 1;
      while (next < unit.end && isSpace(text[next])) next++;
      if (next >= unit.end) break;
      const gap = text.slice(i, next);
      const following = text[next];
      let last = i;
      while (last > sentenceStart && isSpace(text[last - 1])) last--;
      const previous = text[last - 1];
      const paragraphBreak = /\n[ \t]*\n/.test(gap);
      if (paragraphBreak) {
        if (isLower(following)) {
          i = next - 1;
          continue;
        }
        const paragraph = text.slice(sentenceStart, last);
        const lonelyTitle = !paragraph.includes("\n") && isTitleLike(paragraph);
        if ((previous !== undefined && ENDS_SENTENCE.test(previous)) || lonelyTitle) close(last, next);
        i = next - 1;
      } else if (previous === ":" && isUpper(following)) {
        close(last, next);
        i = next - 1;
      }
    }
  }
  if (sentenceStart < unit.end) close(unit.end, unit.end);
  return spans;
}

/** "Institutional Reform: The Biden administration should…" → starts at "The". */
function skipRunInHeading(text: string, span: Span): Span {
  const head = /^([^\n:]{2,70}):[ \t]+(?=\p{Lu})/u.exec(text.slice(span.start, span.end));
  if (head?.[1] && isTitleLike(head[1]) && head[1].split(/\s+/).length <= 8) {
    return { start: span.start + head[0].length, end: span.end };
  }
  return span;
}

// ---------------------------------------------------------------------------------------------------------
// Cues

type Cue = { reason: CandidateReason; phrase: string };

function imperativeCue(passage: string, allowLowerCase: boolean): Cue | null {
  const match = /^[\s"'“‘(]*([\p{L}]+(?:-[\p{L}]+)?)(:?)((?:\s+[\p{L}’'-]+){0,3})/u.exec(passage);
  const word = match?.[1] ?? "";
  if (!word || match?.[2] || (!allowLowerCase && !isUpper(word[0]))) return null;
  if (!IMPERATIVE_VERBS.has(word.toLowerCase())) return null;
  // "Support for…", "Reform conversations are underway…": the word is a noun here
  const following = (match?.[3] ?? "").trim().toLowerCase().split(/\s+/);
  if (NOUN_FOLLOWERS.has(following[0] ?? "") || following.some((next) => FINITE_VERBS.has(next))) return null;
  return { reason: "imperative", phrase: word };
}

function findCues(passage: string, allowLowerCaseImperative: boolean): Cue[] {
  const cues: Cue[] = [];
  const add = (reason: CandidateReason, match: RegExpExecArray | null) => {
    if (match) cues.push({ reason, phrase: match[0].replace(/\s+/g, " ") });
  };
  add("modal-should", /\b(?:should|ought\s+to)\b/.exec(passage));
  add("modal-must", /\bmust\b/.exec(passage));
  add("needs-to", /\bneeds?\s+to\b/.exec(passage));
  add(
    "calls-on",
    /\b(?:calls?\s+(?:up)?on|called\s+(?:up)?on|recommends?\s+(?:that|to)|recommended\s+that|encourages?\s+(?:the|all|states?|governments?)\b)/i.exec(
      passage,
    ),
  );
  add("urge", /\burg(?:e|es|ed|ing)\b/i.exec(passage));
  const imperative = imperativeCue(passage, allowLowerCaseImperative);
  if (imperative) cues.push(imperative);
  return cues;
}

// ---------------------------------------------------------------------------------------------------------
// Reversal lists

/** Splits a span at top-level separators (not inside brackets or quotes). */
function splitTopLevel(text: string, span: Span, separator: RegExp): Span[] {
  const parts: Span[] = [];
  let depth = 0;
  let partStart = span.start;
  const sticky = new RegExp(separator.source, "uy");
  for (let i = span.start; i < span.end; i++) {
    const char = text[i]!;
    if ("(“[".includes(char)) depth++;
    else if (")”]".includes(char)) depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    sticky.lastIndex = i;
    const match = sticky.exec(text);
    if (match && match[0].length > 0 && i + match[0].length <= span.end) {
      parts.push({ start: partStart, end: i });
      partStart = i + match[0].length;
      i = partStart - 1;
    }
  }
  parts.push({ start: partStart, end: span.end });
  return parts;
}

const CLAUSE_TRAIL = /[\s,;:.—–-]/u;
const SUBORDINATE =
  /^(?:which|that|who|whom|whose|as|because|since|so|while|including|in\s+order|where|when)\b/i;

/** "should reverse the travel ban, family separation, and the global gag rule" → one span per measure. */
function explicitReversalItems(text: string, sentence: Span): { verb: string; items: Span[] } | null {
  const passage = text.slice(sentence.start, sentence.end);
  const lead = new RegExp(
    String.raw`(?:^[\s"'“(]*|\b(?:should|must|needs?\s+to|ought\s+to|to)\s+(?:(?:immediately|quickly|promptly|swiftly|also|fully|now|urgently)\s+)?)(${REVERSAL_VERB}(?:\s+(?:and|or)\s+${REVERSAL_VERB})?)\s+(?=\S)`,
    "iu",
  ).exec(passage);
  if (!lead?.[1]) return null;
  const from = sentence.start + lead.index + lead[0].length;
  const list = trimSpan(text, { start: from, end: sentence.end }, CLAUSE_TRAIL);
  // "A, B, and C" / "A, B and C" / "A and B"; a subordinate clause (", which…") stays with its measure
  const merged: Span[] = [];
  for (const part of splitTopLevel(text, list, /\s*[,;]\d{0,2}\s*(?:(?:and|or)\s+)?/)) {
    const previous = merged[merged.length - 1];
    if (previous && SUBORDINATE.test(text.slice(part.start, part.end))) previous.end = part.end;
    else merged.push({ ...part });
  }
  const last = merged.pop();
  if (last) {
    const tail = splitTopLevel(text, last, /\s+(?:and|or)\s+/);
    merged.push(...(tail.length === 2 ? tail : [last]));
  }
  const items = merged
    .map((part) => trimSpan(text, part, CLAUSE_TRAIL))
    .filter((part) => part.end > part.start);
  if (items.length < 2) return null;
  return { verb: lead[1].replace(/\s+/g, " ").toLowerCase(), items };
}

function isPastTense(word: string): boolean {
  const lower = word.toLowerCase();
  if (word !== lower) return false;
  if (IRREGULAR_PAST.has(lower)) return true;
  return /^[a-z]{2,}ed$/.test(lower) && !NOT_PAST.has(lower) && !/[^a]eed$/.test(lower);
}

/**
 * Clauses of a sentence that lists what an earlier government did: "The administration abandoned X, revoked
 * Y, and reversed Z." → spans for "abandoned X", "revoked Y", "reversed Z". An em-dash elaboration made of
 * gerunds ("launched an assault on gender rights—expanding A, opposing B") yields the gerunds instead.
 */
function pastTenseClauses(text: string, sentence: Span): { clauses: Span[]; subject: string } | null {
  const passage = text.slice(sentence.start, sentence.end);
  const words = [...passage.matchAll(/[\p{L}][\p{L}’'-]*[,]?/gu)].slice(0, 14);
  let verbAt = -1;
  for (let w = 1; w < words.length; w++) {
    const word = words[w]![0].replace(/,$/, "");
    const before = words[w - 1]![0];
    if (isPastTense(word) && !NOT_BEFORE_VERB.has(before.toLowerCase())) {
      verbAt = words[w]!.index;
      break;
    }
  }
  if (verbAt < 0) return null;
  const subject = passage.slice(0, verbAt);
  const predicate: Span = { start: sentence.start + verbAt, end: sentence.end };

  const clauses: Span[] = [];
  const rough = splitTopLevel(text, predicate, /\s*[,;]\d{0,2}\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/);
  let current: Span | null = null;
  for (const part of rough) {
    const head = /^[\p{L}][\p{L}-]*/u.exec(text.slice(part.start, part.end))?.[0] ?? "";
    if (current === null || isPastTense(head)) {
      current = { ...part };
      clauses.push(current);
    } else {
      current.end = part.end;
    }
  }

  const result: Span[] = [];
  for (const clause of clauses) {
    const body = text.slice(clause.start, clause.end);
    const dash = /—\s*(?=\p{Ll}+ing\b)/u.exec(body);
    if (dash) {
      const elaboration = { start: clause.start + dash.index + dash[0].length, end: clause.end };
      const gerunds = splitTopLevel(text, elaboration, /\s*,\s*(?:and\s+)?(?=\p{Ll}+ing\b)/u);
      result.push(...gerunds);
    } else {
      result.push(clause);
    }
  }
  const spans = result
    .map((span) => trimSpan(text, span, CLAUSE_TRAIL))
    .filter((span) => span.end > span.start);
  return spans.length > 0 ? { clauses: spans, subject } : null;
}

const REVERSAL_SECTION = /\b(?:revers|revok|rescind|repeal|undo|roll(?:ing)?\s+back|overturn)/i;

// ---------------------------------------------------------------------------------------------------------
// Titles and explanations

const ACTOR =
  /\b(?:administration|government|state|states|united states|committee|congress|parliament|ministry|ministries|council|authorities|party|parties|president|department|agency|agencies|secretary|senate|it|they|we|you|he|she|union|commission|court|police|assembly|member|members|secretary-general|office|body|bodies|mission|missions|legislature)\b/i;

function titleFrom(passage: string, reasons: CandidateReason[]): string {
  let value = flatten(passage);
  value = value.replace(/^[-*•▪◦‣·–\s]+/u, "");
  if (!reasons.includes("imperative")) {
    const callsOn =
      /\b(?:calls?\s+(?:up)?on|urges?|encourages?|recommends?)\s+[^,;]{1,80}?\bto\s+(\p{Ll}.*)$/u.exec(value);
    const modal =
      /^(.{1,200}?)\b(?:should|must|needs?\s+to|ought\s+to)\s+(not\s+)?(?:(?:also|publicly|now|urgently|therefore|further)\s+)?(\p{Ll}.*)$/u.exec(
        value,
      );
    // the subject is what precedes the modal, after any introductory clause ("Similarly, in its…, the State")
    const subject = modal?.[1]?.split(/,\s+/).at(-1) ?? "";
    if (callsOn?.[1]) value = callsOn[1];
    else if (modal?.[3] && subject.split(/\s+/).length <= 8 && ACTOR.test(subject)) {
      value = (modal[2] ? "do not " : "") + modal[3];
    }
  }
  return shorten(capitalize(value));
}

const REASON_TEXT: Record<CandidateReason, (phrase: string) => string> = {
  "modal-should": (phrase) => `says what "${phrase}" be done`,
  "modal-must": () => `says what "must" be done`,
  "needs-to": (phrase) => `says what "${phrase}" happen`,
  "calls-on": (phrase) => `calls on someone to act ("${phrase}")`,
  urge: (phrase) => `urges action ("${phrase}")`,
  imperative: (phrase) => `opens with the instruction "${phrase}"`,
  "list-item": (label) =>
    /^[\p{L}\d]+$/u.test(label) ? `is item ${label} of a list` : "is an item of a bulleted list",
  "numbered-paragraph": (phrase) => `is numbered paragraph ${phrase}`,
  "reversal-list": (phrase) => phrase,
  "upr-recommendation": (phrase) => `is recommendation ${phrase} of the report`,
  "table-row": (phrase) => `is row ${phrase} of the table`,
  "reported-speech": (phrase) => `reports a recommendation of ${phrase}`,
};

function explain(cues: Cue[]): string {
  const parts = cues.map((cue) => REASON_TEXT[cue.reason](cue.phrase));
  const joined =
    parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `Proposed because it ${joined}.`;
}

/** Keeps one cue per reason, in a fixed order, so output never depends on discovery order. */
function orderCues(cues: Cue[]): Cue[] {
  const order: CandidateReason[] = [
    "upr-recommendation",
    "table-row",
    "reported-speech",
    "reversal-list",
    "numbered-paragraph",
    "list-item",
    "imperative",
    "modal-should",
    "modal-must",
    "needs-to",
    "calls-on",
    "urge",
  ];
  return order.flatMap((reason) => cues.find((cue) => cue.reason === reason) ?? []);
}

// ---------------------------------------------------------------------------------------------------------
// Entry point

const DESCRIPTIVE = /\b(?:is|are|was|were|has|have|had|will|would)\b/;

/** Long list items are read sentence by sentence instead of as one candidate. */
const MAX_ITEM_LENGTH = 600;

function extractProse(
  text: string,
  lines: Line[],
  sections: ProposedSection[],
  reported: boolean,
): Candidate[] {
  const found = new Map<string, Candidate>();
  let lastBody: string | null = committeeOf(text);
  let pendingBody: string | null = null; // a lead-in ("The Committee recommends that the State party:")

  const add = (
    span: Span,
    sectionIndex: number,
    cues: Cue[],
    title?: string,
    attributes: Record<string, string[]> = {},
  ) => {
    if (span.end <= span.start || cues.length === 0) return;
    const ordered = orderCues(cues);
    const reasons = ordered.map((cue) => cue.reason);
    const passage = text.slice(span.start, span.end);
    const id = `c${span.start}-${span.end}`;
    if (found.has(id)) return;
    found.set(id, {
      id,
      text: passage,
      start: span.start,
      end: span.end,
      sectionIndex,
      reasons,
      explanation: explain(ordered),
      suggestedTitle: shorten(title ?? titleFrom(passage, reasons)),
      attributes,
      tags: [],
    });
  };

  /** Reported speech: "CRC recommended that Slovenia (a) …; (b) …" → one candidate per lettered item. */
  const considerReported = (span: Span, sectionIndex: number, listItem: boolean) => {
    const passage = text.slice(span.start, span.end);
    const opening = openingBody(passage);
    const verb = REPORTED_VERB.exec(passage);
    if (listItem && !verb && pendingBody) {
      const body = pendingBody;
      add(span, sectionIndex, [{ reason: "reported-speech", phrase: body }], undefined, {
        [RECOMMENDED_BY]: [body],
      });
      return;
    }
    if (!verb) {
      if (opening) lastBody = opening;
      const modal = /(?:should|must|devrait|devraient|doit|doivent|debería|deberían|debe|deben)/iu.exec(
        passage,
      );
      if (modal && !/[?:]["'”’)]*$/.test(passage) && !DESCRIPTIVE_PAST.test(passage)) {
        const cues = findCues(passage, false);
        add(span, sectionIndex, cues, undefined, lastBody ? { [RECOMMENDED_BY]: [lastBody] } : {});
      }
      return;
    }
    // a table cell ("Visits requested", "Responses to follow-up requests") is no sentence
    if (!/[.;:!)"”’]$/.test(passage)) return;
    const body = bodyOf(passage.slice(0, verb.index), opening, lastBody, passage);
    if (body) lastBody = body;
    if (/:["'”’)]*$/.test(passage)) {
      pendingBody = body ?? lastBody;
      return;
    }
    const attributes: Record<string, string[]> = body ? { [RECOMMENDED_BY]: [body] } : {};
    const cue: Cue = { reason: "reported-speech", phrase: body ?? verb[0] };
    const afterVerb = span.start + verb.index + verb[0].length;
    const items = letteredItems(text, { start: afterVerb, end: span.end });
    if (items.length >= 2) {
      for (const item of items) add(item, sectionIndex, [cue], undefined, attributes);
      return;
    }
    add(span, sectionIndex, [cue], reportedTitle(text.slice(afterVerb, span.end)), attributes);
  };

  /** Proposes a sentence or a whole short list item: as is, split into measures, or not at all. */
  const consider = (
    span: Span,
    sectionIndex: number,
    sectionTitle: string,
    extra: Cue[],
    lowerImperative: boolean,
  ) => {
    const passage = text.slice(span.start, span.end);
    // questions, and lead-ins to a list ("The Government should:"), are not recommendations themselves
    if (/[?:]["'”’)]*$/.test(passage)) return;
    const cues = [...extra, ...findCues(passage, lowerImperative)];
    // a list item that only states facts ("116. The following recommendations will be examined…") is no
    // recommendation: with no cue but its list position, it must not read as a statement
    if (cues.length === extra.length && DESCRIPTIVE.test(passage)) return;

    if (cues.length > 0) {
      const reversal = explicitReversalItems(text, span);
      if (reversal) {
        for (const item of reversal.items) {
          const measure = flatten(text.slice(item.start, item.end));
          const note = `names one of several measures to ${reversal.verb} ("${shorten(measure)}")`;
          add(
            item,
            sectionIndex,
            [{ reason: "reversal-list", phrase: note }, ...cues],
            `${capitalize(reversal.verb)} ${measure}`,
          );
        }
        return;
      }
      add(span, sectionIndex, cues);
      return;
    }

    // a clause that only describes what someone did is no recommendation, unless its section asks for the
    // reversal of those measures ("Reverse and Revoke")
    if (!REVERSAL_SECTION.test(sectionTitle)) return;
    const listed = pastTenseClauses(text, span);
    if (!listed) return;
    const why = `sits in the section "${sectionTitle}", which calls for undoing earlier measures, and names one of them`;
    for (const clause of listed.clauses) {
      const measure = flatten(text.slice(clause.start, clause.end));
      add(clause, sectionIndex, [{ reason: "reversal-list", phrase: why }], `Reverse: ${measure}`);
    }
  };

  sections.forEach((section, sectionIndex) => {
    pendingBody = null;
    for (const unit of findUnits(lines, section)) {
      if (reported) {
        const span = trimSpan(text, unit);
        const lettered = unit.kind === "list-item" && /^\(?[\p{L}]{1,4}\)/u.test(unit.label);
        if (lettered && span.end - span.start <= MAX_ITEM_LENGTH) {
          considerReported(span, sectionIndex, true);
          continue;
        }
        if (!lettered) pendingBody = null;
        for (const sentence of splitSentences(text, span)) considerReported(sentence, sectionIndex, false);
        continue;
      }
      if (unit.kind !== "prose") {
        const span = trimSpan(text, unit);
        const cue: Cue = { reason: unit.kind, phrase: unit.label.replace(/[.)]$/, "").replace(/^\(/, "") };
        if (span.end - span.start <= MAX_ITEM_LENGTH) {
          consider(span, sectionIndex, section.title, [cue], true);
          continue;
        }
        for (const sentence of splitSentences(text, span)) {
          consider(skipRunInHeading(text, sentence), sectionIndex, section.title, [], false);
        }
        continue;
      }
      for (const sentence of splitSentences(text, unit)) {
        consider(skipRunInHeading(text, sentence), sectionIndex, section.title, [], false);
      }
    }
  });

  return [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

const DESCRIPTIVE_PAST = /\b(?:was|were|had)\b/;

/** The committee a set of concluding observations comes from, named near its start. */
function committeeOf(text: string): string | null {
  const head = text.slice(0, 3_000);
  const named =
    /\b(Committee\s+(?:on|against)\s+[^\n(,.]{3,80})/u.exec(head) ??
    /\b(Comité\s+(?:des|contre|pour|de|contra|para)\s+[^\n(,.]{3,80})/u.exec(head);
  // "Committee on the Rights of the Child considered…": the name ends before a lower-case verb
  const name = named?.[1]?.split(/\s+/) ?? [];
  const kept: string[] = [];
  for (const word of name) {
    if (kept.length > 2 && /^\p{Ll}{4,}$/u.test(word) && !/^(?:against|contra|contre)$/.test(word)) break;
    kept.push(word);
  }
  return kept.length > 0 ? kept.join(" ") : null;
}

/** A body named at the opening of a sentence: "CRC was concerned…", "In 2010, the Committee … (CERD) noted". */
function openingBody(passage: string): string | null {
  const acronym = /\(([\p{Lu}][\p{Lu}\d-]{1,9})\)/u.exec(passage.slice(0, 160));
  const first = /^[\s\d]*([\p{Lu}][\p{Lu}\d-]{1,9})\s+\p{Ll}/u.exec(passage);
  if (first?.[1]) return first[1];
  if (acronym?.[1] && acronym.index < 150) return acronym[1];
  return null;
}

const ADVERBS = new Set(
  "also further strongly again therefore inter alia aussi également outre además también asimismo".split(" "),
);

const PRONOUN = /^(?:it|she|he|they|il|elle|ils|elles|ella|él|ellos)$/i;

/** Who made the recommendation: the subject before the verb, its acronym, or the body named before. */
function bodyOf(
  rawSubject: string,
  opening: string | null,
  last: string | null,
  fullSentence = rawSubject,
): string | null {
  const subject = rawSubject.replace(/\s+/g, " ");
  const parts = (subject.split(/,\s+/).at(-1) ?? "").split(" ").filter(Boolean);
  if (/^(?:and|et|y)$/i.test(parts[0] ?? "")) parts.shift();
  while (parts.length > 0 && ADVERBS.has(trimEndOf(parts.at(-1)!, ",").toLowerCase())) parts.pop();
  let value = parts.join(" ");
  if (PRONOUN.test(value)) return last;
  const acronym = /\(([\p{Lu}][\p{Lu}\d-]{1,9})\)\s*$/u.exec(value);
  if (acronym?.[1]) return acronym[1];
  value = value.replace(/^(?:the|le|la|les|l’|l'|el|los|las)\s+/iu, "").replace(/^\d{1,3}\s+/, "");
  const words = value.split(/\s+/).filter(Boolean);
  const isClause = /\b(?:was|were|had|has|is|remained|expressed|noted)\b|\b\p{Ll}{3,}ed\b/u.test(value);
  if (
    words.length > 0 &&
    words.length <= 12 &&
    /^[\p{L}]/u.test(value) &&
    !isClause &&
    !/^(?:and|et|y)$/i.test(value)
  ) {
    if (/^committee$|^comité$/i.test(value) && last) return last;
    return capitalize(value);
  }
  // "The independent expert on sanitation and drinking water noted …, and recommended": the words before the
  // sentence's first verb
  const lead =
    /^[\s\d]*(?:[Tt]he\s+)?([\p{L}][\p{L}’'-]*(?:\s+(?!\p{Ll}+ed\b|was\b|were\b|is\b|has\b|had\b|took\b)[\p{L}][\p{L}’'-]*){0,10})\s+(?:\p{Ll}+ed|was|were|is|has|had|took)\b/u.exec(
      fullSentence,
    );
  if (
    lead?.[1] &&
    /^(?:independent|special|working|committee|comité|rapporteur|relator|experto|expert)/i.test(lead[1])
  ) {
    return capitalize(lead[1].replace(/\s+/g, " "));
  }
  return opening ?? last;
}

/** "(a) … ; (b) …; and (c) …" after the verb: one span per item (at least two items, or none). */
function letteredItems(text: string, span: Span): Span[] {
  const markers: { at: number; after: number }[] = [];
  const passage = text.slice(span.start, span.end);
  for (const match of passage.matchAll(/(?:^|[\s;:,])\((?:[a-z]|[ivx]{1,4})\)[ \t]+/g)) {
    const at = span.start + match.index + (match[0].startsWith("(") ? 0 : 1);
    markers.push({ at, after: span.start + match.index + match[0].length });
  }
  if (markers.length < 2) return [];
  return markers
    .map((marker, i) => {
      const end = markers[i + 1]?.at ?? span.end;
      let stop = end;
      // "…children; and (b)": the joining "; and" belongs to neither item
      for (let round = 0; round < 2; round++) {
        while (stop > marker.after && /[\s;,.]/.test(text[stop - 1] ?? "")) stop--;
        const word = /(?:^|\s)(?:and|or|et|ou|y|o)$/u.exec(
          text.slice(Math.max(marker.after, stop - 4), stop),
        );
        if (word) stop -= word[0].length;
      }
      return trimSpan(text, { start: marker.after, end: stop });
    })
    .filter((item) => item.end > item.start);
}

/** "that Slovenia bring its Office into compliance…" → "Bring its Office into compliance…". */
function reportedTitle(afterVerb: string): string {
  const flat = flatten(afterVerb);
  const that =
    /^(?:also\s+)?(?:that|que|à|a|al)\s+(?:the\s+|l['’]|el\s+)?[\p{Lu}][\p{L}’'-]*(?:\s+(?:party|partie|parte))?\s+(\p{Ll}.*)$/u.exec(
      flat,
    );
  const to =
    /^(?:also\s+)?(?:the\s+)?[\p{Lu}][\p{L}’'-]*(?:\s+(?:party|partie|parte))?\s+(?:to|à|a|de)\s+(\p{Ll}.*)$/u.exec(
      flat,
    );
  const rest = that?.[1] ?? to?.[1] ?? flat.replace(/^(?:also\s+)?(?:that\s+)?/, "");
  return shorten(capitalize(rest));
}

// ---------------------------------------------------------------------------------------------------------
// UN formats: drafts from lib/documents/un.ts become candidates

function fromDrafts(
  text: string,
  sections: ProposedSection[],
  drafts: Draft[],
  reason: CandidateReason,
): Candidate[] {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const draft of drafts) {
    const sectionIndex = sections.findIndex((s) => draft.start >= s.start && draft.start < s.end);
    const section = sections[sectionIndex];
    if (!section) continue;
    const span = trimSpan(text, { start: draft.start, end: Math.min(draft.end, section.end) });
    const id = `c${span.start}-${span.end}`;
    if (span.end <= span.start || seen.has(id)) continue;
    seen.add(id);
    const passage = text.slice(span.start, span.end);
    candidates.push({
      id,
      text: passage,
      start: span.start,
      end: span.end,
      sectionIndex,
      reasons: [reason],
      explanation: draft.explanation,
      suggestedTitle: shorten(capitalize(flatten(passage))),
      ...(draft.referenceId ? { referenceId: draft.referenceId } : {}),
      attributes: draft.attributes,
      tags: draft.tags ?? [],
    });
  }
  return candidates.sort((a, b) => a.start - b.start);
}

/** Sections of a thematic list: its theme rows; the text before the table is the document's preamble. */
function thematicSections(text: string, rows: ReturnType<typeof thematicRows>): ProposedSection[] {
  const sections: ProposedSection[] = [];
  const first = rows[0];
  if (first && text.slice(0, first.start).trim() !== "") {
    // the preamble ends where the first row's theme (or the row) begins
  }
  for (const row of rows) {
    const title = row.theme ?? "Recommendations";
    const last = sections.at(-1);
    if (last && last.title === title) {
      last.end = row.end;
      continue;
    }
    const start = last ? Math.max(last.end, row.start) : row.start;
    sections.push({ title, start, end: row.end });
  }
  // sections cover the text between rows too, so each row lies inside its own
  sections.forEach((section, i) => {
    const next = sections[i + 1];
    if (next) section.end = Math.max(section.end, next.start);
  });
  if (sections.length === 0) sections.push({ title: "Document", start: 0, end: text.length });
  return sections;
}

/** The title a document gives itself: a Markdown title, or the UN report's title line and its country. */
function documentTitle(text: string, lines: Line[], kind: DocumentKind): string | null {
  const markdown = /^#[ \t]+(\S[^\n]{0,150})$/m.exec(text.slice(0, 2_000));
  if (markdown?.[1]) return flatten(markdown[1]);
  if (kind !== "prose") {
    const index = lines.findIndex(
      (line, i) =>
        i < 80 &&
        /^(?:report of|compilation|summary|concluding observations|rapport|compilation|observations finales|informe|recopilación|observaciones finales)\b/i.test(
          line.text.trim(),
        ),
    );
    const line = lines[index];
    if (line) {
      const title = flatten(line.text).slice(0, 160);
      const country = lines
        .slice(index + 1, index + 6)
        .map((l) => l.text.trim())
        .find(
          (value) =>
            value !== "" &&
            value !== "*" &&
            /^\p{Lu}[\p{L} ,()'’-]{2,60}$/u.test(value) &&
            value.split(/\s+/).length <= 6,
        );
      return shorten(title.length > 80 || !country ? title : `${title}: ${country}`);
    }
  }
  // a short first line followed by a blank line, that looks like a title
  const first = lines.find((line) => line.text.trim() !== "");
  const afterFirst = first ? lines[lines.indexOf(first) + 1] : undefined;
  if (first && isBlank(afterFirst) && isTitleLike(first.text) && first.text.trim().split(/\s+/).length >= 2) {
    return flatten(first.text);
  }
  return null;
}

export type ExtractOptions = {
  /** what the format says (DOCX headings and tables), from lib/documents/parse.ts */
  structure?: DocumentStructure;
  /** a kind chosen by the reviewer instead of the detected one */
  kind?: DocumentKind;
};

export function extractRecommendations(text: string, options: ExtractOptions = {}): Extraction {
  const lines = splitLines(text);
  const kind = options.kind ?? detectKind(text, options.structure);
  const head = { kind, kindLabel: KIND_LABELS[kind], title: documentTitle(text, lines, kind) };
  if (kind === "thematic-list") {
    const rows = thematicRows(text, options.structure);
    if (rows.length > 0) {
      const sections = thematicSections(text, rows);
      return { ...head, sections, candidates: fromDrafts(text, sections, rows, "table-row") };
    }
  }
  const sections = findSections(text, lines);
  if (kind === "upr-report") {
    return {
      ...head,
      sections,
      candidates: fromDrafts(text, sections, uprRecommendations(text), "upr-recommendation"),
    };
  }
  return { ...head, sections, candidates: extractProse(text, lines, sections, kind === "reported-speech") };
}
