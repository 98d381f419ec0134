import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/accounts/auth-forms";
import { getCurrentUser } from "@/lib/server/auth/session";
import { safeCallbackUrl } from "@/lib/accounts/schemas";

export async function generateMetadata() {
  const t = await getTranslations("accounts.signUp");
  return { title: t("metaTitle") };
}

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(
    typeof params.callbackUrl === "string" ? params.callbackUrl : undefined,
    "/",
  );
  const email = typeof params.email === "string" ? params.email : undefined;
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations("accounts.signUp");
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
      <div className="mt-6">
        <SignUpForm callbackUrl={callbackUrl} email={email} />
      </div>
      <p className="mt-6 text-sm text-zinc-600">
        {t.rich("haveAccount", {
          link: (chunks) => (
            <Link
              href={`/sign-in?${new URLSearchParams({ callbackUrl })}`}
              className="font-medium text-indigo-700 hover:underline"
            >
              {chunks}
            </Link>
          ),
        })}
      </p>
    </>
  );
}
