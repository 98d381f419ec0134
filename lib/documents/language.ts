import type { TrackerLanguage } from "@/lib/trackers/schemas";

/**
 * A cheap guess at the language a document is written in, to preselect the new tracker's content
 * language: the script for Arabic, Chinese and Russian, the most frequent function words for English,
 * French, Spanish and Portuguese. Reads the first 20,000 characters; null when no language clearly leads
 * (the creator then chooses, or leaves it "not declared"). Pure and client-safe.
 */
const WORDS: Record<"en" | "fr" | "es" | "pt", string[]> = {
  en: ["the", "and", "of", "to", "which", "should", "with", "that", "for"],
  fr: ["le", "les", "des", "et", "du", "une", "dans", "pour", "aux"],
  es: ["el", "los", "las", "del", "y", "una", "para", "con", "por"],
  pt: ["os", "das", "dos", "e", "uma", "para", "com", "não", "ao"],
};

const SCRIPTS: [TrackerLanguage, RegExp][] = [
  ["ar", /[\u0600-\u06ff]/g],
  ["ru", /[\u0400-\u04ff]/g],
  ["zh", /[\u4e00-\u9fff]/g],
];

export function detectDocumentLanguage(text: string): TrackerLanguage | null {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return null;
  for (const [language, pattern] of SCRIPTS)
    if ((sample.match(pattern)?.length ?? 0) > letters / 2) return language;
  const counts = new Map<string, number>();
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? [])
    counts.set(word, (counts.get(word) ?? 0) + 1);
  const scores = (Object.keys(WORDS) as (keyof typeof WORDS)[])
    .map((language) => ({
      language,
      score: WORDS[language].reduce((sum, word) => sum + (counts.get(word) ?? 0), 0),
    }))
    .sort((a, b) => b.score - a.score);
  const [first, second] = scores;
  if (!first || first.score < 5) return null;
  return first.score >= 1.5 * (second?.score ?? 0) ? first.language : null;
}
