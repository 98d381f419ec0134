import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/accounts/auth-forms";
import { getResetTokenState } from "@/lib/accounts/queries";

export async function generateMetadata() {
  const t = await getTranslations("accounts.reset");
  return { title: t("metaTitle") };
}

export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  const state = await getResetTokenState(token);
  const t = await getTranslations("accounts.reset");
  if (state !== "valid") {
    return (
      <>
        <h1 className="text-lg font-semibold text-zinc-900">{t("unavailableTitle")}</h1>
        {/* i18n-keys: accounts.reset.unavailable.* */}
        <p className="mt-2 text-sm text-zinc-600">{t(`unavailable.${state}`)}</p>
        <Link
          href="/forgot-password"
          className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline"
        >
          {t("askNew")}
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
      <div className="mt-6">
        <ResetPasswordForm token={token} />
      </div>
    </>
  );
}
