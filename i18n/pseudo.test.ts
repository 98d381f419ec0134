import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pseudoCatalogue, pseudoMessage } from "@/i18n/pseudo";

describe("pseudo-locale", () => {
  it("keeps placeholders, plurals and tags and changes only the words", () => {
    const out = pseudoMessage("{count, plural, one {# item} other {# items}} by <b>{name}</b>");
    expect(out).toMatch(/^⟦\{count,plural,one\{# .+\} other\{# .+\}\} .+ <b>\{name\}<\/b>⟧$/);
    expect(out).not.toContain("item");
  });

  it("makes strings longer, as translations often are", () => {
    const english = "Recommendations assigned to you";
    expect(pseudoMessage(english).length).toBeGreaterThan(english.length * 1.1);
  });

  it("messages/ar-XB.json is up to date with the English catalogue (npm run i18n:pseudo)", () => {
    const dir = path.join(import.meta.dirname, "../messages");
    const en = JSON.parse(fs.readFileSync(path.join(dir, "en.json"), "utf8"));
    const pseudo = JSON.parse(fs.readFileSync(path.join(dir, "ar-XB.json"), "utf8"));
    expect(pseudo).toEqual(pseudoCatalogue(en));
  });
});
