import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/accounts/auth-forms";
import { LanguageSetting } from "@/components/accounts/language-setting";
import { SignOutEverywhereButton } from "@/components/accounts/sign-out-everywhere";
import { requireUser } from "@/lib/server/auth/session";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { NotificationSettingsForm } from "@/components/notifications/settings-form";
import { getNotificationSettings } from "@/lib/notifications/queries";
import { timeZones } from "@/lib/notifications/rules";
import { isAppLocale } from "@/i18n/locales";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("metaTitle") };
}

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const user = await requireUser("/account");
  const { changed } = await searchParams;
  const settings = await getNotificationSettings(user);
  const t = await getTranslations("account");
  return (
    <main className="mx-auto max-w-2xl space-y-6 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600">
          {user.name} · {user.email}
        </p>
      </div>
      {changed ? <Alert variant="success">{t("passwordChanged")}</Alert> : null}
      <Card title={t("languageTitle")} titleId="language" description={t("languageDescription")}>
        <LanguageSetting current={isAppLocale(user.locale) ? user.locale : ""} />
      </Card>
      <Card title={t("changePassword")} titleClassName="mb-4">
        <ChangePasswordForm />
      </Card>
      <Card
        title={t("notificationsTitle")}
        titleId="notifications"
        description={t("notificationsDescription")}
        className="scroll-mt-20"
      >
        <NotificationSettingsForm
          timeZone={settings.timeZone}
          zones={timeZones()}
          channels={settings.channels}
        />
      </Card>
      <Card title={t("sessionsTitle")} description={t("sessionsDescription")}>
        <SignOutEverywhereButton />
      </Card>
    </main>
  );
}
