import Link from "next/link";
import { ForgotPasswordForm } from "@/components/accounts/auth-forms";

export const metadata = { title: "Reset your password · Advocacy Tracker" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-lg font-semibold text-zinc-900">Reset your password</h1>
      <p className="mt-1 text-sm text-zinc-600">
        We&apos;ll email you a link that works once, for 60 minutes.
      </p>
      <div className="mt-6">
        <ForgotPasswordForm />
      </div>
      <p className="mt-6 text-sm text-zinc-600">
        <Link href="/sign-in" className="font-medium text-indigo-700 hover:underline">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
