/** Shared with the browser (parse.ts itself pulls in the PDF and Word parsers). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
