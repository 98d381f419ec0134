/**
 * Turns an uploaded or pasted policy document into plain text.
 *
 * Pure library code (no server-only import): it runs in a route handler, a worker or a test. The text it
 * returns is the reference for character offsets (the review screen highlights passages by offset), so every
 * format goes through the same `normalizeText` and nothing downstream may re-normalize it.
 */
import { Unzip, UnzipInflate, unzipSync } from "fflate";
import mammoth from "mammoth";
import { getDocumentProxy } from "unpdf";

import { DOCUMENT_LIMITS, MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
import {
  isFurniture,
  joinHyphenated,
  repairWrappedText,
  splitGluedAcronyms,
  vocabulary,
} from "@/lib/documents/layout";
import { docxHtmlToText, type DocumentStructure } from "@/lib/documents/docx";
import { trimEndOf } from "@/lib/text";

export { MAX_DOCUMENT_BYTES };

export type DocumentFormat = "txt" | "md" | "pdf" | "docx";
/**
 * `structure`, when present, holds what the format itself says about the text (DOCX heading styles, table
 * rows and cells) as offsets into `text`.
 */
export type ParsedDocument = { text: string; format: DocumentFormat; structure?: DocumentStructure };

export type DocumentParseErrorCode = "UNSUPPORTED_TYPE" | "TOO_LARGE" | "EMPTY" | "UNREADABLE" | "ENCRYPTED";

/** An expected failure; `message` is written for the person who uploaded the file. */
export class DocumentParseError extends Error {
  readonly code: DocumentParseErrorCode;

  constructor(code: DocumentParseErrorCode, message: string) {
    super(message);
    this.name = "DocumentParseError";
    this.code = code;
  }
}

/** Catalogue keys (documents.parse.*): the upload route translates them, with DOCUMENT_MESSAGE_VALUES. */
const MESSAGES = {
  unsupported: "documents.parse.unsupported",
  legacyWord: "documents.parse.legacyWord",
  otherWordProcessor: "documents.parse.otherWordProcessor",
  tooLarge: "documents.parse.tooLarge",
  empty: "documents.parse.empty",
  emptyText: "documents.parse.emptyText",
  pdfNoText: "documents.parse.pdfNoText",
  pdfUnreadable: "documents.parse.pdfUnreadable",
  pdfEncrypted: "documents.parse.pdfEncrypted",
  docxUnreadable: "documents.parse.docxUnreadable",
  docxEncrypted: "documents.parse.docxEncrypted",
  notText: "documents.parse.notText",
  docxExpands: "documents.parse.docxExpands",
  docxEntries: "documents.parse.docxEntries",
  pdfPages: "documents.parse.pdfPages",
  textTooLong: "documents.parse.textTooLong",
} as const;

const EXTENSION_FORMATS: Record<string, DocumentFormat> = {
  pdf: "pdf",
  docx: "docx",
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
};

const MIME_FORMATS: Record<string, DocumentFormat> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "text/plain": "txt",
  "text/markdown": "md",
  "text/x-markdown": "md",
};

/** Extensions that deserve a more helpful answer than "not supported". */
const CONVERTIBLE_EXTENSIONS: Record<string, string> = {
  doc: MESSAGES.legacyWord,
  dot: MESSAGES.legacyWord,
  rtf: MESSAGES.otherWordProcessor,
  odt: MESSAGES.otherWordProcessor,
  pages: MESSAGES.otherWordProcessor,
};

// ---------------------------------------------------------------------------------------------------------
// Text normalization

// C0 controls except \t and \n, DEL, C1 controls, and the byte-order mark.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/g;

/**
 * The one normalization every format shares: line ends to \n, Unicode NFC, control characters removed,
 * trailing spaces dropped, runs of blank lines collapsed to one, no leading blank lines or trailing whitespace.
 */
export function normalizeText(raw: string): string {
  const text = raw
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, "\n")
    .normalize("NFC")
    .replace(CONTROL_CHARS, "")
    .split("\n")
    .map((line) => trimEndOf(line, " \t\u00A0"))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "");
  return trimEndOf(text, "", { whitespace: true });
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F. (Node 20's TextDecoder("windows-1252") decodes Latin-1.)
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : String.fromCharCode(byte),
    );
    text += chunk.join("");
  }
  return text;
}

/** Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, otherwise Windows-1252. */
export function decodeTextBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

