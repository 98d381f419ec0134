/**
 * next-intl's request functions (getTranslations, getLocale, getFormatter, …) outside a Next.js request:
 * the same catalogues and formats, for the language a test chooses (English unless `setTestLocale`). Server
 * actions and route handlers call them through runAction / jsonRoute, which integration and trust tests
 * call directly.
 */
import { createFormatter, createTranslator } from "next-intl";
import { formats } from "@/i18n/formats";
import type { RequestLocale } from "@/i18n/locales";
import ar from "@/messages/ar-XB.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";

const catalogues = { en, fr, es, "ar-XB": ar } as Record<RequestLocale, typeof en>;
let locale: RequestLocale = "en";

/** The language of what follows ("en" by default). */
export function setTestLocale(next: RequestLocale) {
  locale = next;
}

type Options = string | { locale?: RequestLocale; namespace?: string } | undefined;

export async function getTranslations(options?: Options) {
  const chosen = (typeof options === "object" && options.locale) || locale;
  const namespace = typeof options === "string" ? options : options?.namespace;
  return createTranslator({
    locale: chosen,
    messages: catalogues[chosen],
    formats,
    timeZone: "UTC",
    ...(namespace ? { namespace: namespace as never } : {}),
    // A missing key throws here instead of printing the key.
    onError: (error) => {
      throw error;
    },
  });
}

export const getLocale = async () => locale;
export const getMessages = async () => catalogues[locale];
export const getTimeZone = async () => "UTC";
export const getNow = async () => new Date();
export const getFormatter = async () => createFormatter({ locale, formats, timeZone: "UTC" });
export const setRequestLocale = () => undefined;
