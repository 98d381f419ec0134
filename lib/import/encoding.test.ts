import { describe, expect, it } from "vitest";
import { decodeImportBytes } from "@/lib/import/encoding";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part)] : part)));

describe("decodeImportBytes", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decodeImportBytes(bytes("Côte d’Ivoire"))).toBe("Côte d’Ivoire");
    expect(decodeImportBytes(bytes([0xef, 0xbb, 0xbf], "Text"))).toBe("Text");
  });

  it("recognises Mac Roman (UPR Info's export)", () => {
    expect(decodeImportBytes(bytes("Mr. Hiss", [0x8f], "ne Habr", [0x8e], " to justice"))).toBe(
      "Mr. Hissène Habré to justice",
    );
  });

  it("keeps Windows-1252 when it reads better", () => {
    expect(decodeImportBytes(bytes("caf", [0xe9], " ", [0x93], "quoted", [0x94]))).toBe("café “quoted”");
  });
});