export function parsePastedText(text: string): ParsedDocument {
  if (new TextEncoder().encode(text).byteLength > MAX_DOCUMENT_BYTES) {
    throw new DocumentParseError("TOO_LARGE", MESSAGES.tooLarge);
  }
  const normalized = normalizeText(repairWrappedText(normalizeText(text)));
  if (normalized.trim() === "") throw new DocumentParseError("EMPTY", "documents.parse.noText");
  return { text: normalized, format: "txt" };
}

// ---------------------------------------------------------------------------------------------------------
// Type detection

type Sniffed = "pdf" | "zip" | "ole" | "binary" | "unknown";

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function sniff(bytes: Uint8Array): Sniffed {
  // The PDF header may follow some junk, but must be within the first 1024 bytes.
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && startsWith(head, [0x50, 0x44, 0x46, 0x2d], i + 1)) return "pdf"; // %PDF-
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole"; // .doc, encrypted .docx
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) || // GIF
    startsWith(bytes, [0x1f, 0x8b]) // gzip
  ) {
    return "binary";
  }
  return "unknown";
}

function extensionOf(fileName: string): string {
  const base = fileName.trim().split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  // "Report v2.1" has no extension
  return /^(?=.*[a-z])[a-z0-9]{1,8}$/.test(extension) ? extension : "";
}

function declaredFormat(
  fileName: string,
  mimeType: string | undefined,
): DocumentFormat | "none" | "unsupported" {
  const extension = extensionOf(fileName);
  if (extension) {
    const format = EXTENSION_FORMATS[extension];
    if (format) return format;
    const convertible = CONVERTIBLE_EXTENSIONS[extension];
    if (convertible) throw new DocumentParseError("UNSUPPORTED_TYPE", convertible);
    return "unsupported";
  }
  const mime = mimeType?.split(";")[0]?.trim().toLowerCase();
  if (mime && mime !== "application/octet-stream") return MIME_FORMATS[mime] ?? "unsupported";
  return "none";
}

/** Refuses a file whose name or type is not a supported document, before its bytes are read. */
export function checkDocumentType(fileName: string, mimeType: string | undefined): void {
  if (declaredFormat(fileName, mimeType) === "unsupported") {
    throw new DocumentParseError("UNSUPPORTED_TYPE", MESSAGES.unsupported);
  }
}

/** True when an OLE compound file holds an "EncryptedPackage" stream (how Office stores encrypted .docx). */
function isEncryptedOfficeFile(bytes: Uint8Array): boolean {
  const needle = Array.from("EncryptedPackage").flatMap((char) => [char.charCodeAt(0), 0]);
  const limit = Math.min(bytes.length, 1024 * 1024) - needle.length;
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === needle[0] && startsWith(bytes, needle, i)) return true;
  }
  return false;
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  const controls = sample.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  // a stray control character is noise to strip; many of them mean a binary file
  return controls >= 8 && controls / sample.length > 0.05;
}

// ---------------------------------------------------------------------------------------------------------
// Entry point

export async function parseDocument(input: {
  fileName: string;
  mimeType?: string;
  bytes: Uint8Array;
}): Promise<ParsedDocument> {
  const { bytes } = input;
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw new DocumentParseError("TOO_LARGE", MESSAGES.tooLarge);

  let format = declaredFormat(input.fileName, input.mimeType);
  if (format === "unsupported") throw new DocumentParseError("UNSUPPORTED_TYPE", MESSAGES.unsupported);
  if (bytes.byteLength === 0) throw new DocumentParseError("EMPTY", MESSAGES.empty);

  const sniffed = sniff(bytes);
  if (format === "none") {
    if (sniffed === "pdf") format = "pdf";
    else if (sniffed === "zip") format = "docx";
    else if (sniffed === "ole")
      format = "docx"; // reported below as encrypted or legacy Word
    else if (sniffed === "binary") throw new DocumentParseError("UNSUPPORTED_TYPE", MESSAGES.unsupported);
    else format = "txt";
  }

  let text: string;
  let structure: DocumentStructure | undefined;
  switch (format) {
    case "pdf":
      if (sniffed !== "pdf") throw new DocumentParseError("UNREADABLE", MESSAGES.pdfUnreadable);
      text = await pdfToText(bytes);
      if (text.trim() === "") throw new DocumentParseError("EMPTY", MESSAGES.pdfNoText);
      break;
    case "docx":
      if (sniffed === "ole") {
        if (isEncryptedOfficeFile(bytes)) throw new DocumentParseError("ENCRYPTED", MESSAGES.docxEncrypted);
        throw new DocumentParseError("UNSUPPORTED_TYPE", MESSAGES.legacyWord);
      }
      if (sniffed !== "zip") throw new DocumentParseError("UNREADABLE", MESSAGES.docxUnreadable);
      ({ text, structure } = await docxToText(bytes));
      break;
    case "txt":
    case "md": {
      if (sniffed !== "unknown") throw new DocumentParseError("UNREADABLE", MESSAGES.notText);
      const decoded = decodeTextBytes(bytes);
      if (looksBinary(decoded)) throw new DocumentParseError("UNREADABLE", MESSAGES.notText);
      text = format === "txt" ? repairWrappedText(normalizeText(decoded)) : decoded;
      break;
    }
  }

  if (text.length > DOCUMENT_LIMITS.textChars)
    throw new DocumentParseError("TOO_LARGE", MESSAGES.textTooLong);
  const normalized = normalizeText(text);
  if (normalized.trim() === "") throw new DocumentParseError("EMPTY", MESSAGES.emptyText);
  // the DOCX text is built normalized, so its structure's offsets hold; if not, the structure is dropped
  if (structure && normalized !== text) structure = undefined;
  return structure ? { text: normalized, format, structure } : { text: normalized, format };
}

