import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/lib/server/auth/session";
import { formats } from "@/i18n/formats";
import { loadMessages } from "@/i18n/messages";
import { resolveRequestLocale } from "@/i18n/resolve";

export default getRequestConfig(async ({ locale: explicit }) => {
  const locale =
    (explicit as Awaited<ReturnType<typeof resolveRequestLocale>> | undefined) ??
    (await resolveRequestLocale());
  const user = await getCurrentUser();
  return {
    locale,
    messages: await loadMessages(locale),
    formats,
    timeZone: user?.timeZone ?? "UTC",
    now: new Date(),
  };
});
