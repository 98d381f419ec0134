import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/accounts/auth-forms";

export async function generateMetadata() {
  const t = await getTranslations("accounts.forgot");
  return { title: t("metaTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("accounts.forgot");
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
      <div className="mt-6">
        <ForgotPasswordForm />
      </div>
      <p className="mt-6 text-sm text-zinc-600">
        <Link href="/sign-in" className="font-medium text-indigo-700 hover:underline">
          {t("back")}
        </Link>
      </p>
    </>
  );
}