// ---------------------------------------------------------------------------------------------------------
// DOCX

/**
 * Refuses a zip bomb before mammoth inflates anything: first the sizes the central directory declares
 * (read without inflating), then the bytes each part really inflates to, counted in small steps and dropped
 * (a central directory can lie). Throws a DocumentParseError.
 */
export function checkDocxExpansion(bytes: Uint8Array): void {
  const limits = DOCUMENT_LIMITS;
  let entries = 0;
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        declared += file.originalSize;
        const isBig = file.originalSize > limits.docxRatioFloorBytes;
        if (
          entries > limits.docxEntries ||
          declared > limits.docxUncompressedBytes ||
          (isBig && file.originalSize > limits.docxRatio * Math.max(file.size, 1))
        ) {
          throw new DocumentParseError(
            "TOO_LARGE",
            entries > limits.docxEntries ? MESSAGES.docxEntries : MESSAGES.docxExpands,
          );
        }
        return false; // nothing is inflated here
      },
    });
  } catch (error) {
    if (error instanceof DocumentParseError) throw error;
    throw new DocumentParseError("UNREADABLE", MESSAGES.docxUnreadable);
  }

  let inflated = 0;
  let failure: DocumentParseError | null = null;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = new DocumentParseError("UNREADABLE", MESSAGES.docxUnreadable);
        return;
      }
      inflated += chunk.length;
      if (inflated > limits.docxUncompressedBytes) {
        failure = new DocumentParseError("TOO_LARGE", MESSAGES.docxExpands);
        file.terminate();
      }
    };
    if (!failure) file.start();
  });
  unzip.register(UnzipInflate);
  // small steps: deflate expands at most ~1,032:1, so one step inflates at most ~8 MB before it is counted
  const CHUNK = 8 * 1024;
  try {
    for (let at = 0; at < bytes.length && !failure; at += CHUNK) {
      unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
    }
  } catch {
    if (!failure) failure = new DocumentParseError("UNREADABLE", MESSAGES.docxUnreadable);
  }
  if (failure) throw failure;
}

async function docxToText(bytes: Uint8Array): Promise<{ text: string; structure: DocumentStructure }> {
  checkDocxExpansion(bytes);
  let html: string;
  try {
    // mammoth's HTML keeps what plain text loses: heading styles (h1–h6) and tables (rows and cells)
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })) },
    );
    html = result.value;
  } catch {
    throw new DocumentParseError("UNREADABLE", MESSAGES.docxUnreadable);
  }
  if (html.length > DOCUMENT_LIMITS.textChars * 4)
    throw new DocumentParseError("TOO_LARGE", MESSAGES.textTooLong);
  return docxHtmlToText(html, normalizeText);
}

// ---------------------------------------------------------------------------------------------------------
// PDF

type PdfItem = {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  fontName: string;
  hasEOL: boolean;
};
type PdfLine = { text: string; x: number; y: number; right: number; fontSize: number; font: string };

function isPasswordError(error: unknown): boolean {
  return error instanceof Error && error.name === "PasswordException";
}

