"use client";

import { useState } from "react";
import Link from "next/link";
import { MailCheck } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import {
  changePasswordAction,
  forgotPasswordAction,
  resetPasswordAction,
  signInAction,
  signUpAction,
  verifyEmailAction,
} from "@/lib/accounts/actions";
import {
  ChangePasswordSchema,
  ForgotPasswordSchema,
  PASSWORD_MIN,
  ResetPasswordSchema,
  SignInSchema,
  SignUpSchema,
  VerifyEmailSchema,
} from "@/lib/accounts/schemas";

export function SignInForm({ callbackUrl, email }: { callbackUrl?: string; email?: string }) {
  return (
    <ActionForm
      action={signInAction}
      schema={SignInSchema}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
      aria-label="Sign in"
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={email} required />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        hint={
          <Link href="/forgot-password" className="text-indigo-700 hover:underline">
            Forgot your password?
          </Link>
        }
      />
    </ActionForm>
  );
}

/** The same panel after every accepted sign-up: new address or existing account alike. */
function CheckInbox({ email }: { email: string }) {
  return (
    <div role="status" className="rounded-lg bg-indigo-50 p-4 text-sm text-indigo-950 ring-1 ring-indigo-200">
      <MailCheck aria-hidden className="mb-2 size-6 text-indigo-600" />
      <h2 className="font-semibold">Check your inbox</h2>
      <p className="mt-1">
        We are sending an email to <span className="font-medium">{email}</span>. Open the link in it to
        finish: it works once, for 24 hours. If nothing arrives within a few minutes, check your spam folder
        or try again.
      </p>
    </div>
  );
}

export function SignUpForm({ callbackUrl, email }: { callbackUrl?: string; email?: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  if (sentTo) return <CheckInbox email={sentTo} />;
  return (
    <ActionForm
      action={signUpAction}
      schema={SignUpSchema}
      submitLabel="Create account"
      pendingLabel="Creating account…"
      aria-label="Sign up"
      onSuccess={() => {
        const input = document.querySelector<HTMLInputElement>(
          'form[aria-label="Sign up"] input[name="email"]',
        );
        setSentTo(input?.value.trim() || "your address");
      }}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field name="name" label="Name" autoComplete="name" required />
      <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={email} required />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words work well; common and easily guessed passwords are refused.`}
      />
    </ActionForm>
  );
}

export function VerifyEmailForm({ token }: { token: string }) {
  return (
    <ActionForm
      action={verifyEmailAction}
      schema={VerifyEmailSchema}
      submitLabel="Confirm and sign in"
      pendingLabel="Confirming…"
      aria-label="Confirm your email"
    >
      <input type="hidden" name="token" value={token} />
    </ActionForm>
  );
}

export function ForgotPasswordForm() {
  return (
    <ActionForm
      action={forgotPasswordAction}
      schema={ForgotPasswordSchema}
      submitLabel="Send reset link"
      pendingLabel="Sending…"
      aria-label="Reset password"
    >
      <Field name="email" label="Email" type="email" autoComplete="email" required />
    </ActionForm>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <ActionForm
      action={resetPasswordAction}
      schema={ResetPasswordSchema}
      submitLabel="Set new password"
      pendingLabel="Saving…"
      aria-label="Choose a new password"
    >
      <input type="hidden" name="token" value={token} />
      <Field name="password" label="New password" type="password" autoComplete="new-password" required />
      <Field
        name="confirmPassword"
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        required
      />
    </ActionForm>
  );
}

export function ChangePasswordForm() {
  return (
    <ActionForm
      action={changePasswordAction}
      schema={ChangePasswordSchema}
      submitLabel="Change password"
      pendingLabel="Saving…"
      aria-label="Change password"
    >
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Field name="password" label="New password" type="password" autoComplete="new-password" required />
      <Field
        name="confirmPassword"
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        required
      />
    </ActionForm>
  );
}
