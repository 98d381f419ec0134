import { describe, expect, it } from "vitest";
import { isCursorInt, isCursorText } from "@/lib/keyset";

describe("keyset cursor values", () => {
  it.each([0, 1, -1, 2_147_483_647, -2_147_483_647])("accepts the int4 %d", (value) => {
    expect(isCursorInt(value)).toBe(true);
  });
  it.each([2_147_483_648, 3e9, 1e300, 1.5, Number.NaN, Infinity, "1", null])(
    "refuses %s as an int",
    (value) => {
      expect(isCursorInt(value)).toBe(false);
    },
  );
  it("refuses NUL characters and long strings, accepts ordinary ids and titles", () => {
    expect(isCursorText("cmx4w0cmm00092x7dbs9fo3rv")).toBe(true);
    expect(isCursorText("Réaffirmer l’engagement")).toBe(true);
    expect(isCursorText("a\u0000b")).toBe(false);
    expect(isCursorText("x".repeat(501))).toBe(false);
    expect(isCursorText(42)).toBe(false);
  });
});
