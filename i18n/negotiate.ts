import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, LOCALES, type AppLocale } from "@/i18n/locales";

/** The best of our languages for an Accept-Language header (RFC 4647 lookup with CLDR distances). */
export function negotiateLocale(acceptLanguage: string | null | undefined): AppLocale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  // Bounded before parsing: a header is a few dozen bytes; anything longer is hostile or broken.
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage.slice(0, 512) } })
    .languages()
    .filter((tag) => tag !== "*")
    .slice(0, 20);
  try {
    return match(requested, LOCALES, DEFAULT_LOCALE) as AppLocale;
  } catch {
    // A malformed tag makes Intl throw: fall back rather than fail the page.
    return DEFAULT_LOCALE;
  }
}
