"use server";

import { cookies } from "next/headers";
import { success, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/server/auth/session";
import { formToObject, runAction } from "@/lib/server/run-action";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { ChooseLocaleSchema } from "@/lib/i18n/schemas";
import { setUserLocale } from "@/lib/i18n/mutations";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Chooses the language: for a visitor, a cookie; for a signed-in user, also their profile (so emails and
 * other devices follow). Setting the cookie makes Next re-render the page in the new language.
 */
export async function chooseLanguageAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(ChooseLocaleSchema, formToObject(form), async ({ locale }) => {
    const user = await getCurrentUser();
    if (user) await setUserLocale(user, locale);
    const jar = await cookies();
    if (locale)
      jar.set(LOCALE_COOKIE, locale, { path: "/", maxAge: YEAR_SECONDS, sameSite: "lax", httpOnly: true });
    else jar.delete(LOCALE_COOKIE);
    return success();
  });
}
