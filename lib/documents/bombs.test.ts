import { PDFDocument } from "@cantoo/pdf-lib";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DOCUMENT_LIMITS } from "@/lib/documents/limits";
import { checkDocxExpansion, DocumentParseError, parseDocument } from "@/lib/documents/parse";

async function parseError(promise: Promise<unknown>): Promise<DocumentParseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DocumentParseError) return error;
    throw error;
  }
  throw new Error("expected a DocumentParseError");
}

function bomb(megabytes: number): Uint8Array {
  return zipSync(
    {
      "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types/>'),
      "word/document.xml": new Uint8Array(megabytes * 1024 * 1024).fill(0x20),
    },
    { level: 9 },
  );
}

/** Rewrites every declared uncompressed size (local headers and central directory) to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, size, true); // local file header
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true); // central directory entry
  }
  return bytes;
}

describe("documents: decompression bombs and oversized files", () => {
  it("refuses a .docx whose central directory declares more than the limit, without inflating it", async () => {
    const zip = bomb(60);
    expect(zip.length).toBeLessThan(100 * 1024);
    const started = performance.now();
    const error = await parseError(parseDocument({ fileName: "bomb.docx", bytes: zip }));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toBe("documents.parse.docxExpands");
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("refuses a part that unpacks more than 100 times its packed size", () => {
    expect(() => checkDocxExpansion(bomb(2))).toThrow("documents.parse.docxExpands");
  });

  it("counts the bytes really inflated when the central directory lies", () => {
    const zip = lieAboutSizes(bomb(60), 1000);
    expect(() => checkDocxExpansion(zip)).toThrow("documents.parse.docxExpands");
  });

  it("refuses a PDF with more pages than the limit", async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i <= DOCUMENT_LIMITS.pdfPages; i++) pdf.addPage([100, 100]);
    const error = await parseError(parseDocument({ fileName: "pages.pdf", bytes: await pdf.save() }));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toBe("documents.parse.pdfPages");
  });
});
