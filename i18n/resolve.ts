import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/server/auth/session";
import { negotiateLocale } from "@/i18n/negotiate";
import {
  DEFAULT_LOCALE,
  isAppLocale,
  LOCALE_COOKIE,
  PSEUDO_LOCALE,
  type AppLocale,
  type RequestLocale,
} from "@/i18n/locales";

export const pseudoLocaleEnabled = () => process.env.PSEUDO_LOCALE === "1";

/**
 * The language of this request: the signed-in user's profile choice, else the visitor's choice (the
 * footer switcher's cookie), else the browser's Accept-Language, else English. Request-cached.
 */
export const resolveRequestLocale = cache(async (): Promise<RequestLocale> => {
  const cookieValue = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (cookieValue === PSEUDO_LOCALE && pseudoLocaleEnabled()) return PSEUDO_LOCALE;
  const user = await getCurrentUser();
  if (user && isAppLocale(user.locale)) return user.locale;
  if (isAppLocale(cookieValue)) return cookieValue;
  return negotiateLocale((await headers()).get("accept-language"));
});

/** The language of an email: the recipient's choice, else the workspace's default, else English. */
export function emailLocale(
  userLocale: string | null | undefined,
  workspaceLocale?: string | null,
): AppLocale {
  if (isAppLocale(userLocale)) return userLocale;
  if (isAppLocale(workspaceLocale)) return workspaceLocale;
  return DEFAULT_LOCALE;
}
