import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { translatorFor } from "@/lib/i18n/server";
import type { AppLocale } from "@/i18n/locales";
import {
  summaryText,
  type LooseTranslator,
  type NotificationTranslators,
  type Summary,
} from "@/lib/notifications/summary";

/** The translators an entry's lines need, in a language (emails: the recipient's; fan-out: English). */
export async function notificationTranslators(locale: AppLocale): Promise<NotificationTranslators> {
  const [t, status] = await Promise.all([
    translatorFor(locale, "notifications"),
    translatorFor(locale, "status"),
  ]);
  return { t: t as unknown as LooseTranslator, status: status as unknown as LooseTranslator };
}

let english: Promise<NotificationTranslators> | undefined;

/**
 * A line as it is stored: `summary` is its English text (the fallback for readers that do not know the
 * key, and user text as is), `summaryData` the key and values it is rendered from in each language.
 */
export async function storedSummary(
  summary: Summary,
): Promise<{ summary: string; summaryData: Prisma.InputJsonValue | typeof Prisma.DbNull }> {
  if (summary.key === "text") return { summary: summary.text, summaryData: Prisma.DbNull };
  english ??= notificationTranslators("en");
  return { summary: summaryText(await english, summary, ""), summaryData: summary };
}
