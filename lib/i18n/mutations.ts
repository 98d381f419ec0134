import "server-only";
import { db } from "@/lib/server/db";
import { recordEvent } from "@/lib/server/events";
import type { AppLocale } from "@/i18n/locales";
import type { SessionUser } from "@/lib/accounts/queries";

/** A signed-in user's language (null: follow the browser). Audited; unchanged choices write nothing. */
export async function setUserLocale(user: SessionUser, locale: AppLocale | null): Promise<void> {
  if (user.locale === locale) return;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { locale } });
    await recordEvent(tx, { type: "account.language_changed", actorId: user.id, data: { locale } });
  });
}
