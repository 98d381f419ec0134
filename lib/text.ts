/**
 * Linear-time text helpers for user text. A trailing-run regex such as /[\s,;:]+$/ looks like a cheap trim,
 * but the engine retries it from every character of a long run that does not reach the end: quadratic on
 * an 80 KB paste of spaces. These loops touch each character once. (eslint-plugin-regexp's
 * no-super-linear-move and no-super-linear-backtracking keep such patterns out of lib/, app/, components/.)
 */

/** `text` without the trailing characters that are in `chars` (or whitespace, when `chars` includes it). */
export function trimEndOf(text: string, chars: string, { whitespace = false } = {}): string {
  let end = text.length;
  while (end > 0 && isIn(text[end - 1]!, chars, whitespace)) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the leading characters that are in `chars` (or whitespace, when asked). */
export function trimStartOf(text: string, chars: string, { whitespace = false } = {}): string {
  let start = 0;
  while (start < text.length && isIn(text[start]!, chars, whitespace)) start += 1;
  return start === 0 ? text : text.slice(start);
}

const WHITESPACE = /\s/;

function isIn(char: string, chars: string, whitespace: boolean): boolean {
  return chars.includes(char) || (whitespace && WHITESPACE.test(char));
}
