import "server-only";
import { PSEUDO_LOCALE, type RequestLocale } from "@/i18n/locales";
import en from "@/messages/en.json";

export type Messages = typeof en;

/**
 * The catalogue of a language. The build compiles each catalogue file (next.config.js: precompile), so the
 * pseudo-locale is a generated file too (`npm run i18n:pseudo`; a unit test keeps it in sync with English).
 */
export async function loadMessages(locale: RequestLocale): Promise<Messages> {
  switch (locale) {
    case "en":
      return en;
    case "fr":
      return (await import("@/messages/fr.json")).default as Messages;
    case "es":
      return (await import("@/messages/es.json")).default as Messages;
    case PSEUDO_LOCALE:
      return (await import("@/messages/ar-XB.json")).default as Messages;
  }
}
