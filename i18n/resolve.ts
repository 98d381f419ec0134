import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/server/auth/session";
import { chooseLocale } from "@/i18n/negotiate";
import { env } from "@/lib/server/env";
import {
  DEFAULT_LOCALE,
  isAppLocale,
  LOCALE_COOKIE,
  type AppLocale,
  type RequestLocale,
} from "@/i18n/locales";

/**
 * The language of this request: the signed-in user's profile choice, else the visitor's choice (the
 * footer switcher's cookie), else the browser's Accept-Language, else English. Request-cached.
 */
export const resolveRequestLocale = cache(async (): Promise<RequestLocale> => {
  const user = await getCurrentUser();
  return chooseLocale({
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get("accept-language"),
    profile: user?.locale,
    pseudoEnabled: env().PSEUDO_LOCALE,
  });
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
