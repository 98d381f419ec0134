/**
 * What the parse sandbox (lib/server/sandbox.ts) can run on untrusted bytes. Loaded inside the worker
 * thread by lib/server/parse-worker.mjs, so no `server-only` here and nothing that needs the database.
 */
import { extractRecommendations, type Extraction } from "@/lib/documents/extract";
import { parseDocument, parsePastedText, type ParsedDocument } from "@/lib/documents/parse";
import { decodeImportBytes } from "@/lib/import/encoding";
import { readImportFile, type ImportTable } from "@/lib/import/rows";

export type ParseTasks = {
  /** A file (parsed by its format) or pasted text, and the sections and candidates found in it. */
  document: {
    input:
      | { file: { fileName: string; mimeType?: string; bytes: Uint8Array }; text?: undefined }
      | { file?: undefined; text: string };
    output: { parsed: ParsedDocument; extraction: Extraction };
  };
  importTable: { input: { fileName: string; bytes: Uint8Array }; output: ImportTable };
  /** What the mapping step needs: the whole table stays in the worker. */
  importSummary: { input: { fileName: string; bytes: Uint8Array }; output: ImportSummary };
};
export type ParseTask = keyof ParseTasks;
export type ImportSummary = {
  kind: ImportTable["kind"];
  headers: string[];
  rowCount: number;
  sample: Record<string, string>[];
};

export async function runParseTask<T extends ParseTask>(
  task: T,
  input: ParseTasks[T]["input"],
): Promise<ParseTasks[T]["output"]> {
  switch (task) {
    case "document": {
      const { file, text } = input as ParseTasks["document"]["input"];
      const parsed = file ? await parseDocument(file) : parsePastedText(text ?? "");
      const output: ParseTasks["document"]["output"] = {
        parsed,
        extraction: extractRecommendations(parsed.text, { structure: parsed.structure }),
      };
      return output as ParseTasks[T]["output"];
    }
    case "importTable": {
      const { fileName, bytes } = input as ParseTasks["importTable"]["input"];
      return readImportFile(fileName, decodeImportBytes(bytes)) as ParseTasks[T]["output"];
    }
    case "importSummary": {
      const { fileName, bytes } = input as ParseTasks["importSummary"]["input"];
      const table = readImportFile(fileName, decodeImportBytes(bytes));
      const output: ImportSummary = {
        kind: table.kind,
        headers: table.headers,
        rowCount: table.records.length,
        sample: table.records.slice(0, 5).map((r) => r.cells),
      };
      return output as ParseTasks[T]["output"];
    }
    default:
      throw new Error(`Unknown parse task ${String(task)}`);
  }
}
