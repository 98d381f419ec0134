import fs from "node:fs";
import path from "node:path";
import { parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "@/i18n/client-namespaces";
import { LOCALES } from "@/i18n/locales";

/**
 * The catalogues stay complete and clean: every key in every language, every message valid ICU with the
 * same placeholders in each language, no key that no code uses, and client components only use the
 * namespaces that are sent to the browser. See docs/i18n.md for the conventions this relies on.
 */

const root = path.resolve(import.meta.dirname, "../..");
type Catalogue = { [key: string]: string | Catalogue };

const catalogues = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    JSON.parse(fs.readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as Catalogue,
  ]),
);

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(catalogues[locale]!)]));
const englishKeys = [...flat.en!.keys()];

/** Placeholder names of a message (arguments, plural/select variables, tags), sorted. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const element of elements) {
      if ("value" in element && typeof element.value === "string" && element.type !== 0)
        names.add(element.value);
      if ("options" in element) for (const option of Object.values(element.options)) walk(option.value);
      if ("children" in element) {
        names.add(`<${element.value}>`);
        walk(element.children);
      }
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "generated" || entry.name === "node_modules") continue;
      out.push(...sourceFiles(rel));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const files = ["app", "components", "lib", "i18n", "proxy.ts"].flatMap((p) =>
  p.endsWith(".ts") ? [p] : sourceFiles(p),
);
const sources = new Map(files.map((file) => [file, fs.readFileSync(path.join(root, file), "utf8")]));

/**
 * Keys the code uses. A translator is bound to a namespace by `useTranslations("ns")`,
 * `getTranslations("ns")`, `getTranslations({ namespace: "ns" })` or `translatorFor(locale, "ns")`;
 * its calls `t("key")`, `t.rich("key")`, `t.markup("key")` and `t.has("key")` use "ns.key". A string
 * literal equal to a whole key (zod messages, DalError keys, key maps) uses that key. Keys built at run
 * time are declared with a comment: `// i18n-keys: status.*.label` (a * matches one segment).
 */
function usedKeys(): { exact: Set<string>; patterns: RegExp[] } {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  const binding =
    /(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations|translatorFor)\(\s*(?:[\w.]+\s*,\s*)?(?:"([\w.]*)"|\{[^}]*namespace:\s*"([\w.]+)"[^}]*\})?\s*\)/g;
  for (const source of sources.values()) {
    for (const match of source.matchAll(binding)) {
      const [, name, ns1, ns2] = match;
      const ns = ns1 ?? ns2 ?? "";
      const call = new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.has)?\\(\\s*["'\`]([\\w.]+)["'\`]`, "g");
      for (const use of source.matchAll(call)) exact.add(ns ? `${ns}.${use[1]}` : use[1]!);
    }
    for (const literal of source.matchAll(/["'`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)["'`]/g)) exact.add(literal[1]!);
    for (const declared of source.matchAll(/i18n-keys:\s*([\w.*,\s]+)/g))
      for (const pattern of declared[1]!.split(/[,\s]+/).filter(Boolean))
        patterns.push(new RegExp(`^${pattern.replace(/\./g, "\\.").replace(/\*/g, "[\\w-]+")}$`));
  }
  return { exact, patterns };
}

describe("message catalogues", () => {
  it("have the same keys in every language", () => {
    for (const locale of LOCALES) {
      const keys = new Set(flat[locale]!.keys());
      expect({ locale, missing: englishKeys.filter((key) => !keys.has(key)) }).toEqual({
        locale,
        missing: [],
      });
      expect({ locale, extra: [...keys].filter((key) => !flat.en!.has(key)) }).toEqual({ locale, extra: [] });
    }
  });

  it("hold valid ICU messages with the same placeholders in every language", () => {
    const problems: string[] = [];
    for (const key of englishKeys) {
      const expected = placeholders(flat.en!.get(key)!);
      for (const locale of LOCALES) {
        const message = flat[locale]!.get(key);
        if (message === undefined) continue;
        if (message.trim() === "") problems.push(`${locale} ${key}: empty`);
        try {
          const got = placeholders(message);
          if (got.join() !== expected.join()) problems.push(`${locale} ${key}: ${got} ≠ ${expected}`);
        } catch (error) {
          problems.push(`${locale} ${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("have no key that no code uses", () => {
    const { exact, patterns } = usedKeys();
    const unused = englishKeys.filter((key) => !exact.has(key) && !patterns.some((p) => p.test(key)));
    expect(unused).toEqual([]);
  });

  it("send client components every namespace they use", () => {
    const problems: string[] = [];
    for (const [file, source] of sources) {
      if (!/^\s*["']use client["']/.test(source)) continue;
      for (const match of source.matchAll(/useTranslations\(\s*"([\w]+)/g))
        if (!(CLIENT_NAMESPACES as readonly string[]).includes(match[1]!))
          problems.push(`${file}: namespace "${match[1]}" is not in i18n/client-namespaces.ts`);
    }
    expect(problems).toEqual([]);
  });
});
