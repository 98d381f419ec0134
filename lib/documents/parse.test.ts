import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "@cantoo/pdf-lib";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { extractRecommendations } from "@/lib/documents/extract";
import {
  DocumentParseError,
  MAX_DOCUMENT_BYTES,
  normalizeText,
  parseDocument,
  parsePastedText,
} from "@/lib/documents/parse";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function parseError(promise: Promise<unknown>): Promise<DocumentParseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DocumentParseError) return error;
    throw error;
  }
  throw new Error("expected a DocumentParseError");
}

// ---------------------------------------------------------------------------------------------------------
// Fixtures built in the test: a real .docx (docx) and real PDFs (pdf-lib)

async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "Recommendations to the Government", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun("The government should repeal the foreign agents law.")] }),
          new Paragraph({
            children: [
              new TextRun("It must also "),
              new TextRun({ text: "release", bold: true }),
              new TextRun(" detained journalists."),
            ],
          }),
          new Paragraph({ text: "Follow-up", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "Report back to the Human Rights Council within one year." }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

type PdfBlock = { lines: string[]; size?: number; gapAfter?: number };

function drawBlocks(page: PDFPage, font: PDFFont, blocks: PdfBlock[], top = 780) {
  let y = top;
  for (const block of blocks) {
    const size = block.size ?? 11;
    for (const line of block.lines) {
      page.drawText(line, { x: 56, y, size, font });
      y -= size * 1.35;
    }
    y -= block.gapAfter ?? size;
  }
}

async function makePdf(pages: PdfBlock[][], options: { header?: string; userPassword?: string } = {}) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  pages.forEach((blocks, i) => {
    const page = doc.addPage([595, 842]);
    if (options.header) page.drawText(options.header, { x: 56, y: 810, size: 8, font });
    drawBlocks(page, font, blocks);
    page.drawText(String(i + 1), { x: 290, y: 30, size: 8, font });
  });
  if (options.userPassword !== undefined)
    doc.encrypt({ userPassword: options.userPassword, ownerPassword: "owner-secret" });
  return doc.save();
}

const paragraphOne = [
  "The Committee is concerned about the use of pretrial detention, which remains widespread",
  "in all regions and affects children. It calls on the State party to limit its use to excep-",
  "tional cases.",
];
const paragraphTwo = [
  "The State party should also ensure that every detainee has access to a lawyer from the",
  "outset of deprivation of liberty.",
];

// ---------------------------------------------------------------------------------------------------------

describe("parseDocument: docx", () => {
  it("extracts headings and paragraphs in order, one blank line apart", async () => {
    const parsed = await parseDocument({ fileName: "recommendations.docx", bytes: await makeDocx() });
    expect(parsed.format).toBe("docx");
    expect(parsed.text).toBe(
      [
        "Recommendations to the Government",
        "The government should repeal the foreign agents law.",
        "It must also release detained journalists.",
        "Follow-up",
        "Report back to the Human Rights Council within one year.",
      ].join("\n\n"),
    );
  });

  it("feeds the extractor: headings become sections, sentences candidates", async () => {
    const parsed = await parseDocument({ fileName: "recommendations.docx", bytes: await makeDocx() });
    const extraction = extractRecommendations(parsed.text);
    expect(extraction.sections.map((section) => section.title)).toEqual([
      "Recommendations to the Government",
      "Follow-up",
    ]);
    expect(extraction.candidates.map((candidate) => candidate.suggestedTitle)).toEqual([
      "Repeal the foreign agents law",
      "Release detained journalists",
      "Report back to the Human Rights Council within one year",
    ]);
  });

  it("reports a damaged .docx as unreadable", async () => {
    const bytes = (await makeDocx()).slice(0, 200);
    const error = await parseError(parseDocument({ fileName: "broken.docx", bytes }));
    expect(error.code).toBe("UNREADABLE");
  });

  it("recognises a password-protected Word file (an OLE container with an EncryptedPackage stream)", async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(
      Array.from("EncryptedPackage").flatMap((char) => [char.charCodeAt(0), 0]),
      1200,
    );
    const error = await parseError(parseDocument({ fileName: "secret.docx", bytes }));
    expect(error.code).toBe("ENCRYPTED");
    expect(error.message).toBe("documents.parse.docxEncrypted");
    // the same container without the stream is an old .doc file
    const legacy = await parseError(parseDocument({ fileName: "old.docx", bytes: bytes.slice(0, 1000) }));
    expect(legacy.code).toBe("UNSUPPORTED_TYPE");
  });
});

