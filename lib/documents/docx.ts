/**
 * Turns mammoth's HTML for a .docx into the stored plain text plus what Word knew about it: heading styles
 * (h1–h6) and tables (rows of cells), as offsets into that text. Mammoth writes a small, regular subset of
 * HTML (no attributes with ">" in them, entities escaped), so a one-pass tokenizer reads it; the input is
 * bounded by the parse limits before it gets here.
 */

export type TextSpan = { start: number; end: number };
export type DocumentStructure = {
  headings: (TextSpan & { level: number })[];
  tables: { rows: { cells: TextSpan[] }[] }[];
};

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (all, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return safeCodePoint(parseInt(name.slice(2), 16), all);
    if (name.startsWith("#")) return safeCodePoint(parseInt(name.slice(1), 10), all);
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li"]);

type OpenTable = { rows: { cells: TextSpan[] }[]; cell: TextSpan | null };

export function docxHtmlToText(
  html: string,
  normalize: (text: string) => string,
): { text: string; structure: DocumentStructure } {
  const blocks: string[] = [];
  let length = 0; // length of blocks.join("\n\n")
  const structure: DocumentStructure = { headings: [], tables: [] };
  const tables: OpenTable[] = [];
  const lists: { ordered: boolean; count: number }[] = [];

  let block: { tag: string; text: string } | null = null;
  let skipDepth = 0; // inside a footnote marker or a footnote body
  let skipTag = "";

  const emit = (tag: string, raw: string) => {
    const text = normalize(raw.replace(/\s+/g, " "));
    if (text === "") return;
    const start = blocks.length === 0 ? 0 : length + 2;
    blocks.push(text);
    length = start + text.length;
    const level = /^h([1-6])$/.exec(tag)?.[1];
    if (level) structure.headings.push({ start, end: length, level: Number(level) });
    const table = tables.at(-1);
    if (table?.cell) {
      if (table.cell.start === -1) table.cell.start = start;
      table.cell.end = length;
    }
  };

  for (const match of html.matchAll(/<[^<>]*>|[^<]+|</g)) {
    const token = match[0];
    if (!token.startsWith("<")) {
      if (skipDepth === 0 && block) block.text += decodeEntities(token);
      else if (skipDepth === 0 && token.trim() !== "") emit("p", decodeEntities(token));
      continue;
    }
    const tag = /^<\/?([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase() ?? "";
    const closing = token.startsWith("</");
    if (skipDepth > 0) {
      if (tag === skipTag) skipDepth += closing ? -1 : token.endsWith("/>") ? 0 : 1;
      continue;
    }
    // footnote and endnote markers ("[1]" in a <sup><a href="#footnote-1">) and the notes themselves
    if (!closing && (tag === "sup" || tag === "li") && /id="(?:foot|end)note-\d/.test(token)) {
      skipDepth = 1;
      skipTag = tag;
      continue;
    }
    if (!closing && tag === "a" && /href="#(?:foot|end)note-/.test(token)) {
      skipDepth = 1;
      skipTag = "a";
      continue;
    }
    if (tag === "br") {
      if (block) block.text += " ";
      continue;
    }
    if (tag === "ul" || tag === "ol") {
      if (closing) lists.pop();
      else lists.push({ ordered: tag === "ol", count: 0 });
      continue;
    }
    if (tag === "table") {
      if (closing) {
        const table = tables.pop();
        if (table && tables.length === 0) structure.tables.push({ rows: table.rows });
      } else tables.push({ rows: [], cell: null });
      continue;
    }
    if (tag === "tr" && !closing) {
      tables.at(-1)?.rows.push({ cells: [] });
      continue;
    }
    if (tag === "td" || tag === "th") {
      const table = tables.at(-1);
      if (!table) continue;
      if (!closing) {
        table.cell = { start: -1, end: -1 };
      } else if (table.cell) {
        const at = blocks.length === 0 ? 0 : length;
        const cell = table.cell.start === -1 ? { start: at, end: at } : table.cell;
        table.rows.at(-1)?.cells.push(cell);
        table.cell = null;
      }
      continue;
    }
    if (BLOCKS.has(tag)) {
      if (!closing) {
        if (block) emit(block.tag, block.text);
        let prefix = "";
        if (tag === "li") {
          const list = lists.at(-1);
          if (list) list.count += 1;
          prefix = list?.ordered ? `${list.count}. ` : "• ";
        }
        block = { tag, text: prefix };
      } else if (block) {
        emit(block.tag, block.text);
        block = null;
      }
    }
  }
  if (block) emit(block.tag, block.text);
  return { text: blocks.join("\n\n"), structure };
}
