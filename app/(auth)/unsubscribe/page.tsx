import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getUnsubscribeLink } from "@/lib/notifications/queries";
import { routes } from "@/lib/routes";
import { Button } from "@/components/ui/button";

export async function generateMetadata() {
  const t = await getTranslations("notifications.unsubscribe");
  return { title: t("metaTitle") };
}

/**
 * The unsubscribe link in notification emails. Opening it changes nothing (mail scanners open links); the
 * button posts to the one-click address (the same one mail clients use, RFC 8058) and comes back here.
 */
export default async function UnsubscribePage({ searchParams }: PageProps<"/unsubscribe">) {
  const { token, done } = await searchParams;
  const link = typeof token === "string" ? await getUnsubscribeLink(token) : null;
  const t = await getTranslations("notifications");
  if (!link || typeof token !== "string") {
    return (
      <>
        <h1 className="text-lg font-semibold text-zinc-900">{t("unsubscribe.invalidTitle")}</h1>
        <p className="mt-2 text-sm text-zinc-600">{t("unsubscribe.invalidBody")}</p>
        <Link
          href={`${routes.account()}#notifications`}
          className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline"
        >
          {t("unsubscribe.settingsLink")}
        </Link>
      </>
    );
  }
  // i18n-keys: notifications.kinds.*.topic, notifications.kinds.*.hint
  const topic = t(`kinds.${link.kind}.topic`);
  if (done === "1" || link.isOff) {
    return (
      <>
        <h1 className="text-lg font-semibold text-zinc-900">{t("unsubscribe.doneTitle")}</h1>
        <p className="mt-2 text-sm text-zinc-600" role="status">
          {t("unsubscribe.doneBody", { topic })}
        </p>
        <Link
          href={`${routes.account()}#notifications`}
          className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline"
        >
          {t("unsubscribe.changeSettings")}
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">{t("unsubscribe.askTitle", { topic })}</h1>
      <p className="mt-2 text-sm text-zinc-600">
        {t("unsubscribe.askBody", { hint: t(`kinds.${link.kind}.hint`) })}
      </p>
      <form method="post" action={routes.api.unsubscribe(token)} className="mt-6">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <Button type="submit" className="w-full">
          {t("unsubscribe.button")}
        </Button>
      </form>
    </>
  );
}
