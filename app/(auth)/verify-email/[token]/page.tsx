import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { VerifyEmailForm } from "@/components/accounts/auth-forms";
import { getSignUpLink } from "@/lib/accounts/queries";

export async function generateMetadata() {
  const t = await getTranslations("accounts.verify");
  return { title: t("metaTitle") };
}

/**
 * The link in the sign-up email. Opening it changes nothing (mail scanners open links); the button
 * creates the account and signs in (verifyEmailAction).
 */
export default async function VerifyEmailPage({ params }: PageProps<"/verify-email/[token]">) {
  const { token } = await params;
  const link = await getSignUpLink(token);
  const t = await getTranslations("accounts.verify");
  if (link.state !== "valid") {
    return (
      <>
        <h1 className="text-lg font-semibold text-zinc-900">{t("unavailableTitle")}</h1>
        {/* i18n-keys: accounts.verify.unavailable.* */}
        <p className="mt-2 text-sm text-zinc-600">{t(`unavailable.${link.state}`)}</p>
        <div className="mt-6 flex gap-4 text-sm font-medium">
          <Link href="/sign-in" className="text-indigo-700 hover:underline">
            {t("signIn")}
          </Link>
          <Link href="/sign-up" className="text-indigo-700 hover:underline">
            {t("signUp")}
          </Link>
        </div>
      </>
    );
  }
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600">
        {t.rich("intro", {
          email: link.email ?? "",
          b: (chunks) => <span className="font-medium text-zinc-900">{chunks}</span>,
        })}
      </p>
      <div className="mt-6">
        <VerifyEmailForm token={token} />
      </div>
    </>
  );
}
