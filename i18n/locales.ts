/**
 * The languages of the UI and of emails. Pure and client-safe: the one list every part reads.
 * Adding a language is a catalogue in messages/ and a line here; the layout is written with logical CSS
 * properties, so a right-to-left language needs nothing more (see docs/i18n.md and the "ar-XB" check).
 */
export const LOCALES = ["en", "fr", "es"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";

/**
 * A right-to-left pseudo-locale: the English catalogue with accented, elongated strings, written right to
 * left. It exists to prove the layout survives RTL and longer translations; it is offered only when
 * PSEUDO_LOCALE=1 (the end-to-end server sets it), never to users.
 */
export const PSEUDO_LOCALE = "ar-XB";
export type RequestLocale = AppLocale | typeof PSEUDO_LOCALE;

/** Each language named in itself, as language pickers do. */
export const LOCALE_NAMES: Record<AppLocale, string> = { en: "English", fr: "Français", es: "Español" };

/** The cookie that carries a signed-out visitor's choice (and mirrors a signed-in user's profile). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur"]);

export function directionOf(locale: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(locale.split("-")[0]!.toLowerCase()) ? "rtl" : "ltr";
}