describe("parseDocument: pdf", () => {
  it("joins the lines of a paragraph and keeps a blank line between heading and paragraphs", async () => {
    const bytes = await makePdf([
      [{ lines: ["Concluding Observations"], size: 16 }, { lines: paragraphOne }, { lines: paragraphTwo }],
    ]);
    const parsed = await parseDocument({ fileName: "report.pdf", mimeType: "application/pdf", bytes });
    expect(parsed.format).toBe("pdf");
    expect(parsed.text).toBe(
      [
        "Concluding Observations",
        "The Committee is concerned about the use of pretrial detention, which remains widespread in all " +
          "regions and affects children. It calls on the State party to limit its use to exceptional cases.",
        "The State party should also ensure that every detainee has access to a lawyer from the outset of " +
          "deprivation of liberty.",
      ].join("\n\n"),
    );
  });

  it("drops running headers and page numbers and rejoins a paragraph cut by a page break", async () => {
    const bytes = await makePdf(
      [
        [
          { lines: ["Introduction"], size: 16 },
          { lines: ["The Government should repeal the law on foreign"] },
        ],
        [
          { lines: ["agents without delay."] },
          { lines: ["Recommendations"], size: 16 },
          { lines: paragraphTwo },
        ],
        [{ lines: ["Parliament must adopt the bill."] }],
      ],
      { header: "Ruritania: Alternative Report 2024" },
    );
    const parsed = await parseDocument({ fileName: "alt-report.pdf", bytes });
    expect(parsed.text).not.toContain("Alternative Report");
    expect(parsed.text).not.toMatch(/^\d+$/m);
    expect(parsed.text).toContain("The Government should repeal the law on foreign agents without delay.");
    const sections = extractRecommendations(parsed.text).sections.map((section) => section.title);
    expect(sections).toEqual(["Introduction", "Recommendations"]);
  });

  it("detects a password-protected PDF", async () => {
    const bytes = await makePdf([[{ lines: paragraphTwo }]], { userPassword: "s3cret" });
    const error = await parseError(parseDocument({ fileName: "locked.pdf", bytes }));
    expect(error.code).toBe("ENCRYPTED");
    expect(error.message).toBe("documents.parse.pdfEncrypted");
  });

  it("reads a PDF encrypted with an owner password only (it opens without a password)", async () => {
    const bytes = await makePdf([[{ lines: paragraphTwo }]], { userPassword: "" });
    const parsed = await parseDocument({ fileName: "restricted.pdf", bytes });
    expect(parsed.text).toContain("access to a lawyer");
  });

  it("says when a PDF has no text (a scan)", async () => {
    const bytes = await makePdf([[]]);
    const error = await parseError(parseDocument({ fileName: "scan.pdf", bytes }));
    expect(error.code).toBe("EMPTY");
    expect(error.message).toBe("documents.parse.pdfNoText");
  });

  it("reports random bytes named .pdf as unreadable", async () => {
    const bytes = new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 251);
    expect((await parseError(parseDocument({ fileName: "report.pdf", bytes }))).code).toBe("UNREADABLE");
    const truncated = (await makePdf([[{ lines: paragraphTwo }]])).slice(0, 300);
    expect((await parseError(parseDocument({ fileName: "report.pdf", bytes: truncated }))).code).toBe(
      "UNREADABLE",
    );
  });

  it("sniffs a PDF that comes without a file extension", async () => {
    const bytes = await makePdf([[{ lines: paragraphTwo }]]);
    const parsed = await parseDocument({ fileName: "Alternative report v2.1", bytes });
    expect(parsed.format).toBe("pdf");
    expect(parsed.text).toContain("access to a lawyer");
  });
});

