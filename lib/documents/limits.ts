/** Shared with the browser (parse.ts itself pulls in the PDF and Word parsers). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/**
 * Bounds on the work one document can cause, checked by lib/documents/parse.ts while it reads (in the parse
 * sandbox, lib/server/sandbox.ts, which adds a heap cap, a deadline and a memory watchdog). A 62 KB .docx once
 * inflated to 2.8 GB.
 */
export const DOCUMENT_LIMITS = {
  /** what a .docx may unpack to, in total, by its central directory and as really inflated */
  docxUncompressedBytes: 50 * 1024 * 1024,
  /** parts (zip entries) in a .docx; real ones have a few dozen, plus one per embedded image */
  docxEntries: 2_000,
  /** a part larger than docxRatioFloorBytes may unpack to at most this many times its packed size */
  docxRatio: 100,
  docxRatioFloorBytes: 1024 * 1024,
  pdfPages: 1_000,
  /** characters of text extracted from any document (as many as a plain-text file may hold) */
  textChars: MAX_DOCUMENT_BYTES,
} as const;

/**
 * The create-tracker action's payload (titles, offsets and edited texts; never the document, which stays on
 * the server with its upload) must fit the server-action body limit in next.config.js (2 MB), with room for
 * the form's other fields and multipart framing. 5,000 recommendations with 200-character titles take
 * about 1.3 MB.
 */
export const MAX_CREATE_PAYLOAD_BYTES = 1_900_000;

/** The numbers the parse messages (documents.parse.*) name, as their ICU values. */
export const DOCUMENT_MESSAGE_VALUES = {
  mb: MAX_DOCUMENT_BYTES / 1024 / 1024,
  docxMb: DOCUMENT_LIMITS.docxUncompressedBytes / 1024 / 1024,
  entries: DOCUMENT_LIMITS.docxEntries,
  pages: DOCUMENT_LIMITS.pdfPages,
  chars: DOCUMENT_LIMITS.textChars,
};
