/** Shared with the browser (parse.ts itself pulls in the PDF and Word parsers). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/**
 * The create-tracker action's payload (titles, offsets and edited texts; never the document, which stays on
 * the server with its upload) must fit the server-action body limit in next.config.js (2 MB), with room for
 * the form's other fields and multipart framing. 5,000 recommendations with 200-character titles take
 * about 1.3 MB.
 */
export const MAX_CREATE_PAYLOAD_BYTES = 1_900_000;