describe("parseDocument: limits and types", () => {
  it("rejects an empty file", async () => {
    const error = await parseError(parseDocument({ fileName: "empty.txt", bytes: new Uint8Array() }));
    expect(error.code).toBe("EMPTY");
    expect(error.message).toBe("documents.parse.empty");
    const blank = await parseError(parseDocument({ fileName: "blank.md", bytes: utf8(" \r\n\t\n") }));
    expect(blank.code).toBe("EMPTY");
  });

  it("rejects unsupported types by name", async () => {
    for (const fileName of ["data.xlsx", "photo.png", "slides.pptx", "archive.zip"]) {
      const error = await parseError(parseDocument({ fileName, bytes: utf8("PK\u0003\u0004 whatever") }));
      expect(error.code).toBe("UNSUPPORTED_TYPE");
      expect(error.message).toBe("documents.parse.unsupported");
    }
    const legacy = await parseError(parseDocument({ fileName: "OLD.DOC", bytes: utf8("x") }));
    expect(legacy.code).toBe("UNSUPPORTED_TYPE");
    expect(legacy.message).toBe("documents.parse.legacyWord");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await parseError(parseDocument({ fileName: "upload", bytes: png }))).code).toBe(
      "UNSUPPORTED_TYPE",
    );
    expect((await parseError(parseDocument({ fileName: "notes.txt", bytes: png }))).code).toBe("UNREADABLE");
  });

  it("rejects files over 10 MB", async () => {
    const bytes = new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x61);
    const error = await parseError(parseDocument({ fileName: "big.txt", bytes }));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toBe("documents.parse.tooLarge");
    const exactly = await parseDocument({ fileName: "max.txt", bytes: bytes.subarray(1) });
    expect(exactly.text.length).toBe(MAX_DOCUMENT_BYTES);
  });

  it("uses the MIME type when the name has no extension", async () => {
    const parsed = await parseDocument({
      fileName: "notes",
      mimeType: "text/markdown",
      bytes: utf8("# Title\n"),
    });
    expect(parsed).toEqual({ text: "# Title", format: "md" });
    const error = await parseError(
      parseDocument({ fileName: "sheet", mimeType: "text/csv", bytes: utf8("a,b") }),
    );
    expect(error.code).toBe("UNSUPPORTED_TYPE");
  });
});

describe("text normalization", () => {
  it("normalizes line ends, control characters and trailing spaces, and keeps the rest", async () => {
    const raw = "\uFEFF\r\nTitle  \r\n\r\nFirst\u0000 line\rsecond\tline \u000B\r\n\n\n\nEnd.\u0007  \n\n";
    const parsed = await parseDocument({ fileName: "notes.TXT", bytes: utf8(raw) });
    expect(parsed).toEqual({ text: "Title\n\nFirst line\nsecond\tline\n\nEnd.", format: "txt" });
  });

  it("decodes Windows-1252 text that is not valid UTF-8", async () => {
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]); // Café “q”
    const parsed = await parseDocument({ fileName: "legacy.txt", bytes });
    expect(parsed.text).toBe("Café “q”");
  });

  it("reads Markdown as md and keeps its markup", async () => {
    const parsed = await parseDocument({
      fileName: "agenda.markdown",
      bytes: utf8("## Steps\r\n\r\n- Ratify"),
    });
    expect(parsed).toEqual({ text: "## Steps\n\n- Ratify", format: "md" });
  });

  it("composes Unicode (NFC) so offsets match what people see", () => {
    expect(normalizeText("Cafe\u0301")).toBe("Café");
  });

  it("parses pasted text the same way", () => {
    expect(parsePastedText("  Line one  \r\nLine two\r\n")).toEqual({
      text: "  Line one\nLine two",
      format: "txt",
    });
    expect(() => parsePastedText(" \n\t ")).toThrowError(DocumentParseError);
    try {
      parsePastedText("a".repeat(MAX_DOCUMENT_BYTES + 1));
    } catch (error) {
      expect(error).toBeInstanceOf(DocumentParseError);
      expect((error as DocumentParseError).code).toBe("TOO_LARGE");
    }
  });
});
