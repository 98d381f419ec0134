import { describe, expect, it } from "vitest";
import { BoundedTaskError, PARSE_LIMITS, runBounded } from "@/lib/server/sandbox";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function failure(promise: Promise<unknown>): Promise<BoundedTaskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BoundedTaskError) return error;
    throw error;
  }
  throw new Error("expected a BoundedTaskError");
}

describe("parse sandbox (worker thread with limits)", () => {
  it("parses a document and an import file in a worker", async () => {
    const doc = await runBounded("document", {
      file: { fileName: "a.txt", bytes: utf8("Recommendations\n\nThe State should ratify the treaty.") },
    });
    expect(doc.parsed.format).toBe("txt");
    expect(doc.extraction.sections.length).toBeGreaterThan(0);
    const table = await runBounded("importTable", { fileName: "a.csv", bytes: utf8("Text\nhello\n") });
    expect(table.records).toEqual([{ cells: { Text: "hello" } }]);
  });

  it("brings a task's own refusal back with its name, code and message", async () => {
    const error = await failure(
      runBounded("document", { file: { fileName: "a.txt", bytes: utf8("  \t ") } }),
    );
    expect(error.reason).toBe("REFUSED");
    expect(error.remote).toMatchObject({ name: "DocumentParseError", code: "EMPTY" });
  });

  it("stops a task at its deadline and when its heap runs out, and the next task runs normally", async () => {
    const csv = utf8(`Text\n${"hello world\n".repeat(400_000)}`);
    const slow = await failure(
      runBounded("importTable", { fileName: "a.csv", bytes: csv }, { ...PARSE_LIMITS, timeoutMs: 50 }),
    );
    expect(slow.reason).toBe("TIMEOUT");
    const heavy = await failure(
      runBounded(
        "importTable",
        { fileName: "a.csv", bytes: csv },
        { ...PARSE_LIMITS, maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4, maxRssGrowthMb: 4096 },
      ),
    );
    expect(heavy.reason).toBe("MEMORY");
    const table = await runBounded("importTable", { fileName: "a.csv", bytes: utf8("Text\nagain\n") });
    expect(table.records).toHaveLength(1);
  });
});
