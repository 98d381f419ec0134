import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getUnsubscribeLink } from "@/lib/notifications/queries";
import { routes } from "@/lib/routes";
import { Button } from "@/components/ui/button";

export async function generateMetadata() {
  const t = await getTranslations("accounts.unsubscribe");
  return { title: t("metaTitle") };
}

/**
 * The unsubscribe link in notification emails. Opening it changes nothing (mail scanners open links); the
 * button posts to the one-click address (the same one mail clients use, RFC 8058) and comes back here.
 */
export default async function UnsubscribePage({ searchParams }: PageProps<"/unsubscribe">) {
  const { token, done } = await searchParams;
  const link = typeof token === "string" ? await getUnsubscribeLink(token) : null;
  const t = await getTranslations("accounts.unsubscribe");
  if (!link || typeof token !== "string") {
    return (
      <>
        <h1 className="text-lg font-semibold text-zinc-900">{t("invalidTitle")}</h1>
        <p className="mt-2 text-sm text-zinc-600">{t("invalidBody")}</p>
        <Link
          href={`${routes.account()}#notifications`}
          className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline"
        >
          {t("settings")}
        </Link>
      </>
    );
  }
  const topic = t("topic", { kind: link.kind });
  if (done === "1" || link.isOff) {
    return (
      <>
        <h1 className="text-lg font-semibold text-zinc-900">{t("doneTitle")}</h1>
        <p className="mt-2 text-sm text-zinc-600" role="status">
          {t("doneBody", { topic })}
        </p>
        <Link
          href={`${routes.account()}#notifications`}
          className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline"
        >
          {t("changeSettings")}
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">{t("confirmTitle", { topic })}</h1>
      <p className="mt-2 text-sm text-zinc-600">
        {t("confirmBody", { hint: t("hint", { kind: link.kind }) })}
      </p>
      <form method="post" action={routes.api.unsubscribe(token)} className="mt-6">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <Button type="submit" className="w-full">
          {t("submit")}
        </Button>
      </form>
    </>
  );
}