async function pdfToText(bytes: Uint8Array): Promise<string> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may take ownership of (detach) the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    if (isPasswordError(error)) throw new DocumentParseError("ENCRYPTED", MESSAGES.pdfEncrypted);
    throw new DocumentParseError("UNREADABLE", MESSAGES.pdfUnreadable);
  }
  try {
    if (pdf.numPages > DOCUMENT_LIMITS.pdfPages) throw new DocumentParseError("TOO_LARGE", MESSAGES.pdfPages);
    const pages: PdfLine[][] = [];
    let chars = 0;
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        chars += item.str.length;
        if (chars > DOCUMENT_LIMITS.textChars)
          throw new DocumentParseError("TOO_LARGE", MESSAGES.textTooLong);
        const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        items.push({
          str: item.str,
          x,
          y,
          width: item.width,
          fontSize: Math.hypot(c, d),
          fontName: item.fontName,
          hasEOL: item.hasEOL,
        });
      }
      pages.push(linesOfPage(items));
      page.cleanup();
    }
    const kept = removeRunningHeaders(pages);
    const words = vocabulary(kept.flatMap((lines) => lines.map((line) => line.text)).join("\n"));
    return joinPages(
      kept.map((lines) => paragraphsOfPage(lines, words)),
      words,
    );
  } catch (error) {
    if (error instanceof DocumentParseError) throw error;
    throw new DocumentParseError("UNREADABLE", MESSAGES.pdfUnreadable);
  } finally {
    await pdf.destroy();
  }
}

/** Groups text items into visual lines, in content-stream order. */
function linesOfPage(items: PdfItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  let fontChars = new Map<string, number>(); // characters per font on the current line: its main font wins
  const countFont = (item: PdfItem) => {
    fontChars.set(item.fontName, (fontChars.get(item.fontName) ?? 0) + item.str.trim().length);
    let best = 0;
    for (const [font, count] of fontChars) {
      if (current && count > best) {
        best = count;
        current.font = font;
      }
    }
  };
  let endOfLine = true;
  for (const item of items) {
    const size = item.fontSize || 10;
    // a footnote marker: a small raised number (or asterisk) next to the text of a larger line
    if (
      current !== null &&
      /^\s*(?:\d{1,3}|\*{1,3})\s*$/.test(item.str) &&
      size < current.fontSize * 0.8 &&
      Math.abs(item.y - current.y) < current.fontSize
    ) {
      continue;
    }
    const sameLine = current !== null && !endOfLine && Math.abs(item.y - current.y) < size * 0.5;
    if (item.str !== "") {
      if (current && sameLine) {
        const gap = item.x - current.right;
        const needsSpace = gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str);
        current.text += (needsSpace ? " " : "") + item.str;
        current.right = Math.max(current.right, item.x + item.width);
        current.fontSize = Math.max(current.fontSize, size);
      } else {
        current = {
          text: item.str,
          x: item.x,
          y: item.y,
          right: item.x + item.width,
          fontSize: size,
          font: item.fontName,
        };
        fontChars = new Map();
        lines.push(current);
      }
      countFont(item);
    }
    endOfLine = item.hasEOL;
  }
  return (
    lines
      // private-use code points are glyphs of symbol fonts (the UN's barcode "*1423930*"), not text
      .map((line) => ({
        ...line,
        text: line.text
          .replace(/[\uE000-\uF8FF]/g, "")
          .replace(/\s+/g, " ")
          .trim(),
      }))
      .filter((line) => line.text !== "")
  );
}

