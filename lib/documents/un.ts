/**
 * Rules for the UN's own document formats, in English, French and Spanish: what kind a document is, the
 * recommending States at the end of a UPR recommendation, the position a UPR report states, and the rows of
 * OHCHR's thematic lists. Pure and deterministic; every regex is linear; offsets point into the text as given.
 * The rules name formats and the UN's fixed phrases, never the wording of one document.
 */
import type { DocumentStructure, TextSpan } from "@/lib/documents/docx";

export type DocumentKind = "upr-report" | "thematic-list" | "reported-speech" | "prose";

export const DOCUMENT_KINDS: DocumentKind[] = ["upr-report", "thematic-list", "reported-speech", "prose"];

/** English names of the kinds, for the extraction's own output; the review screen names them with documentsClient.kinds.* */
export const KIND_LABELS: Record<DocumentKind, string> = {
  "upr-report": "a UPR Working Group report",
  "thematic-list": "an OHCHR thematic list of recommendations",
  "reported-speech": "a UN compilation or concluding observations (recommendations in reported speech)",
  prose: "prose: an essay, article or NGO report",
};

/** Attribute names written on recommendations (Recommendation.attributes keeps them by name). */
export const RECOMMENDED_BY = "Recommended by";
export const POSITION = "Position";

// ---------------------------------------------------------------------------------------------------------
// Detection

/** "115.1 Ratify…", "121.215. Continuer…": a UPR recommendation's number at the start of a line. */
export const UPR_ITEM = /^[ \t]*(\d{1,3})\.(\d{1,3})\.?[ \t]+(?=\S)/;
const UPR_LEAD_IN = /^[ \t]*(\d{1,3})\.[ \t]+(?=\S)/;
const UPR_TITLE = /universal periodic review|examen p[ée]riodique universel|examen peri[óo]dico universal/i;
const WORKING_GROUP = /working group|groupe de travail|grupo de trabajo/i;
const TABLE_RECOMMENDATION = /recommendation|recommandation|recomendaci[óo]n/i;
const TABLE_POSITION = /position|posici[óo]n/i;
/** A body reporting what it recommended: the verbs of UN compilations and concluding observations. */
export const REPORTED_VERB =
  /\b(?:recommended|recommends|urged|urges|encouraged|encourages|invited|invites|called\s+(?:up)?on|calls\s+(?:up)?on|requested|requests|a\s+recommandé|recommande|recommandé|a\s+engagé|engage|a\s+exhorté|exhorte|a\s+invité|invite|a\s+demandé|demande|recomendó|recomienda|instó|insta|alentó|alienta|exhortó|exhorta|pidió|pide|solicitó|solicita)\b/iu;
const STATE_PARTY = /\b(?:the\s+State\s+party|l[’']État\s+partie|(?:el|al)\s+Estado\s+parte)\b/iu;

export function thematicTable(structure: DocumentStructure | undefined, text: string) {
  return structure?.tables.find((table) => {
    const header = table.rows[0]?.cells.map((cell) => text.slice(cell.start, cell.end)) ?? [];
    const numbered = table.rows.filter((row) => {
      const first = row.cells[0];
      return first !== undefined && UPR_ITEM.test(text.slice(first.start, first.end));
    });
    return (
      header.some((cell) => TABLE_RECOMMENDATION.test(cell)) &&
      header.some((cell) => TABLE_POSITION.test(cell)) &&
      numbered.length >= 3
    );
  });
}

export function detectKind(text: string, structure?: DocumentStructure): DocumentKind {
  if (thematicTable(structure, text)) return "thematic-list";
  const head = text.slice(0, 5_000);
  let numbered = 0;
  for (const line of text.split("\n")) if (UPR_ITEM.test(line)) numbered++;
  if (numbered >= 5 && UPR_TITLE.test(head) && WORKING_GROUP.test(head)) {
    return "upr-report";
  }
  let reported = 0;
  for (const match of text.matchAll(new RegExp(REPORTED_VERB.source, "giu"))) {
    if (match.index >= 0) reported++;
    if (reported >= 6) break;
  }
  if (reported >= 6 || (reported >= 2 && STATE_PARTY.test(text))) return "reported-speech";
  return "prose";
}

// ---------------------------------------------------------------------------------------------------------
// Recommending States: "(France)", "(Portugal, Slovakia)", "(Iran (Islamic Republic of))", "(France) (Lithuania)"

/** Splits at top-level commas (and a final "and"/"et"/"y"). */
function splitNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    else if ((char === "," || char === ";") && depth === 0) {
      names.push(value.slice(from, i));
      from = i + 1;
    }
  }
  names.push(value.slice(from));
  return names.map((name) => name.replace(/^\s*(?:and|et|y)\s+/i, "").trim()).filter((name) => name !== "");
}

