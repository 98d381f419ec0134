import Link from "next/link";
import { VerifyEmailForm } from "@/components/accounts/auth-forms";
import { getSignUpLink } from "@/lib/accounts/queries";

export const metadata = { title: "Confirm your email · Advocacy Tracker" };

const problems = {
  unknown: "This link is not valid.",
  used: "This link has already been used, or a newer one was sent.",
  expired: "This link has expired.",
} as const;

/**
 * The link in the sign-up email. Opening it changes nothing (mail scanners open links); the button
 * creates the account and signs in (verifyEmailAction).
 */
export default async function VerifyEmailPage({ params }: PageProps<"/verify-email/[token]">) {
  const { token } = await params;
  const link = await getSignUpLink(token);
  if (link.state !== "valid") {
    return (
      <>
        <h1 className="text-lg font-semibold text-zinc-900">Link unavailable</h1>
        <p className="mt-2 text-sm text-zinc-600">
          {problems[link.state]} If you already confirmed your address, sign in; otherwise sign up again.
        </p>
        <div className="mt-6 flex gap-4 text-sm font-medium">
          <Link href="/sign-in" className="text-indigo-700 hover:underline">
            Sign in
          </Link>
          <Link href="/sign-up" className="text-indigo-700 hover:underline">
            Sign up
          </Link>
        </div>
      </>
    );
  }
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">Confirm your email</h1>
      <p className="mt-1 text-sm text-zinc-600">
        Finish creating the account for <span className="font-medium text-zinc-900">{link.email}</span>.
      </p>
      <div className="mt-6">
        <VerifyEmailForm token={token} />
      </div>
    </>
  );
}