const LIST_START = /^(?:[-*•▪◦‣·–]|\(?[\p{L}\d]{1,3}[.)])\s/u;
const ENDS_PARAGRAPH = /[.!?:;]["'”’)\]]*$/;

/** Most characters' font size: the body text's. */
function bodyFontSize(pages: PdfLine[][]): number {
  const chars = new Map<number, number>();
  for (const lines of pages) {
    for (const line of lines) {
      const size = Math.round(line.fontSize * 2) / 2;
      chars.set(size, (chars.get(size) ?? 0) + line.text.length);
    }
  }
  let best = 10;
  let most = 0;
  for (const [size, count] of chars) {
    if (count > most) [best, most] = [size, count];
  }
  return best;
}

/**
 * Drops the furniture of pages. Running headers and footers: lines near the top or bottom edge of a page
 * whose text (digits aside) recurs at that edge on at least three pages and half of them. Page numbers, UN job
 * numbers ("GE.14-23930") and document symbols ("A/HRC/28/15") near an edge. Footnotes: the run of lines in a
 * smaller font at the foot of a page. Repeats until nothing changes, since removing one line bares the next.
 */
function removeRunningHeaders(pages: PdfLine[][]): PdfLine[][] {
  const body = bodyFontSize(pages);
  const EDGE = 3;
  const key = (line: PdfLine) => line.text.replace(/\d+/g, "#").toLowerCase();
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    lines.slice(0, EDGE).forEach((line) => seen.add(`top:${key(line)}`));
    lines.slice(-EDGE).forEach((line) => seen.add(`bottom:${key(line)}`));
    for (const edge of seen) counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  const threshold = Math.max(3, pages.length / 2);
  const isRunning = (edge: string) => (counts.get(edge) ?? 0) >= threshold;
  return pages.map((page) => {
    let lines = page;
    for (let round = 0; round < EDGE * 2; round++) {
      const before = lines.length;
      // footnotes: the smaller-font lines at the foot of the page (never the whole page)
      let foot = lines.length;
      while (foot > 1 && lines[foot - 1]!.fontSize < body * 0.88) foot--;
      if (foot > 0 && foot < lines.length && lines.slice(0, foot).some((l) => l.fontSize >= body * 0.88)) {
        lines = lines.slice(0, foot);
      }
      lines = lines.filter((line, i) => {
        const atTop = i < EDGE;
        const atBottom = i >= lines.length - EDGE;
        if (!atTop && !atBottom) return true;
        if (isFurniture(line.text)) return false;
        if (atTop && i === 0 && isRunning(`top:${key(line)}`)) return false;
        return !(atBottom && i === lines.length - 1 && isRunning(`bottom:${key(line)}`));
      });
      if (lines.length === before) break;
    }
    return lines;
  });
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Joins lines into paragraphs. A new paragraph starts after a vertical gap clearly larger than the page's usual
 * line spacing, at a change of font size (headings), when the text jumps up (a new column), or after a short
 * line that ends a sentence.
 */
function paragraphsOfPage(lines: PdfLine[], words: Map<string, number>): string[] {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    const gap = prev.y - line.y;
    if (gap > 0 && Math.abs(prev.fontSize - line.fontSize) < 0.5) gaps.push(gap);
  }
  const lineGap = median(gaps);
  const fullWidth = Math.max(0, ...lines.map((line) => line.right));
  const leftMargin = Math.min(...lines.map((line) => line.x));

  const paragraphs: string[] = [];
  let current = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = lines[i - 1];
    let breaks = prev === undefined;
    if (prev) {
      const gap = prev.y - line.y;
      const typical = lineGap ?? prev.fontSize * 1.2;
      const fontChanged = Math.abs(prev.fontSize - line.fontSize) > Math.max(0.5, prev.fontSize * 0.12);
      const isShort = (l: PdfLine) => l.right - leftMargin < (fullWidth - leftMargin) * 0.75;
      const shortSentenceEnd = ENDS_PARAGRAPH.test(prev.text) && isShort(prev);
      // a bold or italic heading in the body size: another font on a short line
      const styleChanged = prev.font !== line.font && (isShort(prev) || isShort(line));
      // a first-line indent (but not the hanging indent under a list marker)
      const indented = line.x - prev.x > line.fontSize * 0.8 && !LIST_START.test(prev.text);
      breaks =
        gap < -typical * 0.5 ||
        gap > typical * 1.4 ||
        fontChanged ||
        shortSentenceEnd ||
        styleChanged ||
        indented;
    }
    if (breaks) {
      if (current) paragraphs.push(current);
      current = line.text;
    } else {
      current = joinLines(current, line.text, words);
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** Joins two lines of one paragraph: a word hyphenated across the break is rejoined, otherwise one space. */
function joinLines(left: string, right: string, words: Map<string, number>): string {
  let from = left.length - 1;
  if (left.endsWith("-"))
    while (from > 0 && from > left.length - 40 && /\p{L}/u.test(left[from - 1] ?? "")) from--;
  const next = /^\p{Ll}+/u.exec(right);
  if (left.endsWith("-") && from < left.length - 1 && next) {
    const word = joinHyphenated(left.slice(from, -1), next[0], words);
    return left.slice(0, from) + word + right.slice(next[0].length);
  }
  return `${left} ${right}`;
}

/**
 * A paragraph cut by a page break is joined back: it ends without a sentence end and the next page goes on in
 * lower case or with a parenthesis ("… the rights of children" / "(Poland);").
 */
function joinPages(pages: string[][], words: Map<string, number>): string {
  const paragraphs: string[] = [];
  for (const page of pages) {
    page.forEach((paragraph) => {
      const last = paragraphs[paragraphs.length - 1];
      const continues =
        /^\p{Ll}/u.test(paragraph) || (paragraph.startsWith("(") && !LIST_START.test(paragraph));
      if (last !== undefined && !ENDS_PARAGRAPH.test(last) && continues) {
        paragraphs[paragraphs.length - 1] = joinLines(last, paragraph, words);
      } else {
        paragraphs.push(paragraph);
      }
    });
  }
  return paragraphs.map(splitGluedAcronyms).join("\n\n");
}
