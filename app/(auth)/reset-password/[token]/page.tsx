import Link from "next/link";
import { ResetPasswordForm } from "@/components/accounts/auth-forms";
import { getResetTokenState } from "@/lib/accounts/queries";

export const metadata = { title: "Choose a new password · Advocacy Tracker" };

const problems = {
  unknown: "This reset link is not valid.",
  used: "This reset link has already been used.",
  expired: "This reset link has expired.",
} as const;

export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  const state = await getResetTokenState(token);
  if (state !== "valid") {
    return (
      <>
        <h1 className="text-lg font-semibold text-zinc-900">Reset link unavailable</h1>
        <p className="mt-2 text-sm text-zinc-600">{problems[state]} Reset links work once, for 60 minutes.</p>
        <Link
          href="/forgot-password"
          className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline"
        >
          Ask for a new link
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">Choose a new password</h1>
      <p className="mt-1 text-sm text-zinc-600">This signs you out on every other device.</p>
      <div className="mt-6">
        <ResetPasswordForm token={token} />
      </div>
    </>
  );
}
