import { describe, expect, it } from "vitest";
import { chooseLocale, negotiateLocale } from "@/i18n/negotiate";

describe("negotiateLocale", () => {
  it.each([
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["es-419,es;q=0.9", "es"],
    ["de-DE,de;q=0.9,es;q=0.5,fr;q=0.4", "es"],
    ["en-GB", "en"],
    ["fr-CA", "fr"],
    ["de, ja", "en"],
    ["", "en"],
    ["*", "en"],
    ["not a tag;q=abc,,,", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("bounds a hostile header", () => {
    expect(negotiateLocale(`${"x-".repeat(100_000)}fr`)).toBe("en");
  });
});

describe("chooseLocale", () => {
  const base = { cookie: undefined, acceptLanguage: "es-ES,es;q=0.9", pseudoEnabled: false };
  it("prefers the profile, then the cookie, then Accept-Language", () => {
    expect(chooseLocale({ ...base, profile: "fr", cookie: "en" })).toBe("fr");
    expect(chooseLocale({ ...base, profile: null, cookie: "en" })).toBe("en");
    expect(chooseLocale({ ...base, cookie: "de" })).toBe("es");
  });
  it("offers the pseudo-locale only when enabled", () => {
    expect(chooseLocale({ ...base, cookie: "ar-XB" })).toBe("es");
    expect(chooseLocale({ ...base, cookie: "ar-XB", pseudoEnabled: true, profile: "fr" })).toBe("ar-XB");
  });
});
