import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { IMPORT_LIMITS, ImportFileError, readImportFile } from "@/lib/import/rows";
import { localizeMessage, type RootTranslator } from "@/lib/i18n/localize";
import en from "@/messages/en.json";

const t = createTranslator({ locale: "en", messages: en }) as unknown as RootTranslator;

/** The refusal as the uploader reads it (in English): its key, translated with its values. */
function refusal(fileName: string, text: string): string {
  try {
    readImportFile(fileName, text);
  } catch (error) {
    if (error instanceof ImportFileError) return localizeMessage(t, error.message, error.values);
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("import limits: refused while reading, before the table is built", () => {
  it("JSON objects with thousands of distinct keys", () => {
    const list = Array.from({ length: 500 }, (_, i) =>
      Object.fromEntries(Array.from({ length: 20 }, (__, j) => [`key ${i}-${j}`, "x"])),
    );
    expect(refusal("wide.json", JSON.stringify(list))).toMatch(/more than 200 different columns/);
  });

  it("one JSON object with more keys than the limit", () => {
    const one = Object.fromEntries(Array.from({ length: 201 }, (_, j) => [`k${j}`, "x"]));
    expect(refusal("one.json", JSON.stringify([{ Text: "a", nested: one }]))).toMatch(/200/);
  });

  it("JSON nested 100,000 levels deep, without recursing", () => {
    expect(refusal("deep.json", "[".repeat(100_000) + "]".repeat(100_000))).toMatch(/nested more than 32/);
    // brackets inside strings are text
    const table = readImportFile("ok.json", JSON.stringify([{ Text: "[[[[".repeat(100) }]));
    expect(table.records).toHaveLength(1);
  });

  it("a JSON key or value longer than its limit", () => {
    expect(refusal("key.json", JSON.stringify([{ ["k".repeat(201)]: "x" }]))).toMatch(/column name/);
    expect(refusal("cell.json", JSON.stringify([{ Text: "x".repeat(100_001) }]))).toMatch(
      /longer than 100,000/,
    );
  });

  it("a CSV header of 50,000 columns, checked from the header row", () => {
    const header = Array.from({ length: 50_000 }, (_, i) => `c${i}`).join(",");
    expect(refusal("wide.csv", `${header}\n${"x,".repeat(50_000)}\n`)).toMatch(
      /50,000 columns; the limit is 200/,
    );
  });

  it("a CSV cell of 5 MB and a row wider than the limit", () => {
    expect(refusal("cell.csv", `Text,Email\nhello,${"a".repeat(5_000_000)}@example.org\n`)).toMatch(
      /row 2 is longer than 100,000 characters/,
    );
    expect(refusal("row.csv", `Text\n${"x,".repeat(300)}\n`)).toMatch(/Row 2 has 301 cells/);
  });

  it("keeps ordinary files as they were: sparse JSON rows, CSV rows as written", () => {
    const json = readImportFile("a.json", JSON.stringify([{ Text: "a" }, { Title: "b", Text: "c" }]));
    expect(json.headers).toEqual(["Text", "Title"]);
    expect(json.records.map((r) => r.cells)).toEqual([{ Text: "a" }, { Title: "b", Text: "c" }]);
    const csv = readImportFile("a.csv", "Text;Tags\nhello;a, b\n\nworld;c\n");
    expect(csv.records.map((r) => r.cells)).toEqual([
      { Text: "hello", Tags: "a, b" },
      { Text: "world", Tags: "c" },
    ]);
    const columns = Array.from({ length: IMPORT_LIMITS.columns }, (_, i) => `c${i}`);
    expect(readImportFile("max.csv", `${columns.join(",")}\n${columns.join(",")}\n`).headers).toHaveLength(
      200,
    );
  });
});