/** Words that name instruments and institutions, never a State: "(the Istanbul Convention)". */
const NOT_A_STATE =
  /\b(?:convention|covenant|protocol|act|law|code|committee|council|commission|programme|program|strategy|principles|declaration|charter|statute|convenio|convención|protocolo|ley|comité|consejo|loi|comité|conseil|pacte)\b/i;

/** A State's name: capitalized (after an article), some lower case (not an acronym), no digits, a few words. */
function isStateName(raw: string): boolean {
  const name = raw.replace(/^(?:the|la|le|les|el|los|las)\s+/i, "");
  if (!/\p{Lu}/u.test(name) || !/\p{Ll}/u.test(name) || /\d/.test(name) || NOT_A_STATE.test(name))
    return false;
  const words = name
    .replace(/\([^()]{0,60}\)/g, "")
    .trim()
    .split(/\s+/);
  if (words.length > 9 || name.length > 80) return false;
  // every word capitalized, or a short linking word ("of", "and", "former", "de", "del", "y", "d’Ivoire")
  return words.every(
    (word) =>
      /^[\p{Lu}(’'"]/u.test(word) || /^\p{Ll}{1,6}$/u.test(word) || /^\p{Ll}{1,3}['’]\p{Lu}/u.test(word),
  );
}

/**
 * The recommending States at the end of a passage, and where the recommendation's own text ends.
 * Reads parenthesized groups backwards from the end, past the final ";" or ".", while they hold State names.
 */
export function trailingStates(text: string, span: TextSpan): { end: number; states: string[] } {
  let end = span.end;
  const skip = (at: number) => {
    let i = at;
    while (i > span.start && /[\s;.,]/.test(text[i - 1] ?? "")) i--;
    return i;
  };
  let cursor = skip(end);
  const groups: string[][] = [];
  for (let round = 0; round < 6 && text[cursor - 1] === ")"; round++) {
    let depth = 0;
    let open = -1;
    for (let i = cursor - 1; i >= Math.max(span.start, cursor - 400); i--) {
      const char = text[i];
      if (char === ")") depth++;
      else if (char === "(") {
        depth--;
        if (depth === 0) {
          open = i;
          break;
        }
      }
    }
    if (open < 0) break;
    const names = splitNames(text.slice(open + 1, cursor - 1));
    if (names.length === 0 || !names.every(isStateName)) break;
    groups.unshift(names);
    end = open;
    cursor = open;
    while (cursor > span.start && /\s/.test(text[cursor - 1] ?? "")) cursor--;
  }
  if (groups.length === 0) return { end: span.end, states: [] };
  while (end > span.start && /[\s,;]/.test(text[end - 1] ?? "")) end--;
  return { end, states: groups.flat() };
}

// ---------------------------------------------------------------------------------------------------------
// Positions

export type Position = "Supported" | "Noted" | "Pending";

/** What a UPR report's lead-in paragraph says of the recommendations it introduces. */
export function statedPosition(leadIn: string): Position | null {
  const value = leadIn.replace(/\s+/g, " ");
  if (
    /did not enjoy the support|not (?:enjoy|accepted|supported)|(?:have been|were|are|will be) noted|took note|ont été notées|prend note|pris note|n['’]ont pas recueilli|no cuentan con el apoyo|no contaron con el apoyo|tom[óa] nota|han sido anotadas|fueron anotadas/i.test(
      value,
    )
  ) {
    return "Noted";
  }
  if (
    /enjoy(?:ed)? the support|have been accepted|are accepted|were accepted|bénéficient? (?:du|de son) soutien|ont recueilli l['’]adhésion|ont été acceptées|cuentan con el apoyo|contaron con el apoyo|han sido aceptadas|fueron aceptadas/i.test(
      value,
    )
  ) {
    return "Supported";
  }
  if (/will be examined|will examine|examinera|seront examinées|examinará|serán examinadas/i.test(value)) {
    return "Pending";
  }
  return null;
}

/** A position cell of a thematic list: "Supported", "Noted", "Soutenue", "Notée", "Aceptada", "Anotada". */
export function positionOfCell(value: string): Position | null {
  const first = value.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  if (/^(?:supported|accepted|soutenue?s?|accept[ée]e?s?|apoyadas?|aceptadas?)$/.test(first))
    return "Supported";
  if (/^(?:noted|not[ée]e?s?|anotadas?|rechazadas?|rejected)$/.test(first)) return "Noted";
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// UPR Working Group report

export type Draft = {
  start: number;
  end: number;
  referenceId?: string;
  attributes: Record<string, string[]>;
  tags?: string[];
  explanation: string;
};

type Line = { start: number; end: number; text: string };

function linesOf(text: string): Line[] {
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

/**
 * One draft per numbered recommendation ("115.1 …"): the number is its reference id, the States in the
 * closing parentheses are "Recommended by" (and leave the text), the position stated by the paragraph that
 * introduces them ("The following recommendations enjoy the support of…") is "Position".
 */
export function uprRecommendations(text: string): Draft[] {
  const lines = linesOf(text);
  const drafts: Draft[] = [];
  let parent: string | null = null;
  let position: Position | null = null;
  let item: { start: number; end: number; number: string } | null = null;

  const finish = () => {
    if (!item) return;
    let start = item.start;
    while (start < item.end && /\s/.test(text[start] ?? "")) start++;
    const { end, states } = trailingStates(text, { start, end: item.end });
    let last = end;
    while (last > start && /[\s;,]/.test(text[last - 1] ?? "")) last--;
    if (last > start) {
      const attributes: Record<string, string[]> = {};
      if (states.length > 0) attributes[RECOMMENDED_BY] = states;
      if (position) attributes[POSITION] = [position];
      drafts.push({
        start,
        end: last,
        referenceId: item.number,
        attributes,
        explanation: `Proposed because it is recommendation ${item.number} of the report${states.length > 0 ? `, made by ${states.join(", ")}` : ""}.`,
      });
    }
    item = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const numbered = UPR_ITEM.exec(line.text);
    if (numbered?.[1] && numbered[2] && (parent === null || numbered[1] === parent)) {
      finish();
      parent = numbered[1];
      item = {
        start: line.start + numbered[0].length,
        end: line.end,
        number: `${numbered[1]}.${numbered[2]}`,
      };
      continue;
    }
    const leadIn = UPR_LEAD_IN.exec(line.text);
    if (leadIn?.[1]) {
      finish();
      // a new top-level paragraph: it may introduce the next recommendations and state their position
      let body = line.text;
      for (let j = i + 1; j < lines.length && lines[j]!.text.trim() !== "" && j < i + 8; j++) {
        body += ` ${lines[j]!.text}`;
      }
      parent = leadIn[1];
      position = statedPosition(body);
      continue;
    }
    if (!item) continue;
    if (line.text.trim() === "") {
      // a blank line ends the item unless the text goes on in lower case or with "(" (a page break)
      let next = i + 1;
      while (next < lines.length && lines[next]!.text.trim() === "") next++;
      const following = lines[next]?.text.trim() ?? "";
      if (/^[\p{Ll}(]/u.test(following) && !/^\([\p{L}\d]{1,3}\)\s/u.test(following)) continue;
      finish();
      continue;
    }
    // a heading line ("Annex", "II. …") ends it too
    if (/^[ \t]*(?:[IVXLC]{1,6}|[A-Z])\.[ \t]+\p{Lu}/u.test(line.text)) {
      finish();
      continue;
    }
    item.end = line.end;
  }
  finish();
  return drafts;
}

// ---------------------------------------------------------------------------------------------------------
// OHCHR thematic list (a table: recommendation · position · themes · assessment)

export type ThematicRow = Draft & { theme: string | null };

const THEME_CODE = /^[A-H]\d{1,2}\s+\S/;
const SOURCE_LINE = /^(?:source of position|source de la position|fuente de la posici[óo]n)\s*:/i;

/** Paragraphs of a cell: its text split at blank lines, with offsets. */
function paragraphsOf(text: string, cell: TextSpan): TextSpan[] {
  const spans: TextSpan[] = [];
  let from = cell.start;
  for (;;) {
    const gap = text.indexOf("\n\n", from);
    const end = gap === -1 || gap >= cell.end ? cell.end : gap;
    if (end > from) spans.push({ start: from, end });
    if (end >= cell.end) return spans;
    from = end + 2;
  }
}

export function thematicRows(text: string, structure: DocumentStructure | undefined): ThematicRow[] {
  const table = thematicTable(structure, text);
  if (!table) return [];
  const header = table.rows[0]!.cells.map((cell) => text.slice(cell.start, cell.end));
  const positionColumn = Math.max(
    1,
    header.findIndex((cell) => TABLE_POSITION.test(cell)),
  );
  const themeColumn = header.findIndex((cell) => /theme|thème|tema/i.test(cell));
  const rows: ThematicRow[] = [];
  let theme: string | null = null;
  for (const row of table.rows.slice(1)) {
    const first = row.cells[0];
    if (!first) continue;
    const firstText = text.slice(first.start, first.end);
    const numbered = UPR_ITEM.exec(firstText);
    if (row.cells.length === 1 || !numbered) {
      // a row spanning the table names the theme of the rows below: "Theme: A12 Acceptance of…"
      if (row.cells.length === 1 && firstText.trim() !== "") {
        theme = firstText.replace(/^\s*(?:theme|thème|tema)\s*:\s*/i, "").trim();
      }
      continue;
    }
    const paragraphs = paragraphsOf(text, first).filter(
      (span) => !SOURCE_LINE.test(text.slice(span.start, span.end)),
    );
    const body = paragraphs[0];
    if (!body) continue;
    const start = body.start + numbered[0].length;
    const last = paragraphs.at(-1)!;
    const { end, states } = trailingStates(text, { start, end: last.end });
    let stop = end;
    while (stop > start && /[\s;,]/.test(text[stop - 1] ?? "")) stop--;
    const attributes: Record<string, string[]> = {};
    if (states.length > 0) attributes[RECOMMENDED_BY] = states;
    const positionCell = row.cells[positionColumn];
    const position = positionCell ? positionOfCell(text.slice(positionCell.start, positionCell.end)) : null;
    if (position) attributes[POSITION] = [position];
    const themeCell = row.cells[themeColumn >= 0 ? themeColumn : 2];
    const tags = themeCell
      ? paragraphsOf(text, themeCell)
          .map((span) => text.slice(span.start, span.end).trim())
          .filter((line) => THEME_CODE.test(line))
          .map((line) => line.slice(0, 60))
      : [];
    const number = `${numbered[1]}.${numbered[2]}`;
    rows.push({
      start,
      end: stop,
      referenceId: number,
      attributes,
      tags,
      theme,
      explanation: `Proposed because it is row ${number} of the thematic list${position ? ` (${position.toLowerCase()})` : ""}.`,
    });
  }
  return rows;
}
