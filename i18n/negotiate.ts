import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import {
  DEFAULT_LOCALE,
  isAppLocale,
  LOCALES,
  PSEUDO_LOCALE,
  type AppLocale,
  type RequestLocale,
} from "@/i18n/locales";

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

/**
 * The language of a request: the pseudo-locale when enabled and chosen, else the signed-in user's profile
 * language, else the visitor's choice (the footer switcher's cookie), else Accept-Language, else English.
 * i18n/resolve.ts (pages, actions) and proxy.ts (which runs before any user is known) both decide here.
 */
export function chooseLocale(input: {
  cookie: string | undefined;
  acceptLanguage: string | null;
  profile?: string | null;
  pseudoEnabled: boolean;
}): RequestLocale {
  if (input.cookie === PSEUDO_LOCALE && input.pseudoEnabled) return PSEUDO_LOCALE;
  if (isAppLocale(input.profile)) return input.profile;
  if (isAppLocale(input.cookie)) return input.cookie;
  return negotiateLocale(input.acceptLanguage);
}
