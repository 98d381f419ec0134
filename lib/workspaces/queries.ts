import "server-only";
import { db } from "@/lib/server/db";
import { DEFAULT_LOCALE, isAppLocale, type AppLocale } from "@/i18n/locales";

export async function getWorkspaceOverview(workspaceId: string) {
  const [memberCount, trackerCount] = await Promise.all([
    db.membership.count({ where: { workspaceId } }),
    db.tracker.count({ where: { workspaceId, archivedAt: null } }),
  ]);
  return { memberCount, trackerCount };
}

/** The language of emails to members who have not chosen one ("en" when the stored value is not ours). */
export async function getWorkspaceLanguage(workspaceId: string): Promise<AppLocale> {
  const { defaultLocale } = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { defaultLocale: true },
  });
  return isAppLocale(defaultLocale) ? defaultLocale : DEFAULT_LOCALE;
}
