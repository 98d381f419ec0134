import "server-only";
import { createFormatter, createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { formats } from "@/i18n/formats";
import { loadMessages, type Messages } from "@/i18n/messages";
import type { AppLocale } from "@/i18n/locales";

/**
 * A translator outside a request (emails, background jobs): the recipient's language, not the request's.
 * Inside a request use getTranslations() / useTranslations().
 */
export async function translatorFor<NS extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(
  locale: AppLocale,
  namespace: NS,
) {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages, namespace, formats, timeZone: "UTC" });
}

/** Dates and numbers for a recipient (emails): timeZone is theirs, when known. */
export function formatterFor(locale: AppLocale, timeZone = "UTC") {
  return createFormatter({ locale, formats, timeZone });
}
