import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/accounts/auth-forms";
import { getCurrentUser } from "@/lib/server/auth/session";
import { safeCallbackUrl } from "@/lib/accounts/schemas";

export async function generateMetadata() {
  const t = await getTranslations("accounts.signIn");
  return { title: t("metaTitle") };
}

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(
    typeof params.callbackUrl === "string" ? params.callbackUrl : undefined,
    "/",
  );
  const email = typeof params.email === "string" ? params.email : undefined;
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations("accounts.signIn");
  const signUpHref = `/sign-up?${new URLSearchParams({ callbackUrl, ...(email ? { email } : {}) })}`;
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">{t("title")}</h1>
      {params.signedOut === "all" ? (
        <p role="status" className="mt-2 text-sm text-zinc-600">
          {t("signedOutAll")}
        </p>
      ) : null}
      <div className="mt-6">
        <SignInForm callbackUrl={callbackUrl} email={email} />
      </div>
      <p className="mt-6 text-sm text-zinc-600">
        {t.rich("newHere", {
          link: (chunks) => (
            <Link href={signUpHref} className="font-medium text-indigo-700 hover:underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </>
  );
}
