/** @mentions are written as "@Full Name"; a name counts when it is followed by a non-word character or the end. */
export function findMentionedNames(body: string, names: string[]): string[] {
  const longestFirst = [...new Set(names)].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  for (const name of longestFirst) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(`(^|[^\\w@])@${escaped}(?![\\w])`, "u").test(body)) found.push(name);
  }
  return found;
}

/** The "@query" being typed just before the caret, if any. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = before.match(/(^|\s)@([\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}'’.-]*)?)$/u);
  if (!match) return null;
  const query = match[2] ?? "";
  return { start: caret - query.length - 1, query };
}
