import "server-only";
import { pseudoCatalogue } from "@/i18n/pseudo";
import { PSEUDO_LOCALE, type RequestLocale } from "@/i18n/locales";
import en from "@/messages/en.json";

export type Messages = typeof en;

let pseudo: Messages | undefined;

/** The catalogue of a language. The pseudo-locale is derived from English once per process (pure, so safe). */
export async function loadMessages(locale: RequestLocale): Promise<Messages> {
  switch (locale) {
    case "en":
      return en;
    case "fr":
      return (await import("@/messages/fr.json")).default as Messages;
    case "es":
      return (await import("@/messages/es.json")).default as Messages;
    case PSEUDO_LOCALE:
      return (pseudo ??= pseudoCatalogue(en) as Messages);
  }
}
