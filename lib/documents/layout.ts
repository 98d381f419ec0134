/**
 * Repairs what page layout does to running text: words hyphenated across a line break, lines joined without
 * a space, and the furniture of PDF pages (document symbols, "GE.14-23930", page numbers). Pure and linear:
 * every regex here is free of nested quantifiers, and every input is bounded before it gets here.
 */

/** Word fragments that keep their hyphen when a line break splits them ("anti-\npersonnel"). */
const HYPHEN_PREFIXES = new Set(
  "anti co cross ex full high inter long low multi non post pre pro re self semi so un well zero socio cost".split(
    " ",
  ),
);

/** Lower-case word counts of a text: which spelling ("decision-making" or "decisionmaking") it uses elsewhere. */
export function vocabulary(text: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const match of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
    const word = match[0].toLowerCase();
    words.set(word, (words.get(word) ?? 0) + 1);
  }
  return words;
}

/**
 * How a word split across lines as `left-` + `right` is written: with its hyphen (a compound, "anti-personnel",
 * "German-speaking") or without (a word broken by hyphenation, "admin-istration"). The document's own usage
 * decides first; then a known prefix or a capitalized first part keeps the hyphen.
 */
export function joinHyphenated(left: string, right: string, words: Map<string, number>): string {
  const hyphenated = `${left}-${right}`;
  const joined = `${left}${right}`;
  const withHyphen = words.get(hyphenated.toLowerCase()) ?? 0;
  const without = words.get(joined.toLowerCase()) ?? 0;
  if (withHyphen > without) return hyphenated;
  if (without > withHyphen) return joined;
  if (HYPHEN_PREFIXES.has(left.toLowerCase()) || /^\p{Lu}/u.test(right)) return hyphenated;
  if (/^\p{Lu}\p{Ll}/u.test(left) && left.length > 3 && !/^\p{Lu}/u.test(left.slice(1))) {
    // "German-speaking", "Roma-related": a proper noun before the hyphen is a compound
    return words.has(left.toLowerCase()) ? joined : hyphenated;
  }
  return joined;
}

/**
 * "UNHuman Rights" → "UN Human Rights": an acronym glued to the next capitalized word when two lines were
 * joined without a space. Only the clear case (two or more capitals, then a capital and two lower-case letters)
 * is split; "UNESCO", "NGOs" and "McDonald" are left alone.
 */
export function splitGluedAcronyms(line: string): string {
  return line
    .replace(/\b(\p{Lu}{2,5})(?=\p{Lu}\p{Ll}{2})/gu, "$1 ")
    .replace(/\b(and|of|the|for|with|from|into)(?=\p{Lu}\p{Ll}{2})/gu, "$1 ");
}

/**
 * Repairs hard-wrapped plain text in place of its line breaks: "admin-\nistration, reaffirm" becomes
 * "administration,\nreaffirm" (the line break moves after the word, so lines stay lines), compounds keep
 * their hyphen, and glued acronyms get their space back.
 */
export function repairWrappedText(text: string): string {
  if (!text.includes("-\n")) return text.split("\n").map(splitGluedAcronyms).join("\n");
  const words = vocabulary(text);
  let out = "";
  let from = 0;
  // walk the "-\n" breaks with indexOf and look around each by hand: a regex starting at every letter of
  // a long word would be quadratic
  for (let at = text.indexOf("-\n"); at !== -1; at = text.indexOf("-\n", at + 2)) {
    if (at < from) continue;
    let left = at;
    while (left > from && left > at - 40 && /\p{L}/u.test(text[left - 1] ?? "")) left--;
    let next = at + 2;
    while (next < text.length && (text[next] === " " || text[next] === "\t")) next++;
    let right = next;
    while (right < text.length && right < next + 40 && /\p{Ll}/u.test(text[right] ?? "")) right++;
    if (left === at || right === next) continue;
    let rest = right;
    while (rest < text.length && !/\s/.test(text[rest] ?? "") && rest < right + 40) rest++;
    let after = rest;
    if (text[after] === " " || text[after] === "\t") after++;
    out += text.slice(from, left) + joinHyphenated(text.slice(left, at), text.slice(next, right), words);
    out += text.slice(right, rest) + (rest >= text.length || text[rest] === "\n" ? "" : "\n");
    from = after;
  }
  out += text.slice(from);
  return out.split("\n").map(splitGluedAcronyms).join("\n");
}

/** A UN document symbol alone on a line: "A/HRC/28/15", "A/HRC/WG.6/20/SVN/2", "CRC/C/SVN/CO/3-4". */
export const DOCUMENT_SYMBOL = /^(?:[A-Z]{1,6}\/)(?:[A-Z0-9.-]{1,12}\/){1,6}[A-Z0-9.-]{1,12}(?:\s*\(E\))?$/;
/** The UN's job number: "GE.14-23930", "GE.14-23930 (E)", "GE.25-02819 3", "*1423930*". */
export const JOB_NUMBER =
  /^(?:\d{1,4}\s+)?(?:GE\.\d{2}-\d{4,6}(?:\s*\(\p{L}\))?|\*\d{5,9}\*)(?:\s+\d{1,4})?$/u;
export const PAGE_NUMBER = /^(?:page\s+|p\.\s*)?\d{1,4}(?:\s*(?:of|\/|de)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$/i;

/** A line that is page furniture wherever it stands: a page number, a job number, a document symbol. */
export function isFurniture(line: string): boolean {
  const value = line.trim();
  return PAGE_NUMBER.test(value) || JOB_NUMBER.test(value) || DOCUMENT_SYMBOL.test(value);
}
