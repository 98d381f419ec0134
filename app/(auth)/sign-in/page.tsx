import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/accounts/auth-forms";
import { getCurrentUser } from "@/lib/server/auth/session";
import { safeCallbackUrl } from "@/lib/accounts/schemas";

export const metadata = { title: "Sign in · Advocacy Tracker" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(
    typeof params.callbackUrl === "string" ? params.callbackUrl : undefined,
    "/",
  );
  const email = typeof params.email === "string" ? params.email : undefined;
  if (await getCurrentUser()) redirect(callbackUrl);
  const signUpHref = `/sign-up?${new URLSearchParams({ callbackUrl, ...(email ? { email } : {}) })}`;
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">Sign in</h1>
      {params.signedOut === "all" ? (
        <p role="status" className="mt-2 text-sm text-zinc-600">
          You were signed out on every device.
        </p>
      ) : null}
      <div className="mt-6">
        <SignInForm callbackUrl={callbackUrl} email={email} />
      </div>
      <p className="mt-6 text-sm text-zinc-600">
        New here?{" "}
        <Link href={signUpHref} className="font-medium text-indigo-700 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
